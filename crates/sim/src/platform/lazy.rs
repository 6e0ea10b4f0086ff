//! Code that the browser's build fetches only when it is first needed.
//!
//! A [`Lazy`] slot holds a piece of the simulator that is large and rarely
//! used (asymmetric cryptography, say) behind a trait object. Natively the
//! slot always answers with the built-in implementation. In the browser the
//! labs worker cuts that implementation into a chunk of its own: the slot is
//! empty until the worker has fetched the chunk and [`Lazy::install`]ed it.
//!
//! A call that reaches an empty slot fails, and the slot remembers that it
//! was missed ([`take_missed`]). The caller that owns the state (the lab
//! host) then puts the state back as it was before the call, fetches the
//! chunk, and runs the call again, so a learner never sees the miss.

use std::cell::Cell;
use std::fmt;
use std::sync::OnceLock;

/// A piece of code that is not loaded yet; the name is the chunk's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Missing(pub &'static str);

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the {} module is not loaded yet", self.0)
    }
}

thread_local! {
    static MISSED: Cell<Option<&'static str>> = const { Cell::new(None) };
    static WITHHELD: Cell<bool> = const { Cell::new(false) };
}

/// A slot for a lazily loaded implementation of `T`.
pub struct Lazy<T: ?Sized + Sync + 'static> {
    name: &'static str,
    installed: OnceLock<&'static T>,
    builtin: Option<&'static T>,
}

impl<T: ?Sized + Sync + 'static> Lazy<T> {
    /// A slot named `name`. `builtin` is what native builds answer with;
    /// the browser's build passes `None`, so that nothing outside the
    /// chunk refers to the implementation.
    pub const fn new(name: &'static str, builtin: Option<&'static T>) -> Lazy<T> {
        Lazy {
            name,
            installed: OnceLock::new(),
            builtin,
        }
    }

    /// The chunk's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The implementation, or [`Missing`] (remembered for [`take_missed`])
    /// while it is not loaded.
    pub fn get(&self) -> Result<&'static T, Missing> {
        self.loaded().ok_or_else(|| {
            // The first miss is the one the step stopped at; later ones
            // may only follow from it.
            if MISSED.get().is_none() {
                MISSED.set(Some(self.name));
            }
            Missing(self.name)
        })
    }

    /// The implementation if it is at hand, without counting a miss: for
    /// work that has nothing to do until the chunk has been used (a
    /// service's clock tick).
    pub fn loaded(&self) -> Option<&'static T> {
        self.installed.get().copied().or(match self.builtin {
            Some(builtin) if !WITHHELD.get() => Some(builtin),
            _ => None,
        })
    }

    /// Puts the loaded chunk's implementation in the slot. A second
    /// install keeps the first.
    pub fn install(&self, implementation: &'static T) {
        let _ = self.installed.set(implementation);
    }
}

/// Declares a static [`Lazy`] slot: `builtin` natively, empty in the
/// browser's build, so that nothing outside the chunk names the
/// implementation there. Other crates of the labs declare theirs with it
/// too, as `keydeck_sim::platform::lazy::lazy_slot!`.
#[doc(hidden)]
#[macro_export]
macro_rules! __lazy_slot {
    ($(#[$doc:meta])* $vis:vis static $name:ident: $ty:ty = ($chunk:literal, $builtin:expr);) => {
        $(#[$doc])*
        #[cfg(not(target_arch = "wasm32"))]
        $vis static $name: $crate::platform::lazy::Lazy<$ty> =
            $crate::platform::lazy::Lazy::new($chunk, Some($builtin));
        $(#[$doc])*
        #[cfg(target_arch = "wasm32")]
        $vis static $name: $crate::platform::lazy::Lazy<$ty> =
            $crate::platform::lazy::Lazy::new($chunk, None);
    };
}

pub use __lazy_slot as lazy_slot;

/// The first slot missed since the last call, if any, and forgets it.
pub fn take_missed() -> Option<&'static str> {
    MISSED.take()
}

/// While `on`, this thread's slots act as the browser's do before their
/// chunks arrive: every slot without an installed implementation misses.
/// For tests of the code that recovers from a miss.
pub fn withhold_builtins(on: bool) {
    WITHHELD.set(on);
}

#[cfg(test)]
mod tests {
    use super::*;

    trait Greet: Sync {
        fn hello(&self) -> &'static str;
    }
    struct English;
    impl Greet for English {
        fn hello(&self) -> &'static str {
            "hello"
        }
    }

    #[test]
    fn a_builtin_answers_until_it_is_withheld() {
        static SLOT: Lazy<dyn Greet> = Lazy::new("greeting", Some(&English));
        assert_eq!(SLOT.get().map(|g| g.hello()), Ok("hello"));
        assert_eq!(take_missed(), None);
        withhold_builtins(true);
        assert_eq!(SLOT.get().err(), Some(Missing("greeting")));
        assert_eq!(take_missed(), Some("greeting"));
        assert_eq!(take_missed(), None, "taking a miss forgets it");
        withhold_builtins(false);
        assert!(SLOT.get().is_ok());
    }

    #[test]
    fn an_empty_slot_misses_until_installed() {
        static SLOT: Lazy<dyn Greet> = Lazy::new("greeting", None);
        assert_eq!(
            SLOT.get().err().map(|m| m.to_string()),
            Some("the greeting module is not loaded yet".to_owned())
        );
        SLOT.install(&English);
        assert_eq!(SLOT.get().map(|g| g.hello()), Ok("hello"));
        assert_eq!(SLOT.name(), "greeting");
        let _ = take_missed();
    }
}
