//! Where an import comes from: a file the learner picked, whose name says
//! what it holds, or text pasted from Quizlet's export dialog.

use super::ImportFormat;

/// What a deck pasted without a title is called.
pub const PASTED_TITLE: &str = "Pasted cards";

impl ImportFormat {
    /// The format the name of a picked file says, given the format the
    /// learner has `chosen` so far: `.md` is a KeyDeck deck, `.csv` a
    /// spreadsheet, `.txt` and `.tsv` Anki's notes. Quizlet's export is
    /// text the learner saved in a file of any of those names, so a chosen
    /// Quizlet format stays. A name without an extension keeps the choice.
    ///
    /// Errs with a sentence for the learner when the file is of a kind
    /// KeyDeck cannot read, such as an Anki package.
    pub fn for_file(file_name: &str, chosen: &ImportFormat) -> Result<ImportFormat, String> {
        let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        let Some((_, extension)) = name.rsplit_once('.') else {
            return Ok(chosen.clone());
        };
        let quizlet = matches!(chosen, ImportFormat::Quizlet { .. });
        match extension.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(ImportFormat::Markdown),
            "txt" | "tsv" | "csv" if quizlet => Ok(chosen.clone()),
            "txt" | "tsv" => Ok(ImportFormat::Anki),
            "csv" => Ok(ImportFormat::Csv),
            "apkg" | "colpkg" => Err(format!(
                "{name} is an Anki package, which KeyDeck cannot read. In Anki, choose \
                 File › Export…, then \"Notes in Plain Text\", and import that .txt file."
            )),
            "xlsx" | "xls" | "ods" | "numbers" => Err(format!(
                "{name} is a spreadsheet. Save it as CSV, then import the .csv file."
            )),
            _ => Err(format!(
                "{name} is not a deck KeyDeck can import: choose a .md, .txt, .tsv or .csv file."
            )),
        }
    }
}

/// The file name pasted text is imported under: the title the learner
/// gives the deck, so that the deck is named after it (`KMS terms` is the
/// topic `kms-terms`), or [`PASTED_TITLE`].
pub fn pasted_file_name(title: &str) -> String {
    let title = title.replace(['/', '\\'], " ");
    let title = title.trim();
    let title = if title.is_empty() {
        PASTED_TITLE
    } else {
        title
    };
    format!("{title}.txt")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::{RowSeparator, TermSeparator};

    fn quizlet() -> ImportFormat {
        ImportFormat::Quizlet {
            terms: TermSeparator::Custom(" - ".to_owned()),
            rows: RowSeparator::Semicolon,
        }
    }

    #[test]
    fn a_file_name_chooses_the_format() {
        let csv = ImportFormat::Csv;
        assert_eq!(
            ImportFormat::for_file("mine.md", &csv),
            Ok(ImportFormat::Markdown)
        );
        assert_eq!(
            ImportFormat::for_file("Deck.MD", &csv),
            Ok(ImportFormat::Markdown)
        );
        assert_eq!(
            ImportFormat::for_file("KMS.txt", &csv),
            Ok(ImportFormat::Anki)
        );
        assert_eq!(
            ImportFormat::for_file("KMS.tsv", &csv),
            Ok(ImportFormat::Anki)
        );
        let anki = ImportFormat::Anki;
        assert_eq!(
            ImportFormat::for_file("sheet.csv", &anki),
            Ok(ImportFormat::Csv)
        );
        assert_eq!(
            ImportFormat::for_file("notes", &anki),
            Ok(ImportFormat::Anki)
        );
    }

    #[test]
    fn a_text_file_keeps_the_chosen_quizlet_separators() {
        for name in ["set.txt", "set.tsv", "set.csv", "set"] {
            assert_eq!(
                ImportFormat::for_file(name, &quizlet()),
                Ok(quizlet()),
                "{name}"
            );
        }
        assert_eq!(
            ImportFormat::for_file("set.md", &quizlet()),
            Ok(ImportFormat::Markdown)
        );
    }

    #[test]
    fn a_file_keydeck_cannot_read_is_named_with_what_to_do() {
        let anki = ImportFormat::Anki;
        let package = ImportFormat::for_file("C:\\Users\\me\\KMS.apkg", &anki).unwrap_err();
        assert!(
            package.starts_with("KMS.apkg is an Anki package"),
            "{package}"
        );
        assert!(package.contains("Notes in Plain Text"), "{package}");
        let sheet = ImportFormat::for_file("cards.xlsx", &anki).unwrap_err();
        assert_eq!(
            sheet,
            "cards.xlsx is a spreadsheet. Save it as CSV, then import the .csv file."
        );
        let other = ImportFormat::for_file("photo.jpg", &anki).unwrap_err();
        assert_eq!(
            other,
            "photo.jpg is not a deck KeyDeck can import: choose a .md, .txt, .tsv or .csv file."
        );
    }

    #[test]
    fn pasted_text_is_named_after_its_title() {
        assert_eq!(pasted_file_name("KMS terms"), "KMS terms.txt");
        assert_eq!(pasted_file_name("  "), "Pasted cards.txt");
        assert_eq!(pasted_file_name(" KMS/S3 "), "KMS S3.txt");
    }
}
