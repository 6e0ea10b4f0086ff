//! Asymmetric key pairs (RSA and ECDSA) behind a trait, in a [`Lazy`] slot.
//!
//! RSA and the elliptic curves are most of the simulator's code, and only
//! asymmetric keys, data key pairs, key import and offline signature checks
//! use them. So the browser's labs worker fetches them as a chunk of their
//! own, on the first call that needs one (see [`crate::platform::lazy`]).
//! Everything else holds the keys as `dyn` objects made by the [`Engine`].
//!
//! Every random value is drawn from the caller's generator, in the same
//! order as RustCrypto draws it, so a seed gives the same keys, padding and
//! salts whichever way the code arrived.

pub mod engine;
pub mod rust_crypto;

pub use engine::{Engine, KeyPair, PrivateKey, PublicKey};

use crate::platform::lazy::{lazy_slot, Missing};

lazy_slot! {
    /// The slot: RustCrypto natively; in the browser, once the worker has
    /// fetched the `asymmetric` chunk.
    pub static ENGINE: dyn Engine = ("asymmetric", &rust_crypto::RustCrypto);
}

/// The engine, or [`Missing`] while the browser has not loaded it.
pub fn engine() -> Result<&'static dyn Engine, Missing> {
    ENGINE.get()
}
