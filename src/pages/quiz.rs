//! `/quiz`: set up a practice quiz or a timed exam, take it, read the results.
//! The address holds the whole quiz (`?mode=&n=&topics=&seed=&time=`), so a
//! teacher can hand the same quiz to a whole classroom.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use keydeck_study::quiz::{
    default_time_limit, seed_from_code, Advance, Answer, Attempt, MainAction, Mode, QuizLink,
    QuizResult, QuizSpec,
};

use crate::clock;
use crate::components::modal::Modal;
use crate::components::page_header::PageHeader;
use crate::components::progress_bar::ProgressBar;
use crate::components::quiz_question::QuestionView;
use crate::components::quiz_results::QuizResults;
use crate::keys::Focused;
use crate::lazy::{ChunkMissing, ChunkMissingView};
use crate::quiz_session::{self, bank};
use crate::study_store::use_study;

/// The saved attempt at `link`, or a new one.
fn attempt_at(link: &QuizLink) -> Result<Attempt, String> {
    if let Some(saved) = quiz_session::load_attempt().filter(|a| a.resumes(&link.link())) {
        return Ok(saved);
    }
    let quiz = link.draw(&bank())?;
    Ok(Attempt::new(link, link.start(quiz, clock::now())))
}

// The setup page needs only the deck's outline: the questions, the whole
// deck and the code that runs a quiz are fetched when a quiz is drawn
// (`QuizFor`), or, for the banner that offers to resume one, with the page
// when a quiz is saved unfinished.
crate::lazy::lazy_route!(
    QuizRoute,
    quiz,
    quiz_view,
    view! { <Quiz/> },
    style = "quiz",
    ready = async {
        if quiz_session::has_attempt() {
            runner().await.map(|_| ())
        } else {
            Ok(())
        }
    }
);

#[component]
pub fn Quiz() -> impl IntoView {
    let query = use_query_map();
    let link = Memo::new(move |_| query.with(|q| QuizLink::from_query(|name| q.get(name))));
    // While a quiz is taken the title shrinks to a line, so the question
    // starts near the top of a phone's screen.
    move || {
        match link.get() {
        None => view! {
            <PageHeader title="Quiz" heading="Quizzes and exams">
                "Practise on exam-style questions with explanations, or sit a timed exam at the AWS Developer – Associate pace."
            </PageHeader>
            <QuizSetup/>
        }
        .into_any(),
        Some(link) => {
            let heading = match link.mode {
                Mode::Practice => "Practice quiz",
                Mode::Exam => "Exam",
            };
            view! {
                <PageHeader title="Quiz" heading compact=true/>
                <QuizFor link/>
            }
            .into_any()
        }
    }
    }
}

/// The questions and the whole deck a quiz is drawn from.
async fn quiz_content() -> Result<(), ChunkMissing> {
    let questions = async {
        crate::content::fetch_questions()
            .await
            .map_err(|_| ChunkMissing)
    };
    let (deck, questions) =
        futures_util::future::join(crate::study_store::load_whole_deck(), questions).await;
    deck.and(questions)
}

/// The quiz at `link`, once its content and the code that runs a quiz are
/// here (at once when they have been fetched before). The setup page does
/// not need that code, so a link to it does not fetch it.
#[component]
fn QuizFor(link: QuizLink) -> impl IntoView {
    let content = LocalResource::new(|| async {
        let (content, runner) = futures_util::future::join(quiz_content(), runner()).await;
        content.and(runner)
    });
    move || match content.get() {
        None => view! { <p class="hint" role="status">"Preparing your quiz…"</p> }.into_any(),
        Some(Err(ChunkMissing)) => view! { <ChunkMissingView/> }.into_any(),
        Some(Ok(runner)) => match (runner.run)(&link) {
            Ok(view) => view,
            Err(e) => view! { <p class="banner banner-warning" role="alert">{e}</p> <QuizSetup/> }
                .into_any(),
        },
    }
}

/// The code that runs a quiz, and reads one saved unfinished, cut into its
/// own chunk.
#[derive(Clone, Copy)]
struct Runner {
    /// The saved attempt at a link, or a new one, taken: its view.
    run: fn(&QuizLink) -> Result<AnyView, String>,
    /// The banner offering to resume or discard the quiz left unfinished.
    resume: fn() -> AnyView,
}

#[leptos::wasm_split::wasm_split(quiz_run, fallible, wasm_split_path = ::leptos::wasm_split)]
fn runner() -> Result<Runner, ChunkMissing> {
    Ok(Runner {
        run: |link| attempt_at(link).map(|attempt| view! { <QuizRun attempt=attempt/> }.into_any()),
        resume: || view! { <ResumeBanner/> }.into_any(),
    })
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
    let default_minutes = move || default_time_limit(count.get()).num_minutes();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let random = || (js_sys::Math::random() * 2f64.powi(40)) as u64;
        let seed = match seed_from_code(&seed_text.get_untracked(), random) {
            Ok(seed) => seed,
            Err(e) => return error.set(Some(e)),
        };
        let topics = chosen.get_untracked();
        let link = QuizLink {
            mode: mode.get_untracked(),
            spec: QuizSpec {
                topics: (!topics.is_empty()).then_some(topics),
                kinds: mode.get_untracked().kinds(),
                ..QuizSpec::new(count.get_untracked(), seed)
            },
            time_secs: minutes.get_untracked().map(|m| m * 60),
        };
        navigate(&link.link(), NavigateOptions::default());
    };
    view! {
        <Resume/>
        <form class="panel quiz-setup" on:submit=start>
            <fieldset class="mode">
                <legend>"Mode"</legend>
                <label><input type="radio" name="mode" checked on:change=move |_| mode.set(Mode::Practice)/>
                    " Practice: feedback after each question"</label>
                <label><input type="radio" name="mode" on:change=move |_| mode.set(Mode::Exam)/>
                    " Exam: timed, flags, results at the end"</label>
                <p class="hint" id="mode-kinds">"An exam asks only multiple-choice and multiple-response questions, as the AWS certification exams do. Practice also asks true or false, typed and matching questions."</p>
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
            // Stays in view at the bottom while the topics scroll past.
            <div class="quiz-start">
                <button type="submit" class="button">"Start"</button>
            </div>
        </form>
    }
}

/// The quiz left unfinished, if there is one: reading it is the runner's
/// code, fetched only then.
#[component]
fn Resume() -> impl IntoView {
    let runner = quiz_session::has_attempt().then(|| LocalResource::new(runner));
    move || {
        runner
            .and_then(|r| r.get())
            .and_then(Result::ok)
            .map(|runner| (runner.resume)())
    }
}

/// The quiz left unfinished, to resume or discard.
#[component]
fn ResumeBanner() -> impl IntoView {
    let resume = RwSignal::new(quiz_session::load_attempt().filter(|a| !a.is_finished()));
    move || {
        resume.get().map(|a| view! {
            <div class="banner banner-info">
                <p><strong>"You have a quiz in progress. "</strong>
                    {format!("{} questions, started {}.", a.len(), clock::describe_past(a.sheet.started_at))}</p>
                <div class="banner-actions">
                    <a class="button" href=a.link.clone()>"Resume it"</a>
                    <button type="button" class="text-button" on:click=move |_| {
                        quiz_session::abandon();
                        resume.set(None);
                    }>"Discard it"</button>
                </div>
            </div>
        })
    }
}

/// The quiz being taken, and then its results.
#[component]
fn QuizRun(attempt: Attempt) -> impl IntoView {
    let state = RwSignal::new(attempt);
    let result = RwSignal::new(None::<QuizResult>);
    // Timers and handlers run outside the component's context: capture the store now.
    let study = use_study();
    // Finishing saves the cards missed, which needs the progress reader.
    study.prepare_to_save();
    let now = RwSignal::new(clock::now());
    let save = move || state.with_untracked(quiz_session::save_attempt);
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
                if state.with_untracked(|s| s.sheet.is_time_up(clock::now())) {
                    submit();
                }
            },
            std::time::Duration::from_millis(500),
        );
        if let Ok(handle) = tick {
            on_cleanup(move || handle.clear());
        }
    }
    let act = Actions {
        state,
        save: Callback::new(move |()| save()),
        submit: Callback::new(move |()| submit()),
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if result.get_untracked().is_none() {
            act.on_key(ev);
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        {move || match result.get() {
            Some(r) => view! { <QuizResults result=r quiz=state.with_untracked(|s| s.sheet.quiz.clone()) link=state.with_untracked(|s| s.link.clone())/> }.into_any(),
            None => view! { <Taking act=act now=now/> }.into_any(),
        }}
    }
}

/// What the quiz's controls and keys do: change the attempt, then save it.
#[derive(Clone, Copy)]
struct Actions {
    state: RwSignal<Attempt>,
    save: Callback<()>,
    submit: Callback<()>,
}

impl Actions {
    /// Changes the attempt and saves it.
    fn change<R>(self, f: impl FnOnce(&mut Attempt) -> R) -> Option<R> {
        let out = self.state.try_update(f);
        self.save.run(());
        out
    }

    fn go_to(self, index: usize) {
        self.change(|a| a.go_to(index));
    }

    /// Enter: check, go on, or finish a practice quiz.
    fn advance(self) {
        if self.change(Attempt::advance) == Some(Advance::Finish) {
            self.submit.run(());
        }
    }

    fn on_key(self, ev: KeyboardEvent) {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let focused = Focused::of(&ev);
        // Buttons, links and multi-line fields answer Enter themselves; a
        // one-line field's Enter checks the answer typed into it.
        let enter_is_theirs = matches!(
            focused,
            Focused::Control | Focused::TextEntry { multiline: true }
        );
        // Digits and letters are typing in a field; on a choice they pick.
        let letters_are_theirs = matches!(focused, Focused::Control | Focused::TextEntry { .. });
        let key = ev.key();
        match key.as_str() {
            "Enter" if !enter_is_theirs => {
                ev.prevent_default();
                self.advance();
            }
            _ if letters_are_theirs => {}
            k if k.len() == 1 && k.as_bytes()[0].is_ascii_digit() => {
                self.change(|a| a.press_digit(usize::from(k.as_bytes()[0] - b'0')));
            }
            "n" | "N" => {
                self.change(Attempt::forward);
            }
            "p" | "P" => {
                self.change(Attempt::back);
            }
            "f" | "F" => {
                self.change(Attempt::toggle_flag);
            }
            _ => {}
        }
    }
}

#[component]
fn Taking(act: Actions, now: RwSignal<chrono::DateTime<chrono::Utc>>) -> impl IntoView {
    let state = act.state;
    let exam_mode = state.with_untracked(|s| s.mode == Mode::Exam);
    let confirming = RwSignal::new(false);
    view! {
        <QuizBar state=state now=now/>
        {exam_mode.then(|| view! { <Navigator act=act/> })}
        <QuestionShown act=act/>
        <QuizControls act=act confirming=confirming/>
        <Modal open=confirming labelledby="submit-q" alert=true class="confirm-dialog">
            <h2 id="submit-q">"Submit the exam?"</h2>
            <p>{move || state.with(Attempt::submit_warning)}</p>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| { confirming.set(false); act.submit.run(()); }>"Submit"</button>
                <button type="button" class="button button-secondary" autofocus on:click=move |_| confirming.set(false)>"Keep going"</button>
            </div>
        </Modal>
    }
}

/// The exam's clock, and the quiz's link to share.
#[component]
fn QuizBar(
    state: RwSignal<Attempt>,
    now: RwSignal<chrono::DateTime<chrono::Utc>>,
) -> impl IntoView {
    let exam_mode = state.with_untracked(|s| s.mode == Mode::Exam);
    let progress = Memo::new(move |_| state.with(Attempt::progress));
    view! {
        <div class="quiz-bar">
            <div class="quiz-progress">
                <ProgressBar
                    label="Quiz progress"
                    percent=Signal::derive(move || progress.get().1)
                    words=Signal::derive(move || progress.get().0)
                />
                <p class="quiz-progress-text" data-testid="quiz-progress">{move || progress.get().0}</p>
            </div>
            {exam_mode.then(|| {
                let last_minute = Memo::new(move |_| state.with(|s| s.time_is_short(now.get())));
                view! {
                    <p class="timer" role="timer" aria-label="Time left" class:low=last_minute>
                        {move || state.with(|s| s.time_left(now.get()))}
                    </p>
                    // A timer is not read out as it changes: its last minute is.
                    <p class="visually-hidden" role="status" data-testid="timer-announcement">
                        {move || last_minute.get().then_some("One minute left in the exam.")}
                    </p>
                }
            })}
            <p class="share">"Quiz link: " <a href=state.with_untracked(|s| s.link.clone())>{state.with_untracked(|s| s.sheet.quiz.spec.seed.to_string())}</a></p>
        </div>
    }
}

/// An exam's grid of questions: answered, flagged, the one shown.
#[component]
fn Navigator(act: Actions) -> impl IntoView {
    let state = act.state;
    let len = state.with_untracked(Attempt::len);
    let index = move || state.with(Attempt::current);
    view! {
        <nav class="navigator" aria-label="Questions">
            <ol>
                {(0..len).map(|i| view! {
                    <li>
                        <button type="button"
                            class:current=move || index() == i
                            class:answered=move || state.with(|s| s.sheet.slots()[i].answered)
                            class:flagged=move || state.with(|s| s.sheet.slots()[i].flagged)
                            aria-current=move || (index() == i).then_some("step")
                            aria-label=move || state.with(|s| s.navigator_label(i))
                            on:click=move |_| act.go_to(i)
                        >{i + 1}</button>
                    </li>
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// The question shown, with its controls.
#[component]
fn QuestionShown(act: Actions) -> impl IntoView {
    let state = act.state;
    let len = state.with_untracked(Attempt::len);
    // The question shown before: moving to another puts the focus on its
    // first answer control, where the keyboard expects to answer.
    let shown = StoredValue::new(None::<usize>);
    move || {
        let i = state.with(Attempt::current);
        if shown.get_value().is_some_and(|before| before != i) {
            focus_first_answer();
        }
        shown.set_value(Some(i));
        let question = state.with_untracked(|s| s.sheet.question(i).cloned())?;
        let answer = Signal::derive(move || state.with(|s| s.sheet.answer_of(i).cloned()));
        let revealed = Signal::derive(move || state.with(|s| s.is_revealed(i)));
        let on_answer = Callback::new(move |a: Option<Answer>| {
            act.change(|s| s.answer(a));
        });
        Some(
            view! { <QuestionView question=question number=i + 1 total=len answer=answer on_answer=on_answer revealed=revealed/> },
        )
    }
}

/// Focuses the shown question's first answer control (an option, the typed
/// answer's field, the first term's list) once it is drawn.
fn focus_first_answer() {
    request_animation_frame(|| {
        let first = document()
            .query_selector(".question input:not([disabled]), .question select:not([disabled])")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(first) = first {
            let _ = first.focus();
        }
    });
}

/// Previous, Flag, and the main button: Check, Next, See results or Submit.
#[component]
fn QuizControls(act: Actions, confirming: RwSignal<bool>) -> impl IntoView {
    let state = act.state;
    let exam_mode = state.with_untracked(|s| s.mode == Mode::Exam);
    let flagged = move || state.with(Attempt::is_flagged);
    view! {
        <div class="quiz-actions">
            <button type="button" class="text-button" disabled=move || !state.with(Attempt::can_go_back)
                on:click=move |_| { act.change(Attempt::back); }>"Previous" <kbd>"P"</kbd></button>
            {exam_mode.then(|| view! {
                <button type="button" class="text-button" aria-pressed=move || flagged().to_string()
                    on:click=move |_| { act.change(Attempt::toggle_flag); }>
                    {move || if flagged() { "Unflag" } else { "Flag for review" }} <kbd>"F"</kbd>
                </button>
            })}
            {move || match state.with(Attempt::main_action) {
                MainAction::Check { enabled } => view! {
                    <button type="button" class="button" disabled=!enabled
                        on:click=move |_| { act.change(Attempt::check); }>"Check" <kbd>"Enter"</kbd></button>
                }.into_any(),
                MainAction::SeeResults => view! {
                    <button type="button" class="button" on:click=move |_| act.submit.run(())>"See results"</button>
                }.into_any(),
                MainAction::Next => view! {
                    <button type="button" class="button" on:click=move |_| { act.change(Attempt::forward); }>"Next" <kbd>"N"</kbd></button>
                }.into_any(),
                MainAction::ExamNext { enabled } => view! {
                    <button type="button" class="text-button" disabled=!enabled
                        on:click=move |_| { act.change(Attempt::forward); }>"Next" <kbd>"N"</kbd></button>
                    <button type="button" class="button" on:click=move |_| confirming.set(true)>"Submit exam"</button>
                }.into_any(),
            }}
        </div>
    }
}
