//! FNV-1a, 64-bit: a fixed hash, the same on every platform and every
//! release, which `std`'s hashers do not promise. Seeds quizzes from their
//! labels, names imported cards, and fingerprints the build's files.
//! Not for security.

/// FNV-1a fed in pieces: feeding `a` then `b` is hashing `a` and `b` joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    pub fn new() -> Self {
        Self(Self::OFFSET_BASIS)
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(Self::PRIME);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fnv1a {
    fn default() -> Self {
        Self::new()
    }
}

/// The hash of `bytes` in one piece.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = Fnv1a::new();
    hash.feed(bytes);
    hash.finish()
}

#[cfg(test)]
mod tests {
    use super::{fnv1a, Fnv1a};

    #[test]
    fn matches_the_published_64_bit_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn feeding_in_pieces_hashes_the_whole() {
        let mut hash = Fnv1a::new();
        hash.feed(b"foo");
        hash.feed(b"bar");
        assert_eq!(hash.finish(), fnv1a(b"foobar"));
    }
}
