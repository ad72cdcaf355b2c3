//! The wizard's forms, checked in the browser by the same shared rules the server applies.
//! One island for every wizard form, told which rule to run and with what it needs.

use crate::components::checked::checked_form;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::referral::{DraftAnswers, FieldError, Fields, JoinAnswers, JoinStep, Step};
use shared::{IsoDate, Locale, ServiceType};

/// Which of the wizard's rules a form is checked by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WizardRule {
    /// A question page: its answers, applied to the draft so far.
    Step { step: Step, answers: DraftAnswers, centre: Option<ServiceType>, today: IsoDate },
    /// "Continue" from the list of children: at least one, each complete.
    Children { answers: DraftAnswers, today: IsoDate },
    /// One child's details.
    Child { today: IsoDate },
    /// A page of the other party's part.
    Join { step: JoinStep, answers: JoinAnswers, today: IsoDate },
    /// The contact form (a public form like the wizard's, so it shares its island).
    Contact,
}

impl WizardRule {
    /// The problems with `fields` (a form's page answers), in the page's order.
    pub fn check(&self, fields: &Fields) -> Vec<FieldError> {
        match self {
            Self::Step { step, answers, centre, today } => {
                let mut draft = answers.clone();
                step.apply(&mut draft, fields);
                step.errors(&draft, *centre, today.date())
            }
            Self::Children { answers, today } => Step::Children.errors(answers, None, today.date()),
            Self::Child { today } => {
                let mut draft = DraftAnswers::default();
                draft.put_child(1, fields);
                draft.children.first().map(|c| c.field_errors(today.date())).unwrap_or_default()
            }
            Self::Join { step, answers, today } => {
                let mut part = answers.clone();
                step.apply(&mut part, fields);
                step.errors(&part, today.date())
            }
            Self::Contact => shared::contact::parse(fields).err().unwrap_or_default(),
        }
    }
}

/// An island around a wizard form: the error summary (`errors`, the server's, at first) and
/// the form, checked by `rule` before it is sent, its problems shown in `locale`. Lazy: its code
/// loads only on a wizard page.
#[island(lazy)]
pub fn WizardCheck(rule: WizardRule, errors: Vec<FieldError>, locale: Locale, children: Children) -> impl IntoView {
    checked_form(errors, locale, move |answers, _| rule.check(answers), children)
}
