//! Automatic pagination of list operations
//! (<https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-pagination.html>):
//! the CLI follows the next-page token (KMS's `NextMarker` while
//! `Truncated`, Systems Manager's `NextToken`) and prints one joined list
//! under the result key. `--page-size` sets the limit member (`Limit`,
//! `MaxResults`) on each call; `--max-items` stops early and adds a
//! `NextToken` that `--starting-token` resumes from (botocore's token:
//! base64 of a JSON object with the request's token member and how many
//! items of that page were used).

use super::errors::CliError;
use super::model::{Paging, Tokens};
use super::operation::PagingArgs;
use base64::Engine as _;
use serde_json::{json, Map, Value};

/// One call of the operation with the request given.
pub type CallFn<'a> = dyn FnMut(Value) -> Result<Value, CliError> + 'a;

/// Calls page after page and joins the `result_key` lists.
pub fn all_pages(
    mut request: Value,
    p: Paging,
    paging: &PagingArgs,
    call: &mut CallFn<'_>,
) -> Result<Value, CliError> {
    let (result_key, t) = (p.result_key, p.tokens);
    let (mut marker, mut skip) = match &paging.starting_token {
        Some(token) => decode_token(token, t.input)?,
        None => (None, 0),
    };
    if let Some(size) = paging.page_size {
        request[t.limit] = json!(size);
    }
    let max = paging
        .max_items
        .and_then(|m| usize::try_from(m).ok())
        .filter(|m| *m > 0);
    let mut items: Vec<Value> = Vec::new();
    let mut next_token = None;
    loop {
        if let Some(m) = &marker {
            request[t.input] = json!(m);
        }
        let page = call(request.clone())?;
        let page_items = page
            .get(result_key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let fresh: Vec<Value> = page_items.into_iter().skip(skip).collect();
        let next = next_marker(&page, t);
        if let Some(max) = max {
            let room = max - items.len();
            if fresh.len() > room {
                items.extend(fresh.into_iter().take(room));
                next_token = Some(encode_token(t.input, marker.as_deref(), Some(skip + room)));
                break;
            }
            items.extend(fresh);
            if items.len() == max && next.is_some() {
                next_token = Some(encode_token(t.input, next.as_deref(), None));
                break;
            }
        } else {
            items.extend(fresh);
        }
        skip = 0;
        match next {
            Some(n) => marker = Some(n),
            None => break,
        }
    }
    let mut result = Map::new();
    result.insert(result_key.to_owned(), Value::Array(items));
    if let Some(token) = next_token {
        result.insert("NextToken".to_owned(), Value::String(token));
    }
    Ok(Value::Object(result))
}

/// The next page's token, if the page says more follow.
fn next_marker(page: &Value, t: Tokens) -> Option<String> {
    let more = t
        .more
        .is_none_or(|m| page.get(m).and_then(Value::as_bool) == Some(true));
    more.then(|| {
        page.get(t.output)
            .and_then(Value::as_str)
            .map(str::to_owned)
    })
    .flatten()
}

fn encode_token(member: &str, marker: Option<&str>, truncate: Option<usize>) -> String {
    let mut token = Map::new();
    if let Some(m) = marker {
        token.insert(member.to_owned(), json!(m));
    }
    if let Some(t) = truncate {
        token.insert("boto_truncate_amount".to_owned(), json!(t));
    }
    // Python's json.dumps puts a space after ':' and ','.
    let text = serde_json::to_string(&token)
        .unwrap_or_default()
        .replace("\":", "\": ")
        .replace(",\"", ", \"");
    base64::engine::general_purpose::STANDARD.encode(text)
}

fn decode_token(token: &str, member: &str) -> Result<(Option<String>, usize), CliError> {
    let invalid = || CliError::General(format!("Invalid pagination token: {token}"));
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(token)
        .map_err(|_| invalid())?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
    let marker = value.get(member).and_then(Value::as_str).map(str::to_owned);
    let skip = value
        .get("boto_truncate_amount")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    Ok((marker, skip as usize))
}
