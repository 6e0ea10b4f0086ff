//! The console's event history: every call, newest first, filterable, as
//! CloudTrail's event history shows it.

use keydeck_lab_protocol::ConsoleView;
use leptos::prelude::*;

#[component]
pub fn EventsTab(console: Memo<ConsoleView>) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let failed_only = RwSignal::new(false);
    let rows = move || {
        let (text, failed) = (filter.get(), failed_only.get());
        console.with(|c| {
            c.events
                .iter()
                .filter(|e| e.matches(&text, failed))
                .take(200)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="event-filters">
            <label class="field">"Filter "
                <input type="search" placeholder="Operation, principal or error" prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev)) data-testid="event-filter"/>
            </label>
            <label class="check"><input type="checkbox" prop:checked=move || failed_only.get()
                on:change=move |ev| failed_only.set(event_target_checked(&ev))/>" Failed calls only"</label>
        </div>
        {move || {
            let rows = rows();
            if rows.is_empty() {
                return view! { <p class="hint empty">"No events yet. Every call you make, from the terminal or here, is listed, newest first."</p> }.into_any();
            }
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label="Events">
                    <table class="console-table events" data-testid="console-events">
                        <thead><tr><th scope="col">"Time"</th><th scope="col">"Principal"</th><th scope="col">"Operation"</th><th scope="col">"Region"</th><th scope="col">"Error code"</th></tr></thead>
                        <tbody>{rows.into_iter().map(|e| view! {
                            <tr class:failed=e.error_code.is_some()>
                                <td class="mono">{e.when()}</td>
                                <td class="mono">{e.who().to_owned()}</td>
                                <td>{e.operation.clone()}</td>
                                <td>{e.region.clone()}</td>
                                <td title=e.error_message.clone().unwrap_or_default()>{e.error_code.clone().unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
