//! The key model: keys and their specs, states and material, aliases,
//! grants, rotation schedules, import parameters, key policies, the
//! ciphertext blob, the names of the operations, and the store that holds
//! them, and the asymmetric engine ([`asymmetric`]). It knows nothing of requests or authorization, and depends only on
//! the platform.

pub mod alias;
pub mod asymmetric;
pub mod blob;
pub mod crypto;
pub mod grant;
pub mod import;
pub mod key_id;
pub mod key_policy;
pub mod keys;
pub mod metadata;
pub mod operation;
pub mod rotation;
pub mod store;
pub mod wire;

pub use alias::Alias;
pub use blob::EncryptionContext;
pub use crypto::Material;
pub use grant::Grant;
pub use keys::Key;
pub use operation::Operation;
pub use rotation::Rotation;
pub use store::{Backing, Kms};
