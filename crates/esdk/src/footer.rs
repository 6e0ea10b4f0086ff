//! The message footer (specification: `data-format/message-footer.md`): a
//! u16 length and the signature over the header and body.

use crate::error::Error;
use crate::wire::{Field, Reader};

/// Reads the footer's signature.
pub fn read<'a>(r: &mut Reader<'a>) -> Result<&'a [u8], Error> {
    let len = usize::from(r.u16(Field::SignatureLength)?);
    r.take(len, Field::Signature)
}

/// Appends the footer for `signature`.
pub fn write(out: &mut Vec<u8>, signature: &[u8]) -> Result<(), Error> {
    crate::wire::put_u16_prefixed(out, signature)
}
