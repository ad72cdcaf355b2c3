//! What a referrer is told (`PublicStatus`), from the case and the other party's part: the one
//! rule behind every stored status (`server/src/store/status.rs` writes it).

use super::case::CaseState;
use super::status::PublicStatus;

/// Where the other party's part stands, as far as the referrer's status goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherPart {
    NotAsked,
    /// The referrer has invited the other party, who has not added their part.
    Invited,
    Added,
}

/// What the referrer is told, from the case and the other party's part: the one rule behind
/// every stored status. A new referral whose referrer invited the other party waits for them;
/// a case a coordinator set to wait for them is with the centre again once their part is in.
pub fn referrer_status(case: &CaseState, other: OtherPart) -> PublicStatus {
    match (case, other) {
        (CaseState::Submitted, OtherPart::Invited) => PublicStatus::AwaitingOtherParent,
        (CaseState::AwaitingOtherParty, OtherPart::Added) => PublicStatus::SentToCentre,
        _ => case.public_status(),
    }
}

#[cfg(test)]
mod referrer_status_tests {
    use super::{CaseState, OtherPart, PublicStatus, referrer_status};

    #[test]
    fn the_other_partys_part_moves_what_the_referrer_is_told() {
        assert_eq!(referrer_status(&CaseState::Submitted, OtherPart::NotAsked), PublicStatus::SentToCentre);
        assert_eq!(referrer_status(&CaseState::Submitted, OtherPart::Invited), PublicStatus::AwaitingOtherParent);
        assert_eq!(referrer_status(&CaseState::Submitted, OtherPart::Added), PublicStatus::SentToCentre);
        assert_eq!(
            referrer_status(&CaseState::AwaitingOtherParty, OtherPart::Invited),
            PublicStatus::AwaitingOtherParent
        );
        assert_eq!(referrer_status(&CaseState::AwaitingOtherParty, OtherPart::Added), PublicStatus::SentToCentre);
        assert_eq!(referrer_status(&CaseState::Screening, OtherPart::Invited), PublicStatus::BeingConsidered);
    }
}
