//! A walkthrough's scene as SVG on its fixed 1200×675 canvas. Every actor is
//! drawn once and only its opacity, transform and text change between steps,
//! so nothing ever shifts; arrows are redrawn for each step.

use leptos::prelude::*;

use keydeck_study::walkthrough::canvas::{Rect, HEIGHT, LINE_HEIGHT, PADDING, TITLE_BAND, WIDTH};
use keydeck_study::walkthrough::{ActorKind, Arrow, ArrowStyle, SceneState, Walkthrough};

/// Where a line from `rect`'s centre toward `(tx, ty)` leaves the rectangle.
fn edge_point(rect: Rect, tx: f64, ty: f64) -> (f64, f64) {
    let (cx, cy) = (
        rect.x as f64 + rect.width as f64 / 2.0,
        rect.y as f64 + rect.height as f64 / 2.0,
    );
    let (dx, dy) = (tx - cx, ty - cy);
    if dx == 0.0 && dy == 0.0 {
        return (cx, cy);
    }
    let (hw, hh) = (
        rect.width as f64 / 2.0 + 4.0,
        rect.height as f64 / 2.0 + 4.0,
    );
    let scale = (hw / dx.abs()).min(hh / dy.abs());
    (cx + dx * scale, cy + dy * scale)
}

fn center(rect: Rect) -> (f64, f64) {
    (
        rect.x as f64 + rect.width as f64 / 2.0,
        rect.y as f64 + rect.height as f64 / 2.0,
    )
}

/// The arrow's line, pushed aside when the step also has one going back.
fn arrow_line(state: &SceneState, arrow: &Arrow) -> Option<((f64, f64), (f64, f64))> {
    let from = state.actor(arrow.from)?.rect;
    let to = state.actor(arrow.to)?.rect;
    let (fc, tc) = (center(from), center(to));
    let returning = state
        .arrows
        .iter()
        .any(|a| a.from == arrow.to && a.to == arrow.from);
    let (mut a, mut b) = (edge_point(from, tc.0, tc.1), edge_point(to, fc.0, fc.1));
    if returning {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (nx, ny) = (-dy / len * 10.0, dx / len * 10.0);
        a = (a.0 + nx, a.1 + ny);
        b = (b.0 + nx, b.1 + ny);
    }
    Some((a, b))
}

/// Where an arrow's label sits: its midpoint, or the nearest spot along the
/// arrow's normal where the label covers no box's text.
fn label_spot(state: &SceneState, a: (f64, f64), b: (f64, f64), width: f64) -> (f64, f64) {
    let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (nx, ny) = (-dy / len, dx / len);
    let clear = |x: f64, y: f64| {
        let (l, r, t, bot) = (x - width / 2.0, x + width / 2.0, y - 13.0, y + 11.0);
        let on_canvas = l >= 0.0 && r <= WIDTH as f64 && t >= 0.0 && bot <= HEIGHT as f64;
        on_canvas
            && state
                .present()
                .filter(|actor| !actor.kind.is_container())
                .all(|actor| {
                    let rr = actor.rect;
                    r < rr.x as f64
                        || l > rr.right() as f64
                        || bot < rr.y as f64
                        || t > rr.bottom() as f64
                })
    };
    (0..=12)
        .flat_map(|k| [k as f64 * 8.0, -(k as f64) * 8.0])
        .map(|d| (mid.0 + nx * d, mid.1 + ny * d))
        .find(|&(x, y)| clear(x, y))
        .unwrap_or(mid)
}

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
    state: Memo<SceneState>,
) -> impl IntoView {
    let title = walkthrough.title;
    let actors = walkthrough.actors.iter().map(|actor| {
        let id = actor.id;
        let rect = actor.rect;
        let container = actor.kind.is_container();
        let current = move || state.with(|s| s.actor(id).cloned());
        let present = move || current().is_some_and(|a| a.present);
        let label = move || current().map(|a| a.label).unwrap_or(actor.label);
        let badges = move || current().map(|a| a.badges).unwrap_or_default();
        let label_y = if container { rect.y as u32 + TITLE_BAND as u32 / 2 + 6 } else { rect.y as u32 + PADDING as u32 + 16 };
        view! {
            <g
                class=kind_class(actor.kind)
                class:present=present
                class:highlighted=move || state.with(|s| s.is_highlighted(id))
                data-actor=id
                aria-hidden=move || (!present()).to_string()
            >
                <rect x=rect.x y=rect.y width=rect.width height=rect.height rx=if container { 14 } else { 10 } class="actor-box"/>
                <text x=rect.x as u32 + PADDING as u32 y=label_y class="actor-label">{label}</text>
                {move || badges().into_iter().enumerate().map(|(i, badge)| {
                    let y = label_y + (i as u32 + 1) * LINE_HEIGHT as u32;
                    view! { <text x=rect.x as u32 + PADDING as u32 y=y class="actor-badge">{badge}</text> }
                }).collect_view()}
            </g>
        }
    }).collect_view();
    let arrows = move || {
        state.with(|s| {
            s.arrows
                .iter()
                .filter_map(|arrow| {
                    let ((x1, y1), (x2, y2)) = arrow_line(s, arrow)?;
                    let style = match arrow.style {
                        ArrowStyle::Call => "call",
                        ArrowStyle::Data => "data",
                        ArrowStyle::Grant => "grant",
                    };
                    let w = arrow.label.chars().count() as f64 * 8.0 + 14.0;
                    let (mx, my) = label_spot(s, (x1, y1), (x2, y2), w);
                    Some(view! {
                        <g class=format!("arrow arrow-{style}")>
                            <line x1=x1 y1=y1 x2=x2 y2=y2 marker-end=format!("url(#head-{style})") pathLength="1"/>
                            <rect x=mx - w / 2.0 y=my - 13.0 width=w height="24" rx="6" class="arrow-label-bg"/>
                            <text x=mx y=my + 4.0 text-anchor="middle" class="arrow-label">{arrow.label}</text>
                        </g>
                    })
                })
                .collect_view()
        })
    };
    let description = move || {
        state.with(|s| {
            let shown: Vec<&str> = s
                .present()
                .filter(|a| !a.kind.is_container())
                .map(|a| a.label)
                .collect();
            let moves: Vec<String> = s
                .arrows
                .iter()
                .filter_map(|a| {
                    Some(format!(
                        "{} to {}: {}",
                        s.actor(a.from)?.label,
                        s.actor(a.to)?.label,
                        a.label
                    ))
                })
                .collect();
            format!(
                "{title}. On the diagram: {}. Arrows: {}.",
                shown.join(", "),
                if moves.is_empty() {
                    "none".to_owned()
                } else {
                    moves.join("; ")
                }
            )
        })
    };
    view! {
        <svg class="stage" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=description>
            <defs>
                {["call", "data", "grant"].map(|style| view! {
                    <marker id=format!("head-{style}") viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0 0 10 5 0 10z" class=format!("head head-{style}")/>
                    </marker>
                })}
            </defs>
            {actors}
            {move || view! { <g class="arrows" data-step=state.with(|s| s.step)>{arrows()}</g> }}
        </svg>
    }
}
