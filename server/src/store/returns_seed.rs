//! Loading the demo statistics returns (`seed::returns`): in one transaction, each with the
//! amendment the demo gives it.

use super::returns::to_json;
use super::{Store, StoreError, on_read, on_write};
use shared::Quarter;
use shared::referral::Fields;
use shared::returns::{Figures, ReturnState};

/// A demo return, submitted (and with `amended`, changed once afterwards).
pub struct SeedReturn {
    pub centre: String,
    pub quarter: Quarter,
    pub state: ReturnState,
    pub figures: Figures,
    pub submitted_at: i64,
    pub amended: bool,
}

impl Store {
    pub async fn count_returns(&self) -> Result<i64, StoreError> {
        Ok(on_read!(self, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM statistics_returns").fetch_one(pool).await)?)
    }

    /// Inserts the demo returns in one transaction.
    pub async fn insert_seed_returns(&self, rows: &[SeedReturn]) -> Result<(), StoreError> {
        on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                for r in rows {
                    let fields: Fields = r.figures.0.iter().map(|(k, n)| (k.code(), n.to_string())).collect();
                    let figures = to_json(&r.figures);
                    let computed: Figures = Figures(
                        r.figures.0.iter().filter(|(k, _)| k.measure.is_computed()).map(|(k, n)| (*k, *n)).collect(),
                    );
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO statistics_returns (centre_slug, quarter, state, fields, figures, computed, \
                         submitted_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                    )
                    .bind(&r.centre)
                    .bind(r.quarter.to_string())
                    .bind(r.state.code())
                    .bind(to_json(&fields))
                    .bind(&figures)
                    .bind(to_json(&computed))
                    .bind(r.submitted_at)
                    .fetch_one(&mut *tx)
                    .await?;
                    if r.amended {
                        sqlx::query(
                            "INSERT INTO statistics_amendments (return_id, at, reason, before, after) \
                             VALUES ($1, $2, $3, $4, $4)",
                        )
                        .bind(id)
                        .bind(r.submitted_at + 7 * 86_400)
                        .bind("Demo: a paper referral form found after submitting")
                        .bind(&figures)
                        .execute(&mut *tx)
                        .await?;
                    }
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(())
            }
            .await
        })?;
        Ok(())
    }
}
