//! The court and safety pages, as typed, and their rules. Together they give the
//! [`SafetyAnswers`] that screening reads (the HMCTS C100 "safety concerns" questions are the model).

use super::answer::MAX_ANSWER_LEN;
use super::field::{FieldError, answer, ticked};
use super::screening::{AbuseKind, Answer, SafetyAnswers};
use serde::{Deserialize, Serialize};

/// Longest court case number we keep (they are short: `NG24P00123`).
pub const MAX_CASE_NUMBER_LEN: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CourtForm {
    /// Are there, or have there been, court proceedings about the children? yes / no / dont_know.
    pub proceedings: String,
    pub order_child_arrangements: String,
    pub order_prohibited_steps: String,
    pub order_non_molestation: String,
    pub order_occupation: String,
    pub order_bail_conditions: String,
    /// Only asked when a non-molestation or occupation order is in force: does a court order say
    /// how contact may happen despite it? yes / no.
    pub order_allows_contact: String,
    /// Are children's social services involved with the family? yes / no / dont_know.
    pub social_services: String,
    pub case_number: String,
    pub details: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SafetyForm {
    pub abuse_physical: String,
    pub abuse_psychological: String,
    pub abuse_emotional: String,
    pub abuse_sexual: String,
    pub abuse_financial: String,
    pub abuse_of_children: String,
    /// "None of these": must be ticked on its own when no abuse is reported.
    pub abuse_none: String,
    pub child_offence_conviction: String,
    pub abduction_risk: String,
    /// Who holds the children's passports, if abduction is a worry (free text, optional).
    pub passports: String,
    pub drugs_or_alcohol: String,
    pub mental_health: String,
    pub other_concerns: String,
    pub other_details: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SafetyError {
    #[error("say whether there are or have been court proceedings about the children")]
    ProceedingsMissing,
    #[error("say whether a court order sets out how contact can happen")]
    OrderAllowsContactMissing,
    #[error("say whether children's social services are involved")]
    SocialServicesMissing,
    #[error("the case number must be {MAX_CASE_NUMBER_LEN} characters or fewer")]
    CaseNumberTooLong,
    #[error("select the kinds of abuse, or select 'None of these'")]
    AbuseMissing,
    #[error("select 'None of these' on its own, or untick it")]
    AbuseNoneWithOthers,
    #[error("say whether the other adult has a conviction for an offence against a child")]
    ConvictionMissing,
    #[error("say whether there is a risk the children could be taken away or hidden")]
    AbductionMissing,
    #[error("say whether drugs or alcohol are a concern")]
    DrugsMissing,
    #[error("say whether mental health is a concern")]
    MentalHealthMissing,
    #[error("say whether you have any other concerns")]
    OtherConcernsMissing,
    #[error("tell us about your other concerns")]
    OtherDetailsMissing,
    #[error("the answer must be {MAX_ANSWER_LEN} characters or fewer")]
    AnswerTooLong,
}

/// What the court page says, valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourtAnswers {
    pub proceedings: Answer,
    pub orders: Vec<CourtOrder>,
    pub order_allows_contact: bool,
    pub social_services: Answer,
    pub case_number: String,
    pub details: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CourtOrder {
    ChildArrangements,
    ProhibitedSteps,
    NonMolestation,
    Occupation,
    BailConditions,
}

impl CourtOrder {
    pub fn is_protective(self) -> bool {
        matches!(self, Self::NonMolestation | Self::Occupation)
    }
}

/// The safety page, valid, with its free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SafetyPage {
    pub abuse: Vec<AbuseKind>,
    pub child_offence_conviction: Answer,
    pub abduction_risk: Answer,
    pub passports: String,
    pub drugs_or_alcohol: Answer,
    pub mental_health: Answer,
    pub other_concerns: Option<String>,
}

fn required(raw: &str, id: &str, missing: SafetyError, errors: &mut Vec<FieldError>) -> Answer {
    answer(raw).unwrap_or_else(|| {
        errors.push(FieldError::bilingual(id, &missing));
        Answer::No
    })
}

fn bounded(raw: &str, max: usize, id: &str, too_long: SafetyError, errors: &mut Vec<FieldError>) -> String {
    let text = raw.trim();
    if text.chars().count() > max {
        errors.push(FieldError::bilingual(id, &too_long));
    }
    text.to_owned()
}

impl CourtForm {
    /// Checks the court page; `prefix` names its inputs (`court`, or `join-court` for a second part).
    pub fn validate(&self, prefix: &str) -> Result<CourtAnswers, Vec<FieldError>> {
        let mut errors = Vec::new();
        let id = |f: &str| format!("{prefix}-{f}");
        let proceedings = required(&self.proceedings, &id("proceedings"), SafetyError::ProceedingsMissing, &mut errors);
        let orders: Vec<CourtOrder> = [
            (&self.order_child_arrangements, CourtOrder::ChildArrangements),
            (&self.order_prohibited_steps, CourtOrder::ProhibitedSteps),
            (&self.order_non_molestation, CourtOrder::NonMolestation),
            (&self.order_occupation, CourtOrder::Occupation),
            (&self.order_bail_conditions, CourtOrder::BailConditions),
        ]
        .into_iter()
        .filter(|(raw, _)| ticked(raw))
        .map(|(_, order)| order)
        .collect();
        let order_allows_contact = if orders.iter().any(|o| o.is_protective()) {
            match self.order_allows_contact.trim() {
                "yes" => true,
                "no" => false,
                _ => {
                    errors.push(FieldError::bilingual(
                        id("order_allows_contact"),
                        &SafetyError::OrderAllowsContactMissing,
                    ));
                    false
                }
            }
        } else {
            false
        };
        let social_services =
            required(&self.social_services, &id("social_services"), SafetyError::SocialServicesMissing, &mut errors);
        let case_number = bounded(
            &self.case_number,
            MAX_CASE_NUMBER_LEN,
            &id("case_number"),
            SafetyError::CaseNumberTooLong,
            &mut errors,
        );
        let details = bounded(&self.details, MAX_ANSWER_LEN, &id("details"), SafetyError::AnswerTooLong, &mut errors);
        if errors.is_empty() {
            Ok(CourtAnswers { proceedings, orders, order_allows_contact, social_services, case_number, details })
        } else {
            Err(errors)
        }
    }
}

impl SafetyForm {
    pub fn validate(&self, prefix: &str) -> Result<SafetyPage, Vec<FieldError>> {
        let mut errors = Vec::new();
        let id = |f: &str| format!("{prefix}-{f}");
        let abuse: Vec<AbuseKind> = [
            (&self.abuse_physical, AbuseKind::Physical),
            (&self.abuse_psychological, AbuseKind::Psychological),
            (&self.abuse_emotional, AbuseKind::Emotional),
            (&self.abuse_sexual, AbuseKind::Sexual),
            (&self.abuse_financial, AbuseKind::Financial),
            (&self.abuse_of_children, AbuseKind::OfChildren),
        ]
        .into_iter()
        .filter(|(raw, _)| ticked(raw))
        .map(|(_, kind)| kind)
        .collect();
        match (abuse.is_empty(), ticked(&self.abuse_none)) {
            (true, false) => errors.push(FieldError::bilingual(id("abuse_physical"), &SafetyError::AbuseMissing)),
            (false, true) => {
                errors.push(FieldError::bilingual(id("abuse_physical"), &SafetyError::AbuseNoneWithOthers))
            }
            _ => {}
        }
        let child_offence_conviction = required(
            &self.child_offence_conviction,
            &id("child_offence_conviction"),
            SafetyError::ConvictionMissing,
            &mut errors,
        );
        let abduction_risk =
            required(&self.abduction_risk, &id("abduction_risk"), SafetyError::AbductionMissing, &mut errors);
        let passports =
            bounded(&self.passports, MAX_ANSWER_LEN, &id("passports"), SafetyError::AnswerTooLong, &mut errors);
        let drugs_or_alcohol =
            required(&self.drugs_or_alcohol, &id("drugs_or_alcohol"), SafetyError::DrugsMissing, &mut errors);
        let mental_health =
            required(&self.mental_health, &id("mental_health"), SafetyError::MentalHealthMissing, &mut errors);
        let other_details =
            bounded(&self.other_details, MAX_ANSWER_LEN, &id("other_details"), SafetyError::AnswerTooLong, &mut errors);
        let other_concerns = match self.other_concerns.trim() {
            "yes" if other_details.is_empty() => {
                errors.push(FieldError::bilingual(id("other_details"), &SafetyError::OtherDetailsMissing));
                None
            }
            "yes" => Some(other_details),
            "no" => None,
            _ => {
                errors.push(FieldError::bilingual(id("other_concerns"), &SafetyError::OtherConcernsMissing));
                None
            }
        };
        if errors.is_empty() {
            Ok(SafetyPage {
                abuse,
                child_offence_conviction,
                abduction_risk,
                passports,
                drugs_or_alcohol,
                mental_health,
                other_concerns,
            })
        } else {
            Err(errors)
        }
    }
}

/// What screening reads, from the two valid pages.
pub fn safety_answers(court: &CourtAnswers, safety: &SafetyPage) -> SafetyAnswers {
    SafetyAnswers {
        abuse: safety.abuse.clone(),
        child_offence_conviction: safety.child_offence_conviction,
        abduction_risk: safety.abduction_risk,
        protective_order_in_force: court.orders.iter().any(|o| o.is_protective()),
        order_allows_contact: court.order_allows_contact,
        drugs_or_alcohol: safety.drugs_or_alcohol,
        mental_health: safety.mental_health,
        children_social_services: court.social_services,
        other_concerns: safety.other_concerns.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referral::screening::{Light, Screening};

    fn court() -> CourtForm {
        CourtForm { proceedings: "no".into(), social_services: "no".into(), ..Default::default() }
    }

    fn safety() -> SafetyForm {
        SafetyForm {
            abuse_none: "yes".into(),
            child_offence_conviction: "no".into(),
            abduction_risk: "no".into(),
            drugs_or_alcohol: "no".into(),
            mental_health: "no".into(),
            other_concerns: "no".into(),
            ..Default::default()
        }
    }

    fn ids(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn nothing_raised_is_green() {
        let s = safety_answers(&court().validate("court").unwrap(), &safety().validate("safety").unwrap());
        assert_eq!(Screening::of(&s).light, Light::Green);
    }

    #[test]
    fn every_question_must_be_answered() {
        let errors = SafetyForm::default().validate("safety").unwrap_err();
        assert_eq!(
            ids(errors),
            [
                "safety-abuse_physical",
                "safety-child_offence_conviction",
                "safety-abduction_risk",
                "safety-drugs_or_alcohol",
                "safety-mental_health",
                "safety-other_concerns"
            ]
        );
        assert_eq!(
            ids(CourtForm::default().validate("court").unwrap_err()),
            ["court-proceedings", "court-social_services"]
        );
    }

    #[test]
    fn none_of_these_goes_alone_and_other_concerns_need_words() {
        let mut f = safety();
        f.abuse_emotional = "yes".into();
        assert_eq!(ids(f.validate("safety").unwrap_err()), ["safety-abuse_physical"]);
        f.abuse_none.clear();
        f.other_concerns = "yes".into();
        assert_eq!(ids(f.validate("safety").unwrap_err()), ["safety-other_details"]);
        f.other_details = "He drives drunk".into();
        assert_eq!(f.validate("safety").unwrap().other_concerns.as_deref(), Some("He drives drunk"));
    }

    #[test]
    fn a_protective_order_needs_the_contact_question_and_without_arrangements_is_red() {
        let mut c = court();
        c.order_non_molestation = "yes".into();
        assert_eq!(ids(c.validate("court").unwrap_err()), ["court-order_allows_contact"]);
        c.order_allows_contact = "no".into();
        let s = safety_answers(&c.validate("court").unwrap(), &safety().validate("safety").unwrap());
        assert!(s.protective_order_in_force);
        assert_eq!(Screening::of(&s).light, Light::Red);
        c.order_allows_contact = "yes".into();
        let s = safety_answers(&c.validate("court").unwrap(), &safety().validate("safety").unwrap());
        assert_eq!(Screening::of(&s).light, Light::Green);
    }

    #[test]
    fn abuse_of_the_children_is_red_and_long_text_is_refused() {
        let mut f = safety();
        f.abuse_none.clear();
        f.abuse_of_children = "yes".into();
        let s = safety_answers(&court().validate("court").unwrap(), &f.validate("safety").unwrap());
        assert_eq!(Screening::of(&s).light, Light::Red);
        f.passports = "x".repeat(MAX_ANSWER_LEN + 1);
        assert_eq!(ids(f.validate("safety").unwrap_err()), ["safety-passports"]);
        let mut c = court();
        c.case_number = "x".repeat(41);
        assert_eq!(ids(c.validate("court").unwrap_err()), ["court-case_number"]);
    }
}
