//! The Safe Referral wizard's pages: their order, their addresses, which apply to whom, and whether
//! each is done. One topic per page; the task list groups them.

use super::adult::ReferrerKind;
use super::draft::DraftAnswers;
use super::field::FieldError;
use super::practical::{ContactService, PracticalError};
use crate::ServiceType;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;

/// A page's answers as posted: input name → text. Unknown names are ignored.
pub type Fields = BTreeMap<String, String>;

/// Reads one page's form from its fields; anything missing is empty (an unticked checkbox).
pub(crate) fn from_fields<T: DeserializeOwned + Default>(fields: &Fields) -> T {
    use serde::de::{IntoDeserializer, value::MapDeserializer};
    let pairs = fields.iter().map(|(k, v)| (k.as_str().into_deserializer(), v.as_str().into_deserializer()));
    T::deserialize(MapDeserializer::<_, serde::de::value::Error>::new(pairs)).unwrap_or_default()
}

pub(crate) fn field(fields: &Fields, name: &str) -> String {
    fields.get(name).cloned().unwrap_or_default()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Step {
    Who,
    Referrer,
    Service,
    Children,
    ResidentParent,
    OtherParent,
    Others,
    Court,
    Safety,
    Practical,
    Consent,
}

/// How far a page has got, as the task list says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepStatus {
    NotStarted,
    InProgress,
    Completed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum WizardError {
    #[error("choose who is making the referral")]
    WhoMissing,
    #[error("choose a centre first")]
    CentreMissing,
    #[error("this centre does not offer that kind of contact: choose another kind, or another centre")]
    ServiceNotOffered,
    #[error("add at least one child")]
    NoChildren,
}

impl Step {
    pub const ALL: [Self; 11] = [
        Self::Who,
        Self::Referrer,
        Self::Service,
        Self::Children,
        Self::ResidentParent,
        Self::OtherParent,
        Self::Others,
        Self::Court,
        Self::Safety,
        Self::Practical,
        Self::Consent,
    ];

    /// The page's address under `/refer/`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Who => "who",
            Self::Referrer => "your-details",
            Self::Service => "service",
            Self::Children => "children",
            Self::ResidentParent => "resident-parent",
            Self::OtherParent => "other-parent",
            Self::Others => "other-people",
            Self::Court => "court",
            Self::Safety => "safety",
            Self::Practical => "practical",
            Self::Consent => "consent",
        }
    }

    pub fn path(self) -> String {
        format!("/refer/{}", self.slug())
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Whether this page is asked of this referrer (a parent gives their details on their own
    /// adult page, so "your details" is for professionals only).
    pub fn applies(self, kind: Option<ReferrerKind>) -> bool {
        match self {
            Self::Referrer => kind.is_some_and(|k| !k.is_parent()),
            _ => true,
        }
    }

    /// The page after this one for this referrer, or `None` after the last (check your answers).
    pub fn next(self, kind: Option<ReferrerKind>) -> Option<Self> {
        Self::ALL.into_iter().skip_while(|s| *s != self).skip(1).find(|s| s.applies(kind))
    }

    /// Puts a page's posted fields into the draft, replacing that page's earlier answers. (The
    /// children have a page each; see [`DraftAnswers::put_child`].)
    pub fn apply(self, draft: &mut DraftAnswers, fields: &Fields) {
        match self {
            Self::Who => draft.referrer_kind = field(fields, "kind"),
            Self::Referrer => draft.referrer = from_fields(fields),
            Self::Service => draft.service = field(fields, "kind"),
            Self::Children => {}
            Self::ResidentParent => draft.resident_parent = from_fields(fields),
            Self::OtherParent => draft.other_parent = from_fields(fields),
            Self::Others => draft.others = from_fields(fields),
            Self::Court => draft.court = from_fields(fields),
            Self::Safety => draft.safety = from_fields(fields),
            Self::Practical => draft.practical = from_fields(fields),
            Self::Consent => draft.consent = from_fields(fields),
        }
    }

    /// The problems on this page of the draft; `centre` is what the chosen centre offers.
    pub fn errors(self, draft: &DraftAnswers, centre: Option<ServiceType>, today: Date) -> Vec<FieldError> {
        fn of<T>(r: Result<T, Vec<FieldError>>) -> Vec<FieldError> {
            r.err().unwrap_or_default()
        }
        match self {
            Self::Who => match ReferrerKind::from_code(&draft.referrer_kind) {
                Some(_) => Vec::new(),
                None => vec![FieldError::bilingual("who-kind", &WizardError::WhoMissing)],
            },
            Self::Referrer => of(draft.referrer.validate()),
            Self::Service => service_errors(draft, centre),
            Self::Children => {
                if draft.children.is_empty() {
                    return vec![FieldError::bilingual("add-child", &WizardError::NoChildren)];
                }
                // Each child has its own page; the summary links to the first with a problem.
                draft
                    .children
                    .iter()
                    .enumerate()
                    .flat_map(|(i, c)| {
                        c.field_errors(today).into_iter().map(move |e| FieldError {
                            field: format!("child-{}", i + 1),
                            ..e.titled(&format!("Child {}", i + 1), &format!("Plentyn {}", i + 1))
                        })
                    })
                    .collect()
            }
            Self::ResidentParent => draft.resident_parent.field_errors("resident", today),
            Self::OtherParent => draft.other_parent.field_errors("other", today),
            Self::Others => of(draft.others.validate()),
            Self::Court => of(draft.court.validate("court")),
            Self::Safety => of(draft.safety.validate("safety")),
            Self::Practical => of(draft.practical.validate(today)),
            Self::Consent => of(draft.consent.validate()),
        }
    }

    /// Whether anything has been typed on this page yet.
    pub fn started(self, draft: &DraftAnswers) -> bool {
        let any = |texts: Vec<&String>| texts.iter().any(|t| !t.trim().is_empty());
        match self {
            Self::Who => !draft.referrer_kind.trim().is_empty(),
            Self::Referrer => any(draft.referrer.texts()),
            Self::Service => !draft.service.trim().is_empty(),
            Self::Children => !draft.children.is_empty(),
            Self::ResidentParent => any(draft.resident_parent.texts()),
            Self::OtherParent => any(draft.other_parent.texts()),
            Self::Others => any(draft.others.texts()),
            Self::Court => any(draft.court.texts()),
            Self::Safety => any(draft.safety.texts()),
            Self::Practical => any(draft.practical.texts()),
            Self::Consent => any(draft.consent.texts()),
        }
    }

    pub fn status(self, draft: &DraftAnswers, centre: Option<ServiceType>, today: Date) -> StepStatus {
        if !self.started(draft) {
            StepStatus::NotStarted
        } else if self.errors(draft, centre, today).is_empty() {
            StepStatus::Completed
        } else {
            StepStatus::InProgress
        }
    }
}

fn service_errors(draft: &DraftAnswers, centre: Option<ServiceType>) -> Vec<FieldError> {
    let Some(centre) = centre else {
        return vec![FieldError::bilingual("service-centre", &WizardError::CentreMissing)];
    };
    match ContactService::from_code(&draft.service) {
        None => vec![FieldError::bilingual("service-kind", &PracticalError::ServiceMissing)],
        Some(s) if !s.offered_by(centre) => {
            vec![FieldError::bilingual("service-kind", &WizardError::ServiceNotOffered)]
        }
        Some(_) => Vec::new(),
    }
}

/// The pages that apply to this draft's referrer, in order.
pub fn steps_for(draft: &DraftAnswers) -> Vec<Step> {
    let kind = ReferrerKind::from_code(&draft.referrer_kind);
    Step::ALL.into_iter().filter(|s| s.applies(kind)).collect()
}

impl DraftAnswers {
    /// Sets child `number` (1-based) from its page's fields, or adds a child after the last when
    /// `number` is one more than the count. `None` if `number` is out of range or the list is full.
    pub fn put_child(&mut self, number: usize, fields: &Fields) -> Option<usize> {
        // The id is the draft's to give, never the form's.
        let typed: Fields =
            fields.iter().filter(|(k, _)| k.as_str() != "id").map(|(k, v)| (k.clone(), v.clone())).collect();
        let mut child: super::ChildForm = from_fields(&typed);
        self.name_children();
        match number {
            n if n >= 1 && n <= self.children.len() => {
                child.id = self.children[n - 1].id;
                self.children[n - 1] = child;
                Some(n)
            }
            n if n == self.children.len() + 1 && n <= super::draft::MAX_CHILDREN => {
                child.id = self.next_child_id();
                self.children.push(child);
                Some(n)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn posted_fields_replace_a_pages_answers() {
        let mut draft = DraftAnswers::default();
        Step::Court.apply(&mut draft, &fields(&[("proceedings", "yes"), ("order_occupation", "yes"), ("junk", "x")]));
        assert_eq!((draft.court.proceedings.as_str(), draft.court.order_occupation.as_str()), ("yes", "yes"));
        // Unticking a box posts nothing for it: the page's answers are replaced, so it is cleared.
        Step::Court.apply(&mut draft, &fields(&[("proceedings", "yes")]));
        assert_eq!(draft.court.order_occupation, "");
        Step::Who.apply(&mut draft, &fields(&[("kind", "solicitor")]));
        assert_eq!(draft.referrer_kind, "solicitor");
    }

    #[test]
    fn children_are_put_one_page_at_a_time() {
        let mut draft = DraftAnswers::default();
        assert_eq!(draft.put_child(2, &fields(&[("name", "Amelia")])), None);
        assert_eq!(draft.put_child(1, &fields(&[("name", "Amelia")])), Some(1));
        assert_eq!(draft.put_child(2, &fields(&[("name", "Ben")])), Some(2));
        assert_eq!(draft.put_child(1, &fields(&[("name", "Amelia Jones")])), Some(1));
        assert_eq!(draft.children.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Amelia Jones", "Ben"]);
        draft.children = vec![Default::default(); 12];
        assert_eq!(draft.put_child(13, &fields(&[])), None);
    }

    const TODAY: Date = date!(2026 - 11 - 23);

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for s in Step::ALL {
            assert_eq!(Step::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Step::from_slug("check"), None);
    }

    #[test]
    fn parents_skip_the_professional_page() {
        let parent = Some(ReferrerKind::ResidentParent);
        let solicitor = Some(ReferrerKind::Solicitor);
        assert_eq!(Step::Who.next(parent), Some(Step::Service));
        assert_eq!(Step::Who.next(solicitor), Some(Step::Referrer));
        assert_eq!(Step::Consent.next(parent), None);
        let draft = DraftAnswers { referrer_kind: "cafcass".into(), ..Default::default() };
        assert_eq!(steps_for(&draft).len(), 11);
        let draft = DraftAnswers { referrer_kind: "non_resident_parent".into(), ..Default::default() };
        assert!(!steps_for(&draft).contains(&Step::Referrer));
    }

    #[test]
    fn the_service_must_be_one_the_centre_offers() {
        let mut draft = DraftAnswers { service: "supervised".into(), ..Default::default() };
        assert_eq!(Step::Service.errors(&draft, None, TODAY)[0].field, "service-centre");
        let errors = Step::Service.errors(&draft, Some(ServiceType::Supported), TODAY);
        assert_eq!(errors, vec![FieldError::bilingual("service-kind", &WizardError::ServiceNotOffered)]);
        assert!(Step::Service.errors(&draft, Some(ServiceType::SupportedAndSupervised), TODAY).is_empty());
        draft.service.clear();
        assert_eq!(Step::Service.status(&draft, Some(ServiceType::Supported), TODAY), StepStatus::NotStarted);
    }

    #[test]
    fn statuses_follow_what_was_typed() {
        let mut draft = DraftAnswers::default();
        assert_eq!(Step::Who.status(&draft, None, TODAY), StepStatus::NotStarted);
        draft.referrer_kind = "grandparent".into();
        assert_eq!(Step::Who.status(&draft, None, TODAY), StepStatus::InProgress);
        draft.referrer_kind = "resident_parent".into();
        assert_eq!(Step::Who.status(&draft, None, TODAY), StepStatus::Completed);
        draft.children.push(Default::default());
        let errors = Step::Children.errors(&draft, None, TODAY);
        assert_eq!(errors[0].field, "child-1");
        assert!(errors[0].message.starts_with("Child 1: Enter the full name"));
    }
}
