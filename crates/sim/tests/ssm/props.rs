use crate::common::*;
use proptest::prelude::*;
use serde_json::{json, Value};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_value_round_trips_through_secure_string(value in "\\PC{1,1024}") {
        let mut s = Store::new();
        s.ok("PutParameter", json!({"Name": "/p", "Value": value, "Type": "SecureString"}));
        let read = s.get("/p");
        prop_assert_eq!(read["Value"].as_str().unwrap(), value.as_str());
    }

    #[test]
    fn by_path_paging_never_skips_or_repeats(
        names in proptest::collection::btree_set("(/[a-c]){1,4}", 1..40),
        page in 1i64..=10,
        recursive in any::<bool>(),
    ) {
        let mut s = Store::new();
        for n in &names {
            s.put(&format!("/r{n}"), "v");
        }
        let mut seen = Vec::new();
        let mut token = Value::Null;
        loop {
            let out = s.ok("GetParametersByPath", json!({"Path": "/r", "Recursive": recursive, "MaxResults": page, "NextToken": token}));
            for p in out["Parameters"].as_array().unwrap() {
                seen.push(p["Name"].as_str().unwrap().to_owned());
            }
            token = out.get("NextToken").cloned().unwrap_or(Value::Null);
            if token.is_null() { break; }
        }
        let expected: Vec<String> = names
            .iter()
            .map(|n| format!("/r{n}"))
            .filter(|n| recursive || n.matches('/').count() == 2)
            .collect();
        prop_assert_eq!(seen, expected);
    }
}
