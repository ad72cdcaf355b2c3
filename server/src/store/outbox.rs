//! The outbox: messages to send, written in the same transaction as the change they announce,
//! and their delivery state (`mail.rs` sends them, with retries). Bodies hold no personal data,
//! only references and links; nor do recipients: a message names whom it is for (a centre's
//! staff, a staff account, a referral's referrer) and the address is looked up as it is sent,
//! the referrer's from their sealed answers. So no address sits in the outbox in clear.

use crate::platform::crypto::FieldCipher;
use shared::referral::ReferralReference;

/// The kind of the referrer's "there is news" emails.
pub const STATUS_NEWS: &str = "referral.status";

/// The subject of a referral's "there is news" emails (found again by it when the case is erased).
pub fn status_news_subject(reference: &str) -> String {
    format!("News about referral {reference}")
}

/// Queues a message: kind, recipient ([`Recipient::stored`]), subject, body, time.
pub(crate) const INSERT_MESSAGE: &str = "INSERT INTO outbox (kind, recipient, subject, body, created_at, next_attempt_at) \
     VALUES ($1, $2, $3, $4, $5, $5)";

/// A message to queue (the store names its recipient, from the change it goes with).
pub struct Message<'a> {
    pub kind: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// Whom a message is for, as the outbox keeps it: never an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// The centre's active referral staff, each a blind copy.
    Centre(String),
    /// One staff account (an invitation, a password reset).
    Staff(i64),
    /// Whoever made the referral, at the address they gave as safe (while it is not erased).
    Referrer(String),
    /// NACCC's active administrators, each a blind copy (news of a contact-form message).
    Naccc,
}

impl Recipient {
    pub fn stored(&self) -> String {
        match self {
            Self::Centre(slug) => format!("centre:{slug}"),
            Self::Staff(id) => format!("user:{id}"),
            Self::Referrer(reference) => format!("referrer:{reference}"),
            Self::Naccc => "naccc:administrators".to_owned(),
        }
    }

    /// `None` for anything else (a blanked address from before addresses left the outbox).
    pub fn parse(stored: &str) -> Option<Self> {
        let (kind, rest) = stored.split_once(':')?;
        match kind {
            "centre" => Some(Self::Centre(rest.to_owned())),
            "user" => rest.parse().ok().map(Self::Staff),
            "referrer" => Some(Self::Referrer(rest.to_owned())),
            "naccc" if rest == "administrators" => Some(Self::Naccc),
            _ => None,
        }
    }
}

/// A queued message as the outbox page shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct QueuedMessage {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

/// A message due to be sent.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DueMessage {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
}

impl super::Store {
    /// Unsent messages due by `now`, oldest first.
    pub async fn due_messages(&self, now: i64, limit: i64) -> Result<Vec<DueMessage>, super::StoreError> {
        let rows = super::on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT id, recipient, subject, body, attempts, next_attempt_at FROM outbox \
                 WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY id LIMIT $2",
            )
            .bind(now)
            .bind(limit)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows)
    }

    /// Takes a message for sending until `until` (another instance then leaves it alone); `false`
    /// if another instance took it first.
    pub async fn claim_message(&self, message: &DueMessage, until: i64) -> Result<bool, super::StoreError> {
        let claimed = super::on_write!(self, |pool| {
            sqlx::query(
                "UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3 AND sent_at IS NULL",
            )
            .bind(until)
            .bind(message.id)
            .bind(message.next_attempt_at)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(claimed == 1)
    }

    pub async fn message_sent(&self, id: i64, now: i64) -> Result<(), super::StoreError> {
        super::on_write!(self, |pool| {
            // Once gone, its words are not kept: they may hold a one-time link.
            sqlx::query(
                "UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL, body = '' WHERE id = $2",
            )
            .bind(now)
            .bind(id)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// Records a failed attempt; the message is tried again from `retry_at`.
    pub async fn message_failed(&self, id: i64, retry_at: i64, error: &str) -> Result<(), super::StoreError> {
        super::on_write!(self, |pool| {
            sqlx::query(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2 WHERE id = $3",
            )
            .bind(retry_at)
            .bind(error)
            .bind(id)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// The addresses `recipient` stands for now: empty if there is no one (yet, for a centre
    /// without active staff; or any more: an erased referral, a referrer who gave no email).
    pub async fn addresses_of(&self, cipher: &FieldCipher, recipient: &str) -> Result<Vec<String>, super::StoreError> {
        match Recipient::parse(recipient) {
            Some(Recipient::Centre(centre)) => self.centre_addresses(&centre).await,
            Some(Recipient::Staff(id)) => Ok(self.user_by_id(id).await?.map(|u| u.email).into_iter().collect()),
            Some(Recipient::Naccc) => self.naccc_addresses().await,
            Some(Recipient::Referrer(reference)) => {
                let Ok(reference) = ReferralReference::parse(&reference) else { return Ok(Vec::new()) };
                let sealed: Option<Vec<u8>> = super::on_read!(self, |pool| {
                    sqlx::query_scalar("SELECT answers FROM referrals WHERE reference = $1 AND erased_at IS NULL")
                        .bind(reference.as_str())
                        .fetch_optional(pool)
                        .await
                })?;
                let Some(sealed) = sealed else { return Ok(Vec::new()) };
                let answers = super::referrals::open_answers(cipher, &reference, &sealed)?;
                Ok(shared::referral::status::news_address(&answers)
                    .map(|a| a.as_str().to_owned())
                    .into_iter()
                    .collect())
            }
            None => Ok(Vec::new()),
        }
    }

    /// Drops a message nobody can receive any more (its words may hold a one-time link).
    pub async fn message_dropped(&self, id: i64, now: i64) -> Result<(), super::StoreError> {
        super::on_write!(self, |pool| {
            sqlx::query("UPDATE outbox SET sent_at = $1, body = '', last_error = 'nobody to send it to' WHERE id = $2")
                .bind(now)
                .bind(id)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// The addresses of a centre's active staff (for `centre:<slug>` messages).
    pub async fn centre_addresses(&self, centre: &str) -> Result<Vec<String>, super::StoreError> {
        let rows = super::on_read!(self, |pool| {
            // Staff who have set a password: an invitation not yet taken up gets no referral news.
            sqlx::query_scalar(
                "SELECT email FROM users WHERE centre_slug = $1 AND disabled = $2 AND password_hash IS NOT NULL \
                 ORDER BY id",
            )
            .bind(centre)
            .bind(false)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows)
    }

    /// The newest messages first, at most `limit`; a staff account's messages name its address
    /// (administrators see staff addresses anyway), others whom they are for.
    pub async fn outbox_messages(&self, limit: i64) -> Result<Vec<QueuedMessage>, super::StoreError> {
        let rows = super::on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT o.id, o.kind, COALESCE(u.email, o.recipient) AS recipient, o.subject, o.body, o.created_at, \
                 o.sent_at FROM outbox o LEFT JOIN users u ON o.recipient = 'user:' || u.id \
                 ORDER BY o.id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows)
    }
}
