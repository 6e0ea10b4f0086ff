//! `/quiz`: set up a practice quiz or a timed exam, take it, read the results.
//! The address holds the whole quiz (`?mode=&n=&topics=&seed=&time=`), so a
//! teacher can hand the same quiz to a whole classroom.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use keydeck_study::quiz::{
    default_time_limit, Exam, ExamResult, Quiz as DrawnQuiz, QuizSpec, Seed,
};

use crate::clock;
use crate::components::page_header::PageHeader;
use crate::components::quiz_question::{answer_for_key, QuestionView};
use crate::components::quiz_results::QuizResults;
use crate::quiz_session::{self, bank, Mode, Session};
use crate::study_store::use_study;

/// The quiz a link describes.
#[derive(Debug, Clone, PartialEq)]
struct Link {
    mode: Mode,
    count: usize,
    topics: Option<Vec<String>>,
    seed: Seed,
    time_secs: Option<i64>,
}

impl Link {
    fn from_query(q: &leptos_router::params::ParamsMap) -> Option<Link> {
        let seed = q.get("seed")?.parse().ok()?;
        Some(Link {
            mode: if q.get("mode").as_deref() == Some("exam") {
                Mode::Exam
            } else {
                Mode::Practice
            },
            count: q
                .get("n")
                .and_then(|n| n.parse().ok())
                .unwrap_or(10)
                .clamp(1, 100),
            topics: q
                .get("topics")
                .filter(|t| !t.is_empty())
                .map(|t| t.split(',').map(str::to_owned).collect()),
            seed,
            time_secs: q
                .get("time")
                .and_then(|t| t.parse().ok())
                .filter(|t: &i64| *t > 0),
        })
    }

    fn to_url(&self) -> String {
        let mut url = format!(
            "/quiz?mode={}&n={}&seed={}",
            self.mode.name(),
            self.count,
            self.seed
        );
        if let Some(topics) = &self.topics {
            url.push_str(&format!("&topics={}", topics.join(",")));
        }
        if let Some(t) = self.time_secs {
            url.push_str(&format!("&time={t}"));
        }
        url
    }

    fn draw(&self) -> Result<DrawnQuiz, String> {
        let spec = QuizSpec {
            topics: self.topics.clone(),
            count: self.count,
            kinds: None,
            seed: self.seed,
        };
        DrawnQuiz::new(&bank(), spec).map_err(|e| format!("This quiz cannot be drawn: {e}."))
    }

    /// The saved session for this link, or a new one.
    fn session(&self) -> Result<Session, String> {
        let url = self.to_url();
        if let Some(saved) =
            quiz_session::load_session().filter(|s| s.link == url && s.exam.result().is_none())
        {
            return Ok(saved);
        }
        let quiz = self.draw()?;
        let n = quiz.questions.len();
        let now = clock::now();
        let exam = match self.time_secs {
            Some(t) => Exam::with_time_limit(quiz, now, chrono::Duration::seconds(t)),
            None => Exam::new(quiz, now),
        };
        Ok(Session {
            mode: self.mode,
            checked: vec![false; n],
            exam,
            link: url,
        })
    }
}

crate::lazy::lazy_route!(
    QuizRoute,
    quiz,
    quiz_view,
    view! { <Quiz/> },
    ready = async {
        let questions = async {
            crate::content::fetch_questions()
                .await
                .map_err(|_| crate::lazy::ChunkMissing)
        };
        let (deck, questions) =
            futures_util::future::join(crate::study_store::load_whole_deck(), questions).await;
        deck.and(questions)
    }
);

#[component]
pub fn Quiz() -> impl IntoView {
    let query = use_query_map();
    let link = Memo::new(move |_| query.with(Link::from_query));
    view! {
        <PageHeader title="Quiz" heading="Quizzes and exams">
            "Practise on exam-style questions with explanations, or sit a timed exam at the AWS Developer – Associate pace."
        </PageHeader>
        {move || match link.get() {
            None => view! { <QuizSetup/> }.into_any(),
            Some(link) => match link.session() {
                Ok(session) => view! { <QuizRun session=session/> }.into_any(),
                Err(e) => view! { <p class="banner banner-warning" role="alert">{e}</p> <QuizSetup/> }.into_any(),
            },
        }}
    }
}

#[component]
fn QuizSetup() -> impl IntoView {
    let navigate = use_navigate();
    // The topics only: the question bank is built when a quiz starts.
    let deck = crate::content::shipped_now();
    let mode = RwSignal::new(Mode::Practice);
    let count = RwSignal::new(10usize);
    let chosen = RwSignal::new(Vec::<String>::new());
    let minutes = RwSignal::new(None::<i64>);
    let seed_text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let resume = RwSignal::new(quiz_session::load_session().filter(|s| s.exam.result().is_none()));
    let default_minutes = move || default_time_limit(count.get()).num_minutes();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let seed = match seed_text.get_untracked().trim() {
            "" => Seed::from((js_sys::Math::random() * 2f64.powi(40)) as u64),
            text => match text.parse() {
                Ok(seed) => seed,
                Err(e) => return error.set(Some(format!("The quiz code is not valid: {e}."))),
            },
        };
        let topics = chosen.get_untracked();
        let link = Link {
            mode: mode.get_untracked(),
            count: count.get_untracked(),
            topics: (!topics.is_empty()).then_some(topics),
            seed,
            time_secs: minutes.get_untracked().map(|m| m * 60),
        };
        navigate(&link.to_url(), NavigateOptions::default());
    };
    view! {
        {move || resume.get().map(|s| view! {
            <div class="banner banner-info">
                <p><strong>"You have a quiz in progress. "</strong>
                    {format!("{} questions, started {}.", s.exam.len(), clock::describe_past(s.exam.started_at))}</p>
                <div class="banner-actions">
                    <a class="button" href=s.link.clone()>"Resume it"</a>
                    <button type="button" class="text-button" on:click=move |_| {
                        quiz_session::abandon();
                        resume.set(None);
                    }>"Discard it"</button>
                </div>
            </div>
        })}
        <form class="panel quiz-setup" on:submit=start>
            <fieldset class="mode">
                <legend>"Mode"</legend>
                <label><input type="radio" name="mode" checked on:change=move |_| mode.set(Mode::Practice)/>
                    " Practice: feedback after each question"</label>
                <label><input type="radio" name="mode" on:change=move |_| mode.set(Mode::Exam)/>
                    " Exam: timed, flags, results at the end"</label>
            </fieldset>
            <label for="quiz-count">"Questions"</label>
            <select id="quiz-count" on:change=move |ev| count.set(event_target_value(&ev).parse().unwrap_or(10))>
                {[5usize, 10, 20, 40, 65].map(|n| view! { <option value=n.to_string() selected=n == 10>{n}</option> })}
            </select>
            <Show when=move || mode.get() == Mode::Exam>
                <label for="quiz-minutes">"Time limit (minutes)"</label>
                <input id="quiz-minutes" type="number" min="1" max="600" inputmode="numeric"
                    prop:value=move || minutes.get().unwrap_or_else(default_minutes).to_string()
                    on:change=move |ev| minutes.set(event_target_value(&ev).parse().ok().filter(|m: &i64| *m > 0))/>
                <p class="hint">"The default follows the exam's pace: 130 minutes for 65 questions."</p>
            </Show>
            <fieldset class="topics">
                <legend>"Topics (none chosen means all)"</legend>
                {deck.topics.iter().map(|t| {
                    let id = t.id.clone();
                    view! {
                        <label><input type="checkbox" value=id.clone() on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| if on { c.push(id.clone()) } else { c.retain(|x| x != &id) });
                        }/> " " {t.title.clone()}</label>
                    }
                }).collect_view()}
            </fieldset>
            <label for="quiz-seed">"Quiz code (optional)"</label>
            <input id="quiz-seed" type="text" autocomplete="off" placeholder="e.g. class7"
                on:input=move |ev| seed_text.set(event_target_value(&ev))/>
            <p class="hint">"Everyone who uses the same code, topics and length gets the same quiz."</p>
            {move || error.get().map(|e| view! { <p class="data-error" role="alert">{e}</p> })}
            <button type="submit" class="button">"Start"</button>
        </form>
    }
}

/// The quiz being taken, and then its results.
#[component]
fn QuizRun(session: Session) -> impl IntoView {
    let state = RwSignal::new(session);
    let result = RwSignal::new(None::<ExamResult>);
    // Timers and handlers run outside the component's context: capture the store now.
    let study = use_study();
    let now = RwSignal::new(clock::now());
    let save = move || state.with_untracked(quiz_session::save_session);
    save();
    let submit = move || {
        if result.get_untracked().is_none() {
            let mut finished = None;
            state.update(|s| finished = Some(quiz_session::finish(s, study)));
            result.set(finished);
            // The results start at the top, whatever was scrolled to.
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    // The exam clock: submit when time runs out.
    if state.with_untracked(|s| s.mode == Mode::Exam) {
        let tick = set_interval_with_handle(
            move || {
                now.set(clock::now());
                if state.with_untracked(|s| s.exam.is_time_up(clock::now())) {
                    submit();
                }
            },
            std::time::Duration::from_millis(500),
        );
        if let Ok(handle) = tick {
            on_cleanup(move || handle.clear());
        }
    }
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        on_key(ev, state, result, save, submit)
    });
    on_cleanup(move || keys.remove());

    view! {
        {move || match result.get() {
            Some(r) => view! { <QuizResults result=r quiz=state.with_untracked(|s| s.exam.quiz.clone()) link=state.with_untracked(|s| s.link.clone())/> }.into_any(),
            None => view! { <Taking state=state now=now save=save submit=submit/> }.into_any(),
        }}
    }
}

fn on_key(
    ev: KeyboardEvent,
    state: RwSignal<Session>,
    result: RwSignal<Option<ExamResult>>,
    save: impl Fn(),
    submit: impl Fn(),
) {
    if result.get_untracked().is_some() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let target = ev
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
    let tag = target
        .as_ref()
        .map(|e| e.tag_name().to_ascii_lowercase())
        .unwrap_or_default();
    let text_field = target
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        .is_some_and(|i| matches!(i.type_().as_str(), "text" | "number"));
    // Buttons and links answer Enter themselves.
    let control = matches!(tag.as_str(), "button" | "a" | "textarea");
    let (mode, index, len) = state.with_untracked(|s| (s.mode, s.exam.current, s.exam.len()));
    let checked = state.with_untracked(|s| s.checked.get(index).copied().unwrap_or(false));
    let key = ev.key();
    match key.as_str() {
        "Enter" if !control => {
            ev.prevent_default();
            advance(state, mode, index, len, checked, &save, &submit);
        }
        _ if text_field || control || tag == "select" => {}
        k if k.len() == 1 && k.as_bytes()[0].is_ascii_digit() && !checked => {
            let n = usize::from(k.as_bytes()[0] - b'0');
            state.update(|s| {
                let pick = s
                    .exam
                    .question(index)
                    .and_then(|q| answer_for_key(q, s.exam.answer_of(index), n));
                if let Some(a) = pick {
                    let _ = s.exam.answer(index, a);
                }
            });
            save();
        }
        "n" | "N" => move_to(state, index + 1, len, &save),
        "p" | "P" => move_to(state, index.saturating_sub(1), len, &save),
        "f" | "F" if mode == Mode::Exam => {
            state.update(|s| {
                let _ = s.exam.toggle_flag(index);
            });
            save();
        }
        _ => {}
    }
}

/// Enter: in practice, check the answer, then go on; in an exam, go on.
fn advance(
    state: RwSignal<Session>,
    mode: Mode,
    index: usize,
    len: usize,
    checked: bool,
    save: &impl Fn(),
    submit: &impl Fn(),
) {
    match mode {
        Mode::Practice if !checked => {
            if state.with_untracked(|s| s.exam.answer_of(index).is_some()) {
                state.update(|s| s.checked[index] = true);
                save();
            }
        }
        _ if index + 1 >= len => {
            if mode == Mode::Practice {
                submit();
            }
        }
        _ => move_to(state, index + 1, len, save),
    }
}

fn move_to(state: RwSignal<Session>, index: usize, len: usize, save: &impl Fn()) {
    if index < len {
        state.update(|s| s.exam.current = index);
        save();
    }
}

#[component]
fn Taking(
    state: RwSignal<Session>,
    now: RwSignal<chrono::DateTime<chrono::Utc>>,
    save: impl Fn() + Copy + Send + Sync + 'static,
    submit: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let mode = state.with_untracked(|s| s.mode);
    let len = state.with_untracked(|s| s.exam.len());
    let index = move || state.with(|s| s.exam.current);
    let confirming = RwSignal::new(false);
    let remaining = move || {
        let left = state
            .with(|s| s.exam.remaining(now.get()))
            .num_seconds()
            .max(0);
        format!("{}:{:02}", left / 60, left % 60)
    };
    let unanswered =
        move || state.with(|s| s.exam.slots().iter().filter(|slot| !slot.answered).count());
    let question_view = move || {
        let i = index();
        let question = state.with_untracked(|s| s.exam.question(i).cloned())?;
        let answer = Signal::derive(move || state.with(|s| s.exam.answer_of(i).cloned()));
        let revealed =
            Signal::derive(move || mode == Mode::Practice && state.with(|s| s.checked[i]));
        let on_answer = Callback::new(move |a: Option<keydeck_study::quiz::Answer>| {
            state.update(|s| {
                let _ = match a {
                    Some(a) => s.exam.answer(i, a),
                    None => s.exam.clear_answer(i),
                };
            });
            save();
        });
        Some(
            view! { <QuestionView question=question number=i + 1 total=len answer=answer on_answer=on_answer revealed=revealed/> },
        )
    };
    view! {
        <div class="quiz-bar">
            {(mode == Mode::Exam).then(|| view! {
                <p class="timer" role="timer" aria-label="Time left" class:low=move || state.with(|s| s.exam.remaining(now.get()).num_seconds() < 60)>
                    {remaining}
                </p>
            })}
            <p class="share">"Quiz link: " <a href=state.with_untracked(|s| s.link.clone())>{state.with_untracked(|s| s.exam.quiz.spec.seed.to_string())}</a></p>
        </div>
        {(mode == Mode::Exam).then(|| view! {
            <nav class="navigator" aria-label="Questions">
                <ol>
                    {(0..len).map(|i| view! {
                        <li>
                            <button type="button"
                                class:current=move || index() == i
                                class:answered=move || state.with(|s| s.exam.slots()[i].answered)
                                class:flagged=move || state.with(|s| s.exam.slots()[i].flagged)
                                aria-current=move || (index() == i).then_some("step")
                                aria-label=move || {
                                    let slot = state.with(|s| s.exam.slots()[i]);
                                    format!("Question {}{}{}", i + 1, if slot.answered { ", answered" } else { "" }, if slot.flagged { ", flagged" } else { "" })
                                }
                                on:click=move |_| move_to(state, i, len, &save)
                            >{i + 1}</button>
                        </li>
                    }).collect_view()}
                </ol>
            </nav>
        })}
        {question_view}
        <div class="quiz-actions">
            <button type="button" class="text-button" disabled=move || index() == 0
                on:click=move |_| move_to(state, index().saturating_sub(1), len, &save)>"Previous" <kbd>"P"</kbd></button>
            {(mode == Mode::Exam).then(|| view! {
                <button type="button" class="text-button" aria-pressed=move || state.with(|s| s.exam.is_flagged(index())).to_string()
                    on:click=move |_| { state.update(|s| { let _ = s.exam.toggle_flag(s.exam.current); }); save(); }>
                    {move || if state.with(|s| s.exam.is_flagged(index())) { "Unflag" } else { "Flag for review" }} <kbd>"F"</kbd>
                </button>
            })}
            {move || {
                let i = index();
                let checked = state.with(|s| s.checked[i]);
                let answered = state.with(|s| s.exam.answer_of(i).is_some());
                match mode {
                    Mode::Practice if !checked => view! {
                        <button type="button" class="button" disabled=!answered
                            on:click=move |_| { state.update(|s| s.checked[i] = true); save(); }>"Check" <kbd>"Enter"</kbd></button>
                    }.into_any(),
                    Mode::Practice if i + 1 == len => view! {
                        <button type="button" class="button" on:click=move |_| submit()>"See results"</button>
                    }.into_any(),
                    Mode::Practice => view! {
                        <button type="button" class="button" on:click=move |_| move_to(state, i + 1, len, &save)>"Next" <kbd>"N"</kbd></button>
                    }.into_any(),
                    Mode::Exam => view! {
                        <button type="button" class="text-button" disabled=i + 1 == len
                            on:click=move |_| move_to(state, i + 1, len, &save)>"Next" <kbd>"N"</kbd></button>
                        <button type="button" class="button" on:click=move |_| confirming.set(true)>"Submit exam"</button>
                    }.into_any(),
                }
            }}
        </div>
        <Show when=move || confirming.get()>
            <div class="confirm panel" role="alertdialog" aria-labelledby="submit-q">
                <p id="submit-q"><strong>"Submit the exam?"</strong> " "
                    {move || match unanswered() { 0 => "Every question is answered.".to_owned(), n => format!("{n} question{} unanswered.", if n == 1 { " is" } else { "s are" }) }}
                </p>
                <button type="button" class="button" on:click=move |_| { confirming.set(false); submit(); }>"Submit"</button>
                <button type="button" class="text-button" on:click=move |_| confirming.set(false)>"Keep going"</button>
            </div>
        </Show>
    }
}
