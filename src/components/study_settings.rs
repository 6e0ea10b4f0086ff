//! The learner's scheduling settings: desired retention, daily limits and
//! the hour the study day begins. The study page draws their panel, and
//! these controls inside it once their chunk has come.

use leptos::prelude::*;

use keydeck_study::schedule::DesiredRetention;
use keydeck_study::wording::decimal;

use crate::study_store::use_study;

#[component]
pub fn StudySettings() -> impl IntoView {
    let store = use_study();
    let settings = move || store.settings();
    let update = move |f: &dyn Fn(&mut keydeck_study::progress::Settings)| {
        let mut s = store.settings();
        f(&mut s);
        store.set_settings(s);
    };
    let number = |ev: &leptos::ev::Event, max: u32| {
        event_target_value(ev)
            .parse::<u32>()
            .ok()
            .map(|n| n.min(max))
    };
    view! {
        <div class="settings-grid">
            <label for="retention">"Desired retention"</label>
            <div class="retention">
                <input
                    id="retention"
                    type="range"
                    min=DesiredRetention::MIN
                    max=DesiredRetention::MAX
                    step="0.01"
                    prop:value=move || decimal(settings().desired_retention.get(), 2)
                    aria-describedby="retention-help"
                    on:change=move |ev| {
                        // The browser reads the number: Rust's decimal parser
                        // and its tables would be this page's alone.
                        let value = event_target::<web_sys::HtmlInputElement>(&ev).value_as_number();
                        if let Ok(r) = DesiredRetention::new(value) {
                            update(&|s| s.desired_retention = r);
                        }
                    }
                />
                <output for="retention">{move || format!("{}%", decimal(settings().desired_retention.get() * 100.0, 0))}</output>
            </div>
            <p id="retention-help" class="hint">
                "The chance of remembering a card when it comes due. Higher means more reviews."
            </p>

            <label for="new-per-day">"New cards per day"</label>
            <input id="new-per-day" type="number" min="0" max="9999" inputmode="numeric"
                prop:value=move || settings().new_per_day.to_string()
                on:change=move |ev| if let Some(n) = number(&ev, 9999) { update(&|s| s.new_per_day = n) }
            />

            <label for="reviews-per-day">"Reviews per day"</label>
            <input id="reviews-per-day" type="number" min="0" max="9999" inputmode="numeric"
                prop:value=move || settings().reviews_per_day.to_string()
                on:change=move |ev| if let Some(n) = number(&ev, 9999) { update(&|s| s.reviews_per_day = n) }
            />

            <label for="rollover">"A new day starts at"</label>
            <select id="rollover" on:change=move |ev| {
                if let Ok(h) = event_target_value(&ev).parse::<u8>() {
                    if h < 24 {
                        update(&|s| s.rollover_hour = h);
                    }
                }
            }>
                {(0u8..24).map(|h| view! {
                    <option value=h.to_string() selected=move || settings().rollover_hour == h>
                        {format!("{h:02}:00")}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}
