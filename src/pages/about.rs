use leptos::prelude::*;

use crate::components::page_header::PageHeader;

crate::lazy::lazy_route!(AboutRoute, about, about_view, view! { <About/> });

#[component]
pub fn About() -> impl IntoView {
    view! {
        <PageHeader title="About" heading="About KeyDeck">
            "KeyDeck teaches AWS Key Management Service, the AWS Encryption SDK, "
            "Systems Manager Parameter Store, Secrets Manager and Certificate Manager."
        </PageHeader>
        <section class="panel prose">
            <h2>"Your data stays here"</h2>
            <p>
                "KeyDeck has no server and no account. Your progress is kept in this browser's "
                "local storage, on this device only."
            </p>
            <h2>"Sources"</h2>
            <p>
                "Every card and every explanation links to the AWS documentation page it rests on. "
                "KeyDeck is an independent study aid and is not affiliated with Amazon Web Services."
            </p>
            <h2>"This version"</h2>
            <p data-testid="build">
                {crate::pwa::build_id().map_or_else(|| "Development build".to_owned(), |b| format!("Build {b}"))}
            </p>
        </section>
    }
}
