//! A simulator of AWS KMS (and of Parameter Store and EBS, which call it), faithful to the real API's member names, errors
//! and limits, with real cryptography and IAM-style authorization.
//!
//! Pure Rust with no web dependencies: it runs natively in tests, in the page
//! as wasm, and behind a loopback endpoint for the AWS SDKs (the
//! `keydeck-sim` binary). Start at [`Simulator::call`].
//!
//! Layers, each depending only on those below it:
//! - [`server`]: the loopback HTTP endpoint, onto the simulator;
//! - [`simulator`]: the one entry point, routing each call to its service
//!   and recording it in the trail;
//! - a module per AWS service ([`kms`], [`ssm`], [`secretsmanager`],
//!   [`ec2`]), each layered inside;
//! - [`platform`]: the service-neutral core every service shares.

pub mod ec2;
pub mod kms;
pub mod platform;
pub mod secretsmanager;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
pub mod services;
pub mod simulator;
pub mod ssm;

pub use platform::account::{AccountId, Region};
pub use platform::error::Error;
pub use platform::principal::{Caller, Principal};
pub use platform::random::Entropy;
pub use simulator::Simulator;
