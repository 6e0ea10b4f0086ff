//! Behaviour of EBS (the volumes and snapshots of the EC2 API) through the
//! simulator's one entry point, with exact EC2 error codes and messages.

mod common;
mod copy;
mod sharing;
mod snapshots;
mod volumes;
