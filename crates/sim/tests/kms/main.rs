//! Behaviour of the KMS simulator through its one entry point, with exact
//! AWS exception names and messages.

mod aliases;
mod asymmetric;
mod common;
mod crypt;
mod explain;
mod grants;
mod import;
mod keys;
mod metadata;
mod multi_region;
mod policy;
mod props;
mod rotation;
mod seed;
mod tags;
mod trail;
