//! The AWS CLI v2's error texts and exit statuses, as its error handlers
//! print them (aws-cli `awscli/errorhandler.py` and `awscli/argparser.py`,
//! release 2.30; statuses from
//! <https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-returncodes.html>).
//!
//! Every error goes to standard error between a blank line and a newline.
//! Command-line errors (252) repeat the usage preamble.

use crate::io::CommandOutput;

/// The usage text argparse prints above a command-line error.
pub const USAGE: &str = "aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
To see help text, you can run:\n\
\n\
\x20 aws help\n\
\x20 aws <command> help\n\
\x20 aws <command> <subcommand> help\n";

/// Exit status of a command-line or parameter error.
pub const PARAM_RC: i32 = 252;
/// Exit status of an error the service returned.
pub const CLIENT_RC: i32 = 254;
/// Exit status of any other error.
pub const GENERAL_RC: i32 = 255;

/// Why `aws` stopped before or after calling the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliError {
    /// argparse's error: `aws: error: <message>` under the usage text.
    Usage(String),
    /// Words the parsers did not recognise: `Unknown options: --foo, bar`.
    Unknown(Vec<String>),
    /// A parameter or global-option problem found before the call (252):
    /// `Error parsing parameter '--x': …`, `Parameter validation failed:…`.
    Param(String),
    /// An error the service answered with (254).
    Client {
        code: String,
        operation: String,
        message: String,
    },
    /// Anything else (255): invalid base64, a bad integer, an unknown
    /// profile.
    General(String),
}

impl CliError {
    /// `Error parsing parameter '<option>': <message>`.
    pub fn parsing(option: &str, message: &str) -> CliError {
        CliError::Param(format!("Error parsing parameter '{option}': {message}"))
    }

    /// An error returned by the simulator for `operation`.
    pub fn client(operation: &str, error: &keydeck_sim::Error) -> CliError {
        CliError::Client {
            code: error.code().to_owned(),
            operation: operation.to_owned(),
            message: error.message().unwrap_or_default().to_owned(),
        }
    }

    pub fn status(&self) -> i32 {
        match self {
            CliError::Usage(_) | CliError::Unknown(_) | CliError::Param(_) => PARAM_RC,
            CliError::Client { .. } => CLIENT_RC,
            CliError::General(_) => GENERAL_RC,
        }
    }

    /// What the CLI writes to standard error.
    pub fn text(&self) -> String {
        match self {
            CliError::Usage(message) => {
                format!("\nusage: {USAGE}\naws: error: {message}\n\n")
            }
            CliError::Unknown(words) => {
                format!(
                    "\nusage: {USAGE}\nUnknown options: {}\n\n",
                    words.join(", ")
                )
            }
            CliError::Param(message) | CliError::General(message) => format!("\n{message}\n"),
            CliError::Client {
                code,
                operation,
                message,
            } => format!(
                "\nAn error occurred ({code}) when calling the {operation} operation: {message}\n"
            ),
        }
    }

    pub fn output(&self) -> CommandOutput {
        CommandOutput::fail(self.status(), self.text())
    }
}

/// A string as Python's `repr` shows it: in single quotes, or in double
/// quotes when it holds a single quote and no double quote.
pub fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// argparse's "Invalid choice" message for a positional or option
/// (`argparser.py`, `CLIArgParser._check_value`): every valid choice,
/// two to a line padded to 40 columns, then the close matches.
pub fn invalid_choice(argument: &str, value: &str, choices: &[&str]) -> CliError {
    let mut lines = vec!["Invalid choice, valid choices are:\n".to_owned()];
    for pair in choices.chunks(2) {
        let cells: Vec<String> = pair.iter().map(|c| format!("{c:<40}")).collect();
        lines.push(cells.join(" | "));
    }
    let close = super::suggest::close_matches(value, choices);
    if !close.is_empty() {
        lines.push(format!(
            "\n\nInvalid choice: {}, maybe you meant:\n",
            py_repr(value)
        ));
        lines.extend(close.iter().map(|w| format!("  * {w}")));
    }
    CliError::Usage(format!("argument {argument}: {}", lines.join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_repr_picks_its_quotes() {
        assert_eq!(py_repr("abc"), "'abc'");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("a\"b'c"), "'a\"b\\'c'");
    }
}
