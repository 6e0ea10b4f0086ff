//! `aws_enum!`: an enum whose variants have AWS wire spellings, such as
//! `KeySpec::SymmetricDefault` ↔ `SYMMETRIC_DEFAULT`, with `ALL`, `as_str`,
//! `parse` and `Display`. Where the spelling is the variant's own name
//! (`Operation::CreateKey` ↔ `CreateKey`), list the variants alone and each
//! name is written once.

macro_rules! aws_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $crate::platform::aws_enum::aws_enum!(
            $(#[$doc])* $name { $($variant => stringify!($variant)),+ }
        );
    };
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $wire:expr),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order AWS lists them in validation messages.
            pub const ALL: &'static [&'static str] = &[$($wire),+];

            const VARIANTS: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                Self::VARIANTS.iter().copied().find(|v| v.as_str() == s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use aws_enum;
