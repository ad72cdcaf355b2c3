//! How a problem with an answer is shown: the id of the input to move to (the error summary links
//! there) and the message beside it. Each form maps its own typed errors to these.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The `id` of the input the error belongs to (for a date, its day input).
    pub field: String,
    /// A plain sentence, starting with a capital letter.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, error: &impl std::fmt::Display) -> Self {
        let text = error.to_string();
        let mut chars = text.chars();
        let message = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
        Self { field: field.into(), message }
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
}
