//! The service-neutral core every simulated service stands on: accounts
//! and Regions, principals and callers, IAM identity policies and policy
//! evaluation, the clock, the trail, reading JSON 1.1 requests, paging, the
//! seeded random source, and AWS exceptions as values.
//!
//! Nothing here names a service; services (`kms`, `ssm`, `secretsmanager`,
//! and later `ec2`) build on it.

pub mod account;
pub mod aead;
pub mod aws_enum;
pub mod clock;
pub mod env;
pub mod error;
pub mod iam;
pub mod identity;
pub mod lazy;
pub mod paging;
pub mod policy;
pub mod principal;
pub mod random;
pub mod request;
pub mod trail;
