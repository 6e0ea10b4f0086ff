//! The simulator's one source of randomness: a ChaCha20 generator seeded
//! from a `u64`.
//!
//! Every random value any simulated service makes (key IDs, key material,
//! nonces, data keys, grant IDs and tokens, import tokens, RSA key pairs,
//! RSA-OAEP padding and RSASSA-PSS salts) is drawn from the [`Entropy`] its
//! [`crate::Simulator`] owns. The same seed and the same calls therefore
//! give the same responses, which lets a lab rebuild its state by replaying
//! its log. ECDSA signatures need no randomness: RustCrypto signs them
//! deterministically (RFC 6979).
//!
//! ChaCha20 is a cryptographically secure generator, so the key material is
//! as good as the seed: a seed from [`Entropy::from_os`] is unpredictable,
//! one chosen by hand is not. The simulator is for learning; it protects no
//! real data.

use rand_chacha::ChaCha20Rng;
use rand_core::{CryptoRng, OsRng, RngCore, SeedableRng};

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A seeded, cloneable, cryptographically secure random generator. A clone
/// continues exactly where the original is.
#[derive(Clone)]
pub struct Entropy {
    seed: u64,
    rng: ChaCha20Rng,
}

impl std::fmt::Debug for Entropy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Entropy(seed {})", self.seed)
    }
}

impl Entropy {
    /// A generator whose whole output follows from `seed`.
    pub fn from_seed(seed: u64) -> Entropy {
        Entropy {
            seed,
            rng: ChaCha20Rng::seed_from_u64(seed),
        }
    }

    /// A generator seeded from the operating system's (or, in a browser,
    /// `crypto.getRandomValues`') entropy.
    pub fn from_os() -> Entropy {
        Entropy::from_seed(OsRng.next_u64())
    }

    /// The seed this generator started from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// `n` random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        let mut out = vec![0; n];
        self.rng.fill_bytes(&mut out);
        out
    }

    /// A resource ID in EC2's form: `prefix-` and 17 random hex digits
    /// (`vol-0a1b2c3d4e5f67890`).
    pub fn resource_id(&mut self, prefix: &str) -> String {
        let digits = hex(&self.bytes(9));
        format!("{prefix}-{}", &digits[..17])
    }

    /// A random (version 4) UUID, lower-case with hyphens, as AWS writes key
    /// IDs and secret version IDs.
    pub fn uuid(&mut self) -> String {
        let mut bytes = [0u8; 16];
        self.rng.fill_bytes(&mut bytes);
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .hyphenated()
            .to_string()
    }

    /// A random 256-bit key.
    pub fn key(&mut self) -> [u8; 32] {
        let mut k = [0; 32];
        self.rng.fill_bytes(&mut k);
        k
    }
}

impl RngCore for Entropy {
    fn next_u32(&mut self) -> u32 {
        self.rng.next_u32()
    }

    fn next_u64(&mut self) -> u64 {
        self.rng.next_u64()
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        self.rng.fill_bytes(dest);
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.rng.try_fill_bytes(dest)
    }
}

/// ChaCha20 is a cryptographically secure generator.
impl CryptoRng for Entropy {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_seed_gives_one_stream() {
        let (mut a, mut b) = (Entropy::from_seed(7), Entropy::from_seed(7));
        assert_eq!(a.bytes(40), b.bytes(40));
        assert_eq!(a.key(), b.key());
        assert_eq!(a.seed(), 7);
    }

    #[test]
    fn different_seeds_give_different_streams() {
        let (mut a, mut b) = (Entropy::from_seed(7), Entropy::from_seed(8));
        assert_ne!(a.bytes(32), b.bytes(32));
    }

    #[test]
    fn a_clone_continues_where_the_original_is() {
        let mut a = Entropy::from_seed(1);
        a.bytes(5);
        let mut b = a.clone();
        assert_eq!(a.next_u64(), b.next_u64());
    }
}
