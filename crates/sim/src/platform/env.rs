//! What a call knows besides its request.

use crate::platform::clock::Timestamp;
use crate::platform::iam::Iam;
use crate::platform::principal::Caller;
use crate::platform::random::Entropy;
use std::cell::{RefCell, RefMut};

/// The caller, the time, the caller's IAM policies, and the simulator's
/// random generator: what every service's operations read besides their
/// request.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    pub caller: &'a Caller,
    pub now: Timestamp,
    pub iam: &'a Iam,
    pub rng: &'a RefCell<Entropy>,
}

impl<'a> Env<'a> {
    /// The random generator, for one draw; the borrow ends with the
    /// statement that makes it.
    pub fn rng(&self) -> RefMut<'a, Entropy> {
        self.rng.borrow_mut()
    }

    /// The same call made by another caller (such as the caller through an
    /// AWS service), at the same time, under the same IAM policies.
    pub fn as_caller<'b>(&self, caller: &'b Caller) -> Env<'b>
    where
        'a: 'b,
    {
        Env {
            caller,
            now: self.now,
            iam: self.iam,
            rng: self.rng,
        }
    }
}
