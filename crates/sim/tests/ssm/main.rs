//! Behaviour of Parameter Store through the simulator's one entry point,
//! with exact AWS exception names and messages.

mod by_path;
mod common;
#[path = "../shared/key_policy.rs"]
mod key_policy;
mod labels;
mod policies;
mod props;
mod put;
mod read;
mod secure_string;
