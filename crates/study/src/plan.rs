//! Today's plan, as the home page words it: the goal, what is left by
//! kind, how long it takes, the streak, and what came due while the
//! learner was away.

use chrono::{DateTime, Utc};

use crate::day::{calendar_days_ago, describe_days_ago, LocalClock};
use crate::deck::Deck;
use crate::html;
use crate::progress::Progress;
use crate::queue::{Counts, Scope, Today};
use crate::stats::{Pace, Streak};
use crate::wording::count;

/// Everything the home page's "Today" panel says, at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub counts: Counts,
    /// Cards answered today.
    pub done: usize,
    pub streak: Streak,
    /// The time the cards left take at the learner's pace.
    pub estimate: String,
    /// No card was ever answered.
    pub first_visit: bool,
    /// "Since you last studied yesterday, 12 cards came due.": only when
    /// the last answer was on an earlier day and something came due since.
    pub away: Option<String>,
}

impl Plan {
    pub fn new(
        deck: &Deck,
        progress: &Progress,
        now: DateTime<Utc>,
        clock: &impl LocalClock,
    ) -> Plan {
        let today = Today::new(deck, progress, Scope::All, now, clock);
        let counts = today.counts();
        let last = progress.reviews.last().map(|r| r.at);
        let away = last.and_then(|at| {
            let days = calendar_days_ago(clock, at, now);
            let came = today.came_due_since(at);
            (days > 0 && came > 0).then(|| {
                format!(
                    "Since you last studied {}, {} came due.",
                    describe_days_ago(days),
                    count(came, "card")
                )
            })
        });
        Plan {
            counts,
            done: today.done(),
            streak: Streak::new(progress, now, clock),
            estimate: Pace::of(progress).estimate(counts.left()),
            first_visit: last.is_none(),
            away,
        }
    }

    /// Today's goal: what was answered plus what is left.
    pub fn goal(&self) -> usize {
        self.done + self.counts.left()
    }

    /// The goal reached, as a whole percentage for the meter.
    pub fn percent_done(&self) -> u32 {
        match self.goal() {
            0 => 100,
            goal => (self.done * 100 / goal) as u32,
        }
    }

    /// The panel's first line.
    pub fn headline(&self) -> String {
        let left = self.counts.left();
        match (left, self.done) {
            (0, 0) => "Nothing is due. Come back tomorrow, or take a quiz.".to_owned(),
            (0, done) => format!("Today's goal is met: {} answered.", count(done, "card")),
            (left, 0) => format!("Today's goal: {} · {}.", count(left, "card"), self.estimate),
            (left, done) => format!(
                "Today's goal: {done} of {} done · {} left, {}.",
                count(done + left, "card"),
                left,
                self.estimate
            ),
        }
    }

    /// The streak in words, or how to keep it.
    pub fn streak_words(&self) -> String {
        match (self.streak.current, self.streak.studied_today) {
            (0, _) => "No streak yet: answer a card to start one.".to_owned(),
            (n, true) => format!("{}-day streak.", n),
            (n, false) => format!("{}-day streak: study today to keep it.", n),
        }
    }

    /// Cards a missed quiz question made due, if any are left today.
    pub fn missed_words(&self) -> Option<String> {
        let n = self.counts.missed;
        (n > 0).then(|| {
            format!(
                "{} from questions you missed in a quiz {} among the reviews.",
                count(n, "card"),
                crate::wording::agreeing(&n, "is", "are")
            )
        })
    }

    /// The study button's words.
    pub fn action(&self) -> &'static str {
        match (self.first_visit, self.counts.left()) {
            (true, _) => "Start learning",
            (false, 0) => "Open flashcards",
            (false, _) => "Continue studying",
        }
    }
}

/// The home page's table of topics as markup, a row for each `(id, title,
/// counts)`: the title links to studying that topic, and a kind with
/// nothing left is marked `zero`. The page sets it as the table's body.
pub fn topic_rows<'a>(topics: impl IntoIterator<Item = (&'a str, &'a str, Counts)>) -> String {
    let mut out = String::new();
    for (id, title, counts) in topics {
        out.push_str(r#"<tr data-topic=""#);
        html::attribute(&mut out, id);
        out.push_str(r#""><th scope="row"><a href="/study?topic="#);
        html::attribute(&mut out, id);
        out.push_str(r#"">"#);
        html::text(&mut out, title);
        out.push_str("</a></th>");
        for (kind, n) in counts.by_kind() {
            let zero = if n == 0 { " zero" } else { "" };
            out.push_str(&format!(
                r#"<td class="count-{kind}{zero}" data-live>{n}</td>"#
            ));
        }
        out.push_str("</tr>");
    }
    out
}

#[cfg(test)]
mod markup_tests {
    use super::*;

    fn counts(new: usize, learning: usize, review: usize) -> Counts {
        Counts {
            new,
            learning,
            review,
            ..Counts::default()
        }
    }

    #[test]
    fn each_topic_is_a_row_that_links_to_studying_it() {
        assert_eq!(
            topic_rows([
                ("kms-basics", "KMS basics", counts(5, 0, 2)),
                ("acm", "ACM", counts(0, 1, 0)),
            ]),
            concat!(
                r#"<tr data-topic="kms-basics"><th scope="row"><a href="/study?topic=kms-basics">KMS basics</a></th>"#,
                r#"<td class="count-new" data-live>5</td><td class="count-learning zero" data-live>0</td><td class="count-review" data-live>2</td></tr>"#,
                r#"<tr data-topic="acm"><th scope="row"><a href="/study?topic=acm">ACM</a></th>"#,
                r#"<td class="count-new zero" data-live>0</td><td class="count-learning" data-live>1</td><td class="count-review zero" data-live>0</td></tr>"#,
            )
        );
        assert_eq!(topic_rows([]), "");
    }

    #[test]
    fn a_topic_a_learner_named_stays_text() {
        let rows = topic_rows([(
            r#"x" onclick="alert(1)"#,
            "<img src=x onerror=alert(2)> & co",
            counts(1, 0, 0),
        )]);
        assert!(!rows.contains("<img"), "{rows}");
        assert!(!rows.contains(r#"" onclick"#), "{rows}");
        assert!(
            rows.contains("&lt;img src=x onerror=alert(2)&gt; &amp; co"),
            "{rows}"
        );
    }
}
