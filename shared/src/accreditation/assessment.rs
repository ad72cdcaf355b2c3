//! The centre's self-assessment (per standard: met, partly met or not met, with evidence notes),
//! the assessor's desk review (agree, or a query the centre answers) and the action plan NACCC
//! sets with conditions. Saved as the centre goes; sent when every standard is answered.

use super::catalogue::StandardKey;
use crate::IsoDate;
use crate::referral::{FieldError, Fields};
use serde::{Deserialize, Serialize};
use time::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rating {
    Met,
    PartlyMet,
    NotMet,
}

impl Rating {
    pub const ALL: [Self; 3] = [Self::Met, Self::PartlyMet, Self::NotMet];

    pub fn code(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::PartlyMet => "partly_met",
            Self::NotMet => "not_met",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Met => "Met",
            Self::PartlyMet => "Partly met",
            Self::NotMet => "Not met",
        }
    }
}

/// The longest evidence note, query, answer or action-plan text kept.
pub const MAX_NOTE: usize = 2000;

/// One standard as the centre answered it. `rating` is empty until answered (saved as you go).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfAnswer {
    pub key: StandardKey,
    pub rating: Option<Rating>,
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("choose met, partly met or not met")]
    UnknownRating,
    #[error("say what is missing and what the centre is doing about it")]
    NotesNeeded,
    #[error("keep the notes to {MAX_NOTE} characters or fewer")]
    TooLong,
    #[error("write your query for the centre")]
    NoQuery,
    #[error("write your answer to the assessor's query")]
    NoReply,
}

/// A standard's form fields: `rating-<id>` and `notes-<id>`.
pub fn rating_field(key: &StandardKey) -> String {
    format!("rating-{}", key.id())
}
pub fn notes_field(key: &StandardKey) -> String {
    format!("notes-{}", key.id())
}

/// Reads one section's answers from its form. A standard may be left unanswered (saved as you go),
/// but a rating other than met needs notes saying what is missing.
pub fn parse_section(keys: &[StandardKey], fields: &Fields) -> Result<Vec<SelfAnswer>, Vec<FieldError>> {
    let mut answers = Vec::new();
    let mut errors = Vec::new();
    for key in keys {
        let raw = fields.get(&rating_field(key)).map(|s| s.trim()).unwrap_or("");
        let notes = fields.get(&notes_field(key)).map(|s| s.trim()).unwrap_or("").to_owned();
        let rating = if raw.is_empty() {
            None
        } else if let Some(r) = Rating::from_code(raw) {
            Some(r)
        } else {
            errors.push(FieldError::new(rating_field(key), &AnswerError::UnknownRating));
            continue;
        };
        if notes.chars().count() > MAX_NOTE {
            errors.push(FieldError::new(notes_field(key), &AnswerError::TooLong));
        } else if matches!(rating, Some(Rating::PartlyMet | Rating::NotMet)) && notes.is_empty() {
            errors.push(FieldError::new(notes_field(key), &AnswerError::NotesNeeded));
        }
        answers.push(SelfAnswer { key: key.clone(), rating, notes });
    }
    if errors.is_empty() { Ok(answers) } else { Err(errors) }
}

/// A query's, a reply's or an action item's text: needed, and not too long.
pub fn parse_text(input: &str, empty: AnswerError) -> Result<String, AnswerError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(empty);
    }
    if text.chars().count() > MAX_NOTE {
        return Err(AnswerError::TooLong);
    }
    Ok(text.to_owned())
}

/// How far a section (or the whole self-assessment) has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Progress {
    NotStarted,
    InProgress,
    Completed,
}

impl Progress {
    pub fn of(answered: usize, total: usize) -> Self {
        match answered {
            0 if total > 0 => Self::NotStarted,
            n if n >= total => Self::Completed,
            _ => Self::InProgress,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Not started",
            Self::InProgress => "In progress",
            Self::Completed => "Completed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SubmitError {
    #[error("answer every standard before you send the self-assessment ({0} still to answer)")]
    Unanswered(usize),
    #[error("the desk review still has open queries")]
    OpenQueries,
    #[error("agree or query every standard before completing the desk review ({0} still to review)")]
    Unreviewed(usize),
    #[error("record the visit before making a recommendation")]
    NoVisit,
    #[error("answer every query before sending your answers")]
    QueriesUnanswered,
    #[error("every item of the action plan needs the centre's answer before it can be closed")]
    OpenItems,
    #[error("a plan of conditions needs at least one action")]
    NoItems,
}

/// The assessor's view of one standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Agreed,
    /// Queried: the centre's answer may be awaited.
    Queried {
        answered: bool,
    },
}

/// An action-plan item: what the centre must do, and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub text: String,
    pub due: IsoDate,
}

pub const ITEM_TEXT_FIELD: &str = "item-text";
pub const ITEM_DUE_FIELD: &str = "item-due";

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    #[error("say what the centre must do")]
    NoText,
    #[error("keep the action to {MAX_NOTE} characters or fewer")]
    TooLong,
    #[error("enter the date it is due, like 2027-01-31")]
    DueFormat,
    #[error("the due date must be after today")]
    DueNotAfterToday,
}

/// Reads one action-plan item; it must fall due after `today`.
pub fn parse_item(fields: &Fields, today: Date) -> Result<ActionItem, Vec<FieldError>> {
    let get = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
    let mut errors = Vec::new();
    let text = match parse_text(get(ITEM_TEXT_FIELD), AnswerError::NoQuery) {
        Ok(t) => Some(t),
        Err(AnswerError::TooLong) => {
            errors.push(FieldError::new(ITEM_TEXT_FIELD, &ItemError::TooLong));
            None
        }
        Err(_) => {
            errors.push(FieldError::new(ITEM_TEXT_FIELD, &ItemError::NoText));
            None
        }
    };
    let due = match IsoDate::parse(get(ITEM_DUE_FIELD)) {
        Ok(d) if d.date() <= today => {
            errors.push(FieldError::new(ITEM_DUE_FIELD, &ItemError::DueNotAfterToday));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(FieldError::new(ITEM_DUE_FIELD, &ItemError::DueFormat));
            None
        }
    };
    match (text, due) {
        (Some(text), Some(due)) => Ok(ActionItem { text, due }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn keys() -> Vec<StandardKey> {
        ["national/1.1", "national/1.2"].iter().map(|k| StandardKey::parse(k).unwrap()).collect()
    }

    fn form(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_section_saves_as_you_go_but_partly_met_needs_notes() {
        let saved = parse_section(&keys(), &form(&[("rating-national-1-1", "met")])).unwrap();
        assert_eq!(saved[0].rating, Some(Rating::Met));
        assert_eq!(saved[1].rating, None);
        let errors =
            parse_section(&keys(), &form(&[("rating-national-1-2", "partly_met"), ("notes-national-1-2", " ")]))
                .unwrap_err();
        assert_eq!(errors[0].field, "notes-national-1-2");
        let errors = parse_section(&keys(), &form(&[("rating-national-1-1", "maybe")])).unwrap_err();
        assert_eq!(errors[0].field, "rating-national-1-1");
        let long = "x".repeat(MAX_NOTE + 1);
        let errors = parse_section(&keys(), &form(&[("notes-national-1-1", &long)])).unwrap_err();
        assert_eq!(errors[0].message, "Keep the notes to 2000 characters or fewer");
    }

    #[test]
    fn progress_counts_what_is_answered() {
        assert_eq!(Progress::of(0, 3), Progress::NotStarted);
        assert_eq!(Progress::of(2, 3), Progress::InProgress);
        assert_eq!(Progress::of(3, 3), Progress::Completed);
    }

    #[test]
    fn an_action_item_needs_text_and_a_due_date_after_today() {
        let item = parse_item(
            &form(&[("item-text", "Train two volunteers"), ("item-due", "2026-06-01")]),
            date!(2026 - 05 - 31),
        )
        .unwrap();
        assert_eq!(item.due.date(), date!(2026 - 06 - 01));
        let errors = parse_item(&form(&[("item-due", "2026-05-31")]), date!(2026 - 05 - 31)).unwrap_err();
        assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["item-text", "item-due"]);
        assert_eq!(errors[1].message, "The due date must be after today");
    }
}
