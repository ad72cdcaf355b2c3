//! Safeguarding advice requests and NACCC's advice notes. A request is made only on a sent, not
//! erased referral of the asking centre (the centre is in the statement), one open per referral;
//! notes are added only while their request is open. Reasons and notes are sealed.

use super::{Store, StoreError, on_read, on_write};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdviceRow {
    pub id: i64,
    pub reference: String,
    pub centre_slug: String,
    pub reason: Vec<u8>,
    pub asked_by_name: Option<String>,
    pub asked_at: i64,
    pub closed_at: Option<i64>,
}

/// What asking came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdviceAsked {
    Asked,
    /// A request on this referral is open already.
    AlreadyOpen,
    /// No such sent referral at this centre.
    NotTheirs,
}

const ADVICE_SELECT: &str = "SELECT a.id, a.reference, a.centre_slug, a.reason, u.name AS asked_by_name, a.asked_at, \
    a.closed_at FROM advice_requests a LEFT JOIN users u ON u.id = a.asked_by";

impl Store {
    pub async fn ask_advice(
        &self,
        centre: &str,
        reference: &str,
        sealed_reason: &[u8],
        by: i64,
        key: &str,
        now: i64,
    ) -> Result<AdviceAsked, StoreError> {
        let postgres = self.backend() == super::Backend::Postgres;
        let n = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                // Not beside the case's erasure (retention): it waits for it, then finds it erased.
                if postgres {
                    sqlx::query("SELECT id FROM referrals WHERE reference = $1 FOR UPDATE")
                        .bind(reference)
                        .execute(&mut *tx)
                        .await?;
                }
                let n = sqlx::query(
                    "INSERT INTO advice_requests (referral_id, reference, centre_slug, reason, asked_by, asked_at, form_key) \
                     SELECT id, reference, centre_slug, $3, $4, $5, $6 FROM referrals \
                     WHERE reference = $1 AND centre_slug = $2 AND state = 'submitted' AND erased_at IS NULL \
                     ON CONFLICT DO NOTHING",
                )
                .bind(reference)
                .bind(centre)
                .bind(sealed_reason)
                .bind(by)
                .bind(now)
                .bind(key)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                tx.commit().await?;
                Ok::<_, sqlx::Error>(n)
            }
            .await
        })?;
        if n == 1 {
            return Ok(AdviceAsked::Asked);
        }
        let repeated: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar(
                "SELECT id FROM advice_requests WHERE form_key = $1 AND reference = $2 AND centre_slug = $3 \
                 AND closed_at IS NULL",
            )
            .bind(key)
            .bind(reference)
            .bind(centre)
            .fetch_optional(pool)
            .await
        })?;
        if repeated.is_some() {
            return Ok(AdviceAsked::Asked);
        }
        let open: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar(
                "SELECT id FROM advice_requests WHERE reference = $1 AND centre_slug = $2 AND closed_at IS NULL",
            )
            .bind(reference)
            .bind(centre)
            .fetch_optional(pool)
            .await
        })?;
        Ok(if open.is_some() { AdviceAsked::AlreadyOpen } else { AdviceAsked::NotTheirs })
    }

    /// Every request on a referral of `centre`, newest first.
    pub async fn advice_for_case(&self, centre: &str, reference: &str) -> Result<Vec<AdviceRow>, StoreError> {
        let sql = format!("{ADVICE_SELECT} WHERE a.reference = $1 AND a.centre_slug = $2 ORDER BY a.id DESC");
        Ok(on_read!(self, |pool| sqlx::query_as(&sql).bind(reference).bind(centre).fetch_all(pool).await)?)
    }

    pub async fn advice_request(&self, id: i64) -> Result<Option<AdviceRow>, StoreError> {
        let sql = format!("{ADVICE_SELECT} WHERE a.id = $1");
        Ok(on_read!(self, |pool| sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)?)
    }

    pub async fn open_advice_requests(&self) -> Result<Vec<AdviceRow>, StoreError> {
        let sql = format!("{ADVICE_SELECT} WHERE a.closed_at IS NULL ORDER BY a.asked_at");
        Ok(on_read!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)?)
    }

    /// Closes an open request; whether it was open.
    pub async fn close_advice(&self, id: i64, by: i64, now: i64) -> Result<bool, StoreError> {
        let n = on_write!(self, |pool| {
            sqlx::query("UPDATE advice_requests SET closed_at = $2, closed_by = $3 WHERE id = $1 AND closed_at IS NULL")
                .bind(id)
                .bind(now)
                .bind(by)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(n == 1)
    }

    /// Adds a note while the request is open (once per form); whether it is there.
    pub async fn add_advice_note(
        &self,
        request: i64,
        sealed: &[u8],
        by: i64,
        key: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let n = on_write!(self, |pool| {
            sqlx::query(
                "INSERT INTO advice_notes (request_id, note, by_user, at, form_key) SELECT $1, $2, $3, $4, $5 \
                 WHERE EXISTS (SELECT 1 FROM advice_requests WHERE id = $1 AND closed_at IS NULL) \
                 ON CONFLICT (form_key) DO NOTHING",
            )
            .bind(request)
            .bind(sealed)
            .bind(by)
            .bind(now)
            .bind(key)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        if n == 1 {
            return Ok(true);
        }
        let repeated: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar("SELECT id FROM advice_notes WHERE form_key = $1 AND request_id = $2")
                .bind(key)
                .bind(request)
                .fetch_optional(pool)
                .await
        })?;
        Ok(repeated.is_some())
    }

    /// A request's notes, oldest first: (when, by whom, sealed note).
    pub async fn advice_notes(&self, request: i64) -> Result<Vec<(i64, Option<String>, Vec<u8>)>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT n.at, u.name, n.note FROM advice_notes n LEFT JOIN users u ON u.id = n.by_user \
                 WHERE n.request_id = $1 ORDER BY n.id",
            )
            .bind(request)
            .fetch_all(pool)
            .await
        })?)
    }

    pub async fn is_safeguarding_lead(&self, user: i64) -> Result<bool, StoreError> {
        let lead: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar("SELECT safeguarding_lead FROM users WHERE id = $1 AND role = 'naccc_admin'")
                .bind(user)
                .fetch_optional(pool)
                .await
        })?;
        Ok(lead == Some(1))
    }

    pub async fn set_safeguarding_lead(&self, user: i64, lead: bool) -> Result<bool, StoreError> {
        let n = on_write!(self, |pool| {
            sqlx::query("UPDATE users SET safeguarding_lead = $2 WHERE id = $1 AND role = 'naccc_admin'")
                .bind(user)
                .bind(i64::from(lead))
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(n == 1)
    }
}
