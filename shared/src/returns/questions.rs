//! The questions NACCC adds to a quarter's return (for example the planned ethnicity and
//! presenting-issue questions): what an administrator may define, and how a centre's answer is
//! read and checked. Answers live in the return's fields beside its figures, so they are saved,
//! submitted and amended with it.

use super::figures::{FigureError, parse_figure};
use crate::referral::{FieldError, Fields};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest question and hint an administrator may write.
pub const MAX_QUESTION_TEXT: usize = 300;
pub const MAX_HINT: usize = 300;
/// Choices of a choice question: at least two, at most this many, each this long at most.
pub const MAX_CHOICES: usize = 12;
pub const MAX_CHOICE_TEXT: usize = 100;
/// How many questions one quarter may add to the return.
pub const MAX_QUESTIONS: usize = 20;

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionKind {
    WholeNumber,
    YesNo,
    OneChoice,
    SeveralChoices,
}

impl QuestionKind {
    pub const ALL: [Self; 4] = [Self::WholeNumber, Self::YesNo, Self::OneChoice, Self::SeveralChoices];

    pub fn code(self) -> &'static str {
        match self {
            Self::WholeNumber => "whole_number",
            Self::YesNo => "yes_no",
            Self::OneChoice => "one_choice",
            Self::SeveralChoices => "several_choices",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::WholeNumber => "A whole number",
            Self::YesNo => "Yes or no",
            Self::OneChoice => "One choice from a list",
            Self::SeveralChoices => "Any number of choices from a list",
        }
    }

    pub fn has_choices(self) -> bool {
        matches!(self, Self::OneChoice | Self::SeveralChoices)
    }
}

/// A question as NACCC defined it for one quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraQuestion {
    pub id: i64,
    pub text: String,
    pub hint: String,
    pub kind: QuestionKind,
    /// For choice questions, in the order shown; empty otherwise.
    pub choices: Vec<String>,
    pub required: bool,
}

/// A centre's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// Not answered (an optional question).
    None,
    Number(u32),
    YesNo(bool),
    /// The index of the choice.
    Choice(usize),
    /// The indexes of the choices ticked, in order.
    Choices(Vec<usize>),
}

/// Why an answer cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerProblem {
    Missing,
    Figure(FigureError),
    /// A choice that is not one of the question's (only a crafted form sends one).
    UnknownChoice,
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing => f.write_str("answer this question"),
            Self::Figure(e) => write!(f, "{e}"),
            Self::UnknownChoice => f.write_str("choose one of the answers given"),
        }
    }
}

/// Every answer's field starts so (`q-<id>`, `q-<id>-<choice>`).
const ANSWER_PREFIX: &str = "q-";

/// Whether a return's field holds an answer to one of NACCC's questions.
pub fn is_answer_field(name: &str) -> bool {
    name.starts_with(ANSWER_PREFIX)
}

const YES: &str = "yes";
const NO: &str = "no";

impl ExtraQuestion {
    /// The form field (and input id) of a number, yes/no or one-choice answer; a several-choices
    /// question's first checkbox.
    pub fn field(&self) -> String {
        match self.kind {
            QuestionKind::SeveralChoices => self.choice_field(0),
            _ => format!("{ANSWER_PREFIX}{}", self.id),
        }
    }

    /// A several-choices question's checkbox for choice `i`.
    pub fn choice_field(&self, i: usize) -> String {
        format!("{ANSWER_PREFIX}{}-{i}", self.id)
    }

    /// The value a radio button of choice `i` sends (yes/no: 0 is yes, 1 is no).
    pub fn choice_value(&self, i: usize) -> String {
        match self.kind {
            QuestionKind::YesNo => (if i == 0 { YES } else { NO }).to_owned(),
            _ => i.to_string(),
        }
    }

    /// What the person chooses between: the choices, or yes and no.
    pub fn options(&self) -> Vec<String> {
        match self.kind {
            QuestionKind::YesNo => vec!["Yes".into(), "No".into()],
            _ => self.choices.clone(),
        }
    }

    /// Every field this question's answer is kept in.
    pub fn fields(&self) -> Vec<String> {
        match self.kind {
            QuestionKind::SeveralChoices => (0..self.choices.len()).map(|i| self.choice_field(i)).collect(),
            _ => vec![self.field()],
        }
    }

    /// The answer in `fields`, checked.
    pub fn answer(&self, fields: &Fields) -> Result<Answer, AnswerProblem> {
        let raw = fields.get(&self.field()).map(|s| s.trim()).unwrap_or("");
        let answer = match self.kind {
            QuestionKind::WholeNumber if raw.is_empty() => Answer::None,
            QuestionKind::WholeNumber => Answer::Number(parse_figure(raw).map_err(AnswerProblem::Figure)?),
            _ if self.kind != QuestionKind::SeveralChoices && raw.is_empty() => Answer::None,
            QuestionKind::YesNo => match raw {
                YES => Answer::YesNo(true),
                NO => Answer::YesNo(false),
                _ => return Err(AnswerProblem::UnknownChoice),
            },
            QuestionKind::OneChoice => match raw.parse::<usize>() {
                Ok(i) if i < self.choices.len() => Answer::Choice(i),
                _ => return Err(AnswerProblem::UnknownChoice),
            },
            QuestionKind::SeveralChoices => {
                let ticked: Vec<usize> = (0..self.choices.len())
                    .filter(|&i| fields.get(&self.choice_field(i)).is_some_and(|v| !v.trim().is_empty()))
                    .collect();
                if ticked.is_empty() { Answer::None } else { Answer::Choices(ticked) }
            }
        };
        if self.required && answer == Answer::None {
            return Err(AnswerProblem::Missing);
        }
        Ok(answer)
    }

    /// An answer in words, for NACCC's pages and CSV ("" when not answered).
    pub fn words(&self, answer: &Answer) -> String {
        let choice = |i: &usize| self.choices.get(*i).cloned().unwrap_or_default();
        match answer {
            Answer::None => String::new(),
            Answer::Number(n) => n.to_string(),
            Answer::YesNo(true) => "Yes".into(),
            Answer::YesNo(false) => "No".into(),
            Answer::Choice(i) => choice(i),
            Answer::Choices(list) => list.iter().map(choice).collect::<Vec<_>>().join("; "),
        }
    }

    /// The problem with this question's answer, as shown beside it.
    pub fn problem(&self, problem: AnswerProblem) -> FieldError {
        FieldError { field: self.field(), message: format!("{}: {problem}", self.text), welsh: String::new() }
    }
}

/// A question as an administrator defines it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewQuestion {
    pub text: String,
    pub hint: String,
    pub kind: QuestionKind,
    pub choices: Vec<String>,
    pub required: bool,
}

/// Field names of the form that adds a question.
pub const TEXT_FIELD: &str = "question-text";
pub const HINT_FIELD: &str = "question-hint";
pub const KIND_FIELD: &str = "question-kind";
pub const CHOICES_FIELD: &str = "question-choices";
pub const REQUIRED_FIELD: &str = "question-required";

/// Checks what an administrator typed: the question, an optional hint, its kind, its choices
/// (one a line, for choice questions) and whether it must be answered.
pub fn parse_question(fields: &Fields) -> Result<NewQuestion, Vec<FieldError>> {
    let get = |k: &str| fields.get(k).map(|s| s.trim()).unwrap_or("");
    let mut errors = Vec::new();
    let text = get(TEXT_FIELD);
    let hint = get(HINT_FIELD);
    let error = |field: &str, message: String| FieldError { field: field.into(), message, welsh: String::new() };
    if text.is_empty() {
        errors.push(error(TEXT_FIELD, "Enter the question".into()));
    } else if text.chars().count() > MAX_QUESTION_TEXT {
        errors.push(error(TEXT_FIELD, format!("The question must be {MAX_QUESTION_TEXT} characters or fewer")));
    }
    if hint.chars().count() > MAX_HINT {
        errors.push(error(HINT_FIELD, format!("The hint must be {MAX_HINT} characters or fewer")));
    }
    let kind = QuestionKind::from_code(get(KIND_FIELD));
    if kind.is_none() {
        errors.push(error(KIND_FIELD, "Choose what kind of answer the question takes".into()));
    }
    let mut choices: Vec<String> = Vec::new();
    if kind.is_some_and(QuestionKind::has_choices) {
        for line in get(CHOICES_FIELD).lines().map(str::trim).filter(|l| !l.is_empty()) {
            if !choices.iter().any(|c| c.eq_ignore_ascii_case(line)) {
                choices.push(line.to_owned());
            }
        }
        if choices.len() < 2 {
            errors.push(error(CHOICES_FIELD, "Enter at least two answers to choose from, one on each line".into()));
        } else if choices.len() > MAX_CHOICES {
            errors.push(error(CHOICES_FIELD, format!("Enter {MAX_CHOICES} answers or fewer")));
        } else if choices.iter().any(|c| c.chars().count() > MAX_CHOICE_TEXT) {
            errors.push(error(CHOICES_FIELD, format!("Each answer must be {MAX_CHOICE_TEXT} characters or fewer")));
        }
    }
    match (kind, errors.is_empty()) {
        (Some(kind), true) => Ok(NewQuestion {
            text: text.to_owned(),
            hint: hint.to_owned(),
            kind,
            choices,
            required: !get(REQUIRED_FIELD).is_empty(),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
#[path = "questions_tests.rs"]
mod tests;
