//! Merging two copies of progress: two open tabs, or an imported file.
//! Every review from both is kept once, and each card keeps the memory
//! written by its latest review.

use std::collections::BTreeSet;

use super::Progress;

impl Progress {
    /// Folds `other` into `self`. Settings stay as in `self`.
    pub fn merge(&mut self, other: &Progress) {
        for (card, theirs) in &other.cards {
            match self.cards.get(card) {
                Some(ours) if ours.last_review >= theirs.last_review => {}
                _ => {
                    self.cards.insert(card.clone(), theirs.clone());
                }
            }
        }
        for (card, at) in &other.missed {
            let reviewed_since = self.cards.get(card).is_some_and(|m| m.last_review >= *at);
            if !reviewed_since && self.missed.get(card).is_none_or(|ours| ours < at) {
                self.missed.insert(card.clone(), *at);
            }
        }
        let seen: BTreeSet<(String, i64)> = self
            .reviews
            .iter()
            .map(|r| (r.card.clone(), r.at.timestamp_millis()))
            .collect();
        let missing: Vec<_> = other
            .reviews
            .iter()
            .filter(|r| !seen.contains(&(r.card.clone(), r.at.timestamp_millis())))
            .cloned()
            .collect();
        if !missing.is_empty() {
            self.reviews.extend(missing);
            self.reviews.sort_by_key(|r| r.at);
        }
    }
}

impl Progress {
    /// Takes in what another tab saved: its reviews are merged into ours and
    /// its settings, changed there last, replace ours. Returns whether ours
    /// still holds something theirs lacks, and so must be written back: each
    /// tab reads storage through its own cache, so the other may have
    /// written over a review of ours it had not seen yet. Once both hold the
    /// union, neither writes again and the exchange stops.
    pub fn take_other_tab(&mut self, theirs: &Progress) -> bool {
        self.merge(theirs);
        self.settings = theirs.settings.clone();
        self.reviews.len() != theirs.reviews.len()
            || self.cards != theirs.cards
            || self.missed != theirs.missed
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, Utc};

    use crate::progress::Progress;
    use crate::schedule::{Grade, Scheduler};

    fn study(p: &mut Progress, card: &str, grade: Grade, at: DateTime<Utc>) {
        let outcome = Scheduler::default().review(p.memory(card), grade, at);
        p.record(card, &outcome, at);
    }

    fn t(minutes: i64) -> DateTime<Utc> {
        "2026-04-01T09:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn reviews_made_in_two_tabs_are_all_kept() {
        let mut base = Progress::default();
        study(&mut base, "shared", Grade::Good, t(0));
        let (mut tab_a, mut tab_b) = (base.clone(), base.clone());
        study(&mut tab_a, "a-only", Grade::Easy, t(5));
        study(&mut tab_b, "b-only", Grade::Good, t(6));
        tab_a.merge(&tab_b);
        assert_eq!(tab_a.reviews.len(), 3);
        assert!(tab_a.memory("a-only").is_some() && tab_a.memory("b-only").is_some());
        assert!(tab_a.reviews.windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn a_card_reviewed_in_both_keeps_the_latest_review() {
        let mut base = Progress::default();
        study(&mut base, "x", Grade::Good, t(0));
        let (mut tab_a, mut tab_b) = (base.clone(), base.clone());
        study(&mut tab_a, "x", Grade::Again, t(20));
        study(&mut tab_b, "x", Grade::Easy, t(30));
        let latest = tab_b.memory("x").cloned();
        tab_a.merge(&tab_b);
        assert_eq!(tab_a.memory("x").cloned(), latest);
        assert_eq!(tab_a.reviews.len(), 3, "both reviews of x are in the log");
        // Merging the other way round gives the same cards.
        let mut other_way = tab_b.clone();
        other_way.merge(&tab_a);
        assert_eq!(other_way.cards, tab_a.cards);
    }

    #[test]
    fn a_tab_writes_back_only_what_the_other_tab_lacks() {
        let mut base = Progress::default();
        study(&mut base, "shared", Grade::Good, t(0));
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        study(&mut ours, "ours", Grade::Good, t(5));
        study(&mut theirs, "theirs", Grade::Easy, t(6));
        theirs.settings.new_per_day = 5;
        assert!(ours.take_other_tab(&theirs), "theirs lacks our review");
        assert_eq!(ours.reviews.len(), 3);
        assert_eq!(ours.settings.new_per_day, 5, "their settings win");
        // The other tab receives our write and takes it in: now they agree.
        assert!(!theirs.take_other_tab(&ours));
        assert_eq!(theirs.reviews, ours.reviews);
        assert!(!ours.take_other_tab(&theirs), "nothing more to write");
    }

    #[test]
    fn merging_a_copy_into_itself_changes_nothing() {
        let mut p = Progress::default();
        study(&mut p, "x", Grade::Good, t(0));
        let before = p.clone();
        p.merge(&before);
        assert_eq!(p, before);
    }
}
