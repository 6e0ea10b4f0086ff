//! The labs worker's brain, as plain Rust: it answers the page's
//! [`Ask`]s with one open lab at a time. The worker crate only moves JSON
//! text between `postMessage` and [`LabHost::handle`], and fetches the
//! chunks a step turns out to need (see [`keydeck_sim::platform::lazy`]).

use keydeck_lab_protocol::{Answer, Ask, Entry, LabStep, LabSummary, LabView, Output, TaskView};
use keydeck_sim::platform::lazy::{self, Missing};
use serde_json::Value;

use crate::labs::{self, Lab, LabText};
use crate::session::Session;

/// The region the console and the terminal start in.
const HOME_REGION: &str = "us-east-1";

/// What a step changed: the terminal's output, a console call's result, and
/// the entry it added to the lab's log.
type Changed = (Option<Output>, Option<Value>, Option<Entry>);

/// The lab being worked on.
struct OpenLab {
    index: usize,
    session: Session,
    /// Tasks done at any point of this session. A task stays ticked when a
    /// later step undoes what its check looks at (a data key decrypted again
    /// after the task of discarding it).
    done: Vec<bool>,
}

/// Every lab, and the one that is open.
pub struct LabHost {
    labs: Vec<Lab>,
    /// Whether each lab has its words (see [`LabHost::with_outlines`]).
    worded: Vec<bool>,
    open: Option<OpenLab>,
}

impl Default for LabHost {
    fn default() -> Self {
        LabHost::new()
    }
}

impl LabHost {
    /// A host of the shipped labs, parsed from their files.
    pub fn new() -> LabHost {
        LabHost::with_labs(labs::all())
    }

    /// A host of labs parsed elsewhere: the worker's build parses them
    /// natively and hands them over as JSON.
    pub fn with_labs(labs: Vec<Lab>) -> LabHost {
        let worded = vec![true; labs.len()];
        LabHost {
            labs,
            worded,
            open: None,
        }
    }

    /// A host of labs without their words ([`Lab::split_text`]): the
    /// worker's first fetch. Before opening a lab, the caller fetches its
    /// words if [`LabHost::words_needed`] says so and hands them to
    /// [`LabHost::add_words`].
    pub fn with_outlines(labs: Vec<Lab>) -> LabHost {
        let worded = vec![false; labs.len()];
        LabHost {
            labs,
            worded,
            open: None,
        }
    }

    /// The id of the lab `ask` opens, if its words are not here yet.
    pub fn words_needed<'a>(&self, ask: &'a Ask) -> Option<&'a str> {
        let Ask::Open { lab, .. } = ask else {
            return None;
        };
        let index = self.labs.iter().position(|l| &l.id == lab)?;
        (!self.worded[index]).then_some(lab.as_str())
    }

    /// Gives the lab `id` its words.
    pub fn add_words(&mut self, id: &str, text: LabText) -> Result<(), String> {
        let index = self
            .labs
            .iter()
            .position(|l| l.id == id)
            .ok_or_else(|| format!("There is no lab called “{id}”."))?;
        self.labs[index].add_text(text)?;
        self.worded[index] = true;
        Ok(())
    }

    /// Answers `ask`, or, if it needed code that is not loaded yet, puts
    /// the open lab back as it was before and names the missing chunk: the
    /// caller loads it and asks again.
    pub fn handle(&mut self, ask: Ask) -> Result<Answer, Missing> {
        let _ = lazy::take_missed();
        let before = self.open.as_ref().map(OpenLab::saved);
        let answer = self.answer(ask);
        match lazy::take_missed() {
            None => Ok(answer),
            Some(chunk) => {
                self.open = before.map(Saved::restore);
                Err(Missing(chunk))
            }
        }
    }

    fn answer(&mut self, ask: Ask) -> Answer {
        match ask {
            Ask::Open { lab, seed, log } => self.open(&lab, seed, &log),
            Ask::Run { line } => self.with_open(|session| {
                let before = session.log().len();
                let output = session.run(&line);
                (Some(output), None, session.log().get(before).cloned())
            }),
            Ask::Complete { line, cursor } => match &self.open {
                Some(open) => {
                    let c = open.session.complete(&line, cursor);
                    Answer::Completion {
                        start: c.start,
                        candidates: c.candidates,
                        common_prefix: c.common_prefix,
                    }
                }
                None => not_open(),
            },
            Ask::Call {
                profile,
                region,
                service,
                operation,
                request,
            } => self.with_open(|session| {
                let before = session.log().len();
                let call = session
                    .console_call(&profile, &region, &service, &operation, request)
                    .unwrap_or_else(|e| e.to_json());
                (None, Some(call), session.log().get(before).cloned())
            }),
            Ask::Explain {
                profile,
                region,
                action,
                key_id,
                context,
            } => match &self.open {
                Some(open) => Answer::Explained {
                    explanation: crate::console::explain(
                        &open.session,
                        &crate::console::TryCall {
                            profile: &profile,
                            region: &region,
                            action: &action,
                            key_id: &key_id,
                            context: context.as_ref(),
                        },
                    ),
                },
                None => not_open(),
            },
            Ask::Inspect { file } => match &self.open {
                Some(open) => match crate::esdk::ESDK.get() {
                    Ok(esdk) => {
                        Answer::Inspected(Box::new(esdk.inspect(open.session.files(), &file)))
                    }
                    // The caller loads the chunk and asks again.
                    Err(missing) => Answer::Failed {
                        message: missing.to_string(),
                    },
                },
                None => not_open(),
            },
        }
    }

    fn open(&mut self, id: &str, seed: u64, log: &[Entry]) -> Answer {
        let Some(index) = self.labs.iter().position(|l| l.id == id) else {
            return Answer::Failed {
                message: format!("There is no lab called “{id}”."),
            };
        };
        let lab = &self.labs[index];
        let mut open = OpenLab {
            index,
            session: Session::new(seed),
            done: vec![false; lab.tasks.len()],
        };
        open.note(lab);
        for entry in log {
            open.session.apply(entry);
            open.note(lab);
        }
        self.open = Some(open);
        self.lab_answer(None, None, None)
    }

    /// Runs `f` on the open session, then answers with the lab's new view.
    fn with_open(&mut self, f: impl FnOnce(&mut Session) -> Changed) -> Answer {
        let Some(open) = self.open.as_mut() else {
            return not_open();
        };
        let (output, call, appended) = f(&mut open.session);
        open.note(&self.labs[open.index]);
        self.lab_answer(output, call, appended)
    }

    fn lab_answer(
        &self,
        output: Option<Output>,
        call: Option<Value>,
        appended: Option<Entry>,
    ) -> Answer {
        let Some(open) = &self.open else {
            return not_open();
        };
        Answer::Lab(Box::new(LabStep {
            view: self.view(open),
            output,
            call,
            appended,
        }))
    }

    /// Every lab's summary, in order: the list on `/labs`, which the build
    /// writes as the labs' catalog so the page shows it without the worker.
    pub fn catalog(&self) -> Vec<LabSummary> {
        (0..self.labs.len()).map(|i| self.summary(i)).collect()
    }

    fn summary(&self, index: usize) -> LabSummary {
        let lab = &self.labs[index];
        LabSummary {
            id: lab.id.clone(),
            number: index as u32 + 1,
            title: lab.title.clone(),
            summary: lab.summary.clone(),
            minutes: lab.minutes,
            task_ids: lab.tasks.iter().map(|t| t.id.clone()).collect(),
        }
    }

    fn view(&self, open: &OpenLab) -> LabView {
        let (lab, session) = (&self.labs[open.index], &open.session);
        LabView {
            summary: self.summary(open.index),
            intro_markdown: lab.intro_markdown.clone(),
            cards: lab.cards.clone(),
            walkthroughs: lab.walkthroughs.clone(),
            sources: lab.sources.clone(),
            tasks: lab
                .tasks
                .iter()
                .zip(&open.done)
                .map(|(t, &done)| TaskView {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    body_markdown: t.body_markdown.clone(),
                    hint_markdown: t.hint.clone(),
                    done,
                })
                .collect(),
            history: session.history().to_vec(),
            console: crate::console::view(session, HOME_REGION),
        }
    }
}

/// An open lab as it was: enough to rebuild it by replaying its log.
struct Saved {
    index: usize,
    seed: u64,
    log: Vec<Entry>,
    done: Vec<bool>,
}

impl Saved {
    fn restore(self) -> OpenLab {
        OpenLab {
            index: self.index,
            session: Session::replay(self.seed, &self.log),
            done: self.done,
        }
    }
}

impl OpenLab {
    fn saved(&self) -> Saved {
        Saved {
            index: self.index,
            seed: self.session.seed(),
            log: self.session.log().to_vec(),
            done: self.done.clone(),
        }
    }

    /// Ticks the tasks whose checks hold now.
    fn note(&mut self, lab: &Lab) {
        for (done, now) in self.done.iter_mut().zip(labs::status(lab, &self.session)) {
            *done |= now;
        }
    }
}

fn not_open() -> Answer {
    Answer::Failed {
        message: "No lab is open.".to_owned(),
    }
}
