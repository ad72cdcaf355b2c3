//! Messages sent through the public contact form: sealed (name, reply and words together),
//! received once per form, each with a notice to NACCC's administrators queued in the same
//! transaction; marked handled; erased a while after they were handled.

use super::outbox::{Message, Recipient};

/// The most messages the inbox lists at once (those not yet handled first).
pub const INBOX_SIZE: i64 = 500;
use super::{Store, StoreError, on_read, on_write};

/// One stored message, still sealed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ContactRow {
    pub id: i64,
    pub form_key: String,
    pub sealed: Vec<u8>,
    pub received_at: i64,
    pub handled_at: Option<i64>,
    /// The name of whoever marked it handled.
    pub handled_by: Option<String>,
}

impl Store {
    /// The sealed message the form `form_key` sent, if it has been received.
    pub async fn contact_sealed(&self, form_key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_scalar("SELECT sealed FROM contact_messages WHERE form_key = $1")
                .bind(form_key)
                .fetch_optional(pool)
                .await
        })?)
    }

    /// Keeps a message once per form, and queues `notice` to NACCC's administrators with it;
    /// false if this form was received before (nothing more is queued).
    pub async fn receive_contact(
        &self,
        form_key: &str,
        sealed: &[u8],
        notice: &Message<'_>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let fresh = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let fresh = sqlx::query(
                    "INSERT INTO contact_messages (form_key, sealed, received_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (form_key) DO NOTHING",
                )
                .bind(form_key)
                .bind(sealed)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                // One notice waiting is enough however many messages arrive before it is sent.
                if fresh {
                    sqlx::query(
                        "INSERT INTO outbox (kind, recipient, subject, body, created_at, next_attempt_at) \
                         SELECT $1, $2, $3, $4, $5, $5 WHERE NOT EXISTS \
                         (SELECT 1 FROM outbox WHERE kind = $1 AND recipient = $2 AND sent_at IS NULL)",
                    )
                    .bind(notice.kind)
                    .bind(Recipient::Naccc.stored())
                    .bind(notice.subject)
                    .bind(notice.body)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(fresh)
            }
            .await
        })?;
        Ok(fresh)
    }

    /// The messages kept, those not yet handled first, newest first: at most [`INBOX_SIZE`].
    pub async fn contact_messages(&self) -> Result<Vec<ContactRow>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT m.id, m.form_key, m.sealed, m.received_at, m.handled_at, u.name AS handled_by \
                 FROM contact_messages m LEFT JOIN users u ON u.id = m.handled_by \
                 ORDER BY m.handled_at IS NOT NULL, m.received_at DESC, m.id DESC LIMIT $1",
            )
            .bind(INBOX_SIZE)
            .fetch_all(pool)
            .await
        })?)
    }

    /// Marks a message handled (or not yet handled) by `by`; false if there is no such message.
    /// Marking it handled again keeps the first time and person.
    pub async fn set_contact_handled(&self, id: i64, handled: bool, by: i64, now: i64) -> Result<bool, StoreError> {
        let n = on_write!(self, |pool| {
            let query = if handled {
                sqlx::query(
                    "UPDATE contact_messages SET handled_at = COALESCE(handled_at, $1), \
                     handled_by = COALESCE(handled_by, $2) WHERE id = $3",
                )
                .bind(now)
                .bind(by)
                .bind(id)
            } else {
                sqlx::query("UPDATE contact_messages SET handled_at = NULL, handled_by = NULL WHERE id = $1").bind(id)
            };
            query.execute(pool).await.map(|r| r.rows_affected())
        })?;
        Ok(n == 1)
    }

    /// Erases messages handled before `cutoff`, and those nobody handled that arrived before it;
    /// how many.
    pub async fn erase_handled_contact(&self, cutoff: i64) -> Result<u64, StoreError> {
        Ok(on_write!(self, |pool| {
            sqlx::query("DELETE FROM contact_messages WHERE COALESCE(handled_at, received_at) < $1")
                .bind(cutoff)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?)
    }

    /// The addresses of NACCC's active administrators (for `naccc:administrators` messages).
    pub async fn naccc_addresses(&self) -> Result<Vec<String>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_scalar(
                "SELECT email FROM users WHERE role = 'naccc_admin' AND disabled = $1 AND password_hash IS NOT NULL \
                 ORDER BY id",
            )
            .bind(false)
            .fetch_all(pool)
            .await
        })?)
    }
}
