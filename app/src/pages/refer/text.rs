//! The wizard's words for coded answers, used by its question pages and by check your answers
//! alike, so the two always agree.

use shared::Locale;
use shared::referral::join::JoinStep;
use shared::referral::{ContactService, Joiner, ReferrerKind, Step, StepStatus};

pub fn referrer_kind(kind: ReferrerKind, l: Locale) -> &'static str {
    match kind {
        ReferrerKind::ResidentParent => {
            l.pick("A parent the children live with", "Rhiant y mae'r plant yn byw gydag ef neu hi")
        }
        ReferrerKind::NonResidentParent => {
            l.pick("A parent the children do not live with", "Rhiant nad yw'r plant yn byw gydag ef neu hi")
        }
        ReferrerKind::Solicitor => l.pick("A solicitor", "Cyfreithiwr"),
        ReferrerKind::Cafcass => "Cafcass",
        ReferrerKind::CafcassCymru => "Cafcass Cymru",
        ReferrerKind::Court => l.pick("A court", "Llys"),
        ReferrerKind::LocalAuthority => l.pick("A local authority", "Awdurdod lleol"),
        ReferrerKind::Mediator => l.pick("A mediator", "Cyfryngwr"),
        ReferrerKind::OtherCentre => l.pick("Another child contact centre", "Canolfan cyswllt plant arall"),
    }
}

pub fn service(service: ContactService, l: Locale) -> (&'static str, &'static str) {
    match (service, l) {
        (ContactService::Supported, Locale::English) => (
            "Supported contact",
            "Children spend time with their parent in a room shared with other families; staff and volunteers keep a watchful eye.",
        ),
        (ContactService::Supported, Locale::Welsh) => (
            "Cyswllt gyda chymorth",
            "Mae'r plant yn treulio amser gyda'u rhiant mewn ystafell a rennir â theuluoedd eraill; mae staff a gwirfoddolwyr yn cadw llygad gofalus.",
        ),
        (ContactService::Supervised, Locale::English) => (
            "Supervised contact",
            "One-to-one, always in sight and hearing of a trained worker, who writes a report. For children who need a safe setting.",
        ),
        (ContactService::Supervised, Locale::Welsh) => (
            "Cyswllt dan oruchwyliaeth",
            "Un i un, bob amser yng ngolwg a chlyw gweithiwr hyfforddedig, sy'n ysgrifennu adroddiad. Ar gyfer plant sydd angen lle diogel.",
        ),
        (ContactService::Handover, Locale::English) => (
            "Handover only",
            "The centre is the place where the children pass from one parent to the other, so the parents need not meet.",
        ),
        (ContactService::Handover, Locale::Welsh) => (
            "Trosglwyddo yn unig",
            "Y ganolfan yw'r lle mae'r plant yn mynd o un rhiant i'r llall, fel nad oes rhaid i'r rhieni gyfarfod.",
        ),
    }
}

pub fn joiner(joiner: Joiner, l: Locale) -> &'static str {
    match joiner {
        Joiner::Parent => l.pick("I am the parent", "Fi yw'r rhiant"),
        Joiner::Solicitor => l.pick("I am the parent's solicitor", "Fi yw cyfreithiwr y rhiant"),
    }
}

/// yes / no / dont_know as words.
pub fn answer(code: &str, l: Locale) -> &'static str {
    match code.trim() {
        "yes" => l.pick("Yes", "Ie"),
        "no" => l.pick("No", "Na"),
        "dont_know" => l.pick("I don't know", "Dydw i ddim yn gwybod"),
        _ => l.pick("Not answered", "Heb ei ateb"),
    }
}

/// The choices of a yes-or-no question: (code, words).
pub fn yes_no(l: Locale) -> [(&'static str, &'static str); 2] {
    ["yes", "no"].map(|code| (code, answer(code, l)))
}

/// A yes-or-no question that also lets people say they do not know.
pub fn yes_no_unsure(l: Locale) -> [(&'static str, &'static str); 3] {
    ["yes", "no", "dont_know"].map(|code| (code, answer(code, l)))
}

pub fn step_title(step: Step, l: Locale) -> &'static str {
    match step {
        Step::Who => l.pick("Who is making this referral?", "Pwy sy'n gwneud yr atgyfeiriad hwn?"),
        Step::Referrer => l.pick("Your details", "Eich manylion"),
        Step::Service => l.pick("The centre and the kind of contact", "Y ganolfan a'r math o gyswllt"),
        Step::Children => l.pick("The children", "Y plant"),
        Step::ResidentParent => {
            l.pick("The parent the children live with", "Y rhiant y mae'r plant yn byw gydag ef neu hi")
        }
        Step::OtherParent => {
            l.pick("The parent the children do not live with", "Y rhiant nad yw'r plant yn byw gydag ef neu hi")
        }
        Step::Others => l.pick("Other people who will come to the centre", "Pobl eraill a fydd yn dod i'r ganolfan"),
        Step::Court => l.pick("Court proceedings and orders", "Achosion llys a gorchmynion"),
        Step::Safety => l.pick("Safety", "Diogelwch"),
        Step::Practical => l.pick("Days and dates", "Diwrnodau a dyddiadau"),
        Step::Consent => l.pick("Before you send", "Cyn i chi anfon"),
    }
}

pub fn join_step_title(step: JoinStep, l: Locale) -> &'static str {
    match step {
        JoinStep::Who => l.pick("Who is adding this part?", "Pwy sy'n ychwanegu'r rhan hon?"),
        JoinStep::Referrer => l.pick("Your details", "Eich manylion"),
        JoinStep::Parent => l.pick("About the parent", "Am y rhiant"),
        JoinStep::Court => l.pick("Court proceedings and orders", "Achosion llys a gorchmynion"),
        JoinStep::Safety => l.pick("Safety", "Diogelwch"),
        JoinStep::Practical => l.pick("Days and dates", "Diwrnodau a dyddiadau"),
        JoinStep::Consent => l.pick("Before you send", "Cyn i chi anfon"),
    }
}

pub fn status(status: StepStatus, l: Locale) -> (&'static str, &'static str) {
    match status {
        StepStatus::NotStarted => (l.pick("Not yet started", "Heb ddechrau eto"), "tag tag--grey"),
        StepStatus::InProgress => (l.pick("In progress", "Ar waith"), "tag tag--blue"),
        StepStatus::Completed => (l.pick("Completed", "Wedi'i gwblhau"), "tag tag--green"),
    }
}

/// Why screening asks for supervised contact, in the referrer's terms (their own answers).
pub fn reason(reason: shared::referral::ScreeningReason, l: Locale) -> &'static str {
    use shared::referral::ScreeningReason::*;
    match reason {
        ChildOffenceConviction => l.pick(
            "an adult has, or may have, a conviction for an offence against a child",
            "mae gan oedolyn, neu efallai fod gan oedolyn, euogfarn am drosedd yn erbyn plentyn",
        ),
        AbuseOfChildren => l.pick("there has been abuse of the children", "mae'r plant wedi cael eu cam-drin"),
        SexualAbuse => l.pick("there has been sexual abuse", "bu cam-drin rhywiol"),
        AbductionRisk => l.pick(
            "the children could be taken out of the country or hidden",
            "gallai'r plant gael eu cymryd allan o'r wlad neu eu cuddio",
        ),
        ProtectiveOrderWithoutArrangements => l.pick(
            "a non-molestation or occupation order is in force without a court order saying how contact can happen",
            "mae gorchymyn rhag molestu neu orchymyn anheddu mewn grym heb orchymyn llys sy'n dweud sut y gall cyswllt ddigwydd",
        ),
        DomesticAbuse => l.pick("there has been abuse between the adults", "bu cam-drin rhwng yr oedolion"),
        DrugsOrAlcohol => l.pick("drug or alcohol use is a concern", "mae defnyddio cyffuriau neu alcohol yn bryder"),
        MentalHealth => l.pick("mental health is a concern", "mae iechyd meddwl yn bryder"),
        SocialServices => l.pick(
            "children's social services are, or may be, involved",
            "mae gwasanaethau cymdeithasol plant yn rhan o bethau, neu efallai eu bod",
        ),
        OtherConcerns => l.pick(
            "you have other concerns about the children's safety",
            "mae gennych bryderon eraill am ddiogelwch y plant",
        ),
    }
}
