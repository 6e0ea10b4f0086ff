//! Importing the text of Quizlet's export dialog, with each separator it
//! offers.

mod interchange_fixture;

use interchange_fixture::{problems, topic};
use keydeck_study::interchange::{import, ImportFormat, Imported, RowSeparator, TermSeparator};
use keydeck_study::markdown::to_safe_html;

fn quizlet(terms: TermSeparator, rows: RowSeparator, text: &str) -> Imported {
    import(
        &ImportFormat::Quizlet { terms, rows },
        "Quizlet set.txt",
        text,
    )
}

fn pairs(imported: &Imported) -> Vec<(String, String)> {
    topic(imported)
        .cards
        .iter()
        .map(|c| (c.front.clone(), c.back.clone()))
        .collect()
}

fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn the_default_export_is_tab_and_new_line() {
    let imported = quizlet(
        TermSeparator::Tab,
        RowSeparator::NewLine,
        "KMS\tKey Management Service\r\nCMK\tcustomer master key, now \"KMS key\"\n",
    );
    assert_eq!(problems(&imported), Vec::<String>::new());
    assert_eq!(imported.file, "quizlet-set.md");
    let topic = topic(&imported);
    assert_eq!(topic.title, "Quizlet set");
    assert_eq!(
        pairs(&imported),
        owned(&[
            ("KMS", "Key Management Service"),
            ("CMK", "customer master key, now \"KMS key\"")
        ])
    );
}

#[test]
fn comma_and_semicolon_split_at_the_first_comma() {
    let imported = quizlet(
        TermSeparator::Comma,
        RowSeparator::Semicolon,
        "SSE-S3,S3 manages the keys;SSE-KMS,KMS manages the key, and CloudTrail logs its use;",
    );
    assert_eq!(
        pairs(&imported),
        owned(&[
            ("SSE-S3", "S3 manages the keys"),
            (
                "SSE-KMS",
                "KMS manages the key, and CloudTrail logs its use"
            )
        ])
    );
}

#[test]
fn custom_separators_allow_multi_line_definitions() {
    let text = "Envelope encryption :: Encrypt data with a data key,\nthen encrypt the data key with a KMS key.\n---\n\
                Grant :: A way to give temporary permissions\n---\n\
                no separator on this row\n---\n\
                Alias :: \n---\n";
    let imported = quizlet(
        TermSeparator::Custom(" :: ".into()),
        RowSeparator::Custom("\n---\n".into()),
        text,
    );
    assert_eq!(
        problems(&imported),
        [
            "Quizlet set.txt:6: expected a term and a definition separated by \" :: \"",
            "Quizlet set.txt:8: the back is empty",
        ]
    );
    assert_eq!(
        pairs(&imported),
        owned(&[
            (
                "Envelope encryption",
                "Encrypt data with a data key,\\\nthen encrypt the data key with a KMS key."
            ),
            ("Grant", "A way to give temporary permissions"),
        ])
    );
    let back = &topic(&imported).cards[0].back;
    assert_eq!(
        to_safe_html(back),
        "<p>Encrypt data with a data key,<br />\nthen encrypt the data key with a KMS key.</p>\n",
        "a line break in a definition stays one"
    );
}

#[test]
fn quizlet_text_is_plain_text() {
    let imported = quizlet(
        TermSeparator::Tab,
        RowSeparator::NewLine,
        "# of keys\t*at most* 100_000 {{per}} Region\n",
    );
    let (front, back) = pairs(&imported).remove(0);
    assert_eq!(to_safe_html(&front), "<p># of keys</p>\n");
    assert_eq!(
        to_safe_html(&back),
        "<p>*at most* 100_000 {{per}} Region</p>\n"
    );
}

#[test]
fn the_same_separator_twice_is_refused() {
    let imported = quizlet(
        TermSeparator::Custom(";".into()),
        RowSeparator::Semicolon,
        "a;b;c;d",
    );
    assert_eq!(
        problems(&imported),
        [
            "Quizlet set.txt:1: the separators between terms and between rows must be different and not empty",
            "Quizlet set.txt:1: no card could be imported from this file",
        ]
    );
    assert!(!imported.has_cards());
}

#[test]
fn a_term_given_twice_is_kept_twice_with_a_warning() {
    let imported = quizlet(
        TermSeparator::Tab,
        RowSeparator::NewLine,
        "KMS\tKey Management Service\nKMS\tA managed service for keys\n",
    );
    let ids: Vec<String> = topic(&imported)
        .cards
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(ids[1], format!("{}-2", ids[0]));
    assert_eq!(
        problems(&imported),
        [format!(
            "Quizlet set.txt:2: the same card as line 1; imported again as \"{}\"",
            ids[1]
        )]
    );
}
