//! One quiz question: its stem, the control its kind needs, and, once
//! revealed, what was right and why, with the AWS page for each option.

use leptos::prelude::*;

use keydeck_study::markdown::plain_text;
use keydeck_study::quiz::{answer_for_key, Answer, Body, Question};

use super::markdown::Markdown;

#[component]
pub fn QuestionView(
    question: Question,
    number: usize,
    total: usize,
    #[prop(into)] answer: Signal<Option<Answer>>,
    on_answer: Callback<Option<Answer>>,
    /// Show right and wrong, and the explanations.
    #[prop(into)]
    revealed: Signal<bool>,
) -> impl IntoView {
    let q = StoredValue::new(question.clone());
    let instruction = match &question.body {
        Body::Single { .. } => "Choose one.".to_owned(),
        Body::Multi { choose, .. } => format!("Choose {choose}."),
        Body::TrueFalse { .. } => "True or false?".to_owned(),
        Body::Typed { .. } => "Type your answer.".to_owned(),
        Body::Matching { .. } => "Match each term with its description.".to_owned(),
    };
    let verdict = move || {
        revealed.get().then(|| {
            let right = answer
                .get()
                .is_some_and(|a| q.with_value(|q| q.grade(&a).correct));
            if right {
                view! { <p class="verdict verdict-right" role="status">"Right."</p> }
            } else {
                view! { <p class="verdict verdict-wrong" role="status">"Not quite."</p> }
            }
        })
    };
    view! {
        <article class="panel question" aria-labelledby="question-title">
            <p class="card-meta" id="question-title">{format!("Question {number} of {total}")}</p>
            <div class="stem"><Markdown source=question.stem.clone()/></div>
            <p class="instruction">{instruction}</p>
            {match question.body.clone() {
                Body::Single { options } | Body::Multi { options, .. } => {
                    view! { <Options question=q options=options answer=answer on_answer=on_answer revealed=revealed/> }.into_any()
                }
                Body::TrueFalse { explanation, .. } => view! {
                    <TrueFalse answer=answer on_answer=on_answer revealed=revealed/>
                    <Explanation revealed=revealed text=explanation source=question.source.clone()/>
                }.into_any(),
                Body::Typed { accept, explanation } => view! {
                    <Typed answer=answer on_answer=on_answer revealed=revealed/>
                    <Show when=move || revealed.get()>
                        <p class="accepted">"Accepted answer: " <strong>{accept.first().cloned().unwrap_or_default()}</strong></p>
                    </Show>
                    <Explanation revealed=revealed text=explanation source=question.source.clone()/>
                }.into_any(),
                Body::Matching { terms, descriptions, key, explanation } => view! {
                    <Matching terms=terms descriptions=descriptions key=key answer=answer on_answer=on_answer revealed=revealed/>
                    <Explanation revealed=revealed text=explanation source=question.source.clone()/>
                }.into_any(),
            }}
            {verdict}
        </article>
    }
}

#[component]
fn Options(
    question: StoredValue<Question>,
    options: Vec<keydeck_study::quiz::Choice>,
    answer: Signal<Option<Answer>>,
    on_answer: Callback<Option<Answer>>,
    revealed: Signal<bool>,
) -> impl IntoView {
    let multi = question.with_value(|q| matches!(q.body, Body::Multi { .. }));
    let picked = move |i: usize| match answer.get() {
        Some(Answer::Single(p)) => p == i,
        Some(Answer::Multi(list)) => list.contains(&i),
        _ => false,
    };
    view! {
        <ol class="options">
            {options.into_iter().enumerate().map(|(i, o)| {
                let correct = o.correct;
                view! {
                    <li
                        class="option"
                        class:right=move || revealed.get() && correct
                        class:wrong=move || revealed.get() && !correct && picked(i)
                    >
                        <label>
                            <input
                                type=if multi { "checkbox" } else { "radio" }
                                name="option"
                                prop:checked=move || picked(i)
                                disabled=move || revealed.get()
                                on:change=move |_| {
                                    let current = answer.get_untracked();
                                    on_answer.run(question.with_value(|q| answer_for_key(q, current.as_ref(), i + 1)));
                                }
                            />
                            <kbd aria-hidden="true">{i + 1}</kbd>
                            <span class="option-text"><Markdown source=o.text.clone()/></span>
                        </label>
                        <Show when=move || revealed.get()>
                            <div class="option-why">
                                <strong>{if correct { "Right: " } else { "Wrong: " }}</strong>
                                <Markdown source=o.explanation.clone()/>
                                <a href=o.source.clone() target="_blank" rel="noopener">"AWS documentation"</a>
                            </div>
                        </Show>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

#[component]
fn TrueFalse(
    answer: Signal<Option<Answer>>,
    on_answer: Callback<Option<Answer>>,
    revealed: Signal<bool>,
) -> impl IntoView {
    let choice = move |value: bool, key: usize, label: &'static str| {
        view! {
            <li class="option">
                <label>
                    <input
                        type="radio"
                        name="truefalse"
                        prop:checked=move || answer.get() == Some(Answer::TrueFalse(value))
                        disabled=move || revealed.get()
                        on:change=move |_| on_answer.run(Some(Answer::TrueFalse(value)))
                    />
                    <kbd aria-hidden="true">{key}</kbd>
                    <span class="option-text">{label}</span>
                </label>
            </li>
        }
    };
    view! { <ol class="options">{choice(true, 1, "True")}{choice(false, 2, "False")}</ol> }
}

#[component]
fn Typed(
    answer: Signal<Option<Answer>>,
    on_answer: Callback<Option<Answer>>,
    revealed: Signal<bool>,
) -> impl IntoView {
    let text = move || match answer.get() {
        Some(Answer::Typed(t)) => t,
        _ => String::new(),
    };
    view! {
        <label class="typed">
            <span class="visually-hidden">"Your answer"</span>
            <input
                type="text"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                placeholder="Your answer"
                prop:value=text
                disabled=move || revealed.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    on_answer.run((!value.trim().is_empty()).then_some(Answer::Typed(value)));
                }
            />
        </label>
    }
}

#[component]
fn Matching(
    terms: Vec<String>,
    descriptions: Vec<String>,
    key: Vec<usize>,
    answer: Signal<Option<Answer>>,
    on_answer: Callback<Option<Answer>>,
    revealed: Signal<bool>,
) -> impl IntoView {
    let count = terms.len();
    let picks = move || match answer.get() {
        Some(Answer::Matching(p)) if p.len() == count => p,
        _ => vec![None; count],
    };
    let descriptions = StoredValue::new(descriptions);
    view! {
        <ol class="matching">
            {terms.into_iter().enumerate().map(|(t, term)| {
                let right = key.get(t).copied();
                let id = format!("match-{t}");
                view! {
                    <li class:right=move || revealed.get() && picks()[t] == right
                        class:wrong=move || revealed.get() && picks()[t] != right>
                        <label for=id.clone()><Markdown source=term.clone()/></label>
                        <select id=id disabled=move || revealed.get() on:change=move |ev| {
                            let mut p = picks();
                            p[t] = event_target_value(&ev).parse().ok();
                            on_answer.run(Some(Answer::Matching(p)));
                        }>
                            <option value="" selected=move || picks()[t].is_none()>"Choose a description…"</option>
                            {descriptions.get_value().into_iter().enumerate().map(|(d, text)| view! {
                                <option value=d.to_string() selected=move || picks()[t] == Some(d)>{plain_text(&text)}</option>
                            }).collect_view()}
                        </select>
                        <Show when=move || revealed.get() && picks()[t] != right>
                            <p class="option-why">"Right: " {right.and_then(|r| descriptions.with_value(|d| d.get(r).map(|s| plain_text(s)))).unwrap_or_default()}</p>
                        </Show>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

#[component]
fn Explanation(revealed: Signal<bool>, text: String, source: String) -> impl IntoView {
    view! {
        <Show when=move || revealed.get()>
            <div class="option-why">
                <Markdown source=text.clone()/>
                <a href=source.clone() target="_blank" rel="noopener">"AWS documentation"</a>
            </div>
        </Show>
    }
}
