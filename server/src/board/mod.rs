//! The board's indicators behind the app's `Board` port: gathered from the store as codes,
//! counts and dates, worked out and disclosed by `shared::board` (one rule for the page, the
//! CSV and the print), for board members and NACCC only. `registers.rs`: NACCC's training and
//! inspection registers and the targets.

pub mod csv;
mod national;
mod registers;

use crate::store::{Store, StoreError};
use app::pages::board::model::{BoardView, NationalView, ObjectiveFigures, Registers};
use app::ports::{Board, Clock, PortError, StaffUser};
use async_trait::async_trait;
use shared::account::Role;
use shared::board::compute::{BoardInput, Filter, board, trend_quarters};
use shared::board::indicators::Objective;
use shared::referral::{FieldError, Fields};
use shared::{Nation, Quarter};
use std::sync::Arc;

/// How many quarters one may choose from (five years).
pub const QUARTERS_OFFERED: usize = 20;

#[derive(Clone)]
pub struct BoardService {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
}

fn port_error(error: StoreError) -> PortError {
    tracing::error!(%error, "board store failed");
    match error {
        StoreError::CorruptRow(_) => PortError::CorruptData,
        _ => PortError::Unavailable,
    }
}

/// Board members and NACCC see the indicators; nobody else.
fn may_see(user: &StaffUser) -> bool {
    app::pages::staff::Area::Board.roles().contains(&user.scope.role())
}

impl BoardService {
    /// The quarters one may choose, newest first: the latest complete quarter and the 19 before.
    pub fn quarters(&self) -> Vec<Quarter> {
        let today = self.clock.today();
        let Some(last) = Quarter::containing(today).ok().and_then(Quarter::previous) else { return Vec::new() };
        std::iter::successors(Some(last), |q| q.previous()).take(QUARTERS_OFFERED).collect()
    }

    /// The filter as typed, or the defaults.
    pub fn filter(&self, quarter: &str, nation: &str) -> Option<Filter> {
        let quarters = self.quarters();
        let latest = *quarters.first()?;
        let quarter = Quarter::parse(quarter).ok().filter(|q| quarters.contains(q)).unwrap_or(latest);
        let nation = Nation::from_code(nation.trim()).ok();
        Some(Filter { quarter, nation })
    }

    /// Reads what the default view (the latest complete quarter, the whole UK) is worked out
    /// from, so the first board member to look after a start need not wait for it.
    pub async fn warm(&self) {
        let Some(filter) = self.filter("", "") else { return };
        if let Err(error) = self.input(filter).await {
            tracing::warn!(%error, "could not read the board's figures ahead");
        }
    }

    /// Everything the figures for `filter` are worked out from.
    pub async fn input(&self, filter: Filter) -> Result<Arc<BoardInput>, StoreError> {
        let quarters = trend_quarters(filter.quarter);
        self.store.board_input(&quarters, self.clock.now()).await
    }

    /// The whole overview for `filter`.
    pub async fn view(&self, user: &StaffUser, filter: Filter) -> Result<BoardView, StoreError> {
        let input = self.input(filter).await?;
        let figures = board(&input, filter, self.clock.today());
        let objectives = Objective::ALL
            .into_iter()
            .map(|objective| ObjectiveFigures {
                objective,
                indicators: figures.iter().filter(|f| f.indicator.objective() == objective).cloned().collect(),
            })
            .collect();
        let changed = self.store.board_changed_at().await?.map(shared::uk_time::uk_date_time_words);
        Ok(BoardView {
            viewer: (user.name.clone(), user.scope.role().label().to_owned()),
            quarter: filter.quarter,
            nation: filter.nation,
            quarters: self.quarters(),
            changed,
            objectives,
        })
    }
}

#[async_trait]
impl Board for BoardService {
    async fn figures(&self, user: &StaffUser, quarter: &str, nation: &str) -> Result<Option<BoardView>, PortError> {
        if !may_see(user) {
            return Ok(None);
        }
        let Some(filter) = self.filter(quarter, nation) else { return Ok(None) };
        self.view(user, filter).await.map(Some).map_err(port_error)
    }

    async fn csv(
        &self,
        user: &StaffUser,
        quarter: &str,
        nation: &str,
        indicator: &str,
    ) -> Result<Option<String>, PortError> {
        if !may_see(user) {
            return Ok(None);
        }
        let Some(filter) = self.filter(quarter, nation) else { return Ok(None) };
        let view = self.view(user, filter).await.map_err(port_error)?;
        Ok(Some(csv::indicators_csv(&view, shared::board::indicators::Indicator::from_code(indicator.trim()))))
    }

    async fn national(&self, user: &StaffUser, quarter: &str) -> Result<Option<NationalView>, PortError> {
        self.national_view(user, quarter).await
    }

    async fn national_csv(&self, user: &StaffUser, quarter: &str) -> Result<Option<(Quarter, String)>, PortError> {
        BoardService::national_csv(self, user, quarter).await
    }

    async fn registers(&self, user: &StaffUser) -> Result<Option<Registers>, PortError> {
        if user.scope.role() != Role::NacccAdmin {
            return Ok(None);
        }
        registers::registers(self).await.map(Some).map_err(port_error)
    }

    async fn record_training(
        &self,
        user: &StaffUser,
        fields: &Fields,
        key: &str,
    ) -> Result<Result<(), Vec<FieldError>>, PortError> {
        registers::record_training(self, user, fields, key).await
    }

    async fn record_inspection(
        &self,
        user: &StaffUser,
        fields: &Fields,
        key: &str,
    ) -> Result<Result<(), Vec<FieldError>>, PortError> {
        registers::record_inspection(self, user, fields, key).await
    }

    async fn set_target(&self, user: &StaffUser, fields: &Fields) -> Result<Result<(), Vec<FieldError>>, PortError> {
        registers::set_target(self, user, fields).await
    }
}
