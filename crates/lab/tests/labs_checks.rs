//! The checks behind the tasks: every check a lab names exists, every check
//! is used, and none holds on a fresh session.

use std::collections::BTreeSet;

use keydeck_lab::labs::{self, checks};
use keydeck_lab::Session;

#[test]
fn every_check_a_lab_names_exists() {
    for lab in labs::all() {
        for task in &lab.tasks {
            assert!(
                checks::find(&task.check).is_some(),
                "lab {} task {} names unknown check {}",
                lab.id,
                task.id,
                task.check
            );
        }
    }
}

#[test]
fn every_check_is_used_and_named_once() {
    let registered: Vec<&str> = checks::all().map(|(id, _)| id).collect();
    let unique: BTreeSet<&str> = registered.iter().copied().collect();
    assert_eq!(
        unique.len(),
        registered.len(),
        "a check id is registered twice"
    );
    let used: BTreeSet<String> = labs::all()
        .iter()
        .flat_map(|l| l.tasks.iter().map(|t| t.check.clone()))
        .collect();
    let unused: Vec<&&str> = unique.iter().filter(|id| !used.contains(**id)).collect();
    assert!(unused.is_empty(), "checks no task uses: {unused:?}");
}

#[test]
fn no_task_is_done_in_a_fresh_session() {
    let session = Session::new(7);
    for lab in labs::all() {
        let status = labs::status(&lab, &session);
        assert_eq!(status.len(), lab.tasks.len());
        assert!(status.iter().all(|done| !done), "{}: {status:?}", lab.id);
    }
}
