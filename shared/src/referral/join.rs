//! Joint but separate: the second part of a referral, added by the other parent (or their
//! solicitor) with an invitation code. It never shows anything of the first part; the centre sees
//! both.

use super::adult::{Adult, AdultForm};
use super::field::FieldError;
use super::practical::{ConsentForm, PracticalForm, PracticalNeeds, Professional, ReferrerForm};
use super::safety_form::{CourtAnswers, CourtForm, SafetyForm, SafetyPage, safety_answers};
use super::screening::Screening;
use serde::{Deserialize, Serialize};
use time::Date;

/// Who is adding the second part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Joiner {
    /// The other parent, for themselves.
    Parent,
    /// A solicitor acting for the other parent.
    Solicitor,
}

impl Joiner {
    pub fn code(self) -> &'static str {
        match self {
            Self::Parent => "parent",
            Self::Solicitor => "solicitor",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Parent, Self::Solicitor].into_iter().find(|j| j.code() == code.trim())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct JoinAnswers {
    pub joiner: String,
    /// The solicitor's own details, when a solicitor joins.
    pub referrer: ReferrerForm,
    /// The joining parent's details: how to reach them safely, their (hideable) address, …
    pub parent: AdultForm,
    pub court: CourtForm,
    pub safety: SafetyForm,
    pub practical: PracticalForm,
    pub consent: ConsentForm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum JoinError {
    #[error("say whether you are the parent or their solicitor")]
    JoinerMissing,
    #[error("the answer must be {} characters or fewer", super::draft::MAX_ANSWER_LEN)]
    AnswerTooLong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JoinStep {
    Who,
    Referrer,
    Parent,
    Court,
    Safety,
    Practical,
    Consent,
}

impl JoinStep {
    pub const ALL: [Self; 7] =
        [Self::Who, Self::Referrer, Self::Parent, Self::Court, Self::Safety, Self::Practical, Self::Consent];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Who => "who",
            Self::Referrer => "your-details",
            Self::Parent => "parent",
            Self::Court => "court",
            Self::Safety => "safety",
            Self::Practical => "practical",
            Self::Consent => "consent",
        }
    }

    pub fn path(self) -> String {
        format!("/refer/join/{}", self.slug())
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn applies(self, joiner: Option<Joiner>) -> bool {
        self != Self::Referrer || joiner == Some(Joiner::Solicitor)
    }

    pub fn next(self, joiner: Option<Joiner>) -> Option<Self> {
        Self::ALL.into_iter().skip_while(|s| *s != self).skip(1).find(|s| s.applies(joiner))
    }

    /// Puts a page's posted fields into the second part, replacing that page's earlier answers.
    pub fn apply(self, answers: &mut JoinAnswers, fields: &super::wizard::Fields) {
        use super::wizard::{field, from_fields};
        match self {
            Self::Who => answers.joiner = field(fields, "joiner"),
            Self::Referrer => answers.referrer = from_fields(fields),
            Self::Parent => answers.parent = from_fields(fields),
            Self::Court => answers.court = from_fields(fields),
            Self::Safety => answers.safety = from_fields(fields),
            Self::Practical => answers.practical = from_fields(fields),
            Self::Consent => answers.consent = from_fields(fields),
        }
    }

    pub fn errors(self, answers: &JoinAnswers, today: Date) -> Vec<FieldError> {
        fn of<T>(r: Result<T, Vec<FieldError>>) -> Vec<FieldError> {
            r.err().unwrap_or_default()
        }
        match self {
            Self::Who => match Joiner::from_code(&answers.joiner) {
                Some(_) => Vec::new(),
                None => vec![FieldError::bilingual("join-who", &JoinError::JoinerMissing)],
            },
            Self::Referrer => of(answers.referrer.validate()),
            Self::Parent => answers.parent.field_errors("parent", today),
            Self::Court => of(answers.court.validate("court")),
            Self::Safety => of(answers.safety.validate("safety")),
            Self::Practical => of(answers.practical.validate(today)),
            Self::Consent => of(answers.consent.validate()),
        }
    }
}

impl JoinAnswers {
    pub fn check_size(&self) -> Result<(), JoinError> {
        let mut texts = vec![&self.joiner];
        texts.extend(self.referrer.texts());
        texts.extend(self.parent.texts());
        texts.extend(self.court.texts());
        texts.extend(self.safety.texts());
        texts.extend(self.practical.texts());
        texts.extend(self.consent.texts());
        if texts.iter().any(|t| t.chars().count() > super::draft::MAX_ANSWER_LEN) {
            return Err(JoinError::AnswerTooLong);
        }
        Ok(())
    }

    pub fn steps(&self) -> Vec<JoinStep> {
        let joiner = Joiner::from_code(&self.joiner);
        JoinStep::ALL.into_iter().filter(|s| s.applies(joiner)).collect()
    }
}

/// The second part, ready to add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidJoin {
    pub joiner: Joiner,
    pub referrer: Option<Professional>,
    pub parent: Adult,
    pub court: CourtAnswers,
    pub safety: SafetyPage,
    pub practical: PracticalNeeds,
    pub screening: Screening,
}

/// Checks the whole second part; the pages with problems, in order, if any.
pub fn validate_join(answers: &JoinAnswers, today: Date) -> Result<ValidJoin, Vec<(JoinStep, Vec<FieldError>)>> {
    let problems: Vec<(JoinStep, Vec<FieldError>)> =
        answers.steps().into_iter().map(|s| (s, s.errors(answers, today))).filter(|(_, e)| !e.is_empty()).collect();
    let fail = || problems.clone();
    if !problems.is_empty() {
        return Err(fail());
    }
    let joiner = Joiner::from_code(&answers.joiner).ok_or_else(fail)?;
    let referrer = match joiner {
        Joiner::Solicitor => Some(answers.referrer.validate().map_err(|_| fail())?),
        Joiner::Parent => None,
    };
    let court = answers.court.validate("court").map_err(|_| fail())?;
    let safety = answers.safety.validate("safety").map_err(|_| fail())?;
    Ok(ValidJoin {
        joiner,
        referrer,
        parent: answers.parent.validate(today).map_err(|_| fail())?,
        screening: Screening::of(&safety_answers(&court, &safety)),
        court,
        safety,
        practical: answers.practical.validate(today).map_err(|_| fail())?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referral::submission::tests::complete_draft;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);

    fn complete() -> JoinAnswers {
        let first = complete_draft();
        JoinAnswers {
            joiner: "parent".into(),
            parent: first.other_parent,
            court: first.court,
            safety: first.safety,
            practical: first.practical,
            consent: first.consent,
            ..Default::default()
        }
    }

    #[test]
    fn a_parent_joins_without_the_solicitor_page() {
        let answers = complete();
        assert_eq!(answers.steps().len(), 6);
        assert_eq!(validate_join(&answers, TODAY).unwrap().joiner, Joiner::Parent);
        assert_eq!(JoinStep::Who.next(Some(Joiner::Solicitor)), Some(JoinStep::Referrer));
        assert_eq!(JoinStep::Who.next(Some(Joiner::Parent)), Some(JoinStep::Parent));
    }

    #[test]
    fn a_solicitor_must_give_their_details_and_every_page_is_checked() {
        let mut answers = complete();
        answers.joiner = "solicitor".into();
        let problems = validate_join(&answers, TODAY).unwrap_err();
        assert_eq!(problems[0].0, JoinStep::Referrer);
        let empty = validate_join(&JoinAnswers::default(), TODAY).unwrap_err();
        let steps: Vec<JoinStep> = empty.iter().map(|(s, _)| *s).collect();
        assert_eq!(
            steps,
            [
                JoinStep::Who,
                JoinStep::Parent,
                JoinStep::Court,
                JoinStep::Safety,
                JoinStep::Practical,
                JoinStep::Consent
            ]
        );
    }

    #[test]
    fn oversized_parts_are_refused() {
        let mut answers = complete();
        answers.safety.other_details = "x".repeat(2001);
        assert_eq!(answers.check_size(), Err(JoinError::AnswerTooLong));
    }
}
