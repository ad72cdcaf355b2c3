//! How a problem with an answer is shown: the id of the input to move to (the error summary links
//! there) and the message beside it. Each form maps its own typed errors to these.

use crate::language::{Locale, Welsh};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The `id` of the input the error belongs to (for a date, its day input).
    pub field: String,
    /// A plain sentence, starting with a capital letter.
    pub message: String,
    /// The same in Welsh, for problems a public page can report (empty on staff pages' own).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub welsh: String,
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl FieldError {
    /// A problem shown in English only (staff pages).
    pub fn new(field: impl Into<String>, error: &impl std::fmt::Display) -> Self {
        Self { field: field.into(), message: capitalised(&error.to_string()), welsh: String::new() }
    }

    /// A problem a public page reports, in English and in Welsh.
    pub fn bilingual(field: impl Into<String>, error: &(impl std::fmt::Display + Welsh)) -> Self {
        Self { field: field.into(), message: capitalised(&error.to_string()), welsh: capitalised(&error.welsh()) }
    }

    /// The message in `locale` (English where no Welsh is written).
    pub fn message_in(&self, locale: Locale) -> &str {
        match locale {
            Locale::Welsh if !self.welsh.is_empty() => &self.welsh,
            _ => &self.message,
        }
    }

    /// `errors` with each message in `locale`, as a page in that language shows them.
    pub fn in_locale(errors: Vec<FieldError>, locale: Locale) -> Vec<FieldError> {
        errors.into_iter().map(|e| FieldError { message: e.message_in(locale).to_owned(), ..e }).collect()
    }

    /// This problem as one line of a section's summary: "Child 2: Enter …", titled in each
    /// language (the Welsh title and message where the problem has Welsh).
    pub fn titled(&self, english: &str, welsh: &str) -> FieldError {
        FieldError {
            field: self.field.clone(),
            message: format!("{english}: {}", self.message),
            welsh: if self.welsh.is_empty() { String::new() } else { format!("{welsh}: {}", self.welsh) },
        }
    }

    /// The message for the input `field`, if it has one.
    pub fn for_field<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
        errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
    }
}

/// A radio answer: `yes`, `no` or (where offered) `dont_know`.
pub(crate) fn answer(raw: &str) -> Option<super::screening::Answer> {
    use super::screening::Answer;
    match raw.trim() {
        "yes" => Some(Answer::Yes),
        "no" => Some(Answer::No),
        "dont_know" => Some(Answer::DontKnow),
        _ => None,
    }
}

/// A checkbox: ticked when its value is `yes`.
pub(crate) fn ticked(raw: &str) -> bool {
    raw.trim() == "yes"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_start_with_a_capital() {
        let e = FieldError::new("child-name", &"enter the full name");
        assert_eq!(e.message, "Enter the full name");
        assert_eq!(FieldError::for_field(&[e], "child-name"), Some("Enter the full name"));
    }

    #[test]
    fn a_public_problem_reads_in_either_language() {
        let e = FieldError::bilingual("child-name", &super::super::PersonError::NameMissing);
        assert_eq!(e.message_in(Locale::English), "Enter the full name");
        assert_eq!(e.message_in(Locale::Welsh), "Rhowch yr enw llawn");
        let staff = FieldError::new("case-note", &"write the note");
        assert_eq!(staff.message_in(Locale::Welsh), "Write the note");
        let shown = FieldError::in_locale(vec![e.clone(), staff], Locale::Welsh);
        assert_eq!(shown[0].message, "Rhowch yr enw llawn");
        assert_eq!(shown[1].message, "Write the note");
    }
}
