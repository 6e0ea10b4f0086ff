//! HTML written as text, for the parts of a page set as markup: escaping
//! what a learner wrote, and the pieces more than one page draws. A page
//! sets one piece of markup where building each element would cost it the
//! code that builds that element.

/// Appends `text` to `out` as the content of an element: it can never
/// become markup.
pub fn text(out: &mut String, text: &str) {
    html_escape::encode_text_to_string(text, out);
}

/// Appends `value` to `out` as the value of a double-quoted attribute: it
/// can never end the attribute.
pub fn attribute(out: &mut String, value: &str) {
    html_escape::encode_double_quoted_attribute_to_string(value, out);
}

/// A `<select>`'s options, each `(value, label)` in order, the one whose
/// value is `selected` marked so.
pub fn options<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>, selected: &str) -> String {
    let mut out = String::new();
    for (value, label) in items {
        out.push_str(r#"<option value=""#);
        attribute(&mut out, value);
        out.push('"');
        if value == selected {
            out.push_str(" selected");
        }
        out.push('>');
        text(&mut out, label);
        out.push_str("</option>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_keep_their_order_and_mark_the_selected_one() {
        assert_eq!(
            options([("", "All topics (3)"), ("kms", "KMS (1)")], "kms"),
            r#"<option value="">All topics (3)</option><option value="kms" selected>KMS (1)</option>"#
        );
        assert_eq!(
            options([("", "All topics"), ("kms", "KMS")], ""),
            r#"<option value="" selected>All topics</option><option value="kms">KMS</option>"#
        );
        assert_eq!(options([], "kms"), "");
    }

    #[test]
    fn an_option_a_learner_named_stays_text() {
        let html = options(
            [(
                r#"x" onfocus="alert(1)"#,
                "<img src=x onerror=alert(2)> & co",
            )],
            "",
        );
        assert_eq!(
            html,
            r#"<option value="x&quot; onfocus=&quot;alert(1)">&lt;img src=x onerror=alert(2)&gt; &amp; co</option>"#
        );
    }
}
