//! A malformed deck names the file, the line and what is wrong.

mod deck_fixture;

use deck_fixture::GOOD_CARD;
use keydeck_study::deck::{parse_topic, Deck};

fn errors(text: &str) -> Vec<String> {
    match parse_topic("decks/broken.md", text) {
        Ok(topic) => panic!("expected errors, parsed {} cards", topic.cards.len()),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_well_formed_deck_parses() {
    let topic = parse_topic("decks/kms.md", &format!("# KMS\n\nIntro.\n\n{GOOD_CARD}")).unwrap();
    assert_eq!(topic.id, "kms");
    assert_eq!(topic.title, "KMS");
    assert_eq!(topic.intro, "Intro.");
    assert_eq!(topic.cards[0].back, "Key Management Service");
    assert_eq!(topic.cards[0].line, 5);
}

#[test]
fn a_file_without_a_title_is_refused() {
    assert_eq!(
        errors(GOOD_CARD),
        ["decks/broken.md:1: the file must start with a \"# Title\" heading"]
    );
    assert_eq!(
        errors(""),
        ["decks/broken.md:1: the file has no \"# Title\" heading"]
    );
}

#[test]
fn missing_fields_and_sections_are_named() {
    let text = "# T\n\n## lonely\ntags: seed\n\n### Front\nQ?\n";
    assert_eq!(
        errors(text),
        [
            "decks/broken.md:3: card \"lonely\" has no \"### Back\" section",
            "decks/broken.md:3: card \"lonely\" has no \"kind:\" field",
            "decks/broken.md:3: card \"lonely\" has no \"source:\" field citing the AWS documentation",
        ]
    );
}

#[test]
fn unknown_kinds_fields_and_sections_point_at_their_line() {
    let text = "# T\n\n## c1\nkind: riddle\ncolour: blue\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ\n\n### Back\nA\n\n### Hint\nH\n";
    assert_eq!(
        errors(text),
        [
            "decks/broken.md:5: unknown field \"colour\" (expected kind, tags, seed, source or walkthrough)",
            "decks/broken.md:14: unknown section \"### Hint\" (expected Front, Back or Note)",
            "decks/broken.md:4: unknown kind \"riddle\" (expected basic, term, cloze or table)",
        ]
    );
}

#[test]
fn sources_must_be_aws_documentation() {
    let text = GOOD_CARD.replace(
        "https://docs.aws.amazon.com/kms/latest/developerguide/overview.html",
        "http://example.com/kms",
    );
    assert_eq!(
        errors(&format!("# T\n{text}")),
        ["decks/broken.md:4: source \"http://example.com/kms\" must be an https://docs.aws.amazon.com/ or https://aws.amazon.com/ page"]
    );
}

#[test]
fn card_ids_must_be_kebab_case_and_unique_across_files() {
    let bad_id = GOOD_CARD.replace("## good-card", "## Good Card");
    assert_eq!(
        errors(&format!("# T\n{bad_id}")),
        ["decks/broken.md:2: card id \"Good Card\" must be lowercase kebab-case, like \"kms-acronym\""]
    );
    let a = format!("# A\n{GOOD_CARD}");
    let b = format!("# B\n\n{GOOD_CARD}");
    let errs = Deck::parse([("a.md", a.as_str()), ("b.md", b.as_str())]).unwrap_err();
    assert_eq!(
        errs[0].to_string(),
        "b.md:3: card id \"good-card\" is already used at a.md:2"
    );
}

#[test]
fn two_files_of_the_same_topic_are_refused() {
    let a = format!("# A\n{GOOD_CARD}");
    let other = GOOD_CARD.replace("## good-card", "## other-card");
    let b = format!("# Also A\n{other}");
    let errs = Deck::parse([
        ("decks/kms.md", a.as_str()),
        ("imported/kms.md", b.as_str()),
    ])
    .unwrap_err();
    let errs: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert_eq!(
        errs,
        ["imported/kms.md:1: topic \"kms\" is already the topic of decks/kms.md; rename one of the files"]
    );
}

#[test]
fn a_cloze_needs_exactly_one_hidden_part() {
    let card = |front: &str| {
        format!("# T\n## c\nkind: cloze\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\n{front}\n\n### Back\nA\n")
    };
    assert_eq!(
        errors(&card("No blank here.")),
        ["decks/broken.md:2: a cloze card needs exactly one {{hidden part}} on its front, found 0"]
    );
    assert_eq!(
        errors(&card("{{Two}} {{blanks}}.")),
        ["decks/broken.md:2: a cloze card needs exactly one {{hidden part}} on its front, found 2"]
    );
    assert!(parse_topic("ok.md", &card("Audit with {{CloudTrail}}.")).is_ok());
}

#[test]
fn a_table_card_needs_a_table_and_braces_in_code_are_not_clozes() {
    let text = "# T\n## t\nkind: table\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nCompare\n\n### Back\nNo table, just `{{resolve:ssm:/a}}`.\n";
    assert_eq!(
        errors(text),
        ["decks/broken.md:2: a table card's back must hold a Markdown table"]
    );
}

#[test]
fn a_seed_number_is_one_to_thirty_five() {
    let text = GOOD_CARD.replace("kind: basic", "kind: basic\nseed: 36");
    assert_eq!(
        errors(&format!("# T\n{text}")),
        ["decks/broken.md:4: seed \"36\" must be a number from 1 to 35"]
    );
}

#[test]
fn an_imported_deck_joins_the_shipped_one_unless_it_clashes() {
    let shipped = keydeck_study::builtin::deck().unwrap();
    let mine = format!("# Mine\n\n{GOOD_CARD}");
    let both = shipped.with_imported([("mine.md", mine.as_str())]).unwrap();
    assert_eq!(both.topics.len(), shipped.topics.len() + 1);
    assert_eq!(both.card("good-card").unwrap().topic, "mine");
    assert!(both.card("acm-ssl-certificates~reverse").is_some());

    let same_topic = shipped
        .with_imported([("acm.md", mine.as_str())])
        .unwrap_err();
    assert_eq!(
        same_topic[0].to_string(),
        "acm.md:1: a topic named \"acm\" already exists; rename the file"
    );

    let same_card = "# Mine\n\n## acm-ssl-certificates\nkind: basic\nsource: https://docs.aws.amazon.com/acm/\n\n### Front\nQ\n\n### Back\nA\n";
    assert_eq!(
        shipped
            .with_imported([("mine.md", same_card)])
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["mine.md:3: card id \"acm-ssl-certificates\" is already used at acm.md:5"]
    );
}
