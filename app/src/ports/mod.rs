//! What the server functions need from the outside world, as traits (ports).
//!
//! `server/` implements them over SQLite or PostgreSQL and hands them in through Leptos context
//! ([`Ports`]), so `app` never depends on `server` and each port can be tested on its own.

use async_trait::async_trait;
use leptos::prelude::*;
use shared::{Centre, CentreProfile, LatLon, PostcodeDistrict, Slug};
use std::sync::Arc;

mod accounts;
mod accreditation;
mod board;
mod contact;
mod referrals;
pub use accounts::{Accounts, Administration, Enrolment, LinkUse, OpenedLink, SignInOutcome};
pub use accreditation::Accreditation;
pub use board::Board;
pub use contact::Enquiries;
pub use referrals::{CodeCheck, Invite, ReferralProgress, Referrals, Sent, SubmitReferral};

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

/// A staff member as the pages need them (never a secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub scope: shared::account::Scope,
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
