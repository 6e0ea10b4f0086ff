use keydeck_lab_protocol::{Answer, Reply, ReplyId};

/// The page reads each of the worker's replies for its id alone, then the
/// reply in full where it was asked for: both readings agree.
#[test]
fn a_reply_read_for_its_id_alone_names_the_request_it_answers() {
    let reply = Reply {
        id: 42,
        body: Answer::Failed {
            message: "No lab is open.".into(),
        },
    };
    let text = serde_json::to_string(&reply).unwrap();
    assert_eq!(
        serde_json::from_str::<ReplyId>(&text).unwrap(),
        ReplyId { id: 42 }
    );
    assert_eq!(serde_json::from_str::<Reply>(&text).unwrap(), reply);
}

#[test]
fn a_reply_without_an_id_is_not_read() {
    let text = r#"{"answer":"failed","message":"No lab is open."}"#;
    assert!(serde_json::from_str::<ReplyId>(text).is_err());
}
