//! `/labs/<id>`: one lab, with its instructions, the terminal and the
//! console. Its code is a chunk of its own (`lab`): the list of labs
//! (`/labs`) does not carry the terminal, the console or the Markdown
//! renderer. The simulator runs in the labs worker, started when a lab
//! first asks for it, or when the pointer reaches a lab in the list.

use keydeck_lab_protocol::wording::tasks_done_announcement;
use keydeck_lab_protocol::{LabView, TaskView};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::esdk_viewer::EsdkViewer;
use crate::components::lab_console::LabConsole;
use crate::components::markdown::Markdown;
use crate::components::presenter::{set_root_presenting, toggle_fullscreen};
use crate::components::terminal::Terminal;
use crate::lab_store::LabStore;
use crate::study_store::use_study;

crate::lazy::lazy_route!(
    LabRoute,
    lab,
    lab_view,
    view! { <LabPage/> },
    style = "labs"
);

#[component]
pub fn LabPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    move || view! { <OpenLab id=id.get()/> }
}

#[component]
fn OpenLab(id: String) -> impl IntoView {
    let query = use_query_map();
    let seed = query.with_untracked(|q| q.get("seed").and_then(|s| s.parse().ok()));
    let store = LabStore::open(id, seed);
    let presenting = RwSignal::new(false);
    let lab_ref = NodeRef::<leptos::html::Div>::new();
    let present = move |on: bool| {
        presenting.set(on);
        set_root_presenting(on);
        toggle_fullscreen(lab_ref.get_untracked().map(Into::into), on);
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && presenting.get_untracked() {
            present(false);
        }
    });
    let fullscreen = window_event_listener(
        leptos::ev::Custom::<web_sys::Event>::new("fullscreenchange"),
        move |_| {
            if document().fullscreen_element().is_none() && presenting.get_untracked() {
                presenting.set(false);
                set_root_presenting(false);
            }
        },
    );
    on_cleanup(move || {
        keys.remove();
        fullscreen.remove();
        set_root_presenting(false);
    });
    let title = move || {
        store
            .view
            .with(|v| v.as_ref().map(|v| v.summary.title.clone()))
    };

    Effect::new(move |_| {
        crate::components::page_header::set_title(&title().unwrap_or_else(|| "Lab".to_owned()));
    });
    view! {
        <div class="lab" class:presenting=move || presenting.get() node_ref=lab_ref>
            <header class="lab-header">
                <div>
                    <p class="eyebrow"><A href="/labs">"Labs"</A>{move || store.view.with(|v| v.as_ref().map(|v| format!(" · Lab {}", v.summary.number)))}</p>
                    <h1>{move || title().unwrap_or_else(|| "Opening the lab…".to_owned())}</h1>
                </div>
                <div class="lab-tools">
                    <TaskMeter store/>
                    <button type="button" class="button button-secondary" on:click=move |_| present(!presenting.get_untracked())
                        aria-pressed=move || presenting.get().to_string()>
                        {move || if presenting.get() { "Leave presenter mode" } else { "Present" }}
                    </button>
                    <ResetButton store/>
                </div>
            </header>
            {move || store.problem.get().map(|p| view! { <p class="problem" role="alert" data-testid="lab-problem">{p}</p> })}
            <div class="lab-grid">
                <Instructions store/>
                <div class="lab-work">
                    <Terminal store/>
                    <LabConsole store/>
                    {move || (store.view.with(|v| v.as_ref().map(|v| v.summary.id == "esdk-message")) == Some(true))
                        .then(|| view! { <EsdkViewer store/> })}
                    {move || store.view.get().map(|v| view! { <Practises view=v/> })}
                </div>
            </div>
        </div>
    }
}

#[component]
fn TaskMeter(store: LabStore) -> impl IntoView {
    let counts = move || {
        store.view.with(|v| {
            v.as_ref().map(|v| {
                let done = v.tasks.iter().filter(|t| t.done).count();
                (done, v.tasks.len())
            })
        })
    };
    // The tasks a step completes, read out from a live region that stays
    // in place while the meter redraws.
    let announced = RwSignal::new(None::<String>);
    Effect::new(move |before: Option<Vec<TaskView>>| {
        let after = store
            .view
            .with(|v| v.as_ref().map(|v| v.tasks.clone()).unwrap_or_default());
        if let Some(before) = before.filter(|b| !b.is_empty()) {
            if let Some(words) = tasks_done_announcement(&before, &after) {
                announced.set(Some(words));
            }
        }
        after
    });
    view! {
        {move || counts().map(|(done, total)| view! {
            <p class="task-meter" data-testid="task-meter">
                <progress max=total value=done aria-hidden="true"></progress>
                {if done == total { "All tasks done".to_owned() } else { format!("{done} of {total} tasks done") }}
            </p>
        })}
        <p class="visually-hidden" role="status" data-testid="task-announcement">{move || announced.get()}</p>
    }
}

#[component]
fn ResetButton(store: LabStore) -> impl IntoView {
    let confirming = RwSignal::new(false);
    view! {
        <Show when=move || confirming.get()
            fallback=move || view! { <button type="button" class="button button-secondary" on:click=move |_| confirming.set(true)>"Reset lab"</button> }>
            <span class="confirm" role="group" aria-label="Reset the lab?">
                "Start this lab again? Your keys and files go; ticked tasks stay on your progress page. "
                <button type="button" class="button danger-button" on:click=move |_| { confirming.set(false); store.reset(); }>"Reset"</button>
                <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
            </span>
        </Show>
    }
}

#[component]
fn Instructions(store: LabStore) -> impl IntoView {
    view! {
        <aside class="lab-instructions panel" aria-labelledby="instructions-title">
            <h2 id="instructions-title">"Instructions"</h2>
            {move || store.view.get().map(|v| view! { <LabText view=v/> })}
        </aside>
    }
}

#[component]
fn LabText(view: LabView) -> impl IntoView {
    let first_open = view.tasks.iter().position(|t| !t.done);
    let started = view.tasks.iter().any(|t| t.done) || !view.history.is_empty();
    view! {
        <details class="lab-intro" open=!started>
            <summary>"About this lab"</summary>
            <Markdown source=view.intro_markdown.clone()/>
        </details>
        <ol class="tasks" data-testid="tasks">
            {view.tasks.iter().enumerate().map(|(i, t)| view! {
                <li class="task" class:done=t.done data-testid="task" data-done=t.done.to_string()>
                    <details open=Some(i) == first_open>
                        <summary>
                            <span class="task-check" aria-hidden="true">{if t.done { "✓" } else { "" }}</span>
                            <span class="task-title">{t.title.clone()}</span>
                            <span class="visually-hidden">{if t.done { " (done)" } else { " (to do)" }}</span>
                        </summary>
                        <Markdown source=t.body_markdown.clone()/>
                        <details class="hint-box">
                            <summary>"Hint"</summary>
                            <Markdown source=t.hint_markdown.clone()/>
                        </details>
                    </details>
                </li>
            }).collect_view()}
        </ol>
    }
}

/// Links to the flashcards and walkthroughs this lab practises, and its sources.
#[component]
fn Practises(view: LabView) -> impl IntoView {
    let deck = use_study().deck();
    view! {
        <section class="practises panel" aria-labelledby="practises-title">
            <h3 id="practises-title">"Practise the ideas"</h3>
            <ul class="plain-list">
                {view.cards.iter().map(|t| view! { <li><A href=format!("/study?topic={t}")>{format!("Flashcards: {}", deck.topic_title(t))}</A></li> }).collect_view()}
                {view.walkthroughs.iter().map(|w| view! { <li><A href=format!("/walkthroughs/{w}")>{format!("Walkthrough: {}", keydeck_study::walkthrough::builtin::title(w))}</A></li> }).collect_view()}
            </ul>
            <h3>"AWS documentation"</h3>
            <ul class="plain-list sources">
                {view.sources.iter().map(|s| view! { <li><a href=s.clone() rel="noopener" target="_blank">{s.trim_start_matches("https://").to_owned()}</a></li> }).collect_view()}
            </ul>
        </section>
    }
}
