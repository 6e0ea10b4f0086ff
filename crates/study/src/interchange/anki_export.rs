//! A deck as a file for Anki's File > Import: tab-separated notes after the
//! file headers that tell Anki how to read them
//! (<https://docs.ankiweb.net/importing/text-files.html#file-headers>), as
//! Anki's own "Notes in Plain Text" export writes them.
//!
//! Columns: the card id as the note's GUID (so importing the file again
//! updates the notes instead of duplicating them), the note type, the deck
//! (the topic's title), the two fields as HTML, and the tags.
//!
//! - basic and table cards are "Basic" notes; term cards "Basic (and
//!   reversed card)", which Anki asks both ways as KeyDeck does; cloze cards
//!   "Cloze" notes, the hidden part as `{{c1::…}}` and the back as "Back
//!   Extra".
//! - Fields are the cards' Markdown rendered by
//!   [`crate::markdown::to_safe_html`], as KeyDeck shows them. The back ends
//!   with a link to the card's AWS source, which an import reads back as the
//!   card's `source:`. A card's "Changed since the seed" note is not exported.

use crate::card::CardKind;
use crate::deck::Topic;
use crate::markdown::to_safe_html;

const HEADER: &str = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n";

pub(super) fn export(topic: &Topic) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        // Quote a field that starts with `#`, which Anki would read as a comment.
        .comment(Some(b'#'))
        .from_writer(Vec::new());
    for card in &topic.cards {
        let (notetype, front) = match card.kind {
            CardKind::Cloze => ("Cloze", card.front.replacen("{{", "{{c1::", 1)),
            CardKind::Term => ("Basic (and reversed card)", card.front.clone()),
            CardKind::Basic | CardKind::Table => ("Basic", card.front.clone()),
        };
        // The form `anki::split_source` reads back.
        let back = format!(
            "{}\n\n[AWS documentation]({})",
            card.back.trim(),
            card.source
        );
        let tags: Vec<String> = card
            .tags
            .iter()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join("_"))
            .collect();
        let (front, back) = (to_safe_html(&front), to_safe_html(&back));
        let record = [
            card.id.as_str(),
            notetype,
            &topic.title,
            front.trim_end(),
            back.trim_end(),
            &tags.join(" "),
        ];
        writer
            .write_record(record)
            .expect("writing to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    HEADER.to_owned() + &String::from_utf8(bytes).expect("the fields are UTF-8")
}
