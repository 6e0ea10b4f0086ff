//! `/walkthroughs`: the list, and `/walkthroughs/<id>/<step>`: the player.
//! Each step has its own address, so browser back and forward move between
//! steps and a teacher can link straight to one. P presents full screen.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use keydeck_study::walkthrough::builtin::{self, Shipped};
use keydeck_study::walkthrough::canvas::{coordinate, Arrows};
use keydeck_study::walkthrough::{Layout, Orientation, Walkthrough};

use crate::components::deferred::Deferred;
use crate::components::lab_links::LabLinks;
use crate::components::markdown::RenderedMarkdown;
use crate::components::page_header::PageHeader;
use crate::components::presenter::set_root_presenting;
use crate::components::walkthrough_stage::WalkthroughStage;
use crate::keys::Focused;
use crate::scroll::reveal_above;
use crate::walkthrough_chunks;
use crate::walkthrough_records;

/// How long autoplay shows each step.
const PLAY_STEP_MS: u64 = 4000;
/// How long the mouse stays still before a presenter's controls fade.
const IDLE_MS: u64 = 2000;
/// How far a finger must travel across the diagram to step, in CSS pixels.
const SWIPE_PX: i32 = 60;

crate::lazy::lazy_route!(
    ListRoute,
    walkthroughs,
    list_view,
    view! { <Walkthroughs/> },
    style = "walkthroughs",
    ready = walkthrough_records::read_for_list()
);
crate::lazy::lazy_route!(
    PlayerRoute,
    walkthroughs,
    player_view,
    view! { <WalkthroughPlayer/> },
    style = "walkthroughs",
    ready = walkthrough_chunks::fetch_for_route()
);

#[component]
pub fn Walkthroughs() -> impl IntoView {
    view! {
        <PageHeader title="Walkthroughs" heading="Walkthroughs">
            "Animated, step-by-step diagrams of how the AWS encryption services work together. "
            "Use the arrow keys to step, and P to present on a projector."
        </PageHeader>
        <ul class="walkthrough-list">
            {builtin::LIST.iter().map(|w| {
                // Read as the list draws, once its route's `ready` has read
                // the record: the view is made before that.
                let finished = move || walkthrough_records::listed().is_completed(w.id);
                view! {
                    <li class="panel">
                        <h2><A href=w.href()>{w.title}</A></h2>
                        <p>{w.summary}</p>
                        <p class="hint">
                            {format!("{} steps", w.steps)}
                            {move || finished().then_some(" · watched to the end")}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn WalkthroughPlayer() -> impl IntoView {
    let params = use_params_map();
    // Only a new walkthrough remounts the player; a new step only moves it.
    let id = Memo::new(move |_| params.with(|p| p.get("id")));
    // The route fetched the walkthrough it opened on with its code; one
    // reached from there (a link to another walkthrough) is fetched now.
    let arrived = RwSignal::new(0_u32);
    let missing = RwSignal::new(None::<String>);
    move || {
        arrived.track();
        let Some(id) = id.get().filter(|id| builtin::entry(id).is_some()) else {
            return view! { <crate::pages::not_found::NotFound/> }.into_any();
        };
        if let Some(shipped) = walkthrough_chunks::fetched(&id) {
            return view! { <Player shipped/> }.into_any();
        }
        if missing.with(|m| m.as_deref() == Some(id.as_str())) {
            return view! { <crate::lazy::ChunkMissingView/> }.into_any();
        }
        leptos::task::spawn_local(async move {
            match walkthrough_chunks::fetch(&id).await {
                Some(Ok(_)) => arrived.update(|n| *n += 1),
                _ => missing.set(Some(id)),
            }
        });
        view! { <p class="route-loading" role="status">"Loading the walkthrough…"</p> }.into_any()
    }
}

/// The player's state, and what its controls and keys do.
#[derive(Clone, Copy)]
struct Playback {
    /// The walkthrough, with its recorded layouts and narration.
    shipped: &'static Shipped,
    index: Memo<usize>,
    last: usize,
    playing: RwSignal<bool>,
    presenting: RwSignal<bool>,
    blank: RwSignal<bool>,
    /// Presenting with the mouse still for [`IDLE_MS`]: the controls fade.
    idle: RwSignal<bool>,
    step_to: Callback<usize>,
    stage_box: NodeRef<leptos::html::Div>,
    /// The diagram's frame, and the room it has (see [`stage_room`]).
    frame: NodeRef<leptos::html::Div>,
    room: ReadSignal<(f64, f64)>,
    /// Whether the diagram has drawn: the player is hidden until then.
    shown: RwSignal<bool>,
}

impl Playback {
    fn walkthrough(self) -> &'static Walkthrough {
        self.shipped.walkthrough
    }

    fn step_to(self, i: usize) {
        self.step_to.run(i);
    }

    fn toggle_playing(self) {
        self.playing.update(|p| *p = !*p);
    }

    fn toggle_presenter(self) {
        let on = !self.presenting.get_untracked();
        self.presenting.set(on);
        self.blank.set(false);
        set_root_presenting(on);
        if on {
            if let Some(el) = self.stage_box.get_untracked() {
                // Without the Fullscreen API the page still fills the window.
                let _ = el.request_fullscreen();
            }
        } else if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
    }

    /// Leaving full screen by the browser's own Esc ends presenting too.
    fn on_fullscreen_change(self) {
        if document().fullscreen_element().is_none() {
            self.presenting.set(false);
            self.blank.set(false);
            set_root_presenting(false);
        }
    }

    fn on_key(self, ev: KeyboardEvent) {
        let key = ev.key();
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || Focused::of(&ev).owns(&key) {
            return;
        }
        // A blank screen comes back on any key, as slide software does,
        // and the key does nothing else.
        if self.blank.get_untracked() {
            if !matches!(key.as_str(), "Shift" | "Control" | "Alt" | "Meta") {
                self.blank.set(false);
                ev.prevent_default();
            }
            return;
        }
        let i = self.index.get_untracked();
        let presenting = self.presenting.get_untracked();
        match key.as_str() {
            "ArrowRight" | "PageDown" => self.step_to(i + 1),
            "ArrowLeft" | "PageUp" => self.step_to(i.saturating_sub(1)),
            "Home" => self.step_to(0),
            "End" => self.step_to(self.last),
            " " => self.toggle_playing(),
            "p" | "P" => self.toggle_presenter(),
            "b" | "B" if presenting => self.blank.set(true),
            "Escape" if presenting => self.toggle_presenter(),
            _ => return,
        }
        ev.prevent_default();
    }
}

#[component]
fn Player(shipped: &'static Shipped) -> impl IntoView {
    let walkthrough = shipped.walkthrough;
    let params = use_params_map();
    let navigate = use_navigate();
    let last = walkthrough.steps.len().saturating_sub(1);
    let index = Memo::new(move |_| {
        params
            .with(|p| p.get("step"))
            .and_then(|s| walkthrough.step_from_link(&s))
            .unwrap_or(0)
            .min(last)
    });
    let go = StoredValue::new(move |i: usize| {
        if i <= last && i != index.get_untracked() {
            navigate(&walkthrough.link(i), NavigateOptions::default());
        }
    });
    let frame = NodeRef::new();
    let playback = Playback {
        shipped,
        index,
        last,
        playing: RwSignal::new(false),
        presenting: RwSignal::new(false),
        blank: RwSignal::new(false),
        idle: RwSignal::new(false),
        step_to: Callback::new(move |i| go.with_value(|g| g(i))),
        stage_box: NodeRef::new(),
        frame,
        room: stage_room(frame),
        shown: RwSignal::new(false),
    };
    wire_player(playback);
    view! {
        // The diagram and the narration need the screen: a compact heading,
        // and the summary with the sources below.
        <PageHeader title=walkthrough.title heading=walkthrough.title compact=true/>
        // Hidden for the moment until the diagram has drawn in the
        // arrangement that fits its room, so that nothing in view moves.
        <div class="player" class:presenting=move || playback.presenting.get() class:idle=move || playback.idle.get() class:measuring=move || !playback.shown.get() node_ref=playback.stage_box>
            <Stage playback=playback/>
            // The narration a task after the diagram, the controls a task
            // after it, and the sources one more, so that a step's first
            // render is not one long task (a deep link's rendered page
            // stays until they are drawn).
            <Deferred>
                <Narration playback=playback/>
            </Deferred>
            <Deferred>
                <PlayerControls playback=playback/>
                <StepDots playback=playback/>
            </Deferred>
            // While presenting, B covers everything, narration and controls
            // too; any key or a click brings the screen back.
            <div class="blank-screen" class:on=move || playback.blank.get() aria-hidden="true"
                on:click=move |_| playback.blank.set(false)></div>
        </div>
        <Deferred>
            <Sources walkthrough=walkthrough/>
        </Deferred>
    }
}

/// Marks the walkthrough watched at its last step, plays on a timer, and
/// listens for keys and full screen, all removed when the player goes.
fn wire_player(playback: Playback) {
    let walkthrough = playback.walkthrough();
    let Playback {
        index,
        last,
        playing,
        blank,
        ..
    } = playback;
    Effect::new(move |previous_run: Option<()>| {
        let i = index.get();
        walkthrough_records::step_shown(walkthrough, i);
        if i == last {
            playing.set(false);
        }
        // A later step whose highlighted actor was scrolled out of view
        // (the narration read on a phone) brings it back.
        if previous_run.is_some() {
            request_animation_frame(highlighted_into_view);
        }
    });
    let timer = set_interval_with_handle(
        move || {
            if playing.get_untracked() && !blank.get_untracked() {
                playback.step_to(index.get_untracked() + 1);
            }
        },
        std::time::Duration::from_millis(PLAY_STEP_MS),
    );
    // Full screen's change bubbles from the document up to the window.
    let fullscreen = window_event_listener_untyped("fullscreenchange", move |_| {
        playback.on_fullscreen_change();
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| playback.on_key(ev));
    // While presenting, the controls fade once the mouse has been still for
    // IDLE_MS, and come back when it moves; the keys work either way.
    let idle_timer = StoredValue::new(None::<TimeoutHandle>);
    let wake = move || {
        playback.idle.set(false);
        if let Some(t) = idle_timer.get_value() {
            t.clear();
        }
        let handle = playback.presenting.get_untracked().then(|| {
            set_timeout_with_handle(
                move || playback.idle.set(true),
                std::time::Duration::from_millis(IDLE_MS),
            )
            .ok()
        });
        idle_timer.set_value(handle.flatten());
    };
    Effect::new(move |_| {
        playback.presenting.track();
        wake();
    });
    let moves = window_event_listener(leptos::ev::pointermove, move |_| wake());
    on_cleanup(move || {
        if let Some(t) = idle_timer.try_get_value().flatten() {
            t.clear();
        }
        moves.remove();
        if let Ok(t) = timer {
            t.clear();
        }
        fullscreen.remove();
        keys.remove();
        set_root_presenting(false);
    });
}

/// Scrolls the step's first highlighted actor into view, no further than
/// needed, if any part of it is hidden.
fn highlighted_into_view() {
    let Some(actor) = document()
        .query_selector("svg.stage .highlighted")
        .ok()
        .flatten()
    else {
        return;
    };
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let bar_top = |selector: &str| {
        document()
            .query_selector(selector)
            .ok()
            .flatten()
            .map(|el| el.get_bounding_client_rect().top())
    };
    // Below: the controls, which follow the diagram in every arrangement
    // (and stick above a phone's tab bar), or the tab bar itself.
    let tab_bar = bar_top(".mainnav").filter(|t| *t > height / 2.0);
    let bottom = [bar_top(".player-controls"), tab_bar]
        .into_iter()
        .flatten()
        .fold(height, f64::min);
    reveal_above(&actor, bottom);
}

#[component]
fn Stage(playback: Playback) -> impl IntoView {
    let walkthrough = playback.walkthrough();
    let index = playback.index;
    let state = Memo::new(move |_| {
        walkthrough
            .state_at(index.get())
            .or_else(|| walkthrough.first_state())
            .expect("a shipped walkthrough has steps")
    });
    // The arrangements of the scene, recorded when the project was built
    // (deriving them here held up a phone's first draw). The one drawn is
    // the one whose type stays readable in the room the screen leaves;
    // presenter mode draws the presenter layout.
    let landscape = Layout::landscape(walkthrough);
    let portrait = playback.shipped.portrait();
    let presenter = playback.shipped.presenter();
    let Playback { frame, room, .. } = playback;
    let presenting = playback.presenting;
    // None until the room is measured (the player is hidden until then):
    // drawing a layout that a phone then swaps for portrait would draw
    // the whole scene twice.
    let layout = Memo::new(move |_| {
        let (width, height) = room.get();
        if presenting.get() {
            Some(presenter.clone())
        } else if width == 0.0 {
            None
        } else {
            Some(landscape.fitting(&portrait, width, height).clone())
        }
    });
    // Never so short that the type falls under 12 px: a short window
    // scrolls to the narration instead.
    let max_height = move || {
        let (_, height) = room.get();
        let least = layout.with(|l| l.as_ref().map_or(0.0, Layout::readable_height));
        (height > 0.0 && !presenting.get()).then(|| format!("{}px", coordinate(height.max(least))))
    };
    // A finger swiped across the diagram steps: left for the next step,
    // right for the one before. Vertical moves stay the page's scroll.
    let swipe_from = StoredValue::new(None::<(i32, i32)>);
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() != "mouse" && !presenting.get_untracked() {
            swipe_from.set_value(Some((ev.client_x(), ev.client_y())));
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let Some((x0, y0)) = swipe_from.get_value() else {
            return;
        };
        swipe_from.set_value(None);
        let (dx, dy) = (ev.client_x() - x0, ev.client_y() - y0);
        if dx.abs() >= SWIPE_PX && dx.abs() > 2 * dy.abs() {
            let i = index.get_untracked();
            if dx < 0 {
                playback.step_to(i + 1);
            } else if i > 0 {
                playback.step_to(i - 1);
            }
        }
    };
    // On a deep link the room is known as the step is made (see
    // `stage_room`), and the page the build rendered is in view: its arrows
    // have drawn in there, and the scene replacing it shows them drawn. So
    // does a scene drawn again in another arrangement (a turn, presenter
    // mode): only a step new to the eye draws its arrows in.
    let deep_link = room.get_untracked().0 > 0.0;
    let shown = playback.shown;
    let drawn = move || {
        layout.get().map(|layout| {
            let arrows = if deep_link || shown.get_untracked() {
                Arrows::Drawn
            } else {
                Arrows::DrawIn
            };
            if !shown.get_untracked() {
                shown.set(true);
            }
            view! { <WalkthroughStage walkthrough=walkthrough layout=layout state=state arrows=arrows/> }
        })
    };
    view! {
        <div class="stage-frame" node_ref=frame
            on:pointerdown=on_down
            on:pointerup=on_up
            on:pointercancel=move |_| swipe_from.set_value(None)
            class:portrait=move || layout.with(|l| l.as_ref().is_some_and(|l| l.orientation == Orientation::Portrait)) style:--stage-max-height=max_height role="region" aria-label="Diagram">
            // A task after the rest of the step's first view, once its room
            // is known: on a deep link as the step is made, elsewhere once the
            // frame is laid out (the player is hidden until it has drawn).
            <Deferred>{drawn}</Deferred>
        </div>
    }
}

#[component]
fn Narration(playback: Playback) -> impl IntoView {
    let walkthrough = playback.walkthrough();
    let Playback {
        shipped,
        index,
        last,
        ..
    } = playback;
    let step = move || walkthrough.steps[index.get()];
    view! {
        <section class="narration" aria-live="polite" aria-labelledby="step-title">
            <p class="card-meta" data-testid="step-count">{move || format!("Step {} of {}", index.get() + 1, last + 1)}</p>
            <h2 id="step-title">{move || step().title}</h2>
            {move || {
                let html = shipped
                    .narration_html(index.get())
                    .expect("a shipped walkthrough has recorded narration");
                view! { <RenderedMarkdown html/> }
            }}
        </section>
    }
}

#[component]
fn PlayerControls(playback: Playback) -> impl IntoView {
    let Playback {
        index,
        last,
        playing,
        presenting,
        ..
    } = playback;
    view! {
        <div class="player-controls">
            <button type="button" class="text-button restart" on:click=move |_| playback.step_to(0) disabled=move || index.get() == 0>"Restart"</button>
            <button type="button" class="text-button previous" on:click=move |_| playback.step_to(index.get().saturating_sub(1)) disabled=move || index.get() == 0>"Previous"</button>
            <button type="button" class="button play" aria-pressed=move || playing.get().to_string() on:click=move |_| playback.toggle_playing()>
                {move || if playing.get() { "Pause" } else { "Play" }}
            </button>
            // The count again, for the sticky step bar of a narrow screen
            // (the narration's count is the one read out).
            <span class="bar-step" aria-hidden="true">{move || format!("{} / {}", index.get() + 1, last + 1)}</span>
            <button type="button" class="text-button next" on:click=move |_| playback.step_to(index.get() + 1) disabled=move || index.get() == last>"Next"</button>
            <button type="button" class="text-button present" aria-pressed=move || presenting.get().to_string() on:click=move |_| playback.toggle_presenter()>
                {move || if presenting.get() { "Leave presenter mode" } else { "Present" }}
            </button>
        </div>
    }
}

#[component]
fn StepDots(playback: Playback) -> impl IntoView {
    let index = playback.index;
    view! {
        <ol class="step-dots" aria-label="Steps">
            {playback.walkthrough().steps.iter().enumerate().map(|(i, s)| view! {
                <li>
                    <button type="button" class:current=move || index.get() == i
                        aria-current=move || (index.get() == i).then_some("step")
                        aria-label=format!("Step {}: {}", i + 1, s.title)
                        on:click=move |_| playback.step_to(i)></button>
                </li>
            }).collect_view()}
        </ol>
    }
}

#[component]
fn Sources(walkthrough: &'static Walkthrough) -> impl IntoView {
    view! {
        <section class="panel walkthrough-sources" aria-labelledby="about-title">
            <h2 id="about-title">"About this walkthrough"</h2>
            <p>{walkthrough.summary}</p>
            <h3 id="sources-title">"Sources"</h3>
            <ul>
                {walkthrough.sources.iter().map(|url| view! {
                    <li><a href=*url target="_blank" rel="noopener">{url.trim_start_matches("https://docs.aws.amazon.com/")}</a></li>
                }).collect_view()}
            </ul>
            <LabLinks labs={walkthrough.labs.iter().map(|l| (*l).to_owned()).collect::<Vec<_>>()}/>
            <p class="hint key-legend">"Keys: ← → or PageUp/PageDown step, Home and End jump, Space plays or pauses, P presents, B blanks the screen while presenting (any key or a click brings it back), Esc leaves."</p>
        </section>
    }
}

/// The room the diagram has, in CSS pixels: its column's width, and the
/// window's height below the diagram's top, less the narration's first
/// lines where the narration sits below it (one column) and the phone's tab
/// bar. Measured again when the frame or the window is resized or turned.
///
/// On a deep link the page the build rendered is in view (`crate::boot`),
/// laid out as the player will be, so the room is read from its diagram's
/// frame before the player draws: the diagram then draws in a task of its
/// own with the rest of the step, not in the frame that shows the app. (0, 0)
/// otherwise, until the player's frame has been laid out.
fn stage_room(frame: NodeRef<leptos::html::Div>) -> ReadSignal<(f64, f64)> {
    let rendered = document()
        .query_selector("#boot .stage-frame")
        .ok()
        .flatten()
        .and_then(|el| room_of(&el));
    let (room, set_room) = signal(rendered.unwrap_or((0.0, 0.0)));
    let measure = move || {
        let Some(now) = frame.get_untracked().and_then(|el| room_of(&el)) else {
            return;
        };
        if now != room.get_untracked() {
            set_room.set(now);
        }
    };
    // The frame's width follows the page's layout, which may settle after
    // the player mounts; the window's height follows resizes and turns.
    let callback = Closure::<dyn FnMut()>::new(measure);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    if observer.is_none() {
        request_animation_frame(measure);
    }
    let held = StoredValue::new_local((callback, observer));
    Effect::new(move |_| {
        if let Some(el) = frame.get() {
            held.with_value(|(_, observer)| {
                if let Some(observer) = observer {
                    observer.observe(&el);
                }
            });
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        resize.remove();
        held.with_value(|(_, observer)| {
            if let Some(observer) = observer {
                observer.disconnect();
            }
        });
    });
    room
}

/// The room a diagram's frame has where it is laid out now, with the tab
/// bar of the page it is in (the app's, or the rendered page's); None while
/// it is not laid out (the app is hidden behind the rendered page).
fn room_of(frame: &web_sys::Element) -> Option<(f64, f64)> {
    let width = frame.client_width();
    if width == 0 {
        return None;
    }
    let win = window();
    let viewport = win
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let top = frame.get_bounding_client_rect().top() + win.scroll_y().unwrap_or(0.0);
    let matches = |query: &str| {
        win.match_media(query)
            .ok()
            .flatten()
            .is_some_and(|q| q.matches())
    };
    // The narration's count and title with the step bar below them, and the tab bar, in px.
    let below = if matches(ONE_COLUMN) {
        NARRATION_PEEK_PX
    } else {
        16.0
    };
    let tab_bar = if matches(TAB_BAR) {
        frame
            .closest(".shell")
            .ok()
            .flatten()
            .and_then(|shell| shell.query_selector(".mainnav").ok().flatten())
            .map_or(0.0, |bar| bar.get_bounding_client_rect().height())
    } else {
        0.0
    };
    let height = (viewport - top - below - tab_bar).max(MIN_STAGE_PX);
    Some((f64::from(width), height))
}

/// Where the player is one column, the narration under the diagram (as
/// `style/main.css` has it).
const ONE_COLUMN: &str = "(max-width: 63.99rem)";
/// Where the main navigation is a tab bar along the bottom.
const TAB_BAR: &str = "(max-width: 52rem)";
/// Room kept under a one-column diagram for the narration's count and
/// title, and the step bar that sticks below them. No more: a diagram
/// drawn shorter than the page rendered at build time would lift the
/// narration into view and make it the largest paint, late.
const NARRATION_PEEK_PX: f64 = 150.0;
/// The least height given to the diagram, however short the window.
const MIN_STAGE_PX: f64 = 240.0;
