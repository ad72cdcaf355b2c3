//! The accreditation port.

use super::{PortError, StaffUser};
use async_trait::async_trait;

/// Accreditation. A centre reaches only its own case, an assessor only the cases assigned to
/// them, NACCC every case; the step rules are `shared::accreditation`, checked here again.
#[async_trait]
pub trait Accreditation: Send + Sync + 'static {
    /// The caller's centre's case, or its application form; `None` without a centre.
    async fn centre_case(
        &self,
        user: &StaffUser,
    ) -> Result<Option<crate::pages::accreditation::model::CentreAccreditation>, PortError>;
    /// A candidate applies (the caller's centre; NACCC with `centre`).
    async fn apply(
        &self,
        user: &StaffUser,
        centre: Option<&str>,
        fields: &shared::referral::Fields,
    ) -> Result<crate::pages::accreditation::model::StepOutcome, PortError>;
    /// One case as the caller may see it; `None` if it is not theirs to see.
    async fn case(
        &self,
        user: &StaffUser,
        case_id: i64,
    ) -> Result<Option<crate::pages::accreditation::model::CaseView>, PortError>;
    /// Saves one section of the self-assessment as typed so far.
    async fn save_section(
        &self,
        user: &StaffUser,
        case_id: i64,
        section: &str,
        fields: &shared::referral::Fields,
    ) -> Result<crate::pages::accreditation::model::StepOutcome, PortError>;
    /// Takes a step of the lifecycle at the version the page showed (`fields` carry what it
    /// needs: the assessor, the fee's date, a recommendation or decision).
    async fn step(
        &self,
        user: &StaffUser,
        case_id: i64,
        version: i64,
        action: shared::accreditation::Action,
        fields: &shared::referral::Fields,
    ) -> Result<crate::pages::accreditation::model::StepOutcome, PortError>;
    /// The assessor agrees a standard, or drafts a query on it (once per form `key`).
    async fn review(
        &self,
        user: &StaffUser,
        case_id: i64,
        standard: &str,
        query: Option<&str>,
        key: &str,
    ) -> Result<crate::pages::accreditation::model::StepOutcome, PortError>;
    /// The assessor agrees, in one go, every standard of one section (`national/3`) that
    /// carries no query still waiting for the centre's answer.
    async fn agree_section(
        &self,
        user: &StaffUser,
        case_id: i64,
        section: &str,
    ) -> Result<crate::pages::accreditation::model::StepOutcome, PortError>;
    /// The centre answers a query.
    async fn reply(
        &self,
        user: &StaffUser,
        case_id: i64,
        query_id: i64,
        reply: &str,
    ) -> Result<crate::pages::accreditation::model::StepOutcome, PortError>;
    /// The assessor records the visit.
    async fn record_visit(
        &self,
        user: &StaffUser,
        case_id: i64,
        fields: &shared::referral::Fields,
    ) -> Result<crate::pages::accreditation::model::StepOutcome, PortError>;
    /// NACCC adds an action-plan item (once per form `key`).
    async fn add_item(
        &self,
        user: &StaffUser,
        case_id: i64,
        fields: &shared::referral::Fields,
        key: &str,
    ) -> Result<crate::pages::accreditation::model::StepOutcome, PortError>;
    /// The centre answers an action-plan item.
    async fn answer_item(
        &self,
        user: &StaffUser,
        case_id: i64,
        item: i64,
        response: &str,
    ) -> Result<crate::pages::accreditation::model::StepOutcome, PortError>;
    /// NACCC's overview (administrators; the caller has checked).
    async fn overview(&self, user: &StaffUser) -> Result<crate::pages::accreditation::model::Overview, PortError>;
    /// The cases assigned to the calling assessor.
    async fn assessor_cases(
        &self,
        user: &StaffUser,
    ) -> Result<Vec<crate::pages::accreditation::model::CaseSummary>, PortError>;
}
