//! The console's Parameter Store tab: the parameters of the chosen account
//! and Region, and one parameter's versions, labels and policies. A
//! SecureString's value is never in the view: it reads "(encrypted)".

use keydeck_lab_protocol::wording::{key_ref, label_words, or_dash};
use keydeck_lab_protocol::{ConsoleView, ParameterRow};
use leptos::prelude::*;

use crate::components::lab_table::{is_selected, selected_row, ConsoleTable, RowButton, Scope};

#[component]
pub fn ParametersTab(console: Memo<ConsoleView>, scope: Scope) -> impl IntoView {
    let rows = scope.rows(console, ConsoleView::parameters_in);
    let selected = RwSignal::new(None::<String>);
    let detail = selected_row(rows, selected, |p| &p.name);
    view! {
        <ConsoleTable shown=Signal::derive(move || !rows.with(Vec::is_empty)) label="Parameters" testid="console-parameters"
            columns=&["Name", "Type", "Value", "KMS key", "Version", "Tier", "Last modified"]
            empty=|| view! { <p class="hint empty">"No parameters in this account and Region yet. Try " <code>"aws ssm put-parameter --name /app/db/password --value … --type SecureString"</code></p> }>
            {move || rows.get().into_iter().map(|p| view! {
                <tr class:selected=is_selected(selected, &p.name)>
                    <td><RowButton selected id=p.name.clone() label=p.name.clone()/></td>
                    <td>{p.kind.clone()}</td>
                    <td class="value-cell" class:sealed=p.key_id.is_some() title=p.value.clone()>{p.value.clone()}</td>
                    <td class="mono" title=p.key_id.clone().unwrap_or_default()>{p.key_id.as_deref().map(key_ref).unwrap_or_else(|| "—".to_owned())}</td>
                    <td>{p.version}</td>
                    <td>{p.tier.clone()}</td>
                    <td class="mono">{p.last_modified.clone()}</td>
                </tr>
            }).collect_view()}
        </ConsoleTable>
        {move || detail().map(|p| view! { <ParameterDetail parameter=p/> })}
    }
}

#[component]
fn ParameterDetail(parameter: ParameterRow) -> impl IntoView {
    let p = parameter;
    view! {
        <article class="key-detail" aria-labelledby="parameter-detail-title" data-testid="parameter-detail">
            <h3 id="parameter-detail-title">{p.name.clone()}</h3>
            <dl class="facts">
                <div><dt>"ARN"</dt><dd class="mono">{p.arn.clone()}</dd></div>
                <div><dt>"Description"</dt><dd>{or_dash(&p.description)}</dd></div>
                <div><dt>"Type · tier"</dt><dd>{format!("{} · {}", p.kind, p.tier)}</dd></div>
                <div><dt>"Value"</dt><dd class="mono">{p.value.clone()}</dd></div>
                <div><dt>"KMS key"</dt><dd class="mono">{p.key_id.clone().unwrap_or_else(|| "None: not a SecureString".to_owned())}</dd></div>
                <div><dt>"Last modified"</dt><dd>{format!("{} by ", p.last_modified)}<span class="mono">{p.last_modified_user.clone()}</span></dd></div>
            </dl>
            <h4>{format!("Versions ({})", p.versions.len())}</h4>
            <ul class="plain-list">{p.versions.iter().map(|v| view! {
                <li>{format!("Version {} · {} · labels: {}", v.version, v.last_modified, label_words(&v.labels))}</li>
            }).collect_view()}</ul>
            <h4>{format!("Policies ({})", p.policies.len())}</h4>
            {if p.policies.is_empty() { view! { <p class="hint">"No policies."</p> }.into_any() } else { view! {
                <ul class="plain-list">{p.policies.iter().map(|policy| view! {
                    <li>{policy.kind.clone()}" · "<span class=format!("state state-{}", policy.status.to_ascii_lowercase())>{policy.status.clone()}</span></li>
                }).collect_view()}</ul>
            }.into_any() }}
        </article>
    }
}
