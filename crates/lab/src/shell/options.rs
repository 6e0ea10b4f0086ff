//! Builtins read their options with `lexopt`, GNU style (`-dw0`,
//! `--wrap=0`, `--wrap 0`, `--`); this turns its errors into GNU's words.

use lexopt::Error;

use crate::io::CommandOutput;

/// The arguments as a `lexopt` parser.
pub fn parser(args: &[String]) -> lexopt::Parser {
    lexopt::Parser::from_args(args.iter())
}

/// GNU's text for an option error, without the command name.
pub fn describe(error: &Error) -> String {
    match error {
        Error::UnexpectedOption(o) if o.starts_with("--") => {
            format!("unrecognized option '{o}'")
        }
        Error::UnexpectedOption(o) => {
            format!("invalid option -- '{}'", o.trim_start_matches('-'))
        }
        Error::MissingValue { option: Some(o) } if o.starts_with("--") => {
            format!("option '{o}' requires an argument")
        }
        Error::MissingValue { option: Some(o) } => {
            format!(
                "option requires an argument -- '{}'",
                o.trim_start_matches('-')
            )
        }
        Error::UnexpectedValue { option, .. } => {
            format!("option '{option}' doesn't allow an argument")
        }
        Error::UnexpectedArgument(a) => format!("extra operand '{}'", a.to_string_lossy()),
        other => other.to_string(),
    }
}

/// A usage error as GNU tools print it, with the `--help` hint.
pub fn usage_error(command: &str, status: i32, message: &str) -> CommandOutput {
    CommandOutput::fail(
        status,
        format!("{command}: {message}\nTry '{command} --help' for more information.\n"),
    )
}

/// An option error from `lexopt`, as GNU tools print it.
pub fn option_error(command: &str, status: i32, error: &Error) -> CommandOutput {
    usage_error(command, status, &describe(error))
}

/// A value as text (the shell's words are always valid UTF-8).
pub fn text(value: std::ffi::OsString) -> String {
    value.to_string_lossy().into_owned()
}
