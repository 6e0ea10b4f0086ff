//! A simulator of AWS KMS, faithful to the real API's member names, errors
//! and limits, with real cryptography and IAM-style authorization.
//!
//! Pure Rust with no web dependencies: it runs natively in tests, in the page
//! as wasm, and behind a loopback endpoint for the AWS SDKs (the
//! `keydeck-sim` binary). Start at [`Simulator::call`].

pub mod account;
pub mod clock;
pub mod error;
pub mod iam;
pub mod kms;
pub mod policy;
pub mod principal;
pub mod random;
pub mod request;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
pub mod simulator;
pub mod trail;

pub use account::{AccountId, Region};
pub use error::Error;
pub use principal::{Caller, Principal};
pub use random::Entropy;
pub use simulator::Simulator;
