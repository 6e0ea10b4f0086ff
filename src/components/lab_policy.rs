//! The console's key-policy editor, with "Try a call": would a principal be
//! allowed an action on the key, and which statement decided.

use keydeck_lab_protocol::wording::{
    call_error, key_label, parse_context, policy_problem, verdict,
};
use keydeck_lab_protocol::{Ask, ConsoleView, KeyRow};
use leptos::prelude::*;
use serde_json::{json, Value};

use crate::lab_store::LabStore;

/// The actions "Try a call" offers.
const ACTIONS: &[&str] = &[
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncryptFrom",
    "kms:GenerateDataKey",
    "kms:DescribeKey",
    "kms:CreateGrant",
    "kms:Sign",
    "kms:Verify",
    "kms:GetPublicKey",
    "kms:PutKeyPolicy",
    "kms:ScheduleKeyDeletion",
];

#[component]
pub fn PolicyTab(
    keys: Memo<Vec<KeyRow>>,
    selected: RwSignal<Option<String>>,
    store: LabStore,
    profile: RwSignal<String>,
    region: RwSignal<String>,
    console: Memo<ConsoleView>,
) -> impl IntoView {
    let key = Memo::new(move |_| {
        let id = selected.get();
        keys.with(|ks| {
            ks.iter()
                .find(|k| Some(&k.key_id) == id.as_ref())
                .or(ks.first())
                .cloned()
        })
    });
    let text = RwSignal::new(String::new());
    Effect::new(move |_| {
        text.set(key.with(|k| k.as_ref().map(|k| k.policy.clone()).unwrap_or_default()))
    });
    let problem = Memo::new(move |_| text.with(|t| policy_problem(t)));
    let saved = RwSignal::new(None::<Result<String, String>>);
    let save = move |_| {
        let Some(k) = key.get_untracked() else { return };
        saved.set(None);
        store.call(
            profile.get_untracked(),
            region.get_untracked(),
            "PutKeyPolicy".to_owned(),
            json!({"KeyId": k.key_id, "PolicyName": "default", "Policy": text.get_untracked()}),
            move |v| {
                saved.set(Some(match call_error(&v, "PutKeyPolicy") {
                    Some(e) => Err(e),
                    None => Ok("Policy saved.".to_owned()),
                }))
            },
        );
    };
    view! {
        <Show when=move || key.with(Option::is_some)
            fallback=|| view! { <p class="hint empty">"Create a key first; its policy appears here."</p> }>
            <label class="field">"Key "
                <select on:change=move |ev| selected.set(Some(event_target_value(&ev)))>
                    {move || keys.get().into_iter().map(|k| {
                        let chosen = key.with_untracked(|sel| sel.as_ref().map(|s| &s.key_id) == Some(&k.key_id));
                        view! { <option value=k.key_id.clone() selected=chosen>{key_label(&k)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="field" for="policy-editor">"Policy document (JSON)"</label>
            <textarea id="policy-editor" class="policy-editor mono" rows="14" spellcheck="false"
                aria-invalid=move || problem.with(Option::is_some).to_string()
                aria-describedby="policy-status" data-testid="policy-editor"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <p id="policy-status" class="hint" class:invalid=move || problem.with(Option::is_some)>
                {move || problem.get().unwrap_or_else(|| "Valid JSON.".to_owned())}
            </p>
            <button type="button" class="button" on:click=save disabled=move || problem.with(Option::is_some) || store.busy.get()>"Save policy"</button>
            {move || saved.get().map(|r| match r {
                Ok(m) => view! { <p class="console-ok" role="status">{m}</p> }.into_any(),
                Err(e) => view! { <p class="console-error" role="alert">{e}</p> }.into_any(),
            })}
            <TryACall key region console/>
        </Show>
    }
}

/// "Try a call": would this principal be allowed this action on this key?
#[component]
fn TryACall(
    key: Memo<Option<KeyRow>>,
    region: RwSignal<String>,
    console: Memo<ConsoleView>,
) -> impl IntoView {
    let who = RwSignal::new("developer".to_owned());
    let action = RwSignal::new("kms:Decrypt".to_owned());
    let context = RwSignal::new(String::new());
    let answer = RwSignal::new(None::<Value>);
    let try_it = move |_| {
        let Some(k) = key.get_untracked() else { return };
        let ask = Ask::Explain {
            profile: who.get_untracked(),
            region: region.get_untracked(),
            action: action.get_untracked(),
            key_id: k.arn,
            context: parse_context(&context.get_untracked()),
        };
        leptos::task::spawn_local(async move { answer.set(Some(LabStore::explain(ask).await)) });
    };
    view! {
        <fieldset class="try-call">
            <legend>"Try a call"</legend>
            <label class="field">"Principal "
                <select on:change=move |ev| who.set(event_target_value(&ev))>
                    {move || console.with(|c| c.profiles.iter().map(|p| {
                        let chosen = p.name == who.get_untracked();
                        view! { <option value=p.name.clone() selected=chosen>{format!("{} · {}", p.name, p.arn)}</option> }
                    }).collect_view())}
                </select>
            </label>
            <label class="field">"Action "
                <select on:change=move |ev| action.set(event_target_value(&ev))>
                    {ACTIONS.iter().map(|a| view! { <option value=*a selected=*a == "kms:Decrypt">{*a}</option> }).collect_view()}
                </select>
            </label>
            <label class="field">"Encryption context (optional) "
                <input type="text" placeholder="Dept=IT,Stage=test" prop:value=move || context.get()
                    on:input=move |ev| context.set(event_target_value(&ev))/>
            </label>
            <button type="button" class="button button-secondary" on:click=try_it>"Try"</button>
            {move || answer.get().map(|a| view! { <Verdict answer=a/> })}
        </fieldset>
    }
}

#[component]
fn Verdict(answer: Value) -> impl IntoView {
    let (head, reason) = verdict(&answer);
    let statement = answer
        .pointer("/DecidedBy/Statement")
        .map(|s| serde_json::to_string_pretty(s).unwrap_or_default());
    let message = answer
        .get("Message")
        .and_then(Value::as_str)
        .map(str::to_owned);
    view! {
        <div class="verdict" class:allow=head == "Allow" class:deny=head != "Allow" role="status" data-testid="verdict">
            <p class="verdict-head">{head}</p>
            <p>{reason}</p>
            {message.map(|m| view! { <p class="mono">{m}</p> })}
            {statement.map(|s| view! { <pre class="policy" tabindex="0" aria-label="The deciding statement">{s}</pre> })}
        </div>
    }
}
