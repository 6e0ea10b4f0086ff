//! Paging a list: each service names its marker and its members
//! differently (KMS's `Marker`/`NextMarker`/`Truncated`, Systems Manager's
//! `NextToken`), but every service cuts its pages the same way. Markers are
//! opaque to callers; here they are the index of the next item.

/// One page of `len` items from `marker`: the range of items on it, and the
/// marker of the next page if there is one. `None` for a marker this
/// simulator did not hand out.
pub fn window(
    len: usize,
    limit: usize,
    marker: Option<&str>,
) -> Option<(std::ops::Range<usize>, Option<String>)> {
    let start = match marker {
        None => 0,
        Some(m) => m.parse::<usize>().ok().filter(|&i| i <= len)?,
    };
    let end = start.saturating_add(limit).min(len);
    let next = (end < len).then(|| end.to_string());
    Some((start..end, next))
}

/// A paged answer: `answer` with the next page's marker under `member`
/// only when there is one.
pub fn with_marker(
    mut answer: serde_json::Value,
    member: &str,
    next: Option<String>,
) -> serde_json::Value {
    if let Some(next) = next {
        answer[member] = serde_json::Value::String(next);
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn pages_cover_every_item_once() {
        assert_eq!(window(5, 2, None), Some((0..2, Some("2".to_owned()))));
        assert_eq!(window(5, 2, Some("4")), Some((4..5, None)));
        assert_eq!(window(5, 2, Some("5")), Some((5..5, None)));
        assert_eq!(window(5, 2, Some("6")), None);
        assert_eq!(window(5, 2, Some("x")), None);
    }
}
