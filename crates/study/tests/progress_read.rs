//! Reading saved progress back: a page's own save reads as it was written,
//! an older schema is migrated, and anything else is explained.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Berlin;
use keydeck_study::builtin;
use keydeck_study::progress::{Progress, ProgressError, SCHEMA_VERSION};
use keydeck_study::stats::sample;

fn now() -> DateTime<Utc> {
    "2026-06-10T17:30:00Z".parse().unwrap()
}

#[test]
fn a_saved_history_reads_back_as_it_was() {
    let deck = builtin::deck().expect("the shipped decks parse");
    for (days, seed) in [(1, 1), (30, 7), (120, 42)] {
        let mut progress = sample::history(&deck, days, seed, now(), &Berlin);
        progress.mark_missed(&["kms-acronym".to_owned()], now());
        let text = progress.to_json();
        let read = Progress::from_json(&text).expect("a page's own save reads");
        // serde_json reads a float to within one unit in the last place, so
        // memories are compared by what they schedule, not bit for bit.
        assert_eq!(read.reviews, progress.reviews);
        assert_eq!(read.missed, progress.missed);
        let due = |p: &Progress| {
            p.cards
                .iter()
                .map(|(id, m)| (id.clone(), m.due))
                .collect::<Vec<_>>()
        };
        assert_eq!(due(&read), due(&progress));
        assert_eq!(read.schema, SCHEMA_VERSION);
    }
}

#[test]
fn a_fresh_learners_progress_reads_back_as_it_was() {
    let text = Progress::default().to_json();
    assert_eq!(Progress::from_json(&text), Ok(Progress::default()));
}

#[test]
fn an_older_schema_is_migrated_and_anything_else_explained() {
    let v1 = r#"{"schema": 1, "cards": {}, "reviews": [
        {"card": "kms-acronym", "grade": "Good", "at": "2026-03-01T09:00:00Z", "was_new": true, "interval_secs": 600}
    ]}"#;
    assert_eq!(Progress::from_json(v1).unwrap().schema, SCHEMA_VERSION);

    let newer = format!(r#"{{"schema": {}}}"#, SCHEMA_VERSION + 1);
    assert_eq!(
        Progress::from_json(&newer),
        Err(ProgressError::NewerSchema(SCHEMA_VERSION + 1))
    );

    for not_progress in [r#"{"cards": {}}"#, "[1, 2]", "{", ""] {
        assert!(
            matches!(
                Progress::from_json(not_progress),
                Err(ProgressError::Malformed(_))
            ),
            "{not_progress}"
        );
    }
}
