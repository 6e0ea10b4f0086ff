//! A walkthrough's scene as SVG on the canvas of the `Layout` it is given.
//! The scene is drawn once from markup (`Layout::scene_markup`); a step
//! then changes only what it changes of each actor (`Layout::actor_looks`)
//! and draws the step's arrows anew, so every actor stays where it is and
//! fades or moves in by transition.
//!
//! A step's arrows draw themselves in, except where the scene replaces the
//! same step already on screen (a deep link's rendered page): there they
//! are drawn already (`Arrows::Drawn`).

use leptos::prelude::*;

use keydeck_study::walkthrough::canvas::{ActorLook, Arrows};
use keydeck_study::walkthrough::{Layout, SceneState, Walkthrough};

#[component]
pub fn WalkthroughStage(
    walkthrough: &'static Walkthrough,
    /// Where the actors sit, and the canvas.
    layout: Layout,
    state: Memo<SceneState>,
    /// How the first step's arrows appear.
    arrows: Arrows,
) -> impl IntoView {
    let title = walkthrough.title;
    let view_box = layout.view_box();
    let (scene, drawn) = state.with_untracked(|s| {
        (
            layout.scene_markup(walkthrough, s, arrows),
            (s.step, layout.actor_looks(walkthrough, s)),
        )
    });
    let layout = StoredValue::new(layout);
    // What the scene shows: the step whose arrows are drawn, and each
    // actor's look.
    let drawn = StoredValue::new(drawn);
    let svg = NodeRef::<leptos::svg::Svg>::new();
    Effect::new(move |_| {
        let Some(svg) = svg.get() else {
            return;
        };
        state.with(|s| {
            if drawn.with_value(|(step, _)| *step) == s.step {
                return;
            }
            let looks = layout.with_value(|l| {
                if let Ok(Some(arrows)) = svg.query_selector("g.arrows") {
                    arrows.set_inner_html(&l.arrows_markup(s));
                    let _ = arrows.set_attribute("class", Arrows::DrawIn.class());
                    let _ = arrows.set_attribute("data-step", &s.step.to_string());
                }
                l.actor_looks(walkthrough, s)
            });
            drawn.update_value(|(step, was)| {
                for (old, new) in was.iter().zip(&looks) {
                    if old != new {
                        show(&svg, old, new);
                    }
                }
                *step = s.step;
                *was = looks;
            });
        });
    });
    let description = move || state.with(|s| s.description(title));
    view! {
        <svg class="stage" viewBox=view_box role="img" aria-label=description node_ref=svg inner_html=scene></svg>
    }
}

/// Changes an actor's group from how it looked to how it looks now.
fn show(svg: &web_sys::Element, old: &ActorLook, new: &ActorLook) {
    let Ok(Some(group)) = svg.query_selector(&format!(r#"g[data-actor="{}"]"#, new.id)) else {
        return;
    };
    if old.class != new.class {
        let _ = group.set_attribute("class", &new.class);
        let _ = group.set_attribute("aria-hidden", if new.hidden { "true" } else { "false" });
    }
    if old.texts != new.texts {
        if let Some(texts) = group.last_element_child() {
            texts.set_inner_html(&new.texts);
        }
    }
}
