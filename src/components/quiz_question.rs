//! One quiz question: its stem, the control its kind needs, and, once
//! revealed, a verdict that names the right answer, a label on each option
//! saying what happened to it, and the explanations, the learner's own
//! choices first, with the AWS page for each.

use leptos::prelude::*;

use keydeck_study::markdown::plain_text;
use keydeck_study::quiz::{answer_for_key, Answer, Body, Mark, Question};

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
    // The verdict once checked, worked out once for the banner and the
    // words read out.
    let feedback = Memo::new(move |_| {
        revealed
            .get()
            .then(|| q.with_value(|q| q.feedback(answer.get().as_ref())))
    });
    let verdict = move || {
        feedback.get().map(|feedback| {
            view! {
                <p class="verdict" class:verdict-right=feedback.correct class:verdict-wrong=!feedback.correct
                    data-testid="verdict">
                    <strong>{feedback.headline}</strong>" "{feedback.right_answer}
                </p>
            }
        })
    };
    // The verdict read out: a live region there before it is checked, so
    // that a screen reader announces the words when they appear.
    let spoken = move || {
        feedback.with(|f| {
            f.as_ref()
                .map(|f| format!("{} {}", f.headline, f.right_answer))
        })
    };
    // What happened to each option, once revealed.
    let marks = Signal::derive(move || {
        if revealed.get() {
            q.with_value(|q| q.marks(answer.get().as_ref()))
        } else {
            Vec::new()
        }
    });
    view! {
        <article class="panel question" aria-labelledby="question-title">
            <p class="card-meta" id="question-title">{format!("Question {number} of {total}")}</p>
            {verdict}
            <div class="stem"><Markdown source=question.stem.clone()/></div>
            <p class="instruction">{instruction}</p>
            {match question.body.clone() {
                Body::Single { options } | Body::Multi { options, .. } => view! {
                    <Options question=q options=options.clone() answer=answer on_answer=on_answer revealed=revealed marks=marks/>
                    <Explanations question=q options=options answer=answer revealed=revealed marks=marks/>
                }.into_any(),
                Body::TrueFalse { explanation, .. } => view! {
                    <TrueFalse answer=answer on_answer=on_answer revealed=revealed marks=marks/>
                    <Explanation revealed=revealed text=explanation source=question.source.clone()/>
                }.into_any(),
                Body::Typed { explanation, .. } => view! {
                    <Typed answer=answer on_answer=on_answer revealed=revealed/>
                    <Explanation revealed=revealed text=explanation source=question.source.clone()/>
                }.into_any(),
                Body::Matching { terms, descriptions, key, explanation } => view! {
                    <Matching terms=terms descriptions=descriptions key=key answer=answer on_answer=on_answer revealed=revealed marks=marks/>
                    <Explanation revealed=revealed text=explanation source=question.source.clone()/>
                }.into_any(),
            }}
            <p class="visually-hidden" role="status" data-testid="spoken-verdict">{spoken}</p>
        </article>
    }
}

/// An option's label once revealed ("Your answer · correct", …): text,
/// which the option's colour only repeats.
fn mark_label(marks: Signal<Vec<Mark>>, i: usize) -> impl IntoView {
    move || {
        marks.with(|m| m.get(i).copied()).and_then(|m| {
            m.label()
                .map(|label| view! { <span class=mark_class(m)>{label}</span> })
        })
    }
}

/// The label's classes: its colour repeats what the words say.
pub fn mark_class(mark: Mark) -> &'static str {
    if mark.is_right() {
        "mark mark-right"
    } else {
        "mark mark-wrong"
    }
}

fn mark_is(marks: Signal<Vec<Mark>>, i: usize, test: fn(Mark) -> bool) -> impl Fn() -> bool {
    move || marks.with(|m| m.get(i).copied().is_some_and(test))
}

#[component]
fn Options(
    question: StoredValue<Question>,
    options: Vec<keydeck_study::quiz::Choice>,
    answer: Signal<Option<Answer>>,
    on_answer: Callback<Option<Answer>>,
    revealed: Signal<bool>,
    marks: Signal<Vec<Mark>>,
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
                view! {
                    <li
                        class="option"
                        class:right=mark_is(marks, i, Mark::is_right)
                        class:wrong=mark_is(marks, i, |m| m == Mark::ChosenWrong)
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
                            {mark_label(marks, i)}
                        </label>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// Why each option is right or wrong, once revealed: the learner's own
/// choices first, then the right ones they missed, then the rest.
#[component]
fn Explanations(
    question: StoredValue<Question>,
    options: Vec<keydeck_study::quiz::Choice>,
    answer: Signal<Option<Answer>>,
    revealed: Signal<bool>,
    marks: Signal<Vec<Mark>>,
) -> impl IntoView {
    let options = StoredValue::new(options);
    move || {
        revealed.get().then(|| {
            let order = question.with_value(|q| q.explanation_order(answer.get().as_ref()));
            view! {
                <ol class="explanations" aria-label="Why">
                    {order.into_iter().map(|i| options.with_value(|options| {
                        let o = options[i].clone();
                        view! {
                            <li class="option-why">
                                <strong>{plain_text(&o.text)}</strong>
                                {mark_label(marks, i)}
                                <Markdown source=o.explanation.clone()/>
                                <a href=o.source.clone() target="_blank" rel="noopener">"AWS documentation"</a>
                            </li>
                        }
                    })).collect_view()}
                </ol>
            }
        })
    }
}

#[component]
fn TrueFalse(
    answer: Signal<Option<Answer>>,
    on_answer: Callback<Option<Answer>>,
    revealed: Signal<bool>,
    marks: Signal<Vec<Mark>>,
) -> impl IntoView {
    // Marks come in the order shown: True, then False.
    let choice = move |value: bool, key: usize, label: &'static str| {
        let i = key - 1;
        view! {
            <li
                class="option"
                class:right=mark_is(marks, i, Mark::is_right)
                class:wrong=mark_is(marks, i, |m| m == Mark::ChosenWrong)
            >
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
                    {mark_label(marks, i)}
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
    marks: Signal<Vec<Mark>>,
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
                    <li class:right=mark_is(marks, t, Mark::is_right)
                        class:wrong=mark_is(marks, t, |m| m != Mark::ChosenRight)>
                        <label for=id.clone()><Markdown source=term.clone()/></label>
                        {mark_label(marks, t)}
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
                            <p class="option-why">"Correct answer: " {right.and_then(|r| descriptions.with_value(|d| d.get(r).map(|s| plain_text(s)))).unwrap_or_default()}</p>
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
