//! Safeguarding advice from NACCC on one case. A centre's coordinator asks, with a reason; a
//! NACCC administrator who is one of its safeguarding leads may then read that case and add advice
//! notes, and nothing else, until the request is closed. Without an open request no one at NACCC
//! reads a referral.

use serde::{Deserialize, Serialize};

/// The longest reason or advice note kept.
pub const MAX_ADVICE_TEXT: usize = 2000;
pub const REASON_FIELD: &str = "advice-reason";
pub const NOTE_FIELD: &str = "advice-note";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AdviceError {
    #[error("say what you would like advice on")]
    NoReason,
    #[error("write your advice")]
    NoNote,
    #[error("keep it to {MAX_ADVICE_TEXT} characters or fewer")]
    TooLong,
}

fn text(input: &str, empty: AdviceError) -> Result<String, AdviceError> {
    let t = input.trim();
    if t.is_empty() {
        return Err(empty);
    }
    if t.chars().count() > MAX_ADVICE_TEXT {
        return Err(AdviceError::TooLong);
    }
    Ok(t.to_owned())
}

pub fn parse_reason(input: &str) -> Result<String, AdviceError> {
    text(input, AdviceError::NoReason)
}

pub fn parse_note(input: &str) -> Result<String, AdviceError> {
    text(input, AdviceError::NoNote)
}

/// Who at NACCC reads a referral: an administrator who is a safeguarding lead, while the
/// centre's request for advice on it is open. The one rule; the server applies it on every read.
pub fn lead_may_read(is_admin: bool, is_lead: bool, request_open: bool) -> bool {
    is_admin && is_lead && request_open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_lead_with_an_open_request_reads() {
        assert!(lead_may_read(true, true, true));
        assert!(!lead_may_read(true, true, false), "a closed request ends access");
        assert!(!lead_may_read(true, false, true), "other NACCC staff never");
        assert!(!lead_may_read(false, true, true));
    }

    #[test]
    fn reasons_and_notes_are_needed_and_bounded() {
        assert_eq!(parse_reason("  Father's new partner  "), Ok("Father's new partner".to_owned()));
        assert_eq!(parse_reason(" "), Err(AdviceError::NoReason));
        assert_eq!(parse_note(""), Err(AdviceError::NoNote));
        assert_eq!(parse_note(&"x".repeat(MAX_ADVICE_TEXT + 1)), Err(AdviceError::TooLong));
    }
}
