//! What the server functions need from the outside world, as traits (ports).
//!
//! `server/` implements them over SQLite or PostgreSQL and hands them in through Leptos context
//! ([`Ports`]), so `app` never depends on `server` and each port can be tested on its own.

use async_trait::async_trait;
use leptos::prelude::*;
use shared::referral::{AccessCode, DraftAnswers, JoinAnswers, ReferralReference};
use shared::{Centre, CentreProfile, LatLon, PostcodeDistrict, Slug};
use std::sync::Arc;

mod accreditation;
mod board;
mod contact;
pub use accreditation::Accreditation;
pub use board::Board;
pub use contact::Enquiries;

/// A failure of a port. The cause is logged by the implementation; callers only learn its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PortError {
    #[error("the store is unavailable")]
    Unavailable,
    #[error("stored data is invalid")]
    CorruptData,
}

/// The public directory of centres.
#[async_trait]
pub trait CentreDirectory: Send + Sync + 'static {
    /// Every member centre, ordered by name. Shared, because it is read on every search.
    async fn all_centres(&self) -> Result<Arc<Vec<Centre>>, PortError>;

    /// One centre's public page, if there is a centre with this slug.
    async fn centre_profile(&self, slug: &Slug) -> Result<Option<CentreProfile>, PortError>;
}

/// Postcode district → location, offline.
pub trait PostcodeLocator: Send + Sync + 'static {
    fn locate(&self, district: &PostcodeDistrict) -> Option<LatLon>;
}

/// All ports, as provided to every request's reactive context.
#[derive(Clone)]
pub struct Ports {
    pub centres: Arc<dyn CentreDirectory>,
    pub postcodes: Arc<dyn PostcodeLocator>,
    pub referrals: Arc<dyn Referrals>,
    pub accounts: Arc<dyn Accounts>,
    pub administration: Arc<dyn Administration>,
    pub cases: Arc<dyn CentreReferrals>,
    pub returns: Arc<dyn StatisticsReturns>,
    pub accreditation: Arc<dyn Accreditation>,
    pub advice: Arc<dyn SafeguardingAdvice>,
    pub membership: Arc<dyn Membership>,
    pub board: Arc<dyn Board>,
    pub enquiries: Arc<dyn Enquiries>,
    pub clock: Arc<dyn Clock>,
    /// How long a closed case's personal data (and a handled message) is kept: the retention
    /// job's setting, which the privacy notice states.
    pub kept_after_closing: shared::durations::Lifetime,
}

/// The ports of the current request, or `Unavailable` if the server forgot to provide them.
pub fn use_ports() -> Result<Ports, crate::error::AppError> {
    use_context::<Ports>().ok_or_else(|| {
        tracing::error!("Ports missing from the request context");
        crate::error::AppError::Unavailable
    })
}

impl From<PortError> for crate::error::AppError {
    fn from(_: PortError) -> Self {
        Self::Unavailable
    }
}

/// The clock, injectable so tests can move time (expiry, dates of birth, start dates).
pub trait Clock: Send + Sync + 'static {
    /// Unix seconds.
    fn now(&self) -> i64;

    /// Today's date in the UK.
    fn today(&self) -> time::Date {
        shared::uk_time::uk_date(self.now())
    }
}

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

/// A staff member as the pages need them (never a secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub scope: shared::account::Scope,
}

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

/// What acting on a case came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseOutcome {
    Done,
    /// The action's fields, or the transition, were refused: the problems beside their fields.
    Rejected(Vec<shared::referral::FieldError>),
    /// Not one of the caller's centre's referrals (or none at all).
    NotFound,
    /// Someone else changed the case meanwhile: look again.
    Conflict,
}

/// A centre's referrals, always within the caller's own centre (a caller without one sees
/// nothing). Every read of a referral is audit-logged; every change is recorded in its history.
#[async_trait]
pub trait CentreReferrals: Send + Sync + 'static {
    async fn inbox(
        &self,
        user: &StaffUser,
        query: &shared::referral::inbox::InboxQuery,
    ) -> Result<Option<crate::pages::workspace::model::InboxView>, PortError>;
    async fn case(
        &self,
        user: &StaffUser,
        reference: &shared::referral::ReferralReference,
    ) -> Result<Option<crate::pages::workspace::model::CaseView>, PortError>;
    /// Applies `action` if the case is still at `seen_version` (the version the page showed);
    /// otherwise `Conflict`, and nothing changes.
    async fn act(
        &self,
        user: &StaffUser,
        reference: &shared::referral::ReferralReference,
        seen_version: i64,
        action: &str,
        fields: &shared::referral::Fields,
    ) -> Result<CaseOutcome, PortError>;
    /// Adds a note; sent again with the same `key`, it is kept once (and `Done` again).
    async fn note(
        &self,
        user: &StaffUser,
        reference: &shared::referral::ReferralReference,
        text: &str,
        key: Option<&shared::referral::case_form::NoteKey>,
    ) -> Result<CaseOutcome, PortError>;
    async fn assign(
        &self,
        user: &StaffUser,
        reference: &shared::referral::ReferralReference,
        to: Option<i64>,
    ) -> Result<CaseOutcome, PortError>;
}

/// Quarterly statistics returns. A centre's are reached only with the caller's own centre; the
/// NACCC methods are for administrators (the caller has checked).
#[async_trait]
pub trait StatisticsReturns: Send + Sync + 'static {
    /// The caller's centre's quarters; `None` if they have no centre.
    async fn centre_returns(
        &self,
        user: &StaffUser,
    ) -> Result<Option<crate::pages::returns::model::ReturnsList>, PortError>;
    /// One quarter's return of the caller's centre, pre-filled from its cases if not yet saved;
    /// `None` for a quarter that has not begun, or a caller without a centre.
    async fn open_return(
        &self,
        user: &StaffUser,
        quarter: shared::Quarter,
    ) -> Result<Option<crate::pages::returns::model::ReturnView>, PortError>;
    /// Saves (a draft keeps whatever was typed) or submits (every check must pass; a
    /// submitted return is amended, with a reason, and the change kept).
    async fn save_return(
        &self,
        user: &StaffUser,
        quarter: shared::Quarter,
        form: &crate::pages::returns::model::ReturnForm,
    ) -> Result<crate::pages::returns::model::ReturnOutcome, PortError>;
    /// Who has sent `quarter`'s return, who is late, who is lapsed; national totals.
    async fn chase(&self, quarter: shared::Quarter) -> Result<crate::pages::returns::model::ChaseView, PortError>;
    /// Reminds `centre` (or, with `None`, every centre late with `quarter`'s return) through the
    /// outbox, once per form `key`; how many reminders were queued.
    async fn remind(
        &self,
        by: &StaffUser,
        quarter: shared::Quarter,
        centre: Option<&str>,
        key: &str,
    ) -> Result<usize, PortError>;
    /// Every submitted return, one row per centre, quarter and service, as CSV.
    async fn returns_csv(&self, by: &StaffUser) -> Result<String, PortError>;
    /// The caller's centre's live dashboard as of now; `None` if they have no centre.
    async fn dashboard(
        &self,
        user: &StaffUser,
    ) -> Result<Option<crate::pages::dashboard::model::DashboardView>, PortError>;
    /// NACCC's questions for `quarter`'s return, and whether they can still change.
    async fn questions(
        &self,
        quarter: shared::Quarter,
    ) -> Result<crate::pages::admin::questions::QuestionsView, PortError>;
    /// Adds a question to `quarter`'s return, once per form `key`, while no return of the
    /// quarter has been submitted.
    async fn add_question(
        &self,
        by: &StaffUser,
        quarter: shared::Quarter,
        question: &shared::returns::questions::NewQuestion,
        key: &str,
    ) -> Result<crate::pages::admin::questions::QuestionOutcome, PortError>;
    /// Removes one of `quarter`'s questions while no return of the quarter has been submitted.
    async fn remove_question(&self, by: &StaffUser, quarter: shared::Quarter, id: i64) -> Result<bool, PortError>;
    /// The submitted returns' answers to `quarter`'s questions, as CSV.
    async fn answers_csv(&self, by: &StaffUser, quarter: shared::Quarter) -> Result<String, PortError>;
}

/// Safeguarding advice. A centre's staff ask on their own case and see the advice; a NACCC
/// administrator who is a safeguarding lead reads a case, and adds advice, only while its
/// request is open (`shared::referral::advice::lead_may_read`); every such read is audit-logged
/// with the request it rests on. Anyone else gets nothing.
#[async_trait]
pub trait SafeguardingAdvice: Send + Sync + 'static {
    async fn ask(
        &self,
        user: &StaffUser,
        reference: &shared::referral::ReferralReference,
        reason: &str,
        key: &str,
    ) -> Result<crate::pages::safeguarding::model::AdviceOutcome, PortError>;
    /// The advice on one of the caller's centre's cases; `None` if it is not theirs.
    async fn for_case(
        &self,
        user: &StaffUser,
        reference: &shared::referral::ReferralReference,
    ) -> Result<Option<crate::pages::safeguarding::model::CaseAdvice>, PortError>;
    /// Closes a request: the centre that asked, or a safeguarding lead.
    async fn close(
        &self,
        user: &StaffUser,
        request: i64,
    ) -> Result<crate::pages::safeguarding::model::AdviceOutcome, PortError>;
    /// The open requests, for a safeguarding lead; `None` for anyone else.
    async fn open_requests(
        &self,
        user: &StaffUser,
    ) -> Result<Option<Vec<crate::pages::safeguarding::model::AdviceSummary>>, PortError>;
    /// The case behind an open request, for a safeguarding lead; `None` otherwise.
    async fn lead_case(
        &self,
        user: &StaffUser,
        request: i64,
    ) -> Result<Option<crate::pages::safeguarding::model::LeadCaseView>, PortError>;
    async fn add_note(
        &self,
        user: &StaffUser,
        request: i64,
        text: &str,
        key: &str,
    ) -> Result<crate::pages::safeguarding::model::AdviceOutcome, PortError>;
}

/// A centre's own public page, kept current by its managers.
#[async_trait]
pub trait Membership: Send + Sync + 'static {
    /// The caller's centre's page as it stands, as the form's fields; `None` without a centre.
    async fn profile(&self, user: &StaffUser) -> Result<Option<crate::pages::membership::ProfileForm>, PortError>;
    /// Every centre, members or not (NACCC; `None` for anyone else).
    async fn centres(&self, user: &StaffUser) -> Result<Option<Vec<crate::pages::membership::CentreRow>>, PortError>;
    /// NACCC adds a member centre; its address, or the problems.
    async fn add_centre(
        &self,
        user: &StaffUser,
        fields: &shared::referral::Fields,
    ) -> Result<Result<String, Vec<shared::referral::FieldError>>, PortError>;
    /// Saves the caller's centre's page; the problems, if refused.
    async fn save_profile(
        &self,
        user: &StaffUser,
        fields: &shared::referral::Fields,
    ) -> Result<Result<(), Vec<shared::referral::FieldError>>, PortError>;
}
