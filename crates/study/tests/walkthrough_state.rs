//! The canvas at a step: computed from scratch, reached by stepping, opened
//! by a deep link, and moved by the controls.

use keydeck_study::walkthrough::ActorKind::*;
use keydeck_study::walkthrough::{Actor, Arrow, Change, Playhead, Rect, Step, Walkthrough};

const NARRATION: &str = "Something happens. Then it is done.";

static FIXTURE: Walkthrough = Walkthrough {
    id: "fixture",
    title: "A fixture",
    summary: "A small scene.",
    sources: &["https://docs.aws.amazon.com/kms/latest/developerguide/data-keys.html"],
    labs: &[],
    related_cards: &[],
    actors: &[
        Actor::new("key", Key, "KMS key", Rect::new(40, 40, 240, 100)),
        Actor::new(
            "data-key",
            DataKey,
            "Data key",
            Rect::new(400, 40, 240, 100),
        )
        .enters_later(),
        Actor::new("version", Secret, "Version", Rect::new(760, 40, 240, 100))
            .badges(&["AWSCURRENT"]),
    ],
    steps: &[
        Step::new("Arrive", NARRATION)
            .appear(&["data-key"])
            .changes(&[Change::add_badge("data-key", "plaintext")])
            .arrows(&[Arrow::data("key", "data-key", "new data key")]),
        Step::new("Relabel", NARRATION)
            .changes(&[
                Change::relabel("data-key", "Encrypted data key"),
                Change::move_badge("AWSCURRENT", "version", "data-key"),
            ])
            .highlight(&["version"]),
        Step::new("Leave", NARRATION)
            .disappear(&["data-key"])
            .highlight(&["key"]),
    ],
};

#[test]
fn actors_that_enter_later_are_absent_until_their_step_and_keep_their_changes() {
    let first = FIXTURE.state_at(0).unwrap();
    let data_key = first.actor("data-key").unwrap();
    assert!(data_key.present);
    assert_eq!(
        data_key.badges,
        ["plaintext"],
        "changes apply after arrivals"
    );
    let second = FIXTURE.state_at(1).unwrap();
    let data_key = second.actor("data-key").unwrap();
    assert_eq!(data_key.label, "Encrypted data key");
    assert_eq!(data_key.badges, ["plaintext", "AWSCURRENT"]);
    assert!(second.actor("version").unwrap().badges.is_empty());
    let third = FIXTURE.state_at(2).unwrap();
    assert!(!third.actor("data-key").unwrap().present);
    let present: Vec<&str> = third.present().map(|a| a.id).collect();
    assert_eq!(present, ["key", "version"]);
    assert_eq!(
        third.actors.len(),
        3,
        "absent actors stay listed, to fade out"
    );
}

#[test]
fn arrows_and_highlights_belong_to_their_step_only() {
    let first = FIXTURE.state_at(0).unwrap();
    assert_eq!(first.arrows.len(), 1);
    assert!(first.highlights.is_empty());
    let second = FIXTURE.state_at(1).unwrap();
    assert!(second.arrows.is_empty());
    assert!(second.is_highlighted("version"));
    assert!(!second.is_highlighted("key"));
}

#[test]
fn stepping_forward_reaches_the_state_computed_from_scratch() {
    let mut state = FIXTURE.first_state().unwrap();
    for index in 1..FIXTURE.steps.len() {
        state = state.next(&FIXTURE).unwrap();
        assert_eq!(state, FIXTURE.state_at(index).unwrap());
    }
    assert_eq!(state.next(&FIXTURE), None);
}

#[test]
fn a_deep_link_counts_steps_from_one() {
    assert_eq!(FIXTURE.link(0), "/walkthroughs/fixture/1");
    assert_eq!(FIXTURE.step_from_link("1"), Some(0));
    assert_eq!(FIXTURE.step_from_link(" 3 "), Some(2));
    for bad in ["0", "4", "-1", "two", ""] {
        assert_eq!(FIXTURE.step_from_link(bad), None, "{bad:?}");
    }
    assert_eq!(FIXTURE.state_at(3), None);
    let at_two = Playhead::from_link(&FIXTURE, "2").unwrap();
    assert_eq!(at_two.index(), 1);
    assert_eq!(at_two.link(), "/walkthroughs/fixture/2");
    assert_eq!(Playhead::from_link(&FIXTURE, "9"), None);
}

#[test]
fn the_playhead_stops_at_either_end() {
    let mut playhead = Playhead::new(&FIXTURE).unwrap();
    assert!(playhead.is_first());
    assert!(!playhead.back());
    assert_eq!(playhead.index(), 0);
    assert!(playhead.forward() && playhead.forward());
    assert!(playhead.is_last());
    assert!(!playhead.forward());
    assert_eq!(playhead.index(), 2);
    assert_eq!(playhead.step().title, "Leave");
    playhead.restart();
    assert_eq!(playhead.index(), 0);
    playhead.end();
    assert_eq!(playhead.index(), 2);
    assert!(playhead.go_to(1));
    assert!(!playhead.go_to(3));
    assert_eq!(playhead.state(), FIXTURE.state_at(1).unwrap());
}

#[test]
fn a_walkthrough_without_steps_has_no_playhead() {
    static EMPTY: Walkthrough = Walkthrough {
        steps: &[],
        ..FIXTURE
    };
    assert_eq!(Playhead::new(&EMPTY), None);
    assert_eq!(EMPTY.first_state(), None);
}

#[test]
fn a_scene_state_serializes_for_the_renderer() {
    let json = serde_json::to_value(FIXTURE.state_at(1).unwrap()).unwrap();
    assert_eq!(json["step"], 1);
    let data_key = &json["actors"][1];
    assert_eq!(data_key["id"], "data-key");
    assert_eq!(data_key["kind"], "data-key");
    assert_eq!(data_key["present"], true);
    assert_eq!(
        data_key["badges"],
        serde_json::json!(["plaintext", "AWSCURRENT"])
    );
    assert_eq!(data_key["rect"]["x"], 400);
    assert_eq!(json["highlights"], serde_json::json!(["version"]));
    let first = serde_json::to_value(FIXTURE.state_at(0).unwrap()).unwrap();
    assert_eq!(first["arrows"][0]["style"], "data");
    let changes = serde_json::to_value(FIXTURE.steps[1].changes).unwrap();
    assert_eq!(changes[1]["change"], "move-badge");
    assert_eq!(changes[1]["badge"], "AWSCURRENT");
}
