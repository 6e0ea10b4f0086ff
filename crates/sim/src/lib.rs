//! A simulator of AWS KMS, the Encryption SDK, Parameter Store and Secrets
//! Manager, faithful to the real APIs' member names, errors and limits.
//!
//! Pure Rust with no web dependencies: it runs natively in tests, in the page
//! as wasm, and behind a loopback endpoint for the AWS SDKs.

pub mod account;
