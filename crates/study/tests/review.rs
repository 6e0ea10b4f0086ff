//! The study page's session: what the learner sees counted, undone and shown
//! again while reviewing and cramming.

use chrono::{DateTime, Utc};
use keydeck_study::deck::Deck;
use keydeck_study::progress::Progress;
use keydeck_study::queue::Scope;
use keydeck_study::review::{cram_choice, ReviewSession};
use keydeck_study::schedule::{Grade, Scheduler};

fn deck() -> Deck {
    let card = |id: &str| {
        format!("## {id}\nkind: basic\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ {id}\n\n### Back\nA {id}\n\n")
    };
    let a = format!("# A\n\n{}{}{}", card("a1"), card("a2"), card("a3"));
    let b = format!("# B\n\n{}", card("b1"));
    Deck::parse([("a.md", a.as_str()), ("b.md", b.as_str())]).unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-06-01T08:00:00Z".parse().unwrap()
}

/// Grades `card` as the page does: through the progress, then the session.
fn answer(session: &mut ReviewSession, progress: &mut Progress, card: &str, grade: Grade) {
    let outcome = Scheduler::default().review(progress.memory(card), grade, now());
    let undo = progress.record(card, &outcome, now());
    session.answered(&outcome, undo);
}

/// Undoes the last answer as the page does.
fn undo(session: &mut ReviewSession, progress: &mut Progress) {
    let last = session.take_last_answer().expect("an answer to undo");
    assert!(progress.undo(last.clone()));
    session.undone(&last);
}

#[test]
fn undo_takes_back_the_grade_that_was_undone() {
    let (mut session, mut progress) = (ReviewSession::new(), Progress::default());
    answer(&mut session, &mut progress, "a1", Grade::Good);
    answer(&mut session, &mut progress, "a2", Grade::Again);
    undo(&mut session, &mut progress);
    let tally = session.tally();
    assert_eq!(tally.total(), 1);
    assert_eq!(
        (tally.of(Grade::Again), tally.of(Grade::Good)),
        (0, 1),
        "the Again given to a2 is taken back, the Good given to a1 stays"
    );
}

#[test]
fn an_undone_card_is_shown_again_before_the_queue() {
    let deck = deck();
    let (mut session, mut progress) = (ReviewSession::new(), Progress::default());
    let queue = || deck.card("a3");
    assert_eq!(session.card(&deck, queue).unwrap().id, "a3");
    answer(&mut session, &mut progress, "a1", Grade::Easy);
    undo(&mut session, &mut progress);
    assert_eq!(session.card(&deck, queue).unwrap().id, "a1");
    assert_eq!(session.announcement(), Some("Answer undone."));
    assert!(!session.can_undo());
    assert!(
        progress.memory("a1").is_none(),
        "the schedule forgot a1 again"
    );
    // Answering it again lets the queue lead once more.
    answer(&mut session, &mut progress, "a1", Grade::Good);
    assert_eq!(session.card(&deck, queue).unwrap().id, "a3");
}

#[test]
fn an_answer_is_announced_with_when_the_card_is_due_again() {
    let (mut session, mut progress) = (ReviewSession::new(), Progress::default());
    assert_eq!(session.announcement(), None);
    answer(&mut session, &mut progress, "a1", Grade::Again);
    assert_eq!(session.announcement(), Some("Again: due again in 1m."));
    assert!(session.can_undo());
}

#[test]
fn cramming_goes_through_a_topic_in_order_with_a_fresh_tally_and_nothing_to_undo() {
    let deck = deck();
    let (mut session, mut progress) = (ReviewSession::new(), Progress::default());
    answer(&mut session, &mut progress, "b1", Grade::Good);
    session.start_cram("a".to_owned());
    assert!(session.is_cramming());
    assert_eq!(session.tally().total(), 0);
    let nothing_due = || None;
    let mut seen = Vec::new();
    while let Some(card) = session.card(&deck, nothing_due) {
        seen.push(card.id);
        session.crammed(Grade::Hard);
    }
    assert_eq!(seen, ["a1", "a2", "a3"]);
    assert_eq!(session.tally().of(Grade::Hard), 3);
    assert_eq!(
        progress.reviews.len(),
        1,
        "cramming leaves the schedule alone"
    );
    session.stop_cram();
    assert_eq!(session.card(&deck, || deck.card("a2")).unwrap().id, "a2");
}

#[test]
fn the_cram_offer_starts_with_the_topic_studied_or_the_first() {
    let deck = deck();
    assert_eq!(cram_choice(&Scope::Topic("b".into()), &deck), "b");
    assert_eq!(cram_choice(&Scope::All, &deck), "a");
    assert_eq!(cram_choice(&Scope::All, &Deck::default()), "");
}

#[test]
fn progress_counts_the_cards_done_against_those_left() {
    let (mut session, mut progress) = (ReviewSession::new(), Progress::default());
    assert_eq!(
        session.tally().percent_done(0),
        100,
        "nothing to do is done"
    );
    assert_eq!(session.tally().percent_done(4), 0);
    answer(&mut session, &mut progress, "a1", Grade::Good);
    assert_eq!(session.tally().percent_done(3), 25);
}
