//! A subject access request: one parent's data from a referral, with everything protected for
//! the other party withheld: the other parent's address and contact details, and answers that are
//! theirs (their separate part, or the first part if they made it).

use super::{AdultForm, DraftAnswers, JoinAnswers, ReferrerKind};
use serde::{Deserialize, Serialize};

/// What stands in for a withheld answer.
pub const WITHHELD: &str = "[withheld: protected for the other party]";

/// Which parent is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Requester {
    /// The parent the children live with.
    ResidentParent,
    /// The parent the children do not live with.
    NonResidentParent,
}

impl Requester {
    pub fn code(self) -> &'static str {
        match self {
            Self::ResidentParent => "resident_parent",
            Self::NonResidentParent => "non_resident_parent",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::ResidentParent, Self::NonResidentParent].into_iter().find(|r| r.code() == code.trim())
    }

    fn as_referrer(self) -> ReferrerKind {
        match self {
            Self::ResidentParent => ReferrerKind::ResidentParent,
            Self::NonResidentParent => ReferrerKind::NonResidentParent,
        }
    }
}

/// One parent's data, ready to hand over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectAccessExport {
    pub requester: Requester,
    /// The children (their names and dates of birth are the requester's data too).
    pub children: Vec<super::ChildForm>,
    /// The requester's own details, in full.
    pub own_details: AdultForm,
    /// The other parent's details, with address and contact details withheld.
    pub other_parent: AdultForm,
    /// The first part's answers about court, safety, days and consent, if the requester made it.
    pub referral_answers: Option<DraftAnswers>,
    /// The requester's separate part, if they added one by invitation.
    pub own_part: Option<JoinAnswers>,
}

fn withhold(value: &str) -> String {
    if value.trim().is_empty() { String::new() } else { WITHHELD.to_owned() }
}

/// The other party's details with what is protected withheld (address, contact, access needs).
pub fn withhold_protected(adult: &AdultForm) -> AdultForm {
    AdultForm {
        contact_method: withhold(&adult.contact_method),
        phone: withhold(&adult.phone),
        email: withhold(&adult.email),
        messages_ok: withhold(&adult.messages_ok),
        address_line_1: withhold(&adult.address_line_1),
        address_line_2: withhold(&adult.address_line_2),
        town: withhold(&adult.town),
        postcode: withhold(&adult.postcode),
        access_needs: withhold(&adult.access_needs),
        ..adult.clone()
    }
}

/// The export for `requester` from a referral's first part and (if sent) the other part.
pub fn export_for(
    requester: Requester,
    answers: &DraftAnswers,
    other_part: Option<&JoinAnswers>,
) -> SubjectAccessExport {
    let (own, other) = match requester {
        Requester::ResidentParent => (&answers.resident_parent, &answers.other_parent),
        Requester::NonResidentParent => (&answers.other_parent, &answers.resident_parent),
    };
    let made_first_part = ReferrerKind::from_code(&answers.referrer_kind) == Some(requester.as_referrer());
    let referral_answers = made_first_part.then(|| DraftAnswers {
        referrer_kind: answers.referrer_kind.clone(),
        centre: answers.centre.clone(),
        service: answers.service.clone(),
        court: answers.court.clone(),
        safety: answers.safety.clone(),
        practical: answers.practical.clone(),
        consent: answers.consent.clone(),
        ..Default::default()
    });
    // The separate part is made by the parent who did not refer (or their solicitor).
    let own_part = match ReferrerKind::from_code(&answers.referrer_kind) {
        Some(kind) if kind.is_parent() && !made_first_part => other_part.cloned(),
        _ => None,
    };
    SubjectAccessExport {
        requester,
        children: answers.children.clone(),
        own_details: own.clone(),
        other_parent: withhold_protected(other),
        referral_answers,
        own_part,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> DraftAnswers {
        let mut a = DraftAnswers { referrer_kind: "resident_parent".into(), ..Default::default() };
        a.resident_parent.name = "Sam Jones".into();
        a.resident_parent.address_line_1 = "1 Safe Street".into();
        a.other_parent.name = "Alex Jones".into();
        a.other_parent.address_line_1 = "9 Other Road".into();
        a.other_parent.phone = "07700 900 982".into();
        a.safety.abuse_physical = "yes-physical-abuse-answer".into();
        a
    }

    #[test]
    fn the_other_parents_address_contact_and_answers_are_withheld() {
        let mut join = JoinAnswers::default();
        join.parent.address_line_1 = "9 Other Road".into();
        let sam = export_for(Requester::ResidentParent, &answers(), Some(&join));
        assert_eq!(sam.own_details.address_line_1, "1 Safe Street");
        assert_eq!(sam.other_parent.name, "Alex Jones");
        assert_eq!(sam.other_parent.address_line_1, WITHHELD);
        assert_eq!(sam.other_parent.phone, WITHHELD);
        assert!(sam.referral_answers.is_some(), "Sam made the referral: their answers are theirs");
        assert_eq!(sam.own_part, None, "the other parent's separate part is not Sam's");
        let text = serde_json::to_string(&sam).unwrap();
        assert!(!text.contains("9 Other Road") && !text.contains("07700"));

        let alex = export_for(Requester::NonResidentParent, &answers(), Some(&join));
        assert_eq!(alex.own_details.address_line_1, "9 Other Road");
        assert_eq!(alex.other_parent.address_line_1, WITHHELD);
        assert_eq!(alex.referral_answers, None, "the referrer's answers are theirs, not Alex's");
        assert!(alex.own_part.is_some());
        let text = serde_json::to_string(&alex).unwrap();
        assert!(!text.contains("1 Safe Street") && !text.contains("yes-physical-abuse-answer"));
    }
}
