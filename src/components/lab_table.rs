//! What the console's tabs share: the chosen account and Region, a table
//! of rows (or a hint when there are none), and a row's name as the button
//! that opens its detail below the table.

use keydeck_lab_protocol::ConsoleView;
use leptos::prelude::*;

/// The account of the chosen profile and the chosen Region: what a tab
/// lists.
#[derive(Clone, Copy)]
pub struct Scope {
    pub account: Memo<String>,
    pub region: RwSignal<String>,
}

impl Scope {
    pub fn get(&self) -> (String, String) {
        (self.account.get(), self.region.get())
    }

    /// The rows `pick` keeps for this account and Region, kept up to date.
    pub fn rows<T>(
        self,
        console: Memo<ConsoleView>,
        pick: fn(&ConsoleView, &str, &str) -> Vec<T>,
    ) -> Memo<Vec<T>>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| {
            let (account, region) = self.get();
            console.with(|c| pick(c, &account, &region))
        })
    }
}

/// The row whose `id` is selected, while it is still listed.
pub fn selected_row<T>(
    rows: Memo<Vec<T>>,
    selected: RwSignal<Option<String>>,
    id: fn(&T) -> &str,
) -> impl Fn() -> Option<T> + Copy
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    move || {
        let want = selected.get()?;
        rows.with(|rs| rs.iter().find(|r| id(r) == want).cloned())
    }
}

/// Whether the row `id` is the selected one.
pub fn is_selected(selected: RwSignal<Option<String>>, id: &str) -> Signal<bool> {
    let id = id.to_owned();
    Signal::derive(move || selected.get().as_deref() == Some(id.as_str()))
}

/// A row's name as a button that opens its detail below the table.
#[component]
pub fn RowButton(selected: RwSignal<Option<String>>, id: String, label: String) -> impl IntoView {
    let pressed = is_selected(selected, &id);
    view! {
        <button type="button" class="link-button mono" aria-pressed=move || pressed.get().to_string()
            on:click=move |_| selected.set(Some(id.clone()))>{label}</button>
    }
}

/// A scrollable, labelled table with one header row, or `empty` while
/// there are no rows; `children` are the body's rows.
#[component]
pub fn ConsoleTable(
    #[prop(into)] shown: Signal<bool>,
    label: &'static str,
    testid: &'static str,
    columns: &'static [&'static str],
    #[prop(into)] empty: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <Show when=move || shown.get() fallback=empty>
            <div class="table-scroll" tabindex="0" role="region" aria-label=label>
                <table class="console-table" data-testid=testid>
                    <thead><tr>{columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr></thead>
                    <tbody>{children()}</tbody>
                </table>
            </div>
        </Show>
    }
}
