//! GetRandomPassword, drawn from the simulator's seeded random source: 32
//! characters by default (1 to 4096) from upper and lower case letters,
//! digits and the punctuation `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`, with a
//! space if asked, less ExcludeCharacters; with RequireEachIncludedType (the
//! default) at least one of each type that is left
//! (<https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetRandomPassword.html>).

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::random::Entropy;
use crate::platform::request::Request;
use crate::secretsmanager::access::Target;
use crate::secretsmanager::store::SecretsManager;
use rand_core::RngCore;
use serde_json::{json, Value};

pub const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";

/// What a password may and must contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub length: usize,
    pub exclude: String,
    pub numbers: bool,
    pub punctuation: bool,
    pub uppercase: bool,
    pub lowercase: bool,
    pub space: bool,
    pub require_each: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            length: 32,
            exclude: String::new(),
            numbers: true,
            punctuation: true,
            uppercase: true,
            lowercase: true,
            space: false,
            require_each: true,
        }
    }
}

impl Options {
    /// The character types included, each without the excluded characters;
    /// types left empty drop out.
    pub fn types(&self) -> Vec<Vec<char>> {
        [
            (self.lowercase, LOWER),
            (self.uppercase, UPPER),
            (self.numbers, DIGITS),
            (self.punctuation, PUNCTUATION),
            (self.space, " "),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, set)| {
            set.chars()
                .filter(|c| !self.exclude.contains(*c))
                .collect::<Vec<_>>()
        })
        .filter(|set| !set.is_empty())
        .collect()
    }
}

/// A uniform index below `n`, by rejection.
fn below(rng: &mut Entropy, n: usize) -> usize {
    let n = n as u64;
    let zone = u64::MAX - u64::MAX % n;
    loop {
        let x = rng.next_u64();
        if x < zone {
            return (x % n) as usize;
        }
    }
}

/// A password as `options` ask.
pub fn generate(options: &Options, rng: &mut Entropy) -> Result<String, Error> {
    let types = options.types();
    if types.is_empty() {
        // AWS documents the options, not this message; it follows their form.
        return Err(Error::InvalidParameterException(
            "The password can't be generated because every character type is excluded.".to_owned(),
        ));
    }
    if options.require_each && options.length < types.len() {
        // The message follows moto's record of AWS's answer.
        return Err(Error::InvalidParameterException(
            "Password length is too short based on the required types.".to_owned(),
        ));
    }
    let pool: Vec<char> = types.iter().flatten().copied().collect();
    let mut chars: Vec<char> = Vec::with_capacity(options.length);
    if options.require_each {
        for set in &types {
            chars.push(set[below(rng, set.len())]);
        }
    }
    while chars.len() < options.length {
        chars.push(pool[below(rng, pool.len())]);
    }
    // Fisher-Yates, so the required characters are anywhere.
    for i in (1..chars.len()).rev() {
        let j = below(rng, i + 1);
        chars.swap(i, j);
    }
    Ok(chars.into_iter().collect())
}

pub fn get_random_password(
    _sm: &mut SecretsManager,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    _target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    let d = Options::default();
    let options = Options {
        length: r.int("PasswordLength", 1, 4096).unwrap_or(32) as usize,
        exclude: r.string("ExcludeCharacters", 0, 4096).unwrap_or_default(),
        numbers: !r.bool("ExcludeNumbers").unwrap_or(false),
        punctuation: !r.bool("ExcludePunctuation").unwrap_or(false),
        uppercase: !r.bool("ExcludeUppercase").unwrap_or(false),
        lowercase: !r.bool("ExcludeLowercase").unwrap_or(false),
        space: r.bool("IncludeSpace").unwrap_or(d.space),
        require_each: r.bool("RequireEachIncludedType").unwrap_or(d.require_each),
    };
    r.finish()?;
    let password = generate(&options, &mut env.rng())?;
    Ok(json!({"RandomPassword": password}))
}
