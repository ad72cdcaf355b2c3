//! The staff areas' forms, checked in the browser by the same shared rules the server applies.
//! A lazy island: its code loads only on the pages that have such a form, never on a public one.

use crate::components::checked::checked_form;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::referral::case::CaseState;
use shared::referral::{FieldError, Fields};

/// Which of the staff rules a form is checked by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffRule {
    /// Inviting a colleague: email, name, role and centre.
    Invitation,
    /// A change of someone's role and centre.
    Scope,
    /// Asking for a password reset link.
    ResetEmail,
    /// Choosing a password.
    NewPassword,
    /// An action on a case in this state (which action: the form's `action` field).
    CaseAction { state: CaseState },
    /// A quarterly statistics return (`amending`: it was submitted before, so a reason is needed).
    Return { context: shared::returns::CheckContext, amending: bool },
    /// A question NACCC adds to a quarter's return.
    Question,
}

impl StaffRule {
    /// The problems with a form's page answers (`answers`) and its other fields (`all`).
    pub fn check(&self, answers: &Fields, all: &Fields) -> Vec<FieldError> {
        let get = |k: &str| answers.get(k).map(String::as_str).unwrap_or("");
        match self {
            Self::Invitation => {
                shared::staff_admin::parse_invitation(get("email"), get("name"), get("role"), get("centre"))
                    .err()
                    .unwrap_or_default()
            }
            Self::Scope => shared::staff_admin::parse_scope(get("role"), get("centre")).err().unwrap_or_default(),
            Self::ResetEmail => shared::referral::EmailAddress::parse(get("email"))
                .err()
                .map(|e| vec![FieldError::new("reset-email", &e)])
                .unwrap_or_default(),
            Self::NewPassword => shared::staff_admin::parse_new_password(get("password")).err().unwrap_or_default(),
            Self::CaseAction { state } => {
                let action = all.get("action").map(String::as_str).unwrap_or("");
                // "Today" is left to the server (a session date in the future is refused
                // there), so the browser judges with a day far ahead.
                let far = time::Date::from_calendar_date(2100, time::Month::January, 1).unwrap_or(time::Date::MAX);
                shared::referral::case_form::act(state, action, answers, far).err().unwrap_or_default()
            }
            Self::Return { context, amending } => return_problems(answers, context, *amending),
            Self::Question => shared::returns::questions::parse_question(answers).err().unwrap_or_default(),
        }
    }
}

/// A return's problems before it is submitted: the shared checks, and an amendment's reason.
pub fn return_problems(fields: &Fields, context: &shared::returns::CheckContext, amending: bool) -> Vec<FieldError> {
    use shared::returns::lifecycle::{AMEND_REASON_FIELD, parse_amend_reason};
    let mut errors = shared::returns::check(fields, context).field_errors();
    if amending && let Err(e) = parse_amend_reason(fields.get(AMEND_REASON_FIELD).map(String::as_str).unwrap_or("")) {
        errors.push(FieldError::new(AMEND_REASON_FIELD, &e));
    }
    errors
}

/// An island around a staff form: the error summary (`errors`, the server's, at first) and the
/// form, checked by `rule` before it is sent.
#[island(lazy)]
pub fn StaffCheck(rule: StaffRule, errors: Vec<FieldError>, children: Children) -> impl IntoView {
    checked_form(errors, shared::Locale::English, move |answers, all| rule.check(answers, all), children)
}
