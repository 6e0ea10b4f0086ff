//! The synthetic history behind the dashboard's screenshots and browser tests.

use chrono::{DateTime, Days, Utc};
use chrono_tz::Europe::Berlin;
use keydeck_study::builtin;
use keydeck_study::day::{study_day, Rollover};
use keydeck_study::deck::Deck;
use keydeck_study::progress::Progress;
use keydeck_study::schedule::Grade;
use keydeck_study::stats::sample::{self, Learner};
use keydeck_study::stats::{Dashboard, Period};
use std::collections::BTreeSet;

fn deck() -> Deck {
    builtin::deck().expect("the shipped decks parse")
}

fn now() -> DateTime<Utc> {
    "2026-06-10T17:30:00Z".parse().unwrap()
}

fn study_days(p: &Progress) -> BTreeSet<chrono::NaiveDate> {
    p.reviews
        .iter()
        .map(|r| study_day(&Berlin, r.at, Rollover::DEFAULT))
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_history() {
    let deck = deck();
    let one = sample::history(&deck, 60, 7, now(), &Berlin);
    let again = sample::history(&deck, 60, 7, now(), &Berlin);
    let other = sample::history(&deck, 60, 8, now(), &Berlin);
    assert_eq!(one, again);
    assert_ne!(one.reviews, other.reviews);
}

#[test]
fn the_history_spreads_reviews_over_the_requested_days_with_gaps() {
    let deck = deck();
    let p = sample::history(&deck, 90, 42, now(), &Berlin);
    let today = study_day(&Berlin, now(), Rollover::DEFAULT);
    let first = today - Days::new(89);
    let days = study_days(&p);
    assert!(days.iter().all(|d| (first..=today).contains(d)), "{days:?}");
    assert!(*days.first().unwrap() <= first + Days::new(7), "{days:?}");
    assert!(*days.last().unwrap() >= today - Days::new(7), "{days:?}");
    assert!(
        days.len() >= 55 && days.len() < 90,
        "{} study days",
        days.len()
    );
    assert!(p.reviews.iter().all(|r| r.at <= now()));
    assert!(p.reviews.windows(2).all(|w| w[0].at <= w[1].at));
    assert!(p.cards.keys().all(|id| deck.card(id).is_some()));
}

#[test]
fn the_learner_mostly_passes_with_some_again() {
    let p = sample::history(&deck(), 120, 3, now(), &Berlin);
    let again = p.reviews.iter().filter(|r| r.grade == Grade::Again).count();
    let share = again as f64 / p.reviews.len() as f64;
    assert!((0.03..0.25).contains(&share), "Again share {share:.3}");
    let table = keydeck_study::stats::RetentionTable::new(&p, now(), &Berlin);
    let rate = table.get(Period::AllTime).rate().unwrap();
    assert!((0.8..0.97).contains(&rate), "true retention {rate:.3}");
}

#[test]
fn a_learner_who_never_skips_studies_every_day() {
    let learner = Learner {
        skip_chance: 0.0,
        break_chance: 0.0,
        ..Learner::default()
    };
    // 23:30 in Berlin: every session of today has started by now.
    let late = "2026-06-10T21:30:00Z".parse().unwrap();
    // Twenty days of eight new cards leave new cards for every session.
    let p = sample::simulate(&deck(), &learner, 20, 1, late, &Berlin);
    assert_eq!(study_days(&p).len(), 20, "{:?}", study_days(&p));
    assert!(sample::history(&deck(), 0, 1, late, &Berlin)
        .reviews
        .is_empty());
}

#[test]
fn a_year_of_history_fills_every_chart() {
    let deck = deck();
    let p = sample::history(&deck, 365, 2026, now(), &Berlin);
    let dashboard = Dashboard::new(&deck, &p, now(), &Berlin);
    let active = dashboard
        .heatmap
        .days
        .iter()
        .filter(|(_, n)| *n > 0)
        .count();
    assert!(active > 200, "{active} active days");
    assert!(dashboard.forecast.total() > 0);
    assert!(dashboard.retention.get(Period::Year).mature.total() > 0);
    assert!(dashboard.mastery.iter().all(|t| t.studied == t.cards));
    assert!(dashboard.mastery.iter().any(|t| t.mature > 0));
    assert!(dashboard.streak.longest >= 7, "{:?}", dashboard.streak);
    assert_eq!(dashboard.totals.reviews, p.reviews.len());
}
