//! A step's arrows as SVG markup, which the stage sets as the content of
//! its arrows' group. Every arrow of a step is drawn anew, each line
//! drawing itself in (`style/walkthroughs.css`), so the page keeps no view
//! of them; a view with an update for each of their attributes was about
//! 10 KB of the walkthroughs' wasm.

use std::fmt::Write;

use super::arrow::coordinate;
use crate::walkthrough::layout::Layout;
use crate::walkthrough::state::SceneState;

impl Layout {
    /// The step's arrows ([`Layout::arrow_shapes`]), each a group of its
    /// line, its label's background and its label, as SVG markup.
    pub fn arrows_markup(&self, state: &SceneState) -> String {
        let mut out = String::new();
        for (arrow, shape) in self.arrow_shapes(state) {
            let style = arrow.style.name();
            let [x1, y1, x2, y2] =
                [shape.start.0, shape.start.1, shape.end.0, shape.end.1].map(coordinate);
            let label = shape.label;
            let _ = write!(
                out,
                r#"<g class="arrow arrow-{style}"><line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" marker-end="url(#head-{style})" pathLength="1"/><rect x="{}" y="{}" width="{}" height="24" rx="6" class="arrow-label-bg"/><text x="{}" y="{}" text-anchor="middle" class="arrow-label">{}</text></g>"#,
                coordinate(label.left()),
                coordinate(label.top()),
                coordinate(label.width),
                coordinate(label.center.0),
                coordinate(label.baseline()),
                escaped(arrow.label),
            );
        }
        out
    }
}

/// `text` as the content of an element or a quoted attribute.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::walkthrough::builtin;

    #[test]
    fn a_label_is_text_never_markup() {
        assert_eq!(
            escaped(r#"Decrypt <"blob"> & go"#),
            "Decrypt &lt;&quot;blob&quot;&gt; &amp; go"
        );
        assert_eq!(escaped("kms:Encrypt → CMK"), "kms:Encrypt → CMK");
    }

    /// Every arrow of every shipped step is written with its shape's
    /// coordinates, its style and its label, in order.
    #[test]
    fn every_shipped_arrow_is_written_as_its_shape() {
        let mut arrows = 0;
        for w in builtin::ALL {
            let layout = Layout::landscape(w);
            for i in 0..w.steps.len() {
                let state = w.state_at(i).unwrap();
                let markup = layout.arrows_markup(&state);
                let shapes = layout.arrow_shapes(&state);
                assert_eq!(
                    markup.matches("<g class=\"arrow arrow-").count(),
                    shapes.len()
                );
                let mut rest = markup.as_str();
                for (arrow, shape) in shapes {
                    let style = arrow.style.name();
                    let line = format!(
                        r#"<g class="arrow arrow-{style}"><line x1="{}" y1="{}" x2="{}" y2="{}" marker-end="url(#head-{style})""#,
                        coordinate(shape.start.0),
                        coordinate(shape.start.1),
                        coordinate(shape.end.0),
                        coordinate(shape.end.1),
                    );
                    let at = rest
                        .find(&line)
                        .unwrap_or_else(|| panic!("{}: {line}", w.id));
                    let label =
                        format!(r#"class="arrow-label">{}</text></g>"#, escaped(arrow.label));
                    assert!(rest[at..].contains(&label), "{}: {label}", w.id);
                    rest = &rest[at + line.len()..];
                    arrows += 1;
                }
            }
        }
        assert!(arrows > 20, "{arrows}");
    }
}
