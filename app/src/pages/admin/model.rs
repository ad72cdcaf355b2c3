//! What the administration pages show, as it crosses the wire (never a secret or a hash).

use serde::{Deserialize, Serialize};
use shared::account::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountState {
    /// Invited; no password chosen yet.
    Invited,
    Active,
    Disabled,
}

impl AccountState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Invited => "Invited",
            Self::Active => "Active",
            Self::Disabled => "Disabled",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The centre's slug, for centre roles.
    pub centre: Option<String>,
    pub state: AccountState,
    pub has_authenticator: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i64,
    /// UTC, `2026-11-23 09:41:07`.
    pub at: String,
    pub actor: String,
    pub action: String,
    pub object: Option<String>,
    pub outcome: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i64,
    pub at: String,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub sent: bool,
}

/// A centre to choose on the role form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentreChoice {
    pub slug: String,
    pub name: String,
}
