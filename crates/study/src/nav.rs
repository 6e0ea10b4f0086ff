//! The site's navigation, as far as it is not drawing: which destination a
//! path belongs to.

/// Whether the page at `path` is the destination `href`'s, so its link is
/// marked current: the home page on `/` alone, any other destination on
/// its own path and every path below it (a walkthrough's step, a lab), but
/// not on a path that merely starts with the same letters.
pub fn is_current(href: &str, path: &str) -> bool {
    if href == "/" {
        return path == "/";
    }
    path.strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn home_is_current_on_the_home_page_alone() {
        assert!(is_current("/", "/"));
        assert!(!is_current("/", "/study"));
        assert!(!is_current("/", "/walkthroughs/snapshot-copy/2"));
    }

    #[test]
    fn a_destination_is_current_on_its_path_and_below_it() {
        assert!(is_current("/study", "/study"));
        assert!(is_current("/walkthroughs", "/walkthroughs/snapshot-copy/2"));
        assert!(is_current("/labs", "/labs/first-key"));
        assert!(!is_current("/labs", "/labsx"));
        assert!(!is_current("/quiz", "/study"));
        assert!(!is_current("/study", "/"));
    }
}
