//! How case values are written in storage, forms and addresses, and read back. Every list is
//! complete, so a value round-trips or is refused.

use super::case::{ActionKind, Attendance, CloseOutcome, DeclineReason, Party, Stage};

macro_rules! codes {
    ($t:ty, $($v:ident => $c:literal),+ $(,)?) => {
        impl $t {
            pub const ALL_CODED: &'static [$t] = &[$(<$t>::$v),+];

            pub fn code(self) -> &'static str {
                match self { $(<$t>::$v => $c),+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code.trim() { $($c => Some(<$t>::$v),)+ _ => None }
            }
        }
    };
}

codes!(Stage,
    Submitted => "submitted",
    AwaitingOtherParty => "awaiting_other_party",
    Screening => "screening",
    Accepted => "accepted",
    WaitingList => "waiting_list",
    PreVisits => "pre_visits",
    Active => "active",
    Review => "review",
    Declined => "declined",
    Redirected => "redirected",
    Closed => "closed",
);

codes!(ActionKind,
    AwaitOtherParty => "await_other_party",
    StartScreening => "start_screening",
    Accept => "accept",
    Decline => "decline",
    Redirect => "redirect",
    AddToWaitingList => "waiting_list",
    BookPreVisit => "book_pre_visit",
    StartContact => "start_contact",
    RecordSession => "record_session",
    StartReview => "start_review",
    ContinueAfterReview => "continue_after_review",
    Close => "close",
);

codes!(DeclineReason,
    NoCapacity => "no_capacity",
    OutsideArea => "outside_area",
    NotSafeAtThisCentre => "not_safe_here",
    InformationMissing => "information_missing",
    Other => "other",
);

codes!(CloseOutcome,
    MovedOn => "moved_on",
    NoShow => "no_show",
    Withdrawn => "withdrawn",
    Safeguarding => "safeguarding",
);

codes!(Attendance,
    Attended => "attended",
    NoShow => "no_show",
    Cancelled => "cancelled",
);

codes!(Party,
    Referrer => "referrer",
    OtherParty => "other_party",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_and_stages_are_all_coded() {
        for s in Stage::ALL {
            assert_eq!(Stage::from_code(s.code()), Some(s));
        }
        assert_eq!(Stage::ALL_CODED.len(), Stage::ALL.len());
        for a in ActionKind::ALL_CODED {
            assert_eq!(ActionKind::from_code(a.code()), Some(*a));
        }
        for r in DeclineReason::ALL_CODED {
            assert_eq!(DeclineReason::from_code(r.code()), Some(*r));
        }
        assert_eq!(CloseOutcome::from_code("nonsense"), None);
    }
}
