use keydeck_lab_protocol::wording::lab_name;
use leptos::prelude::*;
use leptos_router::components::A;

/// Links to the guided labs that practise a topic or a walkthrough.
#[component]
pub fn LabLinks(labs: Vec<String>) -> impl IntoView {
    (!labs.is_empty()).then(|| {
        view! {
            <p class="lab-links">
                "Try it hands-on: "
                {labs.into_iter().enumerate().map(|(i, id)| view! {
                    {(i > 0).then_some(", ")}
                    <A href=format!("/labs/{id}")>{format!("{} lab", lab_name(&id))}</A>
                }).collect_view()}
            </p>
        }
    })
}
