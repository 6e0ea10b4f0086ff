//! The console's EBS tab: the snapshots the chosen account can use in the
//! chosen Region (its own and those shared with it), with their state,
//! key and sharing, and the account's volumes.

use keydeck_lab_protocol::wording::{key_ref, sharing_words};
use keydeck_lab_protocol::ConsoleView;
use leptos::prelude::*;

use crate::components::lab_table::{ConsoleTable, Scope};

/// "Not encrypted", or the key's short name, with the full ARN as a title.
fn encryption_cell(encrypted: bool, key: Option<String>) -> impl IntoView {
    let words = match (&key, encrypted) {
        (Some(k), _) => key_ref(k),
        (None, true) => "Encrypted".to_owned(),
        (None, false) => "Not encrypted".to_owned(),
    };
    view! { <td class="mono" title=key.unwrap_or_default()>{words}</td> }
}

/// A state as text in a pill; the colour only repeats it.
fn state_pill(state: &str) -> impl IntoView {
    view! { <span class=format!("state state-{state}")>{state.to_owned()}</span> }
}

#[component]
pub fn SnapshotsTab(console: Memo<ConsoleView>, scope: Scope) -> impl IntoView {
    let snapshots = scope.rows(console, ConsoleView::snapshots_for);
    let volumes = scope.rows(console, ConsoleView::volumes_in);
    view! {
        <h3 class="console-heading">"Snapshots"</h3>
        <ConsoleTable shown=Signal::derive(move || !snapshots.with(Vec::is_empty)) label="Snapshots" testid="console-snapshots"
            columns=&["Snapshot ID", "Owner", "Volume", "State", "KMS key", "Shared with", "Started"]
            empty=|| view! { <p class="hint empty">"No snapshots in this account and Region yet. Try " <code>"aws ec2 create-snapshot --volume-id …"</code></p> }>
            {move || {
                let me = scope.get().0;
                snapshots.get().into_iter().map(|s| {
                    let owner = if s.owner == me { format!("{} (you)", s.owner) } else { s.owner.clone() };
                    view! {
                        <tr>
                            <td class="mono">{s.snapshot_id.clone()}</td>
                            <td class="mono">{owner}</td>
                            <td class="mono">{format!("{} · {} GiB", s.volume_id, s.volume_size)}</td>
                            <td>{state_pill(&s.state)}{s.state_message.clone().map(|m| view! { " " <span class="state-message">{m}</span> })}</td>
                            {encryption_cell(s.encrypted, s.kms_key_id.clone())}
                            <td class="mono">{sharing_words(&s)}</td>
                            <td class="mono">{s.started.clone()}</td>
                        </tr>
                    }
                }).collect_view()
            }}
        </ConsoleTable>
        <h3 class="console-heading">"Volumes"</h3>
        <ConsoleTable shown=Signal::derive(move || !volumes.with(Vec::is_empty)) label="Volumes" testid="console-volumes"
            columns=&["Volume ID", "Zone", "Size · type", "State", "KMS key", "From snapshot", "Created"]
            empty=|| view! { <p class="hint empty">"No volumes in this account and Region yet. Try " <code>"aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted"</code></p> }>
            {move || volumes.get().into_iter().map(|v| view! {
                <tr>
                    <td class="mono">{v.volume_id.clone()}</td>
                    <td>{v.zone.clone()}</td>
                    <td>{format!("{} GiB · {}", v.size, v.volume_type)}</td>
                    <td>{state_pill(&v.state)}</td>
                    {encryption_cell(v.encrypted, v.kms_key_id.clone())}
                    <td class="mono">{v.snapshot_id.clone().unwrap_or_else(|| "—".to_owned())}</td>
                    <td class="mono">{v.created.clone()}</td>
                </tr>
            }).collect_view()}
        </ConsoleTable>
    }
}
