//! The console beside the lab terminal, like the AWS console: keys and a
//! key's detail, a key-policy editor with "Try a call", Parameter Store's
//! parameters, Secrets Manager's secrets, EBS snapshots and volumes, and
//! the event list. It reads the worker's view; its actions are API calls
//! like any other.

use keydeck_lab_protocol::wording::{call_error, date_part, key_label, rotation_words, short_id};
use keydeck_lab_protocol::{ConsoleView, KeyRow};
use leptos::prelude::*;
use serde_json::json;

use crate::components::lab_events::EventsTab;
use crate::components::lab_parameters::ParametersTab;
use crate::components::lab_policy::PolicyTab;
use crate::components::lab_secrets::SecretsTab;
use crate::components::lab_snapshots::SnapshotsTab;
use crate::components::lab_table::{is_selected, selected_row, ConsoleTable, RowButton, Scope};
use crate::lab_store::LabStore;

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Keys,
    Policy,
    Parameters,
    Secrets,
    Snapshots,
    Events,
}

#[component]
pub fn LabConsole(store: LabStore) -> impl IntoView {
    let tab = RwSignal::new(Tab::Keys);
    let profile = RwSignal::new("default".to_owned());
    let region = RwSignal::new("us-east-1".to_owned());
    let selected = RwSignal::new(None::<String>);
    let console = Memo::new(move |_| {
        store
            .view
            .with(|v| v.as_ref().map(|v| v.console.clone()).unwrap_or_default())
    });
    let account = Memo::new(move |_| {
        let name = profile.get();
        console.with(|c| {
            c.profiles
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.account.clone())
                .unwrap_or_default()
        })
    });
    let scope = Scope { account, region };
    let keys = scope.rows(console, ConsoleView::keys_in);
    let tab_button = move |t: Tab, label: &'static str, id: &'static str| {
        view! {
            <button type="button" role="tab" id=id aria-selected=move || (tab.get() == t).to_string()
                class:active=move || tab.get() == t on:click=move |_| tab.set(t)>{label}</button>
        }
    };
    view! {
        <section class="lab-console panel" aria-labelledby="console-title">
            <div class="console-bar">
                <h2 id="console-title">"Console"</h2>
                <label>"Signed in as "
                    <select on:change=move |ev| profile.set(event_target_value(&ev)) data-testid="console-profile">
                        {move || console.with(|c| c.profiles.iter().map(|p| {
                            let name = p.name.clone();
                            let chosen = name == profile.get_untracked();
                            view! { <option value=name.clone() selected=chosen>{format!("{name} ({})", p.account)}</option> }
                        }).collect_view())}
                    </select>
                </label>
                <label>"Region "
                    <select on:change=move |ev| region.set(event_target_value(&ev))>
                        {["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"].map(|r| view! { <option value=r>{r}</option> })}
                    </select>
                </label>
            </div>
            <div role="tablist" class="console-tabs" aria-label="Console views">
                {tab_button(Tab::Keys, "Keys", "tab-keys")}
                {tab_button(Tab::Policy, "Key policy", "tab-policy")}
                {tab_button(Tab::Parameters, "Parameters", "tab-parameters")}
                {tab_button(Tab::Secrets, "Secrets", "tab-secrets")}
                {tab_button(Tab::Snapshots, "Snapshots", "tab-snapshots")}
                {tab_button(Tab::Events, "Event history", "tab-events")}
            </div>
            <div role="tabpanel" class="console-panel">
                {move || match tab.get() {
                    Tab::Keys => view! { <KeysTab keys selected store profile region/> }.into_any(),
                    Tab::Policy => view! { <PolicyTab keys selected store profile region console/> }.into_any(),
                    Tab::Parameters => view! { <ParametersTab console scope/> }.into_any(),
                    Tab::Secrets => view! { <SecretsTab console scope/> }.into_any(),
                    Tab::Snapshots => view! { <SnapshotsTab console scope/> }.into_any(),
                    Tab::Events => view! { <EventsTab console/> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn KeysTab(
    keys: Memo<Vec<KeyRow>>,
    selected: RwSignal<Option<String>>,
    store: LabStore,
    profile: RwSignal<String>,
    region: RwSignal<String>,
) -> impl IntoView {
    let detail = selected_row(keys, selected, |k| &k.key_id);
    view! {
        <ConsoleTable shown=Signal::derive(move || !keys.with(Vec::is_empty)) label="Keys" testid="console-keys"
            columns=&["Alias", "Key ID", "Status", "Key spec", "Usage", "Rotation"]
            empty=|| view! { <p class="hint empty">"No keys in this account and Region yet. Create one in the terminal: " <code>"aws kms create-key"</code></p> }>
            {move || keys.get().into_iter().map(|k| view! {
                <tr class:selected=is_selected(selected, &k.key_id)>
                    <td>{k.aliases.join(", ")}</td>
                    <td><RowButton selected id=k.key_id.clone() label=short_id(&k.key_id)/></td>
                    <td><span class=format!("state state-{}", k.state.to_ascii_lowercase())>{k.state.clone()}</span></td>
                    <td>{k.spec.clone()}</td>
                    <td>{k.usage.clone()}</td>
                    <td>{rotation_words(&k.rotation)}</td>
                </tr>
            }).collect_view()}
        </ConsoleTable>
        {move || detail().map(|k| view! { <KeyDetail key=k store profile region/> })}
    }
}

#[component]
fn KeyDetail(
    key: KeyRow,
    store: LabStore,
    profile: RwSignal<String>,
    region: RwSignal<String>,
) -> impl IntoView {
    let result = RwSignal::new(None::<String>);
    let act = {
        let key_id = key.key_id.clone();
        move |operation: &'static str| {
            let key_id = key_id.clone();
            move |_| {
                result.set(None);
                store.call(
                    profile.get_untracked(),
                    region.get_untracked(),
                    operation.to_owned(),
                    json!({"KeyId": key_id}),
                    move |v| result.set(call_error(&v, operation)),
                );
            }
        }
    };
    let enabled = key.state == "Enabled";
    view! {
        <article class="key-detail" aria-labelledby="key-detail-title" data-testid="key-detail">
            <h3 id="key-detail-title">{key_label(&key)}</h3>
            <dl class="facts">
                <div><dt>"ARN"</dt><dd class="mono">{key.arn.clone()}</dd></div>
                <div><dt>"Description"</dt><dd>{if key.description.is_empty() { "—".to_owned() } else { key.description.clone() }}</dd></div>
                <div><dt>"Status"</dt><dd>{key.state.clone()}{key.deletion_date.clone().map(|d| format!(" · deleted on {}", date_part(&d)))}</dd></div>
                <div><dt>"Created"</dt><dd>{key.created.clone()}</dd></div>
                <div><dt>"Origin · managed by"</dt><dd>{format!("{} · {}", key.origin, key.manager)}</dd></div>
                <div><dt>"Multi-Region"</dt><dd>{if key.multi_region.is_empty() { "No".to_owned() } else { key.multi_region.clone() }}</dd></div>
                <div><dt>"Automatic rotation"</dt><dd>{rotation_words(&key.rotation)}</dd></div>
            </dl>
            <div class="actions">
                {if enabled {
                    view! { <button type="button" class="button button-secondary" on:click=act("DisableKey")>"Disable key"</button> }.into_any()
                } else {
                    view! { <button type="button" class="button button-secondary" on:click=act("EnableKey")>"Enable key"</button> }.into_any()
                }}
            </div>
            {move || result.get().map(|r| view! { <p class="console-error" role="alert">{r}</p> })}
            <h4>"Key policy"</h4>
            <pre class="policy" tabindex="0" aria-label="Key policy document">{key.policy.clone()}</pre>
            <h4>{format!("Grants ({})", key.grants.len())}</h4>
            {if key.grants.is_empty() { view! { <p class="hint">"No grants."</p> }.into_any() } else { view! {
                <ul class="plain-list">{key.grants.iter().map(|g| view! {
                    <li><span class="mono">{short_id(&g.grant_id)}</span>" · "{g.grantee.clone()}" · "{g.operations.join(", ")}
                        {(!g.constraints.is_empty()).then(|| format!(" · {}", g.constraints))}</li>
                }).collect_view()}</ul>
            }.into_any() }}
            <h4>{format!("Tags ({})", key.tags.len())}</h4>
            {if key.tags.is_empty() { view! { <p class="hint">"No tags."</p> }.into_any() } else { view! {
                <ul class="plain-list">{key.tags.iter().map(|(k, v)| view! { <li>{format!("{k} = {v}")}</li> }).collect_view()}</ul>
            }.into_any() }}
            <h4>{format!("Rotations ({})", key.rotations.len())}</h4>
            {if key.rotations.is_empty() { view! { <p class="hint">"Never rotated."</p> }.into_any() } else { view! {
                <ul class="plain-list">{key.rotations.iter().map(|r| view! { <li>{format!("{} · {}", r.date, r.kind)}</li> }).collect_view()}</ul>
            }.into_any() }}
        </article>
    }
}
