//! The features of KMS beyond a key's own life: aliases, grants, key
//! policies, rotation, imported material, multi-Region keys and tags, each
//! with its operations. They use lookup and authorization and the key
//! model; a feature may use another (multi-Region keys check new key
//! policies and tags).

pub mod aliases;
pub mod grants;
pub mod import;
pub mod key_policy;
pub mod multi_region;
pub mod rotation;
pub mod tags;
