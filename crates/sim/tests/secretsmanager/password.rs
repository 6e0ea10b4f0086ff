use crate::common::*;
use keydeck_sim::Simulator;
use proptest::prelude::*;
use serde_json::{json, Value};

const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

fn password(sim: &mut Simulator, req: Value) -> Result<String, keydeck_sim::Error> {
    sim.call("secretsmanager", "GetRandomPassword", req, &root())
        .map(|v| v["RandomPassword"].as_str().unwrap().to_owned())
}

#[test]
fn the_default_password_has_32_characters_of_every_type() {
    let mut sim = Simulator::with_seed(3);
    let p = password(&mut sim, json!({})).unwrap();
    assert_eq!(p.chars().count(), 32);
    assert!(p.chars().any(|c| c.is_ascii_lowercase()));
    assert!(p.chars().any(|c| c.is_ascii_uppercase()));
    assert!(p.chars().any(|c| c.is_ascii_digit()));
    assert!(p.chars().any(|c| PUNCTUATION.contains(c)));
    assert!(!p.contains(' '));
    let again = password(&mut Simulator::with_seed(3), json!({})).unwrap();
    assert_eq!(p, again, "the same seed gives the same password");
}

#[test]
fn lengths_out_of_range_and_too_short_for_the_types_are_refused() {
    let mut s = Sm::new();
    assert_error(
        &s.err("GetRandomPassword", json!({"PasswordLength": 4097})),
        "ValidationException",
        "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096",
    );
    assert_eq!(
        s.err("GetRandomPassword", json!({"PasswordLength": 0}))
            .code(),
        "ValidationException"
    );
    assert_error(
        &s.err("GetRandomPassword", json!({"PasswordLength": 3})),
        "InvalidParameterException",
        "Password length is too short based on the required types.",
    );
    let one = s.ok(
        "GetRandomPassword",
        json!({"PasswordLength": 1, "RequireEachIncludedType": false}),
    );
    assert_eq!(one["RandomPassword"].as_str().unwrap().len(), 1);
    assert_eq!(
        s.err("GetRandomPassword", json!({"ExcludeLowercase": true, "ExcludeUppercase": true, "ExcludeNumbers": true, "ExcludePunctuation": true})).code(),
        "InvalidParameterException"
    );
    let space = s.ok(
        "GetRandomPassword",
        json!({"PasswordLength": 5, "IncludeSpace": true}),
    );
    assert!(space["RandomPassword"].as_str().unwrap().contains(' '));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_password_honours_every_option(
        length in 1usize..200,
        exclude in "[a-zA-Z0-9!-/]{0,12}",
        no_numbers: bool,
        no_punctuation: bool,
        no_upper: bool,
        no_lower: bool,
        space: bool,
        require: bool,
        seed: u64,
    ) {
        let mut sim = Simulator::with_seed(seed);
        let req = json!({
            "PasswordLength": length, "ExcludeCharacters": exclude,
            "ExcludeNumbers": no_numbers, "ExcludePunctuation": no_punctuation,
            "ExcludeUppercase": no_upper, "ExcludeLowercase": no_lower,
            "IncludeSpace": space, "RequireEachIncludedType": require,
        });
        let included = |on: bool, set: String| -> Option<String> {
            let left: String = set.chars().filter(|c| !exclude.contains(*c)).collect();
            (on && !left.is_empty()).then_some(left)
        };
        let types: Vec<String> = [
            included(!no_lower, ('a'..='z').collect()),
            included(!no_upper, ('A'..='Z').collect()),
            included(!no_numbers, ('0'..='9').collect()),
            included(!no_punctuation, PUNCTUATION.to_owned()),
            included(space, " ".to_owned()),
        ].into_iter().flatten().collect();
        match password(&mut sim, req) {
            Ok(p) => {
                prop_assert!(!types.is_empty());
                prop_assert_eq!(p.chars().count(), length);
                for c in p.chars() {
                    prop_assert!(!exclude.contains(c), "{c:?} is excluded");
                    prop_assert!(types.iter().any(|t| t.contains(c)), "{c:?} is of no included type");
                }
                if require {
                    for t in &types {
                        prop_assert!(p.chars().any(|c| t.contains(c)), "no character from {t:?}");
                    }
                }
            }
            Err(e) => {
                prop_assert_eq!(e.code(), "InvalidParameterException");
                prop_assert!(types.is_empty() || (require && length < types.len()));
            }
        }
    }
}
