//! The submitted returns of one quarter with their centre's nation, for the national statistics.
//! Figures only: no referral is read.

use super::{Store, StoreError, on_read};
use shared::board::national::NationalReturn;
use shared::returns::Figures;
use shared::{Nation, Quarter};

impl Store {
    /// Every submitted (or amended) return of `quarter`, with its centre's nation.
    pub async fn national_returns(&self, quarter: Quarter) -> Result<Vec<NationalReturn>, StoreError> {
        let rows: Vec<(String, String)> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT c.nation, r.figures FROM statistics_returns r JOIN centres c ON c.slug = r.centre_slug \
                 WHERE r.quarter = $1 AND r.state <> 'draft' AND r.figures IS NOT NULL AND r.submitted_at IS NOT NULL",
            )
            .bind(quarter.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(nation, figures)| {
                Ok(NationalReturn {
                    nation: Nation::from_code(&nation).map_err(|_| StoreError::CorruptRow("centre nation".into()))?,
                    figures: serde_json::from_str::<Figures>(&figures)
                        .map_err(|e| StoreError::CorruptRow(format!("return figures: {e}")))?,
                })
            })
            .collect()
    }
}
