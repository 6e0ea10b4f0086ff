//! Behaviour of Parameter Store through the simulator's one entry point,
//! with exact AWS exception names and messages.

mod by_path;
mod common;
mod labels;
mod policies;
mod props;
mod put;
mod read;
mod secure_string;
