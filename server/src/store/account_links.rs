//! Single-use links emailed to staff (an invitation, a password reset): issued with their email
//! in one transaction, found by the SHA-256 of their token, used once.

use super::outbox::{INSERT_MESSAGE, Message};
use super::{NewUser, Store, StoreError, User, on_write};
pub use shared::staff_admin::LinkPurpose;

/// A link to store: the hash of its token, and until when it works.
pub struct NewLink<'a> {
    pub purpose: LinkPurpose,
    pub token_hash: &'a str,
    pub expires_at: i64,
}

const INSERT_LINK: &str =
    "INSERT INTO account_links (user_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";

/// Binds and runs `INSERT_LINK` then `INSERT_MESSAGE` inside the transaction `$tx`.
macro_rules! insert_link_and_message {
    ($tx:ident, $user:expr, $link:expr, $message:expr, $now:expr) => {{
        sqlx::query(INSERT_LINK)
            .bind($user)
            .bind($link.purpose.code())
            .bind($link.token_hash)
            .bind($now)
            .bind($link.expires_at)
            .execute(&mut *$tx)
            .await?;
        sqlx::query(INSERT_MESSAGE)
            .bind($message.kind)
            .bind(super::Recipient::Staff($user).stored())
            .bind($message.subject)
            .bind($message.body)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
    }};
}

impl Store {
    /// Creates an account with no password, its invitation link and the email carrying it, in one
    /// transaction; `None` if the email is taken (nothing is written).
    pub async fn invite_user(
        &self,
        user: &NewUser<'_>,
        link: &NewLink<'_>,
        message: &Message<'_>,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        let email = user.email.trim().to_lowercase();
        let id = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let id: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO users (email, name, role, centre_slug, created_at) VALUES ($1, $2, $3, $4, $5) \
                     ON CONFLICT (email) DO NOTHING RETURNING id",
                )
                .bind(&email)
                .bind(user.name)
                .bind(user.scope.role().code())
                .bind(user.scope.centre().map(|c| c.as_str()))
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(id) = id else { return Ok(None) };
                insert_link_and_message!(tx, id, link, message, now);
                tx.commit().await?;
                Ok::<_, sqlx::Error>(Some(id))
            }
            .await
        })?;
        Ok(id)
    }

    /// Issues a new link for `user` (any earlier unused one for the same purpose stops working)
    /// and queues its email, in one transaction.
    pub async fn issue_link(
        &self,
        user: i64,
        link: &NewLink<'_>,
        message: &Message<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                sqlx::query(
                    "UPDATE account_links SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL",
                )
                .bind(now)
                .bind(user)
                .bind(link.purpose.code())
                .execute(&mut *tx)
                .await?;
                insert_link_and_message!(tx, user, link, message, now);
                tx.commit().await
            }
            .await
        })?;
        Ok(())
    }

    /// When the newest link for `user` and `purpose` was issued (for not sending another too soon).
    pub async fn newest_link_at(&self, user: i64, purpose: LinkPurpose) -> Result<Option<i64>, StoreError> {
        let at: Option<i64> = super::on_read!(self, |pool| {
            sqlx::query_scalar("SELECT MAX(created_at) FROM account_links WHERE user_id = $1 AND purpose = $2")
                .bind(user)
                .bind(purpose.code())
                .fetch_one(pool)
                .await
        })?;
        Ok(at)
    }

    /// The link with this token hash and its user, if it is unused and unexpired at `now`.
    pub async fn open_link(&self, token_hash: &str, now: i64) -> Result<Option<(i64, LinkPurpose, User)>, StoreError> {
        let row: Option<(i64, String, i64)> = super::on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT id, purpose, user_id FROM account_links \
                 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
            )
            .bind(token_hash)
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        let Some((id, purpose, user)) = row else { return Ok(None) };
        let purpose = LinkPurpose::from_code(&purpose).ok_or_else(|| StoreError::CorruptRow(format!("link {id}")))?;
        Ok(self.user_by_id(user).await?.map(|user| (id, purpose, user)))
    }

    /// Uses the link (once: `false` if it was used meanwhile) and sets the user's password. A
    /// reset also ends every session signed in before now.
    pub async fn use_link(
        &self,
        link: i64,
        user: i64,
        purpose: LinkPurpose,
        password_hash: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let used = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let claimed = sqlx::query(
                    // Still unused and unexpired at the moment it is used, however long the form took.
                    "UPDATE account_links SET used_at = $1 WHERE id = $2 AND user_id = $3 AND used_at IS NULL \
                     AND expires_at > $1",
                )
                .bind(now)
                .bind(link)
                .bind(user)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if claimed != 1 {
                    return Ok(false);
                }
                let ends_sessions = purpose == LinkPurpose::PasswordReset;
                sqlx::query(
                    "UPDATE users SET password_hash = $1, \
                     sessions_valid_after = CASE WHEN $2 THEN $3 ELSE sessions_valid_after END WHERE id = $4",
                )
                .bind(password_hash)
                .bind(ends_sessions)
                .bind(now)
                .bind(user)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(true)
            }
            .await
        })?;
        Ok(used)
    }
}
