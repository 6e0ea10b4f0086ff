//! `/labs`: the guided labs with the learner's progress in each. The list
//! is the catalog the build writes (`content/labs.json`), fetched beside
//! the route's code, so it needs neither the labs worker nor a lab's code
//! (`crate::pages::lab`). The pointer reaching a lab starts both.

use keydeck_lab_protocol::{LabProgress, LabSummary};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::page_header::PageHeader;
use crate::lazy::ChunkMissing;
use crate::{lab_worker, storage};

crate::lazy::lazy_route!(
    LabsRoute,
    labs,
    labs_view,
    view! { <Labs/> },
    style = "labs",
    ready = async {
        crate::content::fetch_lab_catalog()
            .await
            .map_err(|_| ChunkMissing)
    }
);

/// A lab's page's code, fetched ahead of a click on a lab.
#[leptos::wasm_split::wasm_split(lab, fallible, wasm_split_path = ::leptos::wasm_split)]
fn lab_code() -> Result<(), ChunkMissing> {
    Ok(())
}

/// Starts fetching what a lab's page needs: its code and the worker. Both
/// start once; pointing again finds them started.
fn get_ready() {
    lab_worker::start_early();
    leptos::task::spawn_local(async {
        // A failure shows on the lab's page, which asks again.
        let _ = lab_code().await;
    });
}

#[component]
pub fn Labs() -> impl IntoView {
    // Read as the view is drawn: the route draws it once the catalog has
    // come, but makes it as soon as its code has.
    let list = move || match crate::content::lab_catalog() {
        Ok(labs) => view! { <LabList labs progress=storage::lab_progress()/> }.into_any(),
        Err(message) => view! { <p class="problem" role="alert">{message}</p> }.into_any(),
    };
    view! {
        <PageHeader title="Labs" heading="Labs">
            "Type the AWS CLI commands you will type at work, against a KMS simulator that runs in this page "
            "and answers as AWS does. Each lab checks what you did, step by step."
        </PageHeader>
        {list}
    }
}

#[component]
fn LabList(labs: Vec<LabSummary>, progress: LabProgress) -> impl IntoView {
    view! {
        <ol class="lab-list" data-testid="lab-list">
            {labs.into_iter().map(|lab| {
                let record = progress.get(&lab.id).cloned().unwrap_or_default();
                let total = lab.task_ids.len();
                let done = record.done_of(&lab.task_ids);
                let status = record.status_line(&lab.task_ids, lab.minutes);
                let meter = format!("{} progress", lab.title);
                view! {
                    <li class="panel lab-card" class:complete=record.is_complete()>
                        <p class="eyebrow">{format!("Lab {}", lab.number)}</p>
                        <h2>
                            <A href=format!("/labs/{}", lab.id)
                                on:pointerenter=|_| get_ready()
                                on:focus=|_| get_ready()
                            >{lab.title}</A>
                        </h2>
                        <p>{lab.summary}</p>
                        <progress max=total value=done aria-label=meter data-live></progress>
                        <p class="hint" data-testid="lab-status" data-live>{status}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
