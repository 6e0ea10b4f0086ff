//! The task statements of the AWS Certified Developer – Associate (DVA-C02)
//! exam guide. Each hand-written question names the one it serves on its
//! `task:` line, so the questions can be counted against the exam guide.

use serde::{Deserialize, Serialize};
use std::fmt;

/// `(number, title)` of every task statement, in the exam guide's order
/// (its four content domains are the pages
/// <https://docs.aws.amazon.com/aws-certification/latest/userguide/developer-associate-02-domain1.html>
/// to `…-domain4.html`).
const STATEMENTS: [(&str, &str); 13] = [
    ("1.1", "Develop code for applications hosted on AWS"),
    ("1.2", "Develop code for AWS Lambda"),
    ("1.3", "Use data stores in application development"),
    (
        "2.1",
        "Implement authentication and/or authorization for applications and AWS services",
    ),
    ("2.2", "Implement encryption by using AWS services"),
    ("2.3", "Manage sensitive data in application code"),
    ("3.1", "Prepare application artifacts to be deployed to AWS"),
    ("3.2", "Test applications in development environments"),
    ("3.3", "Automate deployment testing"),
    ("3.4", "Deploy code by using AWS CI/CD services"),
    ("4.1", "Assist in a root cause analysis"),
    ("4.2", "Instrument code for observability"),
    (
        "4.3",
        "Optimize applications by using AWS services and features",
    ),
];

/// One DVA-C02 task statement, such as 2.2 "Implement encryption by using
/// AWS services". Written and read as its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TaskStatement(u8);

impl TaskStatement {
    /// Every task statement, in the exam guide's order.
    pub fn all() -> impl Iterator<Item = TaskStatement> {
        (0..STATEMENTS.len() as u8).map(TaskStatement)
    }

    /// The task statement numbered `number` (`"2.2"`), if the exam guide has one.
    pub fn parse(number: &str) -> Option<TaskStatement> {
        TaskStatement::all().find(|t| t.number() == number)
    }

    /// Its number in the exam guide, like `2.2`.
    pub fn number(self) -> &'static str {
        STATEMENTS[usize::from(self.0)].0
    }

    /// Its title in the exam guide.
    pub fn title(self) -> &'static str {
        STATEMENTS[usize::from(self.0)].1
    }

    /// The numbers of all task statements, for error messages: `1.1, 1.2, … or 4.3`.
    pub fn list() -> String {
        let numbers: Vec<&str> = TaskStatement::all().map(TaskStatement::number).collect();
        match numbers.split_last() {
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }
}

impl fmt::Display for TaskStatement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.number())
    }
}

impl From<TaskStatement> for String {
    fn from(task: TaskStatement) -> String {
        task.number().to_owned()
    }
}

impl TryFrom<String> for TaskStatement {
    type Error = String;

    fn try_from(number: String) -> Result<TaskStatement, String> {
        TaskStatement::parse(&number)
            .ok_or_else(|| format!("\"{number}\" is not a DVA-C02 task statement"))
    }
}
