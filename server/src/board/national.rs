//! The national quarterly statistics for the Ministry of Justice and Cafcass: a quarter's
//! submitted returns, worked out and disclosed by `shared::board::national` (the same tables of
//! people as the board's), for NACCC administrators only; the page and the CSV show one result.

use super::{BoardService, port_error};
use crate::store::StoreError;
use app::pages::board::model::NationalView;
use app::ports::{PortError, StaffUser};
use shared::Quarter;
use shared::account::Role;
use shared::board::disclosure::LEGEND;
use shared::board::national::{NationalStatistics, csv_rows, national_statistics};

impl BoardService {
    async fn statistics(&self, quarter: Quarter) -> Result<NationalStatistics, StoreError> {
        let returns = self.store.national_returns(quarter).await?;
        Ok(national_statistics(quarter, &returns))
    }

    /// The quarter as typed if it is one of those offered, else the latest complete one.
    fn national_quarter(&self, quarter: &str) -> Option<Quarter> {
        Some(self.filter(quarter, "")?.quarter)
    }

    pub(super) async fn national_view(
        &self,
        user: &StaffUser,
        quarter: &str,
    ) -> Result<Option<NationalView>, PortError> {
        if user.scope.role() != Role::NacccAdmin {
            return Ok(None);
        }
        let Some(quarter) = self.national_quarter(quarter) else { return Ok(None) };
        let stats = self.statistics(quarter).await.map_err(port_error)?;
        let changed = self.store.board_changed_at().await.map_err(port_error)?.map(shared::uk_time::uk_date_time_words);
        Ok(Some(NationalView { stats, quarters: self.quarters(), changed }))
    }

    pub(super) async fn national_csv(
        &self,
        user: &StaffUser,
        quarter: &str,
    ) -> Result<Option<(Quarter, String)>, PortError> {
        if user.scope.role() != Role::NacccAdmin {
            return Ok(None);
        }
        let Some(quarter) = self.national_quarter(quarter) else { return Ok(None) };
        let stats = self.statistics(quarter).await.map_err(port_error)?;
        let mut out = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail; every cell is a fixed label or a figure.
        let rows = csv_rows(&stats);
        let width = rows.first().map_or(0, Vec::len);
        for row in &rows {
            let _ = out.write_record(row);
        }
        // A closing note, as wide as the rest (a CSV reader expects equal rows).
        let mut note = vec!["Notes".to_owned(), format!("Quarter {quarter}, submitted returns. {LEGEND}")];
        note.resize(width.max(2), String::new());
        let _ = out.write_record(&note);
        let bytes = out.into_inner().unwrap_or_default();
        Ok(Some((quarter, String::from_utf8(bytes).unwrap_or_default())))
    }
}
