//! A whole referral, checked before it is sent: every page valid, the centre able to take it, and
//! screening applied. The server runs this on submit whatever the browser said.

use super::adult::{Adult, ReferrerKind};
use super::draft::{Child, DraftAnswers};
use super::field::FieldError;
use super::practical::{ContactService, PracticalNeeds, Professional};
use super::safety_form::{CourtAnswers, SafetyPage, safety_answers};
use super::screening::{Route, Screening};
use super::wizard::{Step, steps_for};
use crate::ServiceType;
use serde::Serialize;
use time::Date;

/// A referral ready to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidReferral {
    pub kind: ReferrerKind,
    /// What the centre will provide: supervised when screening says so, whatever was asked.
    pub service: ContactService,
    pub asked_for: ContactService,
    pub referrer: Option<Professional>,
    pub children: Vec<Child>,
    pub resident_parent: Adult,
    pub other_parent: Adult,
    pub others: Option<String>,
    pub court: CourtAnswers,
    pub safety: SafetyPage,
    pub practical: PracticalNeeds,
    pub screening: Screening,
}

/// Why a referral cannot be sent yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotReady {
    /// Pages with problems, in order, each with its problems.
    Incomplete(Vec<(Step, Vec<FieldError>)>),
    /// Screening says supervised contact, and the chosen centre does not offer it.
    NeedsSupervisedCentre(Screening),
}

/// Checks the whole draft against `centre` (what the chosen centre offers) on `today`.
pub fn validate_referral(
    draft: &DraftAnswers,
    centre: Option<ServiceType>,
    today: Date,
) -> Result<ValidReferral, NotReady> {
    let problems: Vec<(Step, Vec<FieldError>)> = steps_for(draft)
        .into_iter()
        .map(|step| (step, step.errors(draft, centre, today)))
        .filter(|(_, errors)| !errors.is_empty())
        .collect();
    let incomplete = || NotReady::Incomplete(problems.clone());
    if !problems.is_empty() {
        return Err(incomplete());
    }
    // Every page is valid here, so each `ok()` below is `Some`; a `None` would be a bug in the
    // page rules, reported as incomplete rather than panicking.
    let kind = ReferrerKind::from_code(&draft.referrer_kind).ok_or_else(incomplete)?;
    let asked_for = ContactService::from_code(&draft.service).ok_or_else(incomplete)?;
    let centre = centre.ok_or_else(incomplete)?;
    let referrer = if kind.is_parent() { None } else { Some(draft.referrer.validate().map_err(|_| incomplete())?) };
    let court = draft.court.validate("court").map_err(|_| incomplete())?;
    let safety = draft.safety.validate("safety").map_err(|_| incomplete())?;
    let screening = Screening::of(&safety_answers(&court, &safety));
    let service = match screening.route(centre) {
        Route::ToCentre => asked_for,
        Route::ToCentreSupervised => ContactService::Supervised,
        Route::FindSupervisedCentre => return Err(NotReady::NeedsSupervisedCentre(screening)),
    };
    Ok(ValidReferral {
        kind,
        service,
        asked_for,
        referrer,
        children: draft.children(today).map_err(|_| incomplete())?,
        resident_parent: draft.resident_parent.validate(today).map_err(|_| incomplete())?,
        other_parent: draft.other_parent.validate(today).map_err(|_| incomplete())?,
        others: draft.others.validate().map_err(|_| incomplete())?,
        court,
        safety,
        practical: draft.practical.validate(today).map_err(|_| incomplete())?,
        screening,
    })
}

/// Screening of the safety pages as far as they are answered: `None` until both are valid.
pub fn screening_so_far(draft: &DraftAnswers) -> Option<Screening> {
    let court = draft.court.validate("court").ok()?;
    let safety = draft.safety.validate("safety").ok()?;
    Some(Screening::of(&safety_answers(&court, &safety)))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::referral::{AdultForm, ChildForm, Light};
    use crate::referral::{ConsentForm, CourtForm, OtherPeopleForm, PracticalForm, SafetyForm};
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);

    fn adult(name: &str) -> AdultForm {
        AdultForm {
            name: name.into(),
            dob_day: "1".into(),
            dob_month: "2".into(),
            dob_year: "1990".into(),
            contact_method: "email".into(),
            email: "parent@example.com".into(),
            parental_responsibility: "yes".into(),
            ..Default::default()
        }
    }

    /// A complete, green referral from a parent.
    pub(crate) fn complete_draft() -> DraftAnswers {
        DraftAnswers {
            referrer_kind: "resident_parent".into(),
            centre: "nottingham-family-contact-centre".into(),
            service: "supported".into(),
            children: vec![ChildForm {
                name: "Amelia Jones".into(),
                dob_day: "3".into(),
                dob_month: "4".into(),
                dob_year: "2019".into(),
                needs: String::new(),
                id: 1,
            }],
            children_added: 1,
            resident_parent: adult("Sam Jones"),
            other_parent: adult("Alex Jones"),
            others: OtherPeopleForm { attending: "no".into(), details: String::new() },
            court: CourtForm { proceedings: "no".into(), social_services: "no".into(), ..Default::default() },
            safety: SafetyForm {
                abuse_none: "yes".into(),
                child_offence_conviction: "no".into(),
                abduction_risk: "no".into(),
                drugs_or_alcohol: "no".into(),
                mental_health: "no".into(),
                other_concerns: "no".into(),
                ..Default::default()
            },
            practical: PracticalForm { day_sat: "yes".into(), ..Default::default() },
            consent: ConsentForm { truth: "yes".into(), sharing: "yes".into() },
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_draft_is_ready() {
        let r = validate_referral(&complete_draft(), Some(ServiceType::Supported), TODAY).unwrap();
        assert_eq!(r.service, ContactService::Supported);
        assert_eq!(r.screening.light, Light::Green);
        assert_eq!(r.children[0].name.as_str(), "Amelia Jones");
        assert!(r.referrer.is_none());
    }

    #[test]
    fn missing_pages_are_listed_in_order() {
        let mut draft = complete_draft();
        draft.children.clear();
        draft.consent = ConsentForm::default();
        let Err(NotReady::Incomplete(problems)) = validate_referral(&draft, Some(ServiceType::Supported), TODAY) else {
            panic!("expected problems")
        };
        let steps: Vec<Step> = problems.iter().map(|(s, _)| *s).collect();
        assert_eq!(steps, [Step::Children, Step::Consent]);
        draft = complete_draft();
        draft.referrer_kind = "solicitor".into();
        let Err(NotReady::Incomplete(problems)) = validate_referral(&draft, Some(ServiceType::Supported), TODAY) else {
            panic!("a solicitor must give their details")
        };
        assert_eq!(problems[0].0, Step::Referrer);
    }

    #[test]
    fn red_screening_goes_supervised_or_to_another_centre() {
        let mut draft = complete_draft();
        draft.safety.child_offence_conviction = "yes".into();
        let r = validate_referral(&draft, Some(ServiceType::SupportedAndSupervised), TODAY).unwrap();
        assert_eq!((r.asked_for, r.service), (ContactService::Supported, ContactService::Supervised));
        assert!(matches!(
            validate_referral(&draft, Some(ServiceType::Supported), TODAY),
            Err(NotReady::NeedsSupervisedCentre(s)) if s.light == Light::Red
        ));
        assert_eq!(screening_so_far(&draft).map(|s| s.light), Some(Light::Red));
    }
}
