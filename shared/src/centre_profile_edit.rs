//! What a centre's manager may change on its public page (`/centre/profile`): the description,
//! opening times, accessibility, languages, and whether it takes online referrals. Read from the
//! form and checked by one rule, for the page and the server alike.

use crate::centre_profile::{CentreProfile, OpeningTimes, ProfileText, parse_languages};
use crate::referral::{FieldError, Fields};
use serde::{Deserialize, Serialize};

pub const DESCRIPTION_FIELD: &str = "description";
pub const OPENING_TIMES_FIELD: &str = "opening-times";
pub const ACCESSIBILITY_FIELD: &str = "accessibility";
pub const WHEELCHAIR_FIELD: &str = "wheelchair";
pub const LANGUAGES_FIELD: &str = "languages";
pub const ONLINE_FIELD: &str = "online-referrals";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileEdit {
    pub description: ProfileText,
    pub opening_times: OpeningTimes,
    pub accessibility: ProfileText,
    pub wheelchair_access: bool,
    pub languages: Vec<String>,
    pub accepts_online_referrals: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("keep it to {} characters or fewer", ProfileText::MAX_LEN)]
    TooLong,
    #[error("remove the characters that cannot be shown (control or text-direction characters)")]
    Characters,
    #[error("write opening times like sat 10:00-13:00; sun 14:00-16:00 (or leave it empty for by arrangement)")]
    OpeningTimes,
    #[error("each session must close after it opens")]
    ClosesBeforeOpening,
    #[error("say whether the contact rooms have step-free access and an accessible toilet")]
    Wheelchair,
    #[error("name at least one language, separated by commas, each 40 characters or fewer")]
    Languages,
    #[error("say whether the centre takes referrals online")]
    Online,
    #[error("only an accredited centre takes referrals online: NACCC can switch it on once the centre is accredited")]
    NotAccredited,
}

/// Whether a centre may switch on online referrals itself: only once accredited (a candidate's
/// families are referred by NACCC's arrangement, not through the public wizard).
pub fn may_take_online_referrals(status: crate::AccreditationStatus) -> bool {
    matches!(status, crate::AccreditationStatus::Accredited | crate::AccreditationStatus::AccreditedWithConditions)
}

fn yes_no(raw: Option<&String>) -> Option<bool> {
    match raw.map(|s| s.trim()) {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    }
}

/// Reads the profile form; every problem at its field.
pub fn parse_profile_edit(fields: &Fields) -> Result<ProfileEdit, Vec<FieldError>> {
    let get = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
    let mut errors = Vec::new();
    let mut text = |name: &str| match ProfileText::parse(get(name)) {
        Ok(t) => Some(t),
        Err(crate::centre_profile::ProfileError::Characters) => {
            errors.push(FieldError::new(name, &EditError::Characters));
            None
        }
        Err(_) => {
            errors.push(FieldError::new(name, &EditError::TooLong));
            None
        }
    };
    let description = text(DESCRIPTION_FIELD);
    let accessibility = text(ACCESSIBILITY_FIELD);
    let opening_times = match OpeningTimes::parse(get(OPENING_TIMES_FIELD)) {
        Ok(t) => Some(t),
        Err(crate::centre_profile::ProfileError::ClosesBeforeOpening) => {
            errors.push(FieldError::new(OPENING_TIMES_FIELD, &EditError::ClosesBeforeOpening));
            None
        }
        Err(_) => {
            errors.push(FieldError::new(OPENING_TIMES_FIELD, &EditError::OpeningTimes));
            None
        }
    };
    let wheelchair = yes_no(fields.get(WHEELCHAIR_FIELD));
    if wheelchair.is_none() {
        errors.push(FieldError::new(WHEELCHAIR_FIELD, &EditError::Wheelchair));
    }
    let languages = parse_languages(get(LANGUAGES_FIELD)).ok().filter(|l| !l.is_empty());
    if languages.is_none() {
        errors.push(FieldError::new(LANGUAGES_FIELD, &EditError::Languages));
    }
    let online = yes_no(fields.get(ONLINE_FIELD));
    if online.is_none() {
        errors.push(FieldError::new(ONLINE_FIELD, &EditError::Online));
    }
    match (description, opening_times, accessibility, wheelchair, languages, online) {
        (
            Some(description),
            Some(opening_times),
            Some(accessibility),
            Some(wheelchair_access),
            Some(languages),
            Some(accepts_online_referrals),
        ) if errors.is_empty() => Ok(ProfileEdit {
            description,
            opening_times,
            accessibility,
            wheelchair_access,
            languages,
            accepts_online_referrals,
        }),
        _ => Err(errors),
    }
}

/// The form filled in from the centre's page as it stands.
pub fn fields_of(profile: &CentreProfile) -> Fields {
    let yn = |b: bool| if b { "yes" } else { "no" }.to_owned();
    [
        (DESCRIPTION_FIELD, profile.description.as_str().to_owned()),
        (OPENING_TIMES_FIELD, profile.opening_times.to_string()),
        (ACCESSIBILITY_FIELD, profile.accessibility.as_str().to_owned()),
        (WHEELCHAIR_FIELD, yn(profile.centre.wheelchair_access)),
        (LANGUAGES_FIELD, profile.languages.join(", ")),
        (ONLINE_FIELD, yn(profile.centre.accepts_online_referrals)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_complete_form_is_read() {
        let f = form(&[
            ("description", "A friendly centre."),
            ("opening-times", "sun 14:00-16:00; sat 10:00-13:00"),
            ("accessibility", "Ramp at the side door."),
            ("wheelchair", "yes"),
            ("languages", "English, Polish ,"),
            ("online-referrals", "no"),
        ]);
        let edit = parse_profile_edit(&f).unwrap();
        assert_eq!(edit.opening_times.to_string(), "sat 10:00-13:00; sun 14:00-16:00");
        assert_eq!(edit.languages, ["English", "Polish"]);
        assert!(edit.wheelchair_access && !edit.accepts_online_referrals);
    }

    #[test]
    fn only_accredited_centres_switch_on_online_referrals() {
        use crate::AccreditationStatus as S;
        assert!(may_take_online_referrals(S::Accredited) && may_take_online_referrals(S::AccreditedWithConditions));
        assert!(!may_take_online_referrals(S::Candidate) && !may_take_online_referrals(S::Suspended));
    }

    #[test]
    fn control_and_direction_characters_are_refused() {
        let f = form(&[
            ("description", "Open\u{202E}desolc"),
            ("wheelchair", "no"),
            ("languages", "English"),
            ("online-referrals", "no"),
        ]);
        assert_eq!(parse_profile_edit(&f).unwrap_err()[0].field, "description");
        let f = form(&[
            ("description", "Line one\nLine two"),
            ("wheelchair", "no"),
            ("languages", "English"),
            ("online-referrals", "no"),
        ]);
        assert!(parse_profile_edit(&f).is_ok());
    }

    #[test]
    fn every_problem_is_named_at_its_field() {
        let errors =
            parse_profile_edit(&form(&[("opening-times", "Saturdays 10 till 1"), ("languages", " , ")])).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["opening-times", "wheelchair", "languages", "online-referrals"]);
        let backwards = form(&[
            ("opening-times", "sat 13:00-10:00"),
            ("wheelchair", "no"),
            ("languages", "English"),
            ("online-referrals", "yes"),
        ]);
        assert_eq!(parse_profile_edit(&backwards).unwrap_err()[0].message, "Each session must close after it opens");
        let long = "x".repeat(ProfileText::MAX_LEN + 1);
        let too_long = form(&[
            ("description", &long),
            ("wheelchair", "no"),
            ("languages", "English"),
            ("online-referrals", "yes"),
        ]);
        assert_eq!(parse_profile_edit(&too_long).unwrap_err()[0].field, "description");
    }
}
