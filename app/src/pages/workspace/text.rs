//! Words for the case workflow's coded values, as centre staff read them.

use shared::referral::case::{ActionKind, Attendance, CloseOutcome, DeclineReason, Party, Stage};
use shared::referral::inbox::Flag;
use shared::referral::{ContactService, Light};

pub fn stage(s: Stage) -> &'static str {
    match s {
        Stage::Submitted => "New",
        Stage::AwaitingOtherParty => "Awaiting other parent",
        Stage::Screening => "Screening",
        Stage::Accepted => "Accepted",
        Stage::WaitingList => "Waiting list",
        Stage::PreVisits => "Pre-visits",
        Stage::Active => "Contact under way",
        Stage::Review => "Review",
        Stage::Declined => "Declined",
        Stage::Redirected => "Referred to supervised",
        Stage::Closed => "Closed",
    }
}

pub fn action(a: ActionKind) -> &'static str {
    match a {
        ActionKind::AwaitOtherParty => "Wait for the other parent's part",
        ActionKind::StartScreening => "Start screening",
        ActionKind::Accept => "Accept",
        ActionKind::Decline => "Decline",
        ActionKind::Redirect => "Refer on for supervised contact",
        ActionKind::AddToWaitingList => "Add to the waiting list",
        ActionKind::BookPreVisit => "Book a pre-visit",
        ActionKind::StartContact => "Start contact",
        ActionKind::RecordSession => "Record a session",
        ActionKind::StartReview => "Start the review",
        ActionKind::ContinueAfterReview => "Continue contact after the review",
        ActionKind::Close => "Close the case",
    }
}

/// What an action is called in the history.
pub fn action_code(code: &str) -> &'static str {
    ActionKind::from_code(code).map_or("Changed", action)
}

/// What the history says about a change beside its action ("No capacity", "the other parent,
/// 3 December 2026"), from the codes the history keeps. Nothing for a detail it cannot read.
pub fn history_detail(action: &str, detail: &str) -> String {
    let date = |raw: &str| shared::IsoDate::parse(raw).map(|d| d.words()).ok();
    let words = match ActionKind::from_code(action) {
        Some(ActionKind::Decline) => DeclineReason::from_code(detail).map(|r| decline_reason(r).to_owned()),
        Some(ActionKind::Close) => CloseOutcome::from_code(detail).map(|o| outcome(o).to_owned()),
        Some(ActionKind::BookPreVisit) => detail
            .split_once(' ')
            .and_then(|(who, on)| Some(format!("{}, {}", party(Party::from_code(who)?).to_lowercase(), date(on)?))),
        Some(ActionKind::StartContact) => date(detail).map(|on| format!("first session {on}")),
        Some(ActionKind::RecordSession) => detail.split_once(' ').and_then(|(on, how)| {
            Some(format!("{}: {}", date(on)?, attendance(Attendance::from_code(how)?).to_lowercase()))
        }),
        _ => None,
    };
    words.unwrap_or_default()
}

pub fn stage_code(code: &str) -> &'static str {
    Stage::from_code(code).map_or("", stage)
}

pub fn decline_reason(r: DeclineReason) -> &'static str {
    match r {
        DeclineReason::NoCapacity => "No capacity",
        DeclineReason::OutsideArea => "Outside the centre's area",
        DeclineReason::NotSafeAtThisCentre => "Not safe at this centre",
        DeclineReason::InformationMissing => "Information missing",
        DeclineReason::Other => "Another reason",
    }
}

pub fn outcome(o: CloseOutcome) -> &'static str {
    match o {
        CloseOutcome::MovedOn => "Moved on (contact continues elsewhere or between the parents)",
        CloseOutcome::NoShow => "Did not attend",
        CloseOutcome::Withdrawn => "Withdrawn",
        CloseOutcome::Safeguarding => "Ended for a safeguarding reason",
    }
}

pub fn attendance(a: Attendance) -> &'static str {
    match a {
        Attendance::Attended => "Attended",
        Attendance::NoShow => "Did not attend",
        Attendance::Cancelled => "Cancelled",
    }
}

pub fn party(p: Party) -> &'static str {
    match p {
        Party::Referrer => "The referring parent",
        Party::OtherParty => "The other parent",
    }
}

pub fn light(l: Light) -> &'static str {
    match l {
        Light::Green => "Green: supported contact suits",
        Light::Amber => "Amber: check before going ahead",
        Light::Red => "Red: supervised contact needed",
    }
}

pub fn service(s: ContactService) -> &'static str {
    match s {
        ContactService::Supported => "Supported",
        ContactService::Supervised => "Supervised",
        ContactService::Handover => "Handover",
    }
}

pub fn flag(f: Flag) -> &'static str {
    match f {
        Flag::FirstResponseOverdue => "No first response in 5 working days",
        Flag::ReviewDue => "Review due",
    }
}

/// Acting on a case from a page that was out of date.
pub const CONFLICT: &str = "Someone else changed this referral just now. Check it again below, then try again.";

#[cfg(test)]
mod tests {
    use super::history_detail;

    #[test]
    fn history_details_are_words_not_codes() {
        assert_eq!(history_detail("decline", "no_capacity"), "No capacity");
        assert_eq!(history_detail("book_pre_visit", "referrer 2026-12-01"), "the referring parent, 1 December 2026");
        assert_eq!(history_detail("start_contact", "2026-12-05"), "first session 5 December 2026");
        assert_eq!(history_detail("record_session", "2026-12-12 no_show"), "12 December 2026: did not attend");
        assert_eq!(history_detail("close", "moved_on").split(' ').next(), Some("Moved"));
        assert_eq!(history_detail("accept", ""), "");
        assert_eq!(history_detail("decline", "something_new"), "", "an unknown code shows nothing, never the code");
    }
}
