//! The console's Secrets Manager tab: the secrets of the chosen account and
//! Region, and one secret's versions with their staging labels, rotation,
//! deletion and replicas. No secret value is ever in the view.

use keydeck_lab_protocol::wording::{
    date_part, key_ref, label_words, or_dash, secret_rotation_words, secret_status, short_id,
};
use keydeck_lab_protocol::{ConsoleView, SecretRow};
use leptos::prelude::*;

use crate::components::lab_table::{is_selected, selected_row, ConsoleTable, RowButton, Scope};

#[component]
pub fn SecretsTab(console: Memo<ConsoleView>, scope: Scope) -> impl IntoView {
    let rows = scope.rows(console, ConsoleView::secrets_in);
    let selected = RwSignal::new(None::<String>);
    let detail = selected_row(rows, selected, |s| &s.name);
    view! {
        <ConsoleTable shown=Signal::derive(move || !rows.with(Vec::is_empty)) label="Secrets" testid="console-secrets"
            columns=&["Name", "Status", "KMS key", "Rotation", "AWSCURRENT version", "Last changed"]
            empty=|| view! { <p class="hint empty">"No secrets in this account and Region yet. Try " <code>"aws secretsmanager create-secret --name app/db --secret-string …"</code></p> }>
            {move || rows.get().into_iter().map(|s| {
                let current = s.versions.iter().find(|v| v.stages.iter().any(|l| l == "AWSCURRENT")).map(|v| short_id(&v.version_id));
                view! {
                    <tr class:selected=is_selected(selected, &s.name)>
                        <td><RowButton selected id=s.name.clone() label=s.name.clone()/></td>
                        <td>{secret_status(&s)}</td>
                        <td class="mono" title=s.kms_key_id.clone()>{key_ref(&s.kms_key_id)}</td>
                        <td>{secret_rotation_words(&s.rotation)}</td>
                        <td class="mono">{current.unwrap_or_else(|| "—".to_owned())}</td>
                        <td class="mono">{s.last_changed.clone()}</td>
                    </tr>
                }
            }).collect_view()}
        </ConsoleTable>
        {move || detail().map(|s| view! { <SecretDetail secret=s/> })}
    }
}

#[component]
fn SecretDetail(secret: SecretRow) -> impl IntoView {
    let s = secret;
    let r = &s.rotation;
    view! {
        <article class="key-detail" aria-labelledby="secret-detail-title" data-testid="secret-detail">
            <h3 id="secret-detail-title">{s.name.clone()}</h3>
            <dl class="facts">
                <div><dt>"ARN"</dt><dd class="mono">{s.arn.clone()}</dd></div>
                <div><dt>"Description"</dt><dd>{or_dash(&s.description)}</dd></div>
                <div><dt>"Status"</dt><dd>{secret_status(&s)}</dd></div>
                <div><dt>"KMS key"</dt><dd class="mono">{s.kms_key_id.clone()}</dd></div>
                <div><dt>"Created · last changed"</dt><dd>{format!("{} · {}", s.created, s.last_changed)}</dd></div>
                <div><dt>"Rotation"</dt><dd>{secret_rotation_words(r)}</dd></div>
                <div><dt>"Rotation function"</dt><dd class="mono">{or_dash(r.lambda_arn.as_deref().unwrap_or_default())}</dd></div>
                <div><dt>"Last rotated"</dt><dd>{r.last_rotated.as_deref().map(|d| date_part(d).to_owned()).unwrap_or_else(|| "Never".to_owned())}</dd></div>
            </dl>
            <h4>{format!("Versions ({})", s.versions.len())}</h4>
            <ul class="plain-list" data-testid="secret-versions">{s.versions.iter().map(|v| view! {
                <li>
                    <span class="mono" title=v.version_id.clone()>{short_id(&v.version_id)}</span>
                    {format!(" · {} · ", v.created)}
                    <span class="visually-hidden">"staging labels: "</span>
                    {if v.stages.is_empty() { view! { <span>{label_words(&v.stages)}</span> }.into_any() } else {
                        v.stages.iter().map(|l| view! { <span class=format!("state staging-{}", l.to_ascii_lowercase())>{l.clone()}</span>" " }).collect_view().into_any()
                    }}
                </li>
            }).collect_view()}</ul>
            <h4>{format!("Replication ({})", s.replicas.len())}</h4>
            {if s.replicas.is_empty() { view! { <p class="hint">{s.primary_region.clone().map(|p| format!("A replica of the secret in {p}.")).unwrap_or_else(|| "Not replicated.".to_owned())}</p> }.into_any() } else { view! {
                <ul class="plain-list">{s.replicas.iter().map(|rep| view! {
                    <li>{format!("{} · {} · key {}", rep.region, rep.status, key_ref(&rep.kms_key_id))}
                        {(!rep.message.is_empty()).then(|| format!(" · {}", rep.message))}</li>
                }).collect_view()}</ul>
            }.into_any() }}
        </article>
    }
}
