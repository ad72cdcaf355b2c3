//! The board's port: aggregates only, for board members and NACCC; NACCC's registers and
//! targets for its administrators.

use super::{PortError, StaffUser};
use crate::pages::board::model::{BoardView, NationalView, Registers};
use async_trait::async_trait;
use shared::referral::{FieldError, Fields};

#[async_trait]
pub trait Board: Send + Sync + 'static {
    /// The indicators for a quarter and nation as typed in the address (anything unreadable:
    /// the latest complete quarter, the whole UK); `None` for anyone but the board and NACCC.
    async fn figures(&self, user: &StaffUser, quarter: &str, nation: &str) -> Result<Option<BoardView>, PortError>;
    /// The same figures as CSV (the same disclosure: the same values as the page); one
    /// indicator's if `indicator` names one.
    async fn csv(
        &self,
        user: &StaffUser,
        quarter: &str,
        nation: &str,
        indicator: &str,
    ) -> Result<Option<String>, PortError>;
    /// The national quarterly statistics for a quarter as typed (anything unreadable: the latest
    /// complete one); `None` for anyone but NACCC administrators.
    async fn national(&self, user: &StaffUser, quarter: &str) -> Result<Option<NationalView>, PortError>;
    /// The same statistics as CSV, and the quarter they are for.
    async fn national_csv(
        &self,
        user: &StaffUser,
        quarter: &str,
    ) -> Result<Option<(shared::Quarter, String)>, PortError>;
    /// The registers and targets (NACCC administrators; `None` for anyone else).
    async fn registers(&self, user: &StaffUser) -> Result<Option<Registers>, PortError>;
    /// Records a training event once per form `key`; the problems, if refused.
    async fn record_training(
        &self,
        user: &StaffUser,
        fields: &Fields,
        key: &str,
    ) -> Result<Result<(), Vec<FieldError>>, PortError>;
    /// Records an inspection once per form `key`; the problems, if refused.
    async fn record_inspection(
        &self,
        user: &StaffUser,
        fields: &Fields,
        key: &str,
    ) -> Result<Result<(), Vec<FieldError>>, PortError>;
    /// Sets an indicator's target from a quarter on; the problems, if refused.
    async fn set_target(&self, user: &StaffUser, fields: &Fields) -> Result<Result<(), Vec<FieldError>>, PortError>;
}
