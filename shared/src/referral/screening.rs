//! Traffic-light screening of a referral's safety answers, as the old NACCC Safe Referral System
//! did, with the HMCTS C100 "safety concerns" questions as the model.
//!
//! Red: the family needs supervised contact; the supported route stops and the person is pointed
//! to supervised services (never a dead end). Amber: supported contact may be possible, but the
//! centre must look closely at the concerns before accepting. Green: nothing raised.

use crate::centre::ServiceType;
use serde::{Deserialize, Serialize};

/// An answer where "I don't know" is a real answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Answer {
    Yes,
    #[default]
    No,
    DontKnow,
}

/// Kinds of abuse a parent may report (C100 wording).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AbuseKind {
    Physical,
    Psychological,
    Emotional,
    Sexual,
    Financial,
    /// Abuse of the children themselves, as opposed to between the adults.
    OfChildren,
}

/// The safety and risk answers of one part of a referral.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SafetyAnswers {
    pub abuse: Vec<AbuseKind>,
    /// Has the other adult been convicted of an offence against a child?
    pub child_offence_conviction: Answer,
    /// Is there a risk the children could be taken out of the country or hidden?
    pub abduction_risk: Answer,
    /// Is a non-molestation or occupation order in force?
    pub protective_order_in_force: bool,
    /// Does a court order say how contact may take place despite that order?
    pub order_allows_contact: bool,
    pub drugs_or_alcohol: Answer,
    pub mental_health: Answer,
    pub children_social_services: Answer,
    pub other_concerns: bool,
}

/// Why screening came out as it did; shown to staff, and in plain words to the referrer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ScreeningReason {
    ChildOffenceConviction,
    AbuseOfChildren,
    SexualAbuse,
    AbductionRisk,
    ProtectiveOrderWithoutArrangements,
    DomesticAbuse,
    DrugsOrAlcohol,
    MentalHealth,
    SocialServices,
    OtherConcerns,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Light {
    Green,
    Amber,
    Red,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    pub light: Light,
    pub reasons: Vec<ScreeningReason>,
}

/// Where a referral can go after screening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Route {
    /// The chosen centre can take it as asked.
    ToCentre,
    /// The chosen centre offers supervised contact too: it goes there as supervised.
    ToCentreSupervised,
    /// The chosen centre offers only supported contact: offer supervised centres instead.
    FindSupervisedCentre,
}

impl Screening {
    pub fn of(answers: &SafetyAnswers) -> Self {
        use ScreeningReason::*;
        let mut red = Vec::new();
        let mut amber = Vec::new();
        let yes_or_unsure = |a: Answer| a != Answer::No;

        if answers.child_offence_conviction == Answer::Yes {
            red.push(ChildOffenceConviction);
        } else if answers.child_offence_conviction == Answer::DontKnow {
            amber.push(ChildOffenceConviction);
        }
        if answers.abuse.contains(&AbuseKind::OfChildren) {
            red.push(AbuseOfChildren);
        }
        if answers.abuse.contains(&AbuseKind::Sexual) {
            red.push(SexualAbuse);
        }
        match answers.abduction_risk {
            Answer::Yes => red.push(AbductionRisk),
            Answer::DontKnow => amber.push(AbductionRisk),
            Answer::No => {}
        }
        if answers.protective_order_in_force && !answers.order_allows_contact {
            red.push(ProtectiveOrderWithoutArrangements);
        }
        let adult_abuse = answers.abuse.iter().any(|k| !matches!(k, AbuseKind::OfChildren | AbuseKind::Sexual));
        if adult_abuse {
            amber.push(DomesticAbuse);
        }
        if yes_or_unsure(answers.drugs_or_alcohol) {
            amber.push(DrugsOrAlcohol);
        }
        if yes_or_unsure(answers.mental_health) {
            amber.push(MentalHealth);
        }
        if yes_or_unsure(answers.children_social_services) {
            amber.push(SocialServices);
        }
        if answers.other_concerns {
            amber.push(OtherConcerns);
        }

        let light = if !red.is_empty() {
            Light::Red
        } else if !amber.is_empty() {
            Light::Amber
        } else {
            Light::Green
        };
        red.extend(amber);
        Self { light, reasons: red }
    }

    /// Combines the screenings of both parties' parts: the more serious light wins.
    pub fn combine(&self, other: &Self) -> Self {
        let mut reasons = self.reasons.clone();
        for r in &other.reasons {
            if !reasons.contains(r) {
                reasons.push(*r);
            }
        }
        Self { light: self.light.max(other.light), reasons }
    }

    /// Where the referral may go, given what the chosen centre offers.
    pub fn route(&self, centre: ServiceType) -> Route {
        match (self.light, centre.offers_supervised()) {
            (Light::Red, true) => Route::ToCentreSupervised,
            (Light::Red, false) => Route::FindSupervisedCentre,
            _ => Route::ToCentre,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_concerns_is_green() {
        let s = Screening::of(&SafetyAnswers::default());
        assert_eq!((s.light, s.reasons.len()), (Light::Green, 0));
        assert_eq!(s.route(ServiceType::Supported), Route::ToCentre);
    }

    #[test]
    fn a_conviction_for_an_offence_against_a_child_is_red_and_leaves_supported_contact() {
        let answers = SafetyAnswers { child_offence_conviction: Answer::Yes, ..Default::default() };
        let s = Screening::of(&answers);
        assert_eq!(s.light, Light::Red);
        assert_eq!(s.reasons, vec![ScreeningReason::ChildOffenceConviction]);
        assert_eq!(s.route(ServiceType::Supported), Route::FindSupervisedCentre);
        assert_eq!(s.route(ServiceType::SupportedAndSupervised), Route::ToCentreSupervised);
        assert_eq!(s.route(ServiceType::Supervised), Route::ToCentreSupervised);
    }

    #[test]
    fn a_protective_order_is_red_only_without_arrangements_for_contact() {
        let without = SafetyAnswers { protective_order_in_force: true, ..Default::default() };
        assert_eq!(Screening::of(&without).light, Light::Red);
        let with = SafetyAnswers { protective_order_in_force: true, order_allows_contact: true, ..Default::default() };
        assert_eq!(Screening::of(&with).light, Light::Green);
    }

    #[test]
    fn abuse_of_children_sexual_abuse_and_abduction_are_red() {
        for answers in [
            SafetyAnswers { abuse: vec![AbuseKind::OfChildren], ..Default::default() },
            SafetyAnswers { abuse: vec![AbuseKind::Sexual], ..Default::default() },
            SafetyAnswers { abduction_risk: Answer::Yes, ..Default::default() },
        ] {
            assert_eq!(Screening::of(&answers).light, Light::Red, "{answers:?}");
        }
    }

    #[test]
    fn concerns_that_need_a_closer_look_are_amber() {
        for answers in [
            SafetyAnswers { abuse: vec![AbuseKind::Emotional, AbuseKind::Financial], ..Default::default() },
            SafetyAnswers { drugs_or_alcohol: Answer::Yes, ..Default::default() },
            SafetyAnswers { mental_health: Answer::DontKnow, ..Default::default() },
            SafetyAnswers { children_social_services: Answer::Yes, ..Default::default() },
            SafetyAnswers { child_offence_conviction: Answer::DontKnow, ..Default::default() },
            SafetyAnswers { abduction_risk: Answer::DontKnow, ..Default::default() },
            SafetyAnswers { other_concerns: true, ..Default::default() },
        ] {
            let s = Screening::of(&answers);
            assert_eq!(s.light, Light::Amber, "{answers:?}");
            assert_eq!(s.route(ServiceType::Supported), Route::ToCentre);
        }
    }

    #[test]
    fn red_reasons_come_first_and_the_worse_part_wins() {
        let answers = SafetyAnswers {
            abuse: vec![AbuseKind::Physical, AbuseKind::OfChildren],
            drugs_or_alcohol: Answer::Yes,
            ..Default::default()
        };
        let s = Screening::of(&answers);
        assert_eq!(s.reasons[0], ScreeningReason::AbuseOfChildren);
        assert!(s.reasons.contains(&ScreeningReason::DomesticAbuse));
        let green = Screening::of(&SafetyAnswers::default());
        let combined = green.combine(&s);
        assert_eq!(combined.light, Light::Red);
        assert_eq!(combined.reasons, s.reasons);
    }
}
