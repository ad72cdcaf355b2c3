//! What crosses the wire for the contact form and NACCC's list of messages.

use serde::{Deserialize, Serialize};
use shared::referral::FieldError;

/// What became of a message sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Received {
    /// Kept (or kept before, by this same form).
    Received,
    /// Not kept: its problems, each beside its field.
    Refused(Vec<FieldError>),
    /// Not kept: this address has sent as many as it may for now.
    TooMany,
}

/// One message as NACCC's administrators read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactLine {
    pub id: i64,
    /// UK date and time in words.
    pub received: String,
    pub name: String,
    pub reply: String,
    pub message: String,
    /// "Handled on … by …", if it has been.
    pub handled: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactInbox {
    pub messages: Vec<ContactLine>,
    /// How long a handled message is kept, in words.
    pub kept: String,
}
