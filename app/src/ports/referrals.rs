//! The Safe Referral port: drafts, submission, status and the other party's part.

use super::PortError;
use async_trait::async_trait;
use shared::Slug;
use shared::referral::{AccessCode, DraftAnswers, JoinAnswers, ReferralReference};

/// The answer to a reference + code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeCheck<T> {
    Opened(T),
    /// Wrong reference or code, or expired: the caller cannot tell which.
    Wrong,
    /// Too many wrong codes for this reference lately: try again later.
    Locked,
}

pub use shared::referral::status::ReferralProgress;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    Sent,
    /// Already sent by an earlier press of the button: nothing new made.
    AlreadySent,
    /// No open draft (expired).
    NotOpen,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invite {
    Invited(shared::referral::AccessCode),
    AlreadyJoined,
    /// The other party has opened their invitation: no new code while their part is in progress.
    InProgress,
    NotFound,
}

/// Safe Referral: drafts, submission, status and the other party's part. Every method that takes
/// a code throttles guesses per reference; the others trust that the caller's session opened the
/// referral with its code.
#[async_trait]
pub trait Referrals: Send + Sync + 'static {
    async fn start(&self, answers: &DraftAnswers) -> Result<ReferralReference, PortError>;
    async fn resume(&self, reference: &ReferralReference, code: &AccessCode) -> Result<CodeCheck<()>, PortError>;
    async fn draft(&self, reference: &ReferralReference) -> Result<Option<DraftAnswers>, PortError>;
    /// `false` if the draft is no longer open.
    async fn save(&self, reference: &ReferralReference, answers: &DraftAnswers) -> Result<bool, PortError>;
    /// A new code for the referral (the old one stops working), to show once; `None` if the
    /// referral is closed, or another request replaced the code at the same moment.
    async fn new_code(&self, reference: &ReferralReference) -> Result<Option<AccessCode>, PortError>;
    /// A fresh idempotency key for a submit form.
    fn submission_key(&self) -> String;
    async fn submit(&self, submission: SubmitReferral<'_>) -> Result<Sent, PortError>;
    async fn progress_with_code(
        &self,
        reference: &ReferralReference,
        code: &AccessCode,
    ) -> Result<CodeCheck<ReferralProgress>, PortError>;
    async fn progress(&self, reference: &ReferralReference) -> Result<Option<ReferralProgress>, PortError>;
    async fn invite(&self, reference: &ReferralReference) -> Result<Invite, PortError>;
    /// Opens an invitation: the code used stops working at once; the joiner's own code follows
    /// from [`Referrals::joiner_code`] with the token returned (kept in the opening session).
    async fn open_invitation(
        &self,
        reference: &ReferralReference,
        code: &AccessCode,
    ) -> Result<CodeCheck<String>, PortError>;
    /// The joiner's own code for the invitation this session opened (`token`), to show once;
    /// `None` if it was given already.
    async fn joiner_code(&self, reference: &ReferralReference, token: &str) -> Result<Option<AccessCode>, PortError>;
    async fn joining(&self, reference: &ReferralReference) -> Result<Option<JoinAnswers>, PortError>;
    async fn save_joining(&self, reference: &ReferralReference, answers: &JoinAnswers) -> Result<bool, PortError>;
    /// `false` if the invitation is no longer open (already added, or expired).
    async fn submit_joining(&self, reference: &ReferralReference, answers: &JoinAnswers) -> Result<bool, PortError>;
}

/// A checked referral to send.
pub struct SubmitReferral<'a> {
    pub reference: &'a ReferralReference,
    pub key: &'a str,
    pub answers: &'a DraftAnswers,
    pub referral: &'a shared::referral::ValidReferral,
    pub centre: &'a Slug,
}
