//! A lab's words, apart from its outline: the browser's labs worker starts
//! with every lab's outline (what the list of labs and the checks need) and
//! fetches a lab's words when the lab is first opened.

use serde::{Deserialize, Serialize};

use super::Lab;

/// A lab's introduction, and each task's instructions and hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabText {
    pub intro_markdown: String,
    pub tasks: Vec<TaskText>,
}

/// One task's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskText {
    pub body_markdown: String,
    pub hint: String,
}

impl Lab {
    /// The lab without its words, and its words.
    pub fn split_text(mut self) -> (Lab, LabText) {
        let text = LabText {
            intro_markdown: std::mem::take(&mut self.intro_markdown),
            tasks: self
                .tasks
                .iter_mut()
                .map(|t| TaskText {
                    body_markdown: std::mem::take(&mut t.body_markdown),
                    hint: std::mem::take(&mut t.hint),
                })
                .collect(),
        };
        (self, text)
    }

    /// Puts back the words [`Lab::split_text`] took out. Words written for
    /// another number of tasks are refused and change nothing.
    pub fn add_text(&mut self, text: LabText) -> Result<(), String> {
        if text.tasks.len() != self.tasks.len() {
            return Err(format!(
                "The words of the lab “{}” are for {} tasks, not {}.",
                self.id,
                text.tasks.len(),
                self.tasks.len()
            ));
        }
        self.intro_markdown = text.intro_markdown;
        for (task, words) in self.tasks.iter_mut().zip(text.tasks) {
            task.body_markdown = words.body_markdown;
            task.hint = words.hint;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::all;

    #[test]
    fn a_lab_split_from_its_words_and_put_back_is_the_same_lab() {
        for lab in all() {
            let (mut outline, text) = lab.clone().split_text();
            assert!(outline.intro_markdown.is_empty());
            assert!(outline.tasks.iter().all(|t| t.body_markdown.is_empty()));
            assert_eq!(outline.tasks.len(), lab.tasks.len(), "the tasks stay");
            outline.add_text(text).unwrap();
            assert_eq!(outline, lab);
        }
    }

    #[test]
    fn words_for_another_number_of_tasks_are_refused() {
        let mut labs = all();
        let (mut first, _) = labs.remove(0).split_text();
        let (_, other) = labs.remove(0).split_text();
        let mut short = other.clone();
        short.tasks.truncate(1);
        let before = first.clone();
        let refused = first.add_text(short).unwrap_err();
        assert!(refused.contains("are for 1 tasks"), "{refused}");
        assert_eq!(first, before);
    }
}
