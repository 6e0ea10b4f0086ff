//! `base64`, as GNU coreutils has it.
//!
//! `base64 [-d] [-w COLS] [FILE]`: encodes FILE, or standard input when
//! there is no FILE or it is `-`, to base64 with a line break every 76
//! characters (`-w COLS`/`--wrap=COLS` changes that; `0` never breaks).
//! `-d`/`--decode` decodes instead, ignoring line breaks; data that is not
//! base64 gives `base64: invalid input` and status 1, after whatever
//! decoded before it.
//!
//! In the labs this is the bridge between the AWS CLI, which prints blobs
//! as base64 text, and the files `fileb://` reads as raw bytes.

use base64::alphabet::STANDARD;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use lexopt::Arg;

use super::options::{option_error, parser, text, usage_error};
use crate::io::{CommandOutput, Vfs};

/// GNU's default line length.
const WRAP: usize = 76;

/// GNU accepts a final group with or without its `=` padding.
const ENGINE: GeneralPurpose = GeneralPurpose::new(
    &STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

struct Options {
    decode: bool,
    wrap: usize,
    file: Option<String>,
}

/// Runs `base64` with its arguments on standard input.
pub fn run(files: &Vfs, args: &[String], stdin: &[u8]) -> CommandOutput {
    let options = match options(args) {
        Ok(o) => o,
        Err(out) => return out,
    };
    let input = match options.file.as_deref() {
        None | Some("-") => stdin,
        Some(name) => match files.read(name) {
            Some(bytes) => bytes,
            None => {
                return CommandOutput::fail(
                    1,
                    format!("base64: {name}: No such file or directory\n"),
                )
            }
        },
    };
    if options.decode {
        decode(input)
    } else {
        CommandOutput::ok(encode(input, options.wrap))
    }
}

fn options(args: &[String]) -> Result<Options, CommandOutput> {
    let mut o = Options {
        decode: false,
        wrap: WRAP,
        file: None,
    };
    let mut p = parser(args);
    while let Some(arg) = p.next().map_err(|e| option_error("base64", 1, &e))? {
        match arg {
            Arg::Short('d') | Arg::Long("decode") => o.decode = true,
            Arg::Short('w') | Arg::Long("wrap") => {
                let cols = p.value().map_err(|e| option_error("base64", 1, &e))?;
                let cols = text(cols);
                o.wrap = cols.parse().map_err(|_| {
                    CommandOutput::fail(1, format!("base64: invalid wrap size: '{cols}'\n"))
                })?;
            }
            Arg::Value(v) if o.file.is_none() => o.file = Some(text(v)),
            Arg::Value(v) => {
                return Err(usage_error(
                    "base64",
                    1,
                    &format!("extra operand '{}'", text(v)),
                ))
            }
            other => return Err(option_error("base64", 1, &other.unexpected())),
        }
    }
    Ok(o)
}

/// Base64 text with a line break every `wrap` characters (never when 0),
/// ending with a line break unless there is nothing to encode.
pub fn encode(bytes: &[u8], wrap: usize) -> String {
    let text = ENGINE.encode(bytes);
    if text.is_empty() {
        return text;
    }
    if wrap == 0 {
        return text + "\n";
    }
    let mut out = String::with_capacity(text.len() + text.len() / wrap + 1);
    for line in text.as_bytes().chunks(wrap) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Decodes four characters at a time, as GNU does, so that padded groups
/// may follow one another (`YQ==Yg==` is `ab`). Line breaks are skipped.
fn decode(input: &[u8]) -> CommandOutput {
    let text: Vec<u8> = input
        .iter()
        .copied()
        .filter(|b| *b != b'\n' && *b != b'\r')
        .collect();
    let mut out = CommandOutput::ok(Vec::new());
    for group in text.chunks(4) {
        match ENGINE.decode(group) {
            Ok(bytes) if group.len() == 4 => out.stdout.extend(bytes),
            Ok(bytes) => {
                out.stdout.extend(bytes);
                return invalid(out);
            }
            Err(_) => return invalid(out),
        }
    }
    out
}

fn invalid(mut out: CommandOutput) -> CommandOutput {
    out.stderr = "base64: invalid input\n".to_owned();
    out.status = 1;
    out
}
