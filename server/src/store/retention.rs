//! Retention: erasing the personal data of cases closed long ago, keeping what the statistics
//! need (centre, service, light, stage, dates, the case's codes and dates; the history's codes).

use super::{AuditEvent, Store, StoreError, on_read, on_write};

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

    /// Erases one case's personal data, in one transaction with its audit entry: the answers, the
    /// codes, the other parent's part, the notes, and the news emails to the referrer (which hold
    /// their address). `false` if it was already erased.
    pub async fn erase_case(&self, id: i64, reference: &str, audit: &AuditEvent, now: i64) -> Result<bool, StoreError> {
        let news_subject = super::outbox::status_news_subject(reference);
        let news_recipient = super::Recipient::Referrer(reference.to_owned()).stored();
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
                // Safeguarding advice on the case goes with it: its notes, and the reasons asked.
                sqlx::query(
                    "DELETE FROM advice_notes WHERE request_id IN (SELECT id FROM advice_requests WHERE referral_id = $1)",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE advice_requests SET reason = $2, closed_at = COALESCE(closed_at, $3) WHERE referral_id = $1")
                    .bind(id)
                    .bind(Vec::<u8>::new())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                // Found by whom they are for, whatever their language (a Welsh referral's subject is
                // bilingual), and by the subject they have always had.
                sqlx::query("DELETE FROM outbox WHERE kind = $1 AND (subject = $2 OR recipient = $3)")
                    .bind(super::outbox::STATUS_NEWS)
                    .bind(&news_subject)
                    .bind(&news_recipient)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(super::audit::INSERT_AUDIT)
                    .bind(now)
                    .bind(audit.actor.code())
                    .bind(audit.action)
                    .bind(audit.object.as_deref())
                    .bind(audit.outcome.code())
                    .bind(&audit.detail)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(true)
            }
            .await
        })?;
        Ok(erased)
    }
}
