//! FNV-1a: a cheap, stable fingerprint of shipped files, for build ids and
//! content-hashed file names. Not for security.

pub struct Fnv(u64);

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The first 12 hex digits.
    pub fn short(&self) -> String {
        format!("{:016x}", self.0)[..12].to_owned()
    }
}
