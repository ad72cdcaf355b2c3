//! What every part of a referral's answers shares: the limits on what may be typed, and the
//! problems an answer can have (the adult's own among them). Apart from the parts themselves,
//! so that each part and the draft that holds them depend on it and not on each other.

use super::people::PersonError;
use serde::{Deserialize, Serialize};

/// Longest text a single answer may hold; more is refused before it is stored.
pub const MAX_ANSWER_LEN: usize = 2_000;
/// Most children one referral may name.
pub const MAX_CHILDREN: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DraftError {
    #[error("{0}")]
    Person(#[from] PersonError),
    #[error("the answer must be {MAX_ANSWER_LEN} characters or fewer")]
    AnswerTooLong,
    #[error("a referral can name at most {MAX_CHILDREN} children")]
    TooManyChildren,
    #[error("add at least one child")]
    NoChildren,
    #[error("{0}")]
    Adult(#[from] AdultError),
}

/// Errors specific to an adult's part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AdultError {
    #[error("choose how we can contact them safely")]
    ContactMethodMissing,
    #[error("say whether we may leave a message on this phone")]
    MessagesOkMissing,
    #[error("enter the first line of the address and the town or city")]
    AddressIncomplete,
    #[error("enter a real postcode, like NG1 5FW")]
    PostcodeInvalid,
    #[error("we need an address to contact them by post")]
    AddressNeededForPost,
    #[error("say whether they have parental responsibility")]
    ParentalResponsibilityMissing,
}
