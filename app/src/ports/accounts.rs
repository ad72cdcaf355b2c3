//! Staff accounts: sign-in and who is signed in, emailed links, and NACCC's administration of
//! accounts, the audit log and the outbox.

use super::{CodeCheck, PortError, StaffUser};
use async_trait::async_trait;

/// What a right or wrong password leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInOutcome {
    NeedsCode(i64),
    NeedsEnrolment(i64),
    /// Wrong email or password (or a disabled account): one answer for all.
    Refused,
    Locked,
}

/// Setting up an authenticator: what to type or scan.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Enrolment {
    pub secret_base32: String,
    pub qr_svg: String,
}

/// Staff sign-in and who is signed in. Secrets pending between two pages travel sealed.
#[async_trait]
pub trait Accounts: Send + Sync + 'static {
    async fn sign_in(
        &self,
        email: &str,
        password: &shared::account::Password,
        address: &str,
    ) -> Result<SignInOutcome, PortError>;
    /// The user if they may act for a session signed in at `signed_in_at` (not disabled, not ended).
    async fn active_user(&self, id: i64, signed_in_at: i64) -> Result<Option<StaffUser>, PortError>;
    /// An authenticator code or, failing that, a recovery code; each works once.
    async fn second_factor(&self, user: &StaffUser, code: &str) -> Result<CodeCheck<()>, PortError>;
    /// A new authenticator secret, sealed for keeping in the session until it is confirmed.
    fn new_enrolment(&self, user: &StaffUser) -> Result<(String, Enrolment), PortError>;
    /// What the sealed pending secret shows (on a reload of the enrolment page).
    fn show_enrolment(&self, user: &StaffUser, sealed: &str) -> Result<Enrolment, PortError>;
    /// Confirms the pending secret with a code; new recovery codes to show once, or `None`.
    async fn enrol(&self, user: &StaffUser, sealed: &str, code: &str) -> Result<Option<Vec<String>>, PortError>;
    /// Emails a single-use password-reset link if `email` has an active account; the same quiet
    /// answer either way.
    async fn request_password_reset(&self, email: &shared::referral::EmailAddress) -> Result<(), PortError>;
    /// What an emailed link's token opens, if it is unused and unexpired.
    async fn open_link(&self, token: &str) -> Result<Option<OpenedLink>, PortError>;
    /// Uses the link once, setting the password.
    async fn use_link(&self, token: &str, password: &shared::account::Password) -> Result<LinkUse, PortError>;
    /// Records a sign-in event in the audit log (never the password or code).
    async fn audit(&self, action: &'static str, user: Option<i64>, object: Option<String>, ok: bool);
}

/// An emailed link that still works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedLink {
    pub purpose: shared::staff_admin::LinkPurpose,
    pub user: StaffUser,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkUse {
    PasswordSet(OpenedLink),
    /// A common or guessable password (the length rules are checked before).
    TooEasyToGuess,
    /// Used, replaced or expired.
    Gone,
}

/// NACCC administration: staff accounts, the audit log, the outbox. Every change is audit-logged
/// against `by`; callers have already checked that `by` is an administrator.
#[async_trait]
pub trait Administration: Send + Sync + 'static {
    async fn accounts(&self) -> Result<Vec<crate::pages::admin::model::AccountSummary>, PortError>;
    async fn account(&self, id: i64) -> Result<Option<crate::pages::admin::model::AccountSummary>, PortError>;
    /// Creates the account and emails its invitation; `None` if the email already has one.
    async fn invite(
        &self,
        by: &StaffUser,
        invitation: &shared::staff_admin::StaffInvitation,
    ) -> Result<Option<i64>, PortError>;
    /// A new invitation link for an account that has not chosen a password (the old one stops working).
    async fn reinvite(&self, by: &StaffUser, id: i64) -> Result<bool, PortError>;
    async fn change_scope(&self, by: &StaffUser, id: i64, scope: &shared::account::Scope) -> Result<bool, PortError>;
    async fn set_disabled(&self, by: &StaffUser, id: i64, disabled: bool) -> Result<bool, PortError>;
    async fn end_sessions(&self, by: &StaffUser, id: i64) -> Result<bool, PortError>;
    /// Up to one page of entries, newest first.
    async fn audit_log(
        &self,
        filter: &shared::staff_admin::AuditFilter,
    ) -> Result<Vec<crate::pages::admin::model::AuditRow>, PortError>;
    /// The newest emails (each view audit-logged against `by`).
    async fn outbox(&self, by: &StaffUser) -> Result<Vec<crate::pages::admin::model::OutboxRow>, PortError>;
    /// One parent's data from a referral, protected fields of the other party withheld
    /// (audit-logged); `None` if there is no such referral (or its data has been erased).
    async fn subject_access(
        &self,
        by: &StaffUser,
        reference: &shared::referral::ReferralReference,
        requester: shared::referral::subject_access::Requester,
    ) -> Result<Option<shared::referral::subject_access::SubjectAccessExport>, PortError>;
}
