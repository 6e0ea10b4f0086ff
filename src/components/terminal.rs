//! The lab terminal: scrollback, a prompt, history on ↑/↓, Tab completion
//! (Tab moves focus on as usual when the line is empty), Ctrl+L to clear and
//! Ctrl+C to drop the line. What runs is the worker's business.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use crate::lab_store::{Block, LabStore};

#[component]
pub fn Terminal(store: LabStore) -> impl IntoView {
    let input = RwSignal::new(String::new());
    // Position in history while browsing with ↑/↓; None is the new line.
    let browsing = RwSignal::new(None::<usize>);
    let out_ref = NodeRef::<html::Div>::new();
    let input_ref = NodeRef::<html::Input>::new();
    let history = move || {
        store
            .view
            .with(|v| v.as_ref().map(|v| v.history.clone()).unwrap_or_default())
    };

    // Keep the newest output in sight, once it has been laid out.
    Effect::new(move |_| {
        store.scrollback.track();
        store.busy.track();
        request_animation_frame(move || {
            if let Some(out) = out_ref.get_untracked() {
                out.set_scroll_top(out.scroll_height());
            }
        });
    });

    let submit = move || {
        if store.busy.get_untracked() {
            return;
        }
        let line = input.get_untracked();
        input.set(String::new());
        browsing.set(None);
        if line.trim().is_empty() {
            store.scrollback.update(|s| s.push(Block::Command(line)));
        } else {
            store.run(line);
        }
    };
    let step_history = move |older: bool| {
        let all = history();
        if all.is_empty() {
            return;
        }
        let next = match (browsing.get_untracked(), older) {
            (None, true) => Some(all.len() - 1),
            (None, false) => None,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < all.len() => Some(i + 1),
            (Some(_), false) => None,
        };
        browsing.set(next);
        input.set(next.map(|i| all[i].clone()).unwrap_or_default());
    };
    let complete = move || {
        let line = input.get_untracked();
        let cursor = input_ref
            .get_untracked()
            .and_then(|i| i.selection_start().ok().flatten())
            .map(|c| c as usize)
            .unwrap_or(line.len());
        leptos::task::spawn_local(async move {
            let Some((start, candidates, prefix)) = LabStore::complete(line.clone(), cursor).await
            else {
                return;
            };
            let (before, after) = (
                &line[..start.min(line.len())],
                &line[cursor.min(line.len())..],
            );
            match candidates.as_slice() {
                [] => {}
                [only] => {
                    let space = if only.ends_with('/') { "" } else { " " };
                    input.set(format!("{before}{only}{space}{after}"));
                }
                many => {
                    if prefix.len() > cursor.saturating_sub(start) {
                        input.set(format!("{before}{prefix}{after}"));
                    }
                    store.scrollback.update(|s| {
                        s.push(Block::Command(line.clone()));
                        s.push(Block::Stdout(many.join("  ") + "\n"));
                    });
                }
            }
        });
    };
    let on_key = move |ev: KeyboardEvent| match (ev.key().as_str(), ev.ctrl_key()) {
        ("Enter", _) => {
            ev.prevent_default();
            submit();
        }
        ("ArrowUp", _) => {
            ev.prevent_default();
            step_history(true);
        }
        ("ArrowDown", _) => {
            ev.prevent_default();
            step_history(false);
        }
        ("Tab", false) if !ev.shift_key() && !input.get_untracked().is_empty() => {
            ev.prevent_default();
            complete();
        }
        ("l", true) => {
            ev.prevent_default();
            store.scrollback.set(Vec::new());
        }
        ("c", true) if input.with_untracked(|i| !i.is_empty()) => {
            ev.prevent_default();
            let line = input.get_untracked();
            store
                .scrollback
                .update(|s| s.push(Block::Command(format!("{line}^C"))));
            input.set(String::new());
        }
        _ => {}
    };
    let focus_input = move |_| {
        if let Some(i) = input_ref.get() {
            let _ = i.focus();
        }
    };
    let press = move |key: &'static str| {
        move |_| {
            match key {
                "Tab" => complete(),
                "Up" => step_history(true),
                _ => step_history(false),
            }
            if let Some(i) = input_ref.get() {
                let _ = i.focus();
            }
        }
    };

    view! {
        <section class="terminal" aria-labelledby="terminal-title">
            <h2 id="terminal-title" class="visually-hidden">"Terminal"</h2>
            // Focusable, so that a keyboard can scroll the output, wide
            // tables and JSON included, with the arrow keys.
            <div class="term-out" node_ref=out_ref role="log" aria-live="polite" aria-label="Terminal output"
                tabindex="0" on:click=focus_input data-testid="terminal-output">
                <p class="term-welcome">
                    "Type " <kbd>"help"</kbd> " for the commands, or " <kbd>"aws kms help"</kbd>
                    ". Tab completes, ↑ and ↓ recall earlier commands."
                </p>
                <For each=move || store.scrollback.get().into_iter().enumerate() key=|(i, _)| *i let:item>
                    {match item.1 {
                        Block::Command(line) => view! { <pre class="term-cmd"><span class="term-prompt" aria-hidden="true">"$ "</span>{line}</pre> }.into_any(),
                        Block::Stdout(text) => view! { <pre class="term-stdout">{text}</pre> }.into_any(),
                        Block::Stderr(text) => view! { <pre class="term-stderr">{text}</pre> }.into_any(),
                    }}
                </For>
                <Show when=move || store.busy.get()>
                    <Busy/>
                </Show>
            </div>
            <form class="term-line" on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <label for="term-input" class="term-prompt">"$"</label>
                <input id="term-input" node_ref=input_ref type="text" autocomplete="off"
                    autocapitalize="off" spellcheck="false" enterkeyhint="send"
                    aria-describedby="term-keys" data-testid="terminal-input"
                    prop:value=move || input.get()
                    on:input=move |ev| { input.set(event_target_value(&ev)); browsing.set(None); }
                    on:keydown=on_key/>
                <button type="submit" class="button" disabled=move || store.busy.get()>"Run"</button>
            </form>
            <p id="term-keys" class="term-keys hint">
                <button type="button" class="key-button" on:click=press("Tab")>"Tab"</button>
                <button type="button" class="key-button" on:click=press("Up") aria-label="Earlier command">"↑"</button>
                <button type="button" class="key-button" on:click=press("Down") aria-label="Later command">"↓"</button>
                <span>"Enter runs · Tab completes · ↑↓ history · Ctrl+L clears · Tab on an empty line moves on"</span>
            </p>
        </section>
    }
}

/// The busy line. After a few seconds it counts them, and says why: RSA
/// key generation takes a while in a browser.
#[component]
fn Busy() -> impl IntoView {
    let seconds = RwSignal::new(0u32);
    let timer = set_interval_with_handle(
        move || seconds.update(|s| *s += 1),
        std::time::Duration::from_secs(1),
    );
    on_cleanup(move || {
        if let Ok(t) = timer {
            t.clear();
        }
    });
    view! {
        <p class="term-busy" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {move || match seconds.get() {
                s if s < 3 => "Working…".to_owned(),
                s => format!("Working… {s} s (large RSA keys take a while to make in a browser)"),
            }}
        </p>
    }
}
