//! Lookup and authorization: finding the key a request names, whether its
//! state allows the operation, and whether the caller may do it (key
//! policy, IAM policies and grants together), or why not. Depends on the
//! key model and the platform only.

pub mod access;
pub mod explain;
pub mod key_state;
pub mod lookup;

pub use access::Access;
pub use explain::{AccessDecision, AccessExplanation, DecidedBy};
pub use lookup::Scope;
