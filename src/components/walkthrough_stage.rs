//! A walkthrough's scene as SVG on the canvas of the `Layout` it is given.
//! Every actor is drawn once and only its opacity, transform and text
//! change between steps, so nothing ever shifts; arrows are redrawn for
//! each step, from markup.

use leptos::prelude::*;

use keydeck_study::walkthrough::canvas::{badge_baseline, label_baseline, text_left};
use keydeck_study::walkthrough::{ActorKind, ArrowStyle, Layout, SceneState, Walkthrough};

fn kind_class(kind: ActorKind) -> &'static str {
    if kind.is_container() {
        "actor container"
    } else {
        "actor"
    }
}

#[component]
pub fn WalkthroughStage(
    walkthrough: &'static Walkthrough,
    /// Where the actors sit, and the canvas.
    layout: Layout,
    state: Memo<SceneState>,
) -> impl IntoView {
    let title = walkthrough.title;
    let view_box = layout.view_box();
    let actors = walkthrough.actors.iter().enumerate().map(|(i, actor)| {
        let id = actor.id;
        let rect = layout.rect_at(i, id).unwrap_or(actor.rect);
        let container = actor.kind.is_container();
        let current = move || state.with(|s| s.actor(id).cloned());
        let present = move || current().is_some_and(|a| a.present);
        let label = move || current().map(|a| a.label).unwrap_or(actor.label);
        let badges = move || current().map(|a| a.badges).unwrap_or_default();
        let (text_x, label_y) = (text_left(rect), label_baseline(rect, container));
        view! {
            <g
                class=kind_class(actor.kind)
                class:present=present
                class:highlighted=move || state.with(|s| s.is_highlighted(id))
                data-actor=id
                aria-hidden=move || (!present()).to_string()
            >
                <rect x=rect.x y=rect.y width=rect.width height=rect.height rx=if container { 14 } else { 10 } class="actor-box"/>
                <text x=text_x y=label_y class="actor-label">{label}</text>
                {move || badges().into_iter().enumerate().map(|(i, badge)| {
                    let y = badge_baseline(rect, container, i);
                    view! { <text x=text_x y=y class="actor-badge">{badge}</text> }
                }).collect_view()}
            </g>
        }
    }).collect_view();
    let layout = StoredValue::new(layout);
    // Markup, each step's arrows drawn anew: see `Layout::arrows_markup`.
    let arrows = move || state.with(|s| layout.with_value(|l| l.arrows_markup(s)));
    let description = move || state.with(|s| s.description(title));
    view! {
        <svg class="stage" viewBox=view_box role="img" aria-label=description>
            <defs>
                {ArrowStyle::ALL.map(|style| style.name()).map(|style| view! {
                    <marker id=format!("head-{style}") viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0 0 10 5 0 10z" class=format!("head head-{style}")/>
                    </marker>
                })}
            </defs>
            {actors}
            <g class="arrows" data-step=move || state.with(|s| s.step) inner_html=arrows></g>
        </svg>
    }
}
