//! One file per route. Each page reads like its page: the view at the bottom.

pub mod about;
pub mod home;
pub mod lab;
pub mod labs;
pub mod not_found;
pub mod progress;
pub mod quiz;
pub mod study;
pub mod walkthroughs;
