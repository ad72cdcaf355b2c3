//! What a coordinator posts to act on a case (`/centre/referrals/{reference}`): the action, its
//! required fields (a reason to decline, the party and date of a pre-visit, the first session's
//! date, a session's date and attendance, the closing outcome), notes, and the assignment. Read
//! into a [`CaseAction`] and applied, every problem beside its field.

use super::case::{Attendance, CaseAction, CaseState, CloseOutcome, DeclineReason, Party, Session, TransitionError};
use super::field::FieldError;
use super::wizard::Fields;
use crate::IsoDate;
use time::Date;

/// The longest note: a few paragraphs, as long as any text box lets anyone type.
pub const NOTE_MAX_CHARS: usize = super::draft::MAX_ANSWER_LEN;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CaseFormError {
    #[error("choose a reason")]
    ReasonMissing,
    #[error("choose how the case ended")]
    OutcomeMissing,
    #[error("choose which parent the pre-visit is for")]
    PartyMissing,
    #[error("choose whether they attended")]
    AttendanceMissing,
    #[error("enter the date")]
    DateMissing,
    #[error("the date must be a real date, like 27 3 2026")]
    DateInvalid,
    #[error("write the note")]
    NoteMissing,
    #[error("the note must be {NOTE_MAX_CHARS} characters or fewer")]
    NoteTooLong,
    #[error("that is not something that can be done here")]
    UnknownAction,
    #[error("tick the box to confirm: this cannot be undone")]
    ConfirmMissing,
}

fn get<'a>(f: &'a Fields, key: &str) -> &'a str {
    f.get(key).map(String::as_str).unwrap_or("").trim()
}

/// The `case-date` day, month and year inputs.
fn date(f: &Fields) -> Result<IsoDate, CaseFormError> {
    let (day, month, year) = (get(f, "date-day"), get(f, "date-month"), get(f, "date-year"));
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return Err(CaseFormError::DateMissing);
    }
    let number = |s: &str| s.parse::<u32>().map_err(|_| CaseFormError::DateInvalid);
    let (day, month, year) = (number(day)?, number(month)?, number(year)?);
    if !(2000..=2100).contains(&year) {
        return Err(CaseFormError::DateInvalid);
    }
    IsoDate::parse(&format!("{year:04}-{month:02}-{day:02}")).map_err(|_| CaseFormError::DateInvalid)
}

/// Declining, referring on and closing end a case for good, so each is confirmed.
pub fn needs_confirmation(kind: super::case::ActionKind) -> bool {
    use super::case::ActionKind as K;
    matches!(kind, K::Decline | K::Redirect | K::Close)
}

/// The id of an action form's input: each action's form has its own (`decline-reason`,
/// `book_pre_visit-date-day`), as several can be on one page.
pub fn field_id(kind: super::case::ActionKind, name: &str) -> String {
    format!("{}-{name}", kind.code())
}

/// The action posted as `action` (an [`ActionKind`](super::case::ActionKind) code) with its fields.
pub fn parse_case_action(action: &str, f: &Fields) -> Result<CaseAction, Vec<FieldError>> {
    use super::case::ActionKind as K;
    let kind =
        K::from_code(action).ok_or_else(|| vec![FieldError::new("case-action", &CaseFormError::UnknownAction)])?;
    let fail = |name: &str, e: CaseFormError| vec![FieldError::new(field_id(kind, name), &e)];
    // Ending a case cannot be undone: the coordinator confirms it.
    if needs_confirmation(kind) && get(f, "confirm") != "yes" {
        return Err(fail("confirm", CaseFormError::ConfirmMissing));
    }
    Ok(match kind {
        K::AwaitOtherParty => CaseAction::AwaitOtherParty,
        K::StartScreening => CaseAction::StartScreening,
        K::Accept => CaseAction::Accept,
        K::Redirect => CaseAction::Redirect,
        K::AddToWaitingList => CaseAction::AddToWaitingList,
        K::StartReview => CaseAction::StartReview,
        K::ContinueAfterReview => CaseAction::ContinueAfterReview,
        K::Decline => CaseAction::Decline(
            DeclineReason::from_code(get(f, "reason")).ok_or_else(|| fail("reason", CaseFormError::ReasonMissing))?,
        ),
        K::Close => CaseAction::Close(
            CloseOutcome::from_code(get(f, "outcome")).ok_or_else(|| fail("outcome", CaseFormError::OutcomeMissing))?,
        ),
        K::BookPreVisit => {
            let party = Party::from_code(get(f, "party")).ok_or(CaseFormError::PartyMissing);
            match (party, date(f)) {
                (Ok(party), Ok(date)) => CaseAction::BookPreVisit { party, date },
                (party, date) => {
                    let mut errors = Vec::new();
                    if let Err(e) = party {
                        errors.push(FieldError::new(field_id(kind, "party"), &e));
                    }
                    if let Err(e) = date {
                        errors.push(FieldError::new(field_id(kind, "date-day"), &e));
                    }
                    return Err(errors);
                }
            }
        }
        K::StartContact => CaseAction::StartContact { first_session: date(f).map_err(|e| fail("date-day", e))? },
        K::RecordSession => {
            let attendance = Attendance::from_code(get(f, "attendance")).ok_or(CaseFormError::AttendanceMissing);
            match (date(f), attendance) {
                (Ok(date), Ok(attendance)) => CaseAction::RecordSession(Session { date, attendance }),
                (date, attendance) => {
                    let mut errors = Vec::new();
                    if let Err(e) = date {
                        errors.push(FieldError::new(field_id(kind, "date-day"), &e));
                    }
                    if let Err(e) = attendance {
                        errors.push(FieldError::new(field_id(kind, "attendance"), &e));
                    }
                    return Err(errors);
                }
            }
        }
    })
}

/// Reads and applies an action to `state` on `today`: the next state, or the problems to show.
pub fn act(
    state: &CaseState,
    action: &str,
    f: &Fields,
    today: Date,
) -> Result<(CaseAction, CaseState), Vec<FieldError>> {
    let action = parse_case_action(action, f)?;
    let field = match action {
        CaseAction::BookPreVisit { .. } | CaseAction::StartContact { .. } | CaseAction::RecordSession(_) => {
            field_id(action.kind(), "date-day")
        }
        _ => "case-action".to_owned(),
    };
    match state.apply(action.clone(), today) {
        Ok(next) => Ok((action, next)),
        Err(e @ TransitionError::NotAllowed { .. }) => Err(vec![FieldError::new("case-action", &e)]),
        Err(e) => Err(vec![FieldError::new(field, &e)]),
    }
}

/// A note as written: trimmed, not empty, not too long.
pub fn parse_note(text: &str) -> Result<String, Vec<FieldError>> {
    let text = text.trim();
    if text.is_empty() {
        return Err(vec![FieldError::new("case-note", &CaseFormError::NoteMissing)]);
    }
    if text.chars().count() > NOTE_MAX_CHARS {
        return Err(vec![FieldError::new("case-note", &CaseFormError::NoteTooLong)]);
    }
    Ok(text.to_owned())
}

/// What a note's form carries so that the note is kept once however often it is sent (a double
/// press, a resent form): a fresh random token per page the server renders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteKey(String);

impl NoteKey {
    /// 16 to 64 hex digits, as the server makes them; anything else is no key.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        ((16..=64).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Self(raw.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::super::case::Stage;
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn note_keys_are_hex_tokens() {
        assert_eq!(
            NoteKey::parse(" 0123456789ABCDEF ").map(|k| k.as_str().to_owned()),
            Some("0123456789abcdef".into())
        );
        assert_eq!(NoteKey::parse("short"), None);
        assert_eq!(NoteKey::parse(&"g".repeat(20)), None);
        assert_eq!(NoteKey::parse(&"a".repeat(65)), None);
    }

    #[test]
    fn actions_need_their_fields() {
        let today = IsoDate::parse("2026-11-23").unwrap().date();
        let screening = CaseState::Screening;
        let e = act(&screening, "decline", &fields(&[("reason", "no_capacity")]), today).unwrap_err();
        assert_eq!(e[0].field, "decline-confirm", "ending a case is confirmed");
        let e = act(&screening, "decline", &fields(&[("confirm", "yes")]), today).unwrap_err();
        assert_eq!((e[0].field.as_str(), e[0].message.as_str()), ("decline-reason", "Choose a reason"));
        let decline = fields(&[("reason", "no_capacity"), ("confirm", "yes")]);
        let (_, next) = act(&screening, "decline", &decline, today).unwrap();
        assert_eq!(next, CaseState::Declined(DeclineReason::NoCapacity));
        let e = act(&CaseState::Accepted, "book_pre_visit", &fields(&[("date-day", "31"), ("date-month", "2")]), today)
            .unwrap_err();
        let bad: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(bad, ["book_pre_visit-party", "book_pre_visit-date-day"]);
        assert_eq!(act(&screening, "fly", &fields(&[]), today).unwrap_err()[0].field, "case-action");
        let e = act(&CaseState::Submitted, "accept", &fields(&[]), today).unwrap_err();
        assert_eq!(e[0].message, "This cannot be done to a referral at this stage");
    }

    #[test]
    fn the_first_session_on_a_pre_visit_day_is_explained_beside_the_date() {
        let today = IsoDate::parse("2026-11-23").unwrap().date();
        let visits = CaseState::PreVisits {
            referrer: Some(IsoDate::parse("2026-12-01").unwrap()),
            other_party: Some(IsoDate::parse("2026-12-02").unwrap()),
        };
        let same_day = fields(&[("date-day", "2"), ("date-month", "12"), ("date-year", "2026")]);
        let e = act(&visits, "start_contact", &same_day, today).unwrap_err();
        assert_eq!(e[0].field, "start_contact-date-day");
        assert_eq!(e[0].message, "The first contact session cannot be on the same day as a pre-visit");
        let later = fields(&[("date-day", "5"), ("date-month", "12"), ("date-year", "2026")]);
        assert_eq!(act(&visits, "start_contact", &later, today).unwrap().1.stage(), Stage::Active);
    }

    #[test]
    fn notes_are_written_and_bounded() {
        assert!(parse_note("  ").is_err());
        assert!(parse_note(&"x".repeat(NOTE_MAX_CHARS + 1)).is_err());
        assert_eq!(parse_note(" Called the father. ").unwrap(), "Called the father.");
    }
}
