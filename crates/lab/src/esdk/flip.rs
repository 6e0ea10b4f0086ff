//! `keydeck-esdk-flip FILE OFFSET`: a copy of a message with one bit of
//! one byte changed, written to `FILE.flipped`, to see which check of
//! decryption refuses it.

use crate::io::{CommandOutput, Vfs};

const USAGE: &str = "usage: keydeck-esdk-flip FILE OFFSET";

pub fn run(files: &mut Vfs, args: &[String]) -> CommandOutput {
    let fail = |message: String| CommandOutput::fail(1, format!("keydeck-esdk-flip: {message}\n"));
    let [file, offset] = args else {
        return CommandOutput::fail(2, format!("{USAGE}\n"));
    };
    let Some(bytes) = files.read(file) else {
        return fail(format!("{file}: No such file"));
    };
    let Ok(offset) = offset.parse::<usize>() else {
        return fail(format!("{offset}: the offset is a byte number, 0 or more"));
    };
    if offset >= bytes.len() {
        return fail(format!(
            "{file} has {} bytes: the offset is 0 to {}",
            bytes.len(),
            bytes.len().saturating_sub(1)
        ));
    }
    let mut copy = bytes.to_vec();
    let before = copy[offset];
    copy[offset] ^= 0x01;
    let field = keydeck_esdk::annotate(bytes)
        .spans
        .iter()
        .find(|s| s.range.contains(&offset))
        .map_or("past the last field read".to_owned(), |s| {
            s.field.to_string()
        });
    let name = format!("{file}.flipped");
    let said = format!(
        "Byte {offset} ({field}): 0x{before:02x} -> 0x{:02x}, written to {name}\n",
        copy[offset]
    );
    files.write(&name, copy);
    CommandOutput::ok(said)
}
