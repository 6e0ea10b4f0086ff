//! KMS's own wire conventions, shared by its operations: list pages with
//! `Truncated` and `NextMarker`, and `DryRun`.

use crate::platform::error::Error;
use crate::platform::paging::window;
use serde_json::{json, Value};

/// One page of a list, with AWS's `Truncated` and `NextMarker`.
pub fn page(
    items: Vec<Value>,
    member: &str,
    limit: usize,
    marker: Option<&str>,
) -> Result<Value, Error> {
    let (range, next) = window(items.len(), limit, marker)
        .ok_or_else(|| Error::InvalidMarkerException("Invalid marker".to_owned()))?;
    let mut out = json!({ member: items[range].to_vec(), "Truncated": next.is_some() });
    if let Some(next) = next {
        out["NextMarker"] = json!(next);
    }
    Ok(out)
}

/// `DryRun`: everything is checked, nothing is done.
pub fn dry_run(requested: Option<bool>) -> Result<(), Error> {
    if requested == Some(true) {
        Err(Error::DryRunOperationException(
            "The request would have succeeded, but the DryRun option is set.".to_owned(),
        ))
    } else {
        Ok(())
    }
}
