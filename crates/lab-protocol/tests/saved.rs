use keydeck_lab_protocol::{Entry, LabProgress, LabState, LAB_STATE_LIMIT};

fn line(text: &str) -> Entry {
    Entry::Line {
        line: text.to_owned(),
    }
}

#[test]
fn a_state_round_trips_through_json_with_its_log_in_order() {
    let state = LabState::new(42);
    let (state, _) = state.appended_json(&line("aws kms create-key")).unwrap();
    let (state, json) = state.appended_json(&line("aws kms list-keys")).unwrap();
    let back: LabState = serde_json::from_str(&json).unwrap();
    assert_eq!(back, state);
    assert_eq!(back.seed, 42);
    assert_eq!(
        back.log,
        vec![line("aws kms create-key"), line("aws kms list-keys")]
    );
}

#[test]
fn an_entry_that_would_pass_the_limit_is_refused_and_the_state_is_kept() {
    let big = "x".repeat(LAB_STATE_LIMIT / 2);
    let state = LabState::new(1);
    let (state, _) = state.appended_json(&line(&big)).unwrap();
    let err = state.appended_json(&line(&big)).unwrap_err();
    assert_eq!(state.log.len(), 1, "the saved state is unchanged");
    let message = err.to_string();
    assert!(
        message.starts_with("This lab's saved history is full (1001 KB of 1000 KB)"),
        "{message}"
    );
    assert!(message.contains("Everything before it is kept."));
}

#[test]
fn tasks_once_done_stay_done_and_completion_keeps_its_first_time() {
    let mut p = LabProgress::default();
    assert!(p.record("first-key", &["create".into()], 3, 10));
    assert!(!p.get("first-key").unwrap().is_complete());
    assert!(p.record("first-key", &["alias".into(), "encrypt".into()], 3, 20));
    assert_eq!(p.get("first-key").unwrap().completed_at, Some(20));
    // After a reset the lab reports nothing done; the record keeps what was.
    assert!(!p.record("first-key", &[], 3, 30));
    assert_eq!(p.get("first-key").unwrap().done.len(), 3);
    assert_eq!(p.get("first-key").unwrap().completed_at, Some(20));
    assert_eq!(p.completed(), 1);
}

#[test]
fn a_lab_with_no_tasks_done_is_not_complete() {
    let mut p = LabProgress::default();
    p.record("grants", &[], 4, 5);
    assert_eq!(p.completed(), 0);
}

#[test]
fn the_summary_counts_completed_and_started_labs() {
    let mut p = LabProgress::default();
    assert_eq!(p.summary(), "No labs started yet.");
    p.record("grants", &[], 4, 1);
    assert_eq!(p.summary(), "No labs started yet.");
    p.record("grants", &["create".into()], 4, 1);
    assert_eq!(p.summary(), "1 lab in progress.");
    p.record("first-key", &["a".into(), "b".into()], 2, 2);
    assert_eq!(p.summary(), "1 lab completed, 1 in progress.");
    p.record("rotation", &["a".into()], 1, 3);
    p.record("grants", &["b".into(), "c".into(), "d".into()], 4, 4);
    assert_eq!(p.summary(), "3 labs completed.");
}

#[test]
fn the_lab_list_says_how_far_a_lab_is() {
    let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
    let mut p = LabProgress::default();
    p.record("x", &[], 3, 1);
    assert_eq!(
        p.get("x").unwrap().status_line(&ids, 15),
        "3 tasks · about 15 min"
    );
    p.record("x", &["b".into()], 3, 2);
    assert_eq!(
        p.get("x").unwrap().status_line(&ids, 15),
        "1 of 3 tasks done"
    );
    p.record("x", &["a".into(), "c".into()], 3, 3);
    assert_eq!(p.get("x").unwrap().status_line(&ids, 15), "Completed");
}
