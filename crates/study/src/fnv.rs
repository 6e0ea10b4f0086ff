//! FNV-1a, 64-bit: a fixed hash, the same on every platform and every
//! release, which `std`'s hashers do not promise. Seeds quizzes from their
//! labels and names imported cards.

pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
