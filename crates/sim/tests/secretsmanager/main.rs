//! Behaviour of Secrets Manager through the simulator's one entry point,
//! with exact AWS exception names and messages.

mod common;
mod delete;
mod encryption;
#[path = "../shared/key_policy.rs"]
mod key_policy;
mod password;
mod read;
mod replication;
mod resource_policy;
mod rotation;
mod stages;
mod write;
