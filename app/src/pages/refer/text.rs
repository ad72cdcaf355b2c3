//! The wizard's words for coded answers, used by its question pages and by check your answers
//! alike, so the two always agree.

use shared::referral::join::JoinStep;
use shared::referral::{ContactService, Joiner, ReferrerKind, Step, StepStatus};

pub fn referrer_kind(kind: ReferrerKind) -> &'static str {
    match kind {
        ReferrerKind::ResidentParent => "A parent the children live with",
        ReferrerKind::NonResidentParent => "A parent the children do not live with",
        ReferrerKind::Solicitor => "A solicitor",
        ReferrerKind::Cafcass => "Cafcass",
        ReferrerKind::CafcassCymru => "Cafcass Cymru",
        ReferrerKind::Court => "A court",
        ReferrerKind::LocalAuthority => "A local authority",
        ReferrerKind::Mediator => "A mediator",
        ReferrerKind::OtherCentre => "Another child contact centre",
    }
}

pub fn service(service: ContactService) -> (&'static str, &'static str) {
    match service {
        ContactService::Supported => (
            "Supported contact",
            "Children spend time with their parent in a room shared with other families; staff and volunteers keep a watchful eye.",
        ),
        ContactService::Supervised => (
            "Supervised contact",
            "One-to-one, always in sight and hearing of a trained worker, who writes a report. For children who need a safe setting.",
        ),
        ContactService::Handover => (
            "Handover only",
            "The centre is the place where the children pass from one parent to the other, so the parents need not meet.",
        ),
    }
}

pub fn joiner(joiner: Joiner) -> &'static str {
    match joiner {
        Joiner::Parent => "I am the parent",
        Joiner::Solicitor => "I am the parent's solicitor",
    }
}

/// yes / no / dont_know as words.
pub fn answer(code: &str) -> &'static str {
    match code.trim() {
        "yes" => "Yes",
        "no" => "No",
        "dont_know" => "I don't know",
        _ => "Not answered",
    }
}

pub const YES_NO: [(&str, &str); 2] = [("yes", "Yes"), ("no", "No")];
pub const YES_NO_UNSURE: [(&str, &str); 3] = [("yes", "Yes"), ("no", "No"), ("dont_know", "I don't know")];

pub fn step_title(step: Step) -> &'static str {
    match step {
        Step::Who => "Who is making this referral?",
        Step::Referrer => "Your details",
        Step::Service => "The centre and the kind of contact",
        Step::Children => "The children",
        Step::ResidentParent => "The parent the children live with",
        Step::OtherParent => "The parent the children do not live with",
        Step::Others => "Other people who will come to the centre",
        Step::Court => "Court proceedings and orders",
        Step::Safety => "Safety",
        Step::Practical => "Days and dates",
        Step::Consent => "Before you send",
    }
}

pub fn join_step_title(step: JoinStep) -> &'static str {
    match step {
        JoinStep::Who => "Who is adding this part?",
        JoinStep::Referrer => "Your details",
        JoinStep::Parent => "About the parent",
        JoinStep::Court => "Court proceedings and orders",
        JoinStep::Safety => "Safety",
        JoinStep::Practical => "Days and dates",
        JoinStep::Consent => "Before you send",
    }
}

pub fn status(status: StepStatus) -> (&'static str, &'static str) {
    match status {
        StepStatus::NotStarted => ("Not yet started", "tag tag--grey"),
        StepStatus::InProgress => ("In progress", "tag tag--blue"),
        StepStatus::Completed => ("Completed", "tag tag--green"),
    }
}

/// Why screening asks for supervised contact, in the referrer's terms (their own answers).
pub fn reason(reason: shared::referral::ScreeningReason) -> &'static str {
    use shared::referral::ScreeningReason::*;
    match reason {
        ChildOffenceConviction => "an adult has, or may have, a conviction for an offence against a child",
        AbuseOfChildren => "there has been abuse of the children",
        SexualAbuse => "there has been sexual abuse",
        AbductionRisk => "the children could be taken out of the country or hidden",
        ProtectiveOrderWithoutArrangements => {
            "a non-molestation or occupation order is in force without a court order saying how contact can happen"
        }
        DomesticAbuse => "there has been abuse between the adults",
        DrugsOrAlcohol => "drug or alcohol use is a concern",
        MentalHealth => "mental health is a concern",
        SocialServices => "children's social services are, or may be, involved",
        OtherConcerns => "you have other concerns about the children's safety",
    }
}
