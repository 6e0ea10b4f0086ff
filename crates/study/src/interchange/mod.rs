//! Decks in and out: Anki's and Quizlet's text exports, spreadsheet CSV and
//! KeyDeck's own deck files become KeyDeck decks, and any deck goes out as
//! KeyDeck Markdown, as a file Anki imports, or as CSV.
//!
//! An import is turned into a KeyDeck deck file (the Markdown format of
//! `content/README.md`), and that text is parsed with the deck parser before
//! anything is shown: the preview ([`Imported::topic`]) is exactly what the
//! app will read back from [`Imported::markdown`] once it is saved. A row
//! that the parser would refuse is left out and reported at its own line.
//!
//! - Card ids are stable: an id the file carries (a KeyDeck export's, an
//!   Anki GUID) is kept or hashed, otherwise the front is slugged and hashed
//!   (see `ids`), so importing the same file again keeps the progress that
//!   is stored by card id.
//! - HTML in Anki fields is converted to Markdown (see `html`), and the
//!   Markdown is rendered by [`crate::markdown::to_safe_html`] like every
//!   other card: script, event handlers and `javascript:` links never
//!   survive.
//! - Cards from other apps cite no AWS page, which the deck format requires:
//!   they link to [`IMPORTED_SOURCE`], the AWS documentation home page.

mod anki;
mod anki_cloze;
mod anki_export;
mod csv_file;
mod draft;
mod html;
mod html_markdown;
mod ids;
mod markdown_in;
mod markdown_out;
mod quizlet;
mod source;
mod text;

use std::fmt;

use crate::deck::{DeckError, Topic};

pub use markdown_out::{retitle, topic_markdown};
pub use source::{pasted_file_name, PASTED_TITLE};

/// The page an imported card links to when its file names none.
pub const IMPORTED_SOURCE: &str = "https://docs.aws.amazon.com/";

/// The kinds of file a learner can import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportFormat {
    /// KeyDeck's own deck file (`content/README.md`), saved as written. Any
    /// error refuses the whole file, as for the shipped decks.
    Markdown,
    /// Anki's "Notes in Plain Text" export (`.txt`), with the file headers
    /// described at <https://docs.ankiweb.net/importing/text-files.html#file-headers>:
    /// `#separator:`, `#html:`, `#tags:`, `#deck:`, `#notetype:`, and the
    /// `#guid column:`, `#notetype column:`, `#deck column:` and
    /// `#tags column:` lines that say which columns are not note fields.
    Anki,
    /// The text of Quizlet's "Export" dialog (Quizlet Help Center,
    /// "Exporting your sets"), with the two separators chosen there.
    Quizlet {
        terms: TermSeparator,
        rows: RowSeparator,
    },
    /// A spreadsheet saved as CSV: front, back and optional tags, with or
    /// without a header row. A header row may also name the other fields of
    /// a card (`id`, `kind`, `source`, …), as [`ExportFormat::Csv`] writes.
    Csv,
}

/// What stands between a term and its definition in a Quizlet export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermSeparator {
    Tab,
    Comma,
    Custom(String),
}

/// What stands between two rows (cards) in a Quizlet export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowSeparator {
    NewLine,
    Semicolon,
    Custom(String),
}

/// The kinds of file a deck can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// KeyDeck's deck file: every field of every card, re-imported as is.
    Markdown,
    /// Tab-separated notes with Anki's file headers, for File > Import in
    /// Anki: one note per card (Basic, "Basic (and reversed card)" for term
    /// cards, Cloze for cloze cards), the card id as the note's GUID, the
    /// deck title as its deck, and the fields as HTML.
    AnkiTsv,
    /// A header row `front,back,tags,id,kind,source,note,seed,walkthrough`,
    /// then one row per card: every field of the card, the text as Markdown.
    Csv,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::Markdown,
        ExportFormat::AnkiTsv,
        ExportFormat::Csv,
    ];

    /// The format's name on the export buttons.
    pub fn title(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "KeyDeck Markdown",
            ExportFormat::AnkiTsv => "Anki",
            ExportFormat::Csv => "CSV",
        }
    }

    /// The file name to offer for a deck: `kms-basics.md`, `kms-basics.txt`
    /// (Anki imports `.txt`), `kms-basics.csv`.
    pub fn file_name(self, topic_id: &str) -> String {
        let extension = match self {
            ExportFormat::Markdown => "md",
            ExportFormat::AnkiTsv => "txt",
            ExportFormat::Csv => "csv",
        };
        format!("{topic_id}.{extension}")
    }

    /// The media type of the exported text, for a download.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "text/markdown; charset=utf-8",
            ExportFormat::AnkiTsv => "text/plain; charset=utf-8",
            ExportFormat::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// How bad a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The row was left out of the deck.
    Error,
    /// The row was imported, but not quite as written.
    Warning,
}

/// Something wrong with one line of an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The imported file's name, as given to [`import`].
    pub file: String,
    /// The 1-based line where the row (or header line) starts.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// An imported file, ready to preview and then to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The deck file name to save the deck under: its topic id and `.md`.
    pub file: String,
    /// The deck in KeyDeck's Markdown format: what to store with `file`
    /// among the learner's imported decks.
    pub markdown: String,
    /// `markdown` as the deck parser reads it: the preview. `None` when no
    /// card could be imported.
    pub topic: Option<Topic>,
    /// Errors (rows left out) and warnings, in line order.
    pub problems: Vec<Problem>,
}

impl Imported {
    /// The rows that were left out.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    /// Whether there is a deck to save: at least one card imported.
    pub fn has_cards(&self) -> bool {
        self.topic.is_some()
    }

    /// The deck file to save when the learner titles the deck `title`:
    /// [`Imported::markdown`] as it is when that is the deck's title already,
    /// else [`retitle`]d. Errs when there is no deck or no title.
    pub fn titled(&self, title: &str) -> Result<String, Vec<DeckError>> {
        let Some(topic) = &self.topic else {
            return Err(vec![DeckError {
                file: self.file.clone(),
                line: 1,
                message: "there are no cards to save".to_owned(),
            }]);
        };
        if topic.title.split_whitespace().eq(title.split_whitespace()) {
            Ok(self.markdown.clone())
        } else {
            retitle(&self.file, &self.markdown, title)
        }
    }
}

/// Reads `text`, the content of the file `file_name`, as `format`. The file
/// name names the deck (`My cards.txt` becomes the topic `my-cards`) and
/// every problem.
pub fn import(format: &ImportFormat, file_name: &str, text: &str) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        ImportFormat::Markdown => markdown_in::import(file_name, text),
        ImportFormat::Anki => anki::import(file_name, text),
        ImportFormat::Quizlet { terms, rows } => quizlet::import(file_name, text, terms, rows),
        ImportFormat::Csv => csv_file::import(file_name, text),
    }
}

/// Writes `topic` as `format`. Every format carries the card ids, so
/// importing the export again keeps the learner's progress.
pub fn export(topic: &Topic, format: ExportFormat) -> String {
    match format {
        ExportFormat::Markdown => topic_markdown(topic),
        ExportFormat::AnkiTsv => anki_export::export(topic),
        ExportFormat::Csv => csv_file::export(topic),
    }
}
