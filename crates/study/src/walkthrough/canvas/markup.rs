//! A walkthrough's scene as SVG markup, which the stage draws once and
//! then changes step by step.
//!
//! - Every arrow of a step is drawn anew, each line drawing itself in
//!   (`style/walkthroughs.css`), so the page keeps no view of them; a view
//!   with an update for each of their attributes was about 10 KB of the
//!   walkthroughs' wasm.
//! - Every actor is drawn once, and a step changes only its group's
//!   classes and its text ([`ActorLook`]): the group stays, so its opacity
//!   and place move by transition. A view of each actor, with an update
//!   for each attribute, was another 10 KB.
//! - A scene first drawn where its step was already on screen (a deep
//!   link's page, rendered at build time, drew its arrows in) is written
//!   with its arrows drawn ([`Arrows::Drawn`]), so they do not draw in twice.

use std::fmt::Write;

use super::arrow::coordinate;
use super::{badge_baseline, label_baseline, text_left};
use crate::walkthrough::layout::Layout;
use crate::walkthrough::model::{ArrowStyle, Walkthrough};
use crate::walkthrough::state::SceneState;

/// How one actor looks at a step: what the stage sets on the actor's group
/// (`g[data-actor]`) when the step changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorLook {
    pub id: &'static str,
    /// The group's classes: `actor`, then `container`, `present` and
    /// `highlighted` as they apply (`style/walkthroughs.css`).
    pub class: String,
    /// Off the canvas at this step, so hidden from assistive technology.
    pub hidden: bool,
    /// Its label and badges, one `<text>` a line, as the content of its
    /// text group (`g.actor-text`).
    pub texts: String,
}

impl Layout {
    /// Every actor of `walkthrough` as it looks at `state`, in the
    /// walkthrough's order (containers first, so they are drawn beneath).
    pub fn actor_looks(&self, walkthrough: &Walkthrough, state: &SceneState) -> Vec<ActorLook> {
        walkthrough
            .actors
            .iter()
            .enumerate()
            .map(|(i, actor)| {
                let rect = self.rect_at(i, actor.id).unwrap_or(actor.rect);
                let container = actor.kind.is_container();
                let current = state.actor(actor.id);
                let present = current.is_some_and(|a| a.present);
                let mut class = String::from("actor");
                for (name, on) in [
                    (" container", container),
                    (" present", present),
                    (" highlighted", state.is_highlighted(actor.id)),
                ] {
                    if on {
                        class.push_str(name);
                    }
                }
                let x = text_left(rect);
                let label = current.map_or(actor.label, |a| a.label);
                let mut texts = format!(
                    r#"<text x="{x}" y="{}" class="actor-label">{}</text>"#,
                    label_baseline(rect, container),
                    escaped(label)
                );
                for (n, badge) in current.map_or(&[][..], |a| &a.badges).iter().enumerate() {
                    let _ = write!(
                        texts,
                        r#"<text x="{x}" y="{}" class="actor-badge">{}</text>"#,
                        badge_baseline(rect, container, n),
                        escaped(badge)
                    );
                }
                ActorLook {
                    id: actor.id,
                    class,
                    hidden: !present,
                    texts,
                }
            })
            .collect()
    }

    /// The whole scene at `state`, as the content of the stage's `<svg>`:
    /// the arrow heads, every actor (each a group of its box and its text
    /// group), and the step's arrows in a group marked with the step, and
    /// `drawn` where they are to show as drawn already.
    pub fn scene_markup(
        &self,
        walkthrough: &Walkthrough,
        state: &SceneState,
        arrows: Arrows,
    ) -> String {
        let mut out = String::from("<defs>");
        for style in ArrowStyle::ALL.map(ArrowStyle::name) {
            let _ = write!(
                out,
                r#"<marker id="head-{style}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 10 5 0 10z" class="head head-{style}"/></marker>"#
            );
        }
        out.push_str("</defs>");
        for (i, (actor, look)) in walkthrough
            .actors
            .iter()
            .zip(self.actor_looks(walkthrough, state))
            .enumerate()
        {
            let rect = self.rect_at(i, actor.id).unwrap_or(actor.rect);
            let _ = write!(
                out,
                r#"<g class="{}" data-actor="{}" aria-hidden="{}"><rect x="{}" y="{}" width="{}" height="{}" rx="{}" class="actor-box"/><g class="actor-text">{}</g></g>"#,
                look.class,
                escaped(look.id),
                look.hidden,
                rect.x,
                rect.y,
                rect.width,
                rect.height,
                if actor.kind.is_container() { 14 } else { 10 },
                look.texts,
            );
        }
        let _ = write!(
            out,
            r#"<g class="{}" data-step="{}">{}</g>"#,
            arrows.class(),
            state.step,
            self.arrows_markup(state)
        );
        out
    }
}

/// How a scene's first arrows appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrows {
    /// Each line draws itself in, and its label fades in after it.
    DrawIn,
    /// As drawn already: the step was on screen before the scene was.
    Drawn,
}

impl Arrows {
    /// The class of the arrows' group (`style/walkthroughs.css`). A step's
    /// new arrows always draw in, so their group takes `DrawIn`'s class.
    pub fn class(self) -> &'static str {
        match self {
            Arrows::DrawIn => "arrows",
            Arrows::Drawn => "arrows drawn",
        }
    }
}

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

/// `text` as the content of an element or a double-quoted attribute.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::html::attribute(&mut out, text);
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

    /// At every shipped step, each actor's group carries its presence and
    /// highlight, its label and its badges, in the scene's markup too.
    #[test]
    fn every_actor_looks_as_its_step_has_it() {
        for w in builtin::ALL {
            for layout in [Layout::landscape(w), Layout::portrait(w)] {
                for i in 0..w.steps.len() {
                    let state = w.state_at(i).unwrap();
                    let looks = layout.actor_looks(w, &state);
                    assert_eq!(looks.len(), w.actors.len());
                    let scene = layout.scene_markup(w, &state, Arrows::DrawIn);
                    assert_eq!(scene.matches(" data-actor=").count(), w.actors.len());
                    assert!(scene.ends_with(&format!(
                        r#"<g class="arrows" data-step="{i}">{}</g>"#,
                        layout.arrows_markup(&state)
                    )));
                    let drawn = layout.scene_markup(w, &state, Arrows::Drawn);
                    assert_eq!(
                        drawn,
                        scene.replace(r#"<g class="arrows" "#, r#"<g class="arrows drawn" "#)
                    );
                    for (actor, look) in w.actors.iter().zip(&looks) {
                        let now = state.actor(actor.id).unwrap();
                        let classes: Vec<&str> = look.class.split(' ').collect();
                        assert_eq!(classes[0], "actor");
                        assert_eq!(classes.contains(&"present"), now.present, "{}", actor.id);
                        assert_eq!(look.hidden, !now.present);
                        assert_eq!(
                            classes.contains(&"highlighted"),
                            state.highlights.contains(&actor.id)
                        );
                        assert_eq!(classes.contains(&"container"), actor.kind.is_container());
                        assert_eq!(
                            look.texts.matches("class=\"actor-badge\"").count(),
                            now.badges.len()
                        );
                        assert!(look.texts.starts_with("<text "), "{}", look.texts);
                        assert!(look.texts.contains(&format!(
                            r#"class="actor-label">{}</text>"#,
                            escaped(now.label)
                        )));
                        for badge in &now.badges {
                            assert!(look.texts.contains(&format!(">{}</text>", escaped(badge))));
                        }
                        let group = format!(
                            r#"<g class="{}" data-actor="{}" aria-hidden="{}"><rect "#,
                            look.class, actor.id, look.hidden
                        );
                        let at = scene.find(&group).unwrap_or_else(|| panic!("{group}"));
                        let text = format!(r#"<g class="actor-text">{}</g></g>"#, look.texts);
                        assert!(scene[at..].contains(&text), "{}: {text}", actor.id);
                    }
                }
            }
        }
    }

    /// Between two steps, only the actors that the step changes look
    /// different: the stage touches nothing else.
    #[test]
    fn a_step_changes_the_look_of_the_actors_it_changes_alone() {
        let mut changed = 0;
        for w in builtin::ALL {
            let layout = Layout::landscape(w);
            for i in 1..w.steps.len() {
                let (before, after) = (w.state_at(i - 1).unwrap(), w.state_at(i).unwrap());
                let looks = layout
                    .actor_looks(w, &before)
                    .into_iter()
                    .zip(layout.actor_looks(w, &after));
                for (was, is) in looks {
                    let (a, b) = (before.actor(was.id).unwrap(), after.actor(is.id).unwrap());
                    let same = a.present == b.present
                        && a.label == b.label
                        && a.badges == b.badges
                        && before.is_highlighted(a.id) == after.is_highlighted(b.id);
                    assert_eq!(was == is, same, "{} step {i}: {}", w.id, was.id);
                    changed += usize::from(!same);
                }
            }
        }
        assert!(changed > 20, "{changed}");
    }
}
