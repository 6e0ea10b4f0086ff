//! The byte viewer of the Encryption SDK lab: a file of the lab as hex
//! bytes, each field coloured and labelled by its part of the message, the
//! active field's name, value and explanation beside it. The grid is one
//! tab stop; arrow keys move between fields, Enter or Space selects one.
//! The fields, their parts and explanations come from the worker.

use keydeck_lab_protocol::{FieldGroup, Inspection, MessageField};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::lab_store::LabStore;

#[component]
pub fn EsdkViewer(store: LabStore) -> impl IntoView {
    let file = RwSignal::new(String::new());
    let inspection = RwSignal::new(Inspection::default());
    let problem = RwSignal::new(None::<String>);
    let active = RwSignal::new(0usize);
    let selected = RwSignal::new(None::<usize>);
    // Read again after every step: a command may have changed the file.
    Effect::new(move |_| {
        store.view.track();
        let name = file.get();
        spawn_local(async move {
            match LabStore::inspect(name).await {
                Ok(found) => {
                    problem.set(None);
                    inspection.set(found);
                }
                Err(message) => problem.set(Some(message)),
            }
        });
    });
    let count = move || inspection.with(|i| i.fields.len());
    let on_key = move |ev: KeyboardEvent| {
        let n = count();
        if n == 0 {
            return;
        }
        let now = active.get_untracked().min(n - 1);
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (now + 1).min(n - 1),
            "ArrowLeft" | "ArrowUp" => now.saturating_sub(1),
            "Home" => 0,
            "End" => n - 1,
            "Enter" | " " => {
                ev.prevent_default();
                selected.set(Some(now));
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        active.set(next);
        reveal(next);
    };
    let shown = move || {
        inspection.with(|i| {
            let index = selected.get().unwrap_or_else(|| active.get());
            i.fields.get(index).cloned()
        })
    };
    view! {
        <section class="esdk-viewer" aria-labelledby="esdk-viewer-title" data-testid="esdk-viewer">
            <h2 id="esdk-viewer-title">"Message"</h2>
            <label class="esdk-file">
                "File "
                <select on:change=move |ev| { active.set(0); selected.set(None); file.set(event_target_value(&ev)); }
                    prop:value=move || file.get()>
                    <option value="">"Choose a file"</option>
                    {move || inspection.with(|i| i.files.clone()).into_iter().map(|name| {
                        let value = name.clone();
                        view! { <option value=value>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <ul class="esdk-legend" aria-label="Parts of the message">
                {FieldGroup::ALL.into_iter().map(|g| view! {
                    <li class=format!("esdk-chip {}", g.class())><span class="esdk-tag">{g.tag()}</span>" "{g.label()}</li>
                }).collect_view()}
            </ul>
            {move || problem.get().map(|p| view! { <p class="problem" role="alert">{p}</p> })}
            {move || inspection.with(|i| i.failure.clone()).map(|f| view! {
                <p class="esdk-failure" data-testid="esdk-failure">"Not a whole message: "{f}</p>
            })}
            <Show when=move || { count() > 0 }>
                <div class="esdk-grid" role="listbox" tabindex="0" aria-label="Message bytes, by field"
                    data-testid="esdk-grid"
                    aria-activedescendant=move || format!("esdk-field-{}", active.get())
                    on:keydown=on_key>
                    {move || inspection.with(|i| fields_view(i, active, selected))}
                </div>
            </Show>
            <div class="esdk-detail" aria-live="polite" data-testid="esdk-detail">
                {move || shown().map(|f| view! {
                    <p><strong>{f.name.clone()}</strong>" · "{f.group.label()}" · bytes "{f.start}"–"{f.start + f.len.max(1) - 1}</p>
                    <p><code>{f.value.clone()}</code></p>
                    <p>{f.explanation.clone()}</p>
                })}
            </div>
        </section>
    }
}

/// Scrolls the grid, which scrolls on its own so that the field's
/// explanation below it stays in sight, to show the field at `index`.
fn reveal(index: usize) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let field = document.get_element_by_id(&format!("esdk-field-{index}"));
    let grid = document.query_selector(".esdk-grid").ok().flatten();
    let (Some(field), Some(grid)) = (field, grid) else {
        return;
    };
    let (Ok(field), Ok(grid)) = (
        field.dyn_into::<web_sys::HtmlElement>(),
        grid.dyn_into::<web_sys::HtmlElement>(),
    ) else {
        return;
    };
    let (top, bottom) = (
        field.offset_top(),
        field.offset_top() + field.offset_height(),
    );
    let (shown_top, height) = (grid.scroll_top(), grid.client_height());
    if top < shown_top {
        grid.set_scroll_top(top);
    } else if bottom > shown_top + height {
        grid.set_scroll_top(bottom - height);
    }
}

/// Every field as an option holding its bytes in hex; a tag marks where
/// each part of the message starts, so colour is not the only cue.
fn fields_view(
    i: &Inspection,
    active: RwSignal<usize>,
    selected: RwSignal<Option<usize>>,
) -> impl IntoView {
    let mut previous = None;
    i.fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            let starts_group = previous != Some(field.group);
            previous = Some(field.group);
            let hex: Vec<String> = i.bytes[field.start..field.start + field.len]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            field_view(index, field, hex, starts_group, active, selected)
        })
        .collect_view()
}

fn field_view(
    index: usize,
    field: &MessageField,
    hex: Vec<String>,
    starts_group: bool,
    active: RwSignal<usize>,
    selected: RwSignal<Option<usize>>,
) -> impl IntoView {
    let group = field.group;
    view! {
        <span role="option" id=format!("esdk-field-{index}")
            class=move || format!("esdk-field {}{}", group.class(), if active.get() == index { " active" } else { "" })
            aria-label=field.aria_label()
            aria-selected=move || (selected.get() == Some(index)).to_string()
            on:mouseenter=move |_| active.set(index)
            on:click=move |_| { active.set(index); selected.set(Some(index)); }>
            {starts_group.then(|| view! { <span class="esdk-tag" aria-hidden="true">{group.tag()}</span> })}
            {hex.into_iter().map(|h| view! { <span class="esdk-byte">{h}</span> }).collect_view()}
        </span>
    }
}
