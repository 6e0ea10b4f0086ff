//! Schema migrations. Each step turns version N into N+1; a file is walked
//! up one step at a time to [`SCHEMA_VERSION`].
//!
//! - 1 → 2: reviews gained `state_before`. Version 1 did not record it, so it
//!   is rebuilt by replaying each card's reviews through the scheduler.

use serde_json::Value;

use super::{Progress, ProgressError, SCHEMA_VERSION};
use crate::schedule::{Memory, Scheduler};

pub(super) fn to_current(mut value: Value) -> Result<Progress, ProgressError> {
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| ProgressError::Malformed("it has no schema version".into()))?;
    let schema = u32::try_from(schema).map_err(|_| ProgressError::NewerSchema(u32::MAX))?;
    if schema > SCHEMA_VERSION {
        return Err(ProgressError::NewerSchema(schema));
    }
    if schema == 0 {
        return Err(ProgressError::Malformed("schema 0 does not exist".into()));
    }
    let replay = schema < 2;
    value["schema"] = Value::from(SCHEMA_VERSION);
    let mut progress: Progress =
        serde_json::from_value(value).map_err(|e| ProgressError::Malformed(e.to_string()))?;
    if replay {
        rebuild_states_before(&mut progress);
    }
    Ok(progress)
}

/// Replays every card's reviews in order to learn the state each began in.
fn rebuild_states_before(progress: &mut Progress) {
    let scheduler = Scheduler::new(progress.settings.desired_retention);
    let mut memories: std::collections::HashMap<String, Memory> = std::collections::HashMap::new();
    let mut order: Vec<usize> = (0..progress.reviews.len()).collect();
    order.sort_by_key(|&i| progress.reviews[i].at);
    for i in order {
        let review = &mut progress.reviews[i];
        let before = memories.get(&review.card);
        review.state_before = before.map(|m| m.state).unwrap_or_default();
        let next = scheduler.review(before, review.grade, review.at).memory;
        memories.insert(review.card.clone(), next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Grade, MemoryState};

    /// A version 1 file, as KeyDeck wrote it before reviews kept their state.
    const V1: &str = r#"{
        "schema": 1,
        "cards": {},
        "reviews": [
            {"card": "kms-acronym", "grade": "Good", "at": "2026-03-01T09:00:00Z", "was_new": true, "interval_secs": 600},
            {"card": "kms-acronym", "grade": "Good", "at": "2026-03-01T09:10:00Z", "was_new": false, "interval_secs": 86400},
            {"card": "kms-acronym", "grade": "Again", "at": "2026-03-05T09:00:00Z", "was_new": false, "interval_secs": 300}
        ],
        "settings": {"desired_retention": 0.9, "new_per_day": 15}
    }"#;

    #[test]
    fn a_version_1_file_loads_with_each_reviews_state_rebuilt() {
        let p = Progress::from_json(V1).unwrap();
        assert_eq!(p.schema, SCHEMA_VERSION);
        assert_eq!(p.settings.new_per_day, 15);
        let states: Vec<MemoryState> = p.reviews.iter().map(|r| r.state_before).collect();
        assert_eq!(states[0], MemoryState::New);
        assert_eq!(states[1], MemoryState::Learning);
        assert_eq!(states[2], MemoryState::Review);
        assert_eq!(p.reviews[2].grade, Grade::Again);
    }

    #[test]
    fn a_file_without_a_schema_is_not_progress() {
        assert!(matches!(
            Progress::from_json(r#"{"cards": {}}"#),
            Err(ProgressError::Malformed(_))
        ));
        assert!(matches!(
            Progress::from_json(r#"[1, 2]"#),
            Err(ProgressError::Malformed(_))
        ));
    }
}
