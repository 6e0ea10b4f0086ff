//! `--query`: JMESPath (<https://jmespath.org/specification.html>) over
//! the response, as the CLI applies it before formatting
//! (<https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-filter.html>).
//!
//! The jmespath crate returns objects with their keys sorted; Python's
//! keep the response's order. Keys are put back in the order they first
//! appear in the response (or, for keys a multiselect hash made up, in the
//! order the expression names them).

use super::super::errors::CliError;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A compiled `--query` expression.
pub struct Query {
    text: String,
    expression: jmespath::Expression<'static>,
}

/// Compiles `--query`, failing as the CLI does with `Bad value for --query`.
pub fn compile(text: &str) -> Result<Query, CliError> {
    jmespath::compile(text)
        .map(|expression| Query {
            text: text.to_owned(),
            expression,
        })
        .map_err(|e| CliError::Param(format!("Bad value for --query {text}: {}", reason(&e))))
}

fn reason(e: &jmespath::JmespathError) -> String {
    e.to_string().lines().next().unwrap_or_default().to_owned()
}

impl Query {
    /// The expression's result, or an error the CLI would print as a
    /// general failure (a type error in a function call, say).
    pub fn search(&self, data: &Value) -> Result<Value, CliError> {
        let result = self
            .expression
            .search(data.clone())
            .map_err(|e| CliError::General(reason(&e)))?;
        let value = serde_json::to_value(&*result).unwrap_or(Value::Null);
        let mut order = HashMap::new();
        first_seen(data, &mut order);
        Ok(reorder(value, &order, &self.text))
    }
}

fn first_seen(v: &Value, order: &mut HashMap<String, usize>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let next = order.len();
                order.entry(k.clone()).or_insert(next);
                first_seen(child, order);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| first_seen(i, order)),
        _ => {}
    }
}

fn reorder(v: Value, order: &HashMap<String, usize>, expr: &str) -> Value {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by_key(|(k, _)| match order.get(k) {
                Some(i) => (0, *i),
                None => (1, expr.find(k.as_str()).unwrap_or(usize::MAX)),
            });
            let ordered: Map<String, Value> = entries
                .into_iter()
                .map(|(k, v)| (k, reorder(v, order, expr)))
                .collect();
            Value::Object(ordered)
        }
        Value::Array(items) => {
            Value::Array(items.into_iter().map(|i| reorder(i, order, expr)).collect())
        }
        other => other,
    }
}
