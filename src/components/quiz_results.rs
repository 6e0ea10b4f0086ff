//! The results of a quiz or exam: the score against the pass line ([`PASS_PERCENT`]), a
//! bar per topic, and every question with the answer given, the right one and why:
//! a choice question's options carry the labels the quiz gave them.

use leptos::prelude::*;
use leptos_router::components::A;

use keydeck_study::quiz::{Mark, Quiz, QuizResult, PASS_PERCENT};
use keydeck_study::wording::count;

use super::markdown::Markdown;
use super::quiz_question::mark_class;

#[component]
pub fn QuizResults(result: QuizResult, quiz: Quiz, link: String) -> impl IntoView {
    let verdict = if result.passed {
        "Passed"
    } else {
        "Not passed yet"
    };
    let missed = result.review.iter().filter(|r| !r.correct).count();
    view! {
        <section class="panel results" aria-labelledby="results-title">
            <h2 id="results-title">"Results"</h2>
            <p class="score" data-testid="score">
                <strong>{format!("{} of {} right ({}%)", result.right, result.total, result.percent)}</strong>
            </p>
            <p class=if result.passed { "pass verdict-right" } else { "pass verdict-wrong" }>
                {format!("{verdict}: the pass line is {PASS_PERCENT}%.")}
            </p>
            {(missed > 0).then(|| view! {
                <p>{format!("The cards behind the {} are now due in your flashcards. ", count(missed, "missed question"))}
                    <A href="/study">"Review them"</A></p>
            })}
            <p><a href=link.clone()>"Take the same quiz again"</a> " · " <A href="/quiz">"Set up another quiz"</A></p>
        </section>
        <section class="panel" aria-labelledby="topics-title">
            <h2 id="topics-title">"By topic"</h2>
            <ul class="topic-scores">
                {result.topics.iter().map(|t| {
                    let pct = t.percent();
                    view! {
                        <li data-topic=t.topic.clone()>
                            <div class="mastery-head">
                                <span>{t.title.clone()}</span>
                                <span class="topic-score">{format!("{} / {}", t.right, t.total)}</span>
                            </div>
                            <svg class="mastery-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                <rect width="100" height="8" rx="4" class="track"/>
                                <rect width=pct height="8" rx="4" class="mature"/>
                                <line x1=PASS_PERCENT x2=PASS_PERCENT y1="0" y2="8" class="pass-line"/>
                            </svg>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="panel" aria-labelledby="review-title">
            <h2 id="review-title">"Question by question"</h2>
            <ol class="review">
                {result.review.iter().map(|item| {
                    let question = quiz.questions.get(item.index).cloned();
                    let given = match (&question, &item.given) {
                        (Some(q), Some(a)) => q.describe(a),
                        _ => "No answer".to_owned(),
                    };
                    let right = question.as_ref().map(|q| q.describe(&item.right_answer)).unwrap_or_default();
                    let topic = result.topic_title(&item.topic).to_owned();
                    // Choice questions list their options with the labels
                    // the quiz used; the other kinds say the answers in words.
                    let options = question.as_ref().map(|q| q.marked_options(item.given.as_ref())).unwrap_or_default();
                    view! {
                        <li class:right=item.correct class:wrong=!item.correct data-topic=item.topic.clone()>
                            <p class="review-verdict">{if item.correct { "Right" } else { "Wrong" }}{item.flagged.then_some(" · flagged")}</p>
                            <p class="review-topic">{topic}</p>
                            <Markdown source=item.stem.clone()/>
                            {if options.is_empty() {
                                view! {
                                    <dl>
                                        <dt>"Your answer"</dt><dd>{given}</dd>
                                        <dt>"Right answer"</dt><dd>{right}</dd>
                                    </dl>
                                }.into_any()
                            } else {
                                view! {
                                    {item.given.is_none().then(|| view! { <p class="review-none">"No answer"</p> })}
                                    <ul class="review-options">
                                        {options.into_iter().map(|(text, mark)| view! {
                                            <li class:right=mark.is_right() class:wrong=mark == Mark::ChosenWrong>
                                                {text}
                                                {mark.label().map(|label| view! { <span class=mark_class(mark)>{label}</span> })}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                            <details>
                                <summary>"Why"</summary>
                                <Markdown source=item.explanation.clone()/>
                                <a href=item.source.clone() target="_blank" rel="noopener">"AWS documentation"</a>
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
