//! One of the separators of Quizlet's export dialog, chosen the way that
//! dialog offers it: two named ones, or custom text.

use leptos::prelude::*;

#[component]
pub fn SeparatorChoice<T>(
    legend: &'static str,
    name: &'static str,
    fixed: [(&'static str, T); 2],
    custom: fn(String) -> T,
    value: RwSignal<T>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let text = RwSignal::new(String::new());
    let named = fixed.clone();
    let is_custom = move || value.with(|v| !named.iter().any(|(_, n)| n == v));
    let custom_id = format!("{name}-custom");
    let custom_label = format!("Custom {}", legend.to_ascii_lowercase());
    view! {
        <fieldset class="choice separator">
            <legend>{legend}</legend>
            {fixed.into_iter().map(|(label, option)| {
                let checked = option.clone();
                view! {
                    <label>
                        <input type="radio" name=name
                            prop:checked=move || value.with(|v| *v == checked)
                            on:change=move |_| value.set(option.clone())/>
                        " " {label}
                    </label>
                }
            }).collect_view()}
            <span class="custom-choice">
                <label>
                    <input type="radio" name=name prop:checked=is_custom
                        on:change=move |_| value.set(custom(text.get_untracked()))/>
                    " Custom"
                </label>
                <input type="text" id=custom_id class="custom-separator" aria-label=custom_label
                    autocomplete="off" spellcheck="false" size="6"
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        value.set(custom(text.get_untracked()));
                    }/>
            </span>
        </fieldset>
    }
}
