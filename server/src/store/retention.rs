//! Retention: erasing the personal data of cases closed long ago, keeping what the statistics
//! need (centre, service, light, stage, dates, the case's codes and dates; the history's codes).

use super::{Store, StoreError, on_read, on_write};

impl Store {
    /// Cases closed (declined, redirected or closed) before `cutoff` whose data is not yet erased.
    pub async fn cases_to_erase(&self, cutoff: i64) -> Result<Vec<(i64, String)>, StoreError> {
        let rows = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT id, reference FROM referrals WHERE state = 'submitted' AND closed_at IS NOT NULL \
                 AND closed_at < $1 AND erased_at IS NULL ORDER BY id",
            )
            .bind(cutoff)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows)
    }

    /// Erases one case's personal data, in one transaction; `false` if it was already erased.
    pub async fn erase_case(&self, id: i64, now: i64) -> Result<bool, StoreError> {
        let erased = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let done = sqlx::query(
                    "UPDATE referrals SET answers = $1, code_hash = '', submission_key = NULL, erased_at = $2 \
                     WHERE id = $3 AND erased_at IS NULL",
                )
                .bind(Vec::<u8>::new())
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if done != 1 {
                    return Ok(false);
                }
                sqlx::query("UPDATE referral_invitations SET answers = NULL, code_hash = '' WHERE referral_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM case_notes WHERE referral_id = $1").bind(id).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(true)
            }
            .await
        })?;
        Ok(erased)
    }
}
