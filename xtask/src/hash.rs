//! Build ids and content-hashed file names: `keydeck_study::fnv`'s FNV-1a,
//! a cheap, stable fingerprint of shipped files. Not for security.

pub use keydeck_study::fnv::Fnv1a as Fnv;

/// The first 12 hex digits of `hash`.
pub fn short(hash: &Fnv) -> String {
    format!("{:016x}", hash.finish())[..12].to_owned()
}
