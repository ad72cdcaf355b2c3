//! Sending a referral: the draft becomes a submitted referral, the centre's notice is queued and
//! the audit entry written, in one transaction, once per idempotency key. Also new codes and the
//! status a referrer sees.

use super::outbox::INSERT_MESSAGE;
use super::referrals::seal_answers;
use super::{Store, StoreError, on_read, on_write};
use crate::platform::{crypto::FieldCipher, secrets};
use shared::Slug;
use shared::referral::{AccessCode, ContactService, DraftAnswers, Light, PublicStatus, ReferralReference};

/// Whether a write failed because its submission key already sent a referral (that index only:
/// any other refusal is an error, never "nothing open").
fn key_taken(e: &dyn sqlx::error::DatabaseError) -> bool {
    e.is_unique_violation()
        && (e.constraint() == Some("referrals_submission_key") || e.message().contains("referrals.submission_key"))
}

/// The audit action a send writes, with the send.
pub const SUBMIT_AUDIT_ACTION: &str = "referral.submit";

/// What a submit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmitOutcome {
    /// This call sent it.
    Sent,
    /// It had already been sent (a double click or a retry): nothing new was made.
    AlreadySent,
    /// There is no open draft with this reference (expired, or never existed), or the key
    /// belongs to another referral it sent (an old form posted again).
    NotOpen,
}

/// A referral ready to send, as the store needs it.
pub struct Submission<'a> {
    pub reference: &'a ReferralReference,
    /// The idempotency key from the check-your-answers form.
    pub key: &'a str,
    /// The answers that were checked: stored as sent, whatever another tab saved meanwhile.
    pub answers: &'a DraftAnswers,
    pub centre: &'a Slug,
    pub service: ContactService,
    pub light: Light,
    /// How many children the referral is for (the returns count it; no names).
    pub children: u32,
    /// Where the site is reached from outside, so the centre's email carries a link that works.
    pub public_url: &'a str,
}

pub fn light_code(light: Light) -> &'static str {
    match light {
        Light::Green => "green",
        Light::Amber => "amber",
        Light::Red => "red",
    }
}

/// A submitted referral's public facts, once its code has been checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmittedReferral {
    pub status: PublicStatus,
    pub centre: Slug,
    pub submitted_at: i64,
}

#[derive(sqlx::FromRow)]
struct StatusRow {
    code_hash: String,
    status: Option<String>,
    centre_slug: Option<String>,
    submitted_at: Option<i64>,
}

impl Store {
    pub async fn submit_referral(
        &self,
        cipher: &FieldCipher,
        s: &Submission<'_>,
        now: i64,
    ) -> Result<SubmitOutcome, StoreError> {
        let sealed = seal_answers(cipher, s.reference, s.answers)?;
        let reference = s.reference.as_str();
        let subject = format!("New referral {reference}");
        let body = format!(
            "A new referral, {reference}, has been sent to your centre.\n\
             Sign in to read it: {}/centre/referrals/{reference}\n\
             This message holds no personal details.",
            s.public_url.trim_end_matches('/')
        );
        let outcome = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                // A key is unique to the referral it sent, so the write itself tells a repeat
                // apart; nothing is read first (the single SQLite writer's time per send is what
                // limits how many it takes a second).
                let updated = sqlx::query(
                    "UPDATE referrals SET state = 'submitted', answers = $1, submission_key = $2, submitted_at = $3, \
                     updated_at = $3, expires_at = NULL, centre_slug = $4, service = $5, light = $6, \
                     case_state = '\"Submitted\"', stage = 'submitted', children = $8 \
                     WHERE reference = $7 AND state = 'draft' AND expires_at > $3 \
                     AND EXISTS (SELECT 1 FROM centres WHERE slug = $4 AND membership = 'member')",
                )
                .bind(&sealed)
                .bind(s.key)
                .bind(now)
                .bind(s.centre.as_str())
                .bind(s.service.code())
                .bind(light_code(s.light))
                .bind(reference)
                .bind(i64::from(s.children))
                .execute(&mut *tx)
                .await;
                let updated = match updated {
                    Ok(done) => done.rows_affected(),
                    // The key sent another referral (an old form posted again): nothing open here.
                    Err(sqlx::Error::Database(e)) if key_taken(e.as_ref()) => return Ok(SubmitOutcome::NotOpen),
                    Err(e) => return Err(e),
                };
                if updated != 1 {
                    let state: Option<String> = sqlx::query_scalar("SELECT state FROM referrals WHERE reference = $1")
                        .bind(reference)
                        .fetch_optional(&mut *tx)
                        .await?;
                    return Ok(match state.as_deref() {
                        Some("submitted") => SubmitOutcome::AlreadySent,
                        _ => SubmitOutcome::NotOpen,
                    });
                }
                super::status::write_status!(tx, reference);
                sqlx::query(INSERT_MESSAGE)
                    .bind("referral.new")
                    .bind(super::Recipient::Centre(s.centre.to_string()).stored())
                    .bind(&subject)
                    .bind(&body)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                // In the same commit: one durable write per send instead of two (the single
                // SQLite writer is what limits how many referrals a second it takes).
                sqlx::query(super::audit::INSERT_AUDIT)
                    .bind(now)
                    .bind(super::audit::Actor::Anonymous.code())
                    .bind(SUBMIT_AUDIT_ACTION)
                    .bind(reference)
                    .bind(super::audit::Outcome::Ok.code())
                    .bind("")
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(SubmitOutcome::Sent)
            }
            .await
        })?;
        Ok(outcome)
    }

    /// Gives the referral a new secret code (the old one stops working) and returns it. Used for
    /// "save and come back later" and, after sending, for checking its status. Conditional on
    /// the code it replaces: of two made at once, only the one stored is returned (the other
    /// gets `None`, so no page ever shows a code that does not work).
    pub async fn reissue_code(
        &self,
        reference: &ReferralReference,
        now: i64,
    ) -> Result<Option<AccessCode>, StoreError> {
        let replacing: Option<String> = on_read!(self, |pool| {
            sqlx::query_scalar(
                "SELECT code_hash FROM referrals WHERE reference = $1 AND (state = 'submitted' OR expires_at > $2)",
            )
            .bind(reference.as_str())
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        let Some(replacing) = replacing else { return Ok(None) };
        let code = secrets::new_access_code();
        let hash = secrets::hash_code(&code).await?;
        let updated = on_write!(self, |pool| {
            sqlx::query(
                "UPDATE referrals SET code_hash = $1, updated_at = $2 \
                 WHERE reference = $3 AND code_hash = $4 AND (state = 'submitted' OR expires_at > $2)",
            )
            .bind(&hash)
            .bind(now)
            .bind(reference.as_str())
            .bind(&replacing)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok((updated == 1).then_some(code))
    }

    /// The status of a submitted referral if `code` is its code; `None` otherwise, in the same time.
    pub async fn submitted_referral(
        &self,
        reference: &ReferralReference,
        code: &AccessCode,
    ) -> Result<Option<SubmittedReferral>, StoreError> {
        let Some(row) = self.status_row(reference).await? else {
            secrets::decoy_check(code).await?;
            return Ok(None);
        };
        if !secrets::code_matches(code, &row.code_hash).await? {
            return Ok(None);
        }
        submitted_from_row(row).map(Some)
    }

    /// The status of a referral the caller already holds (its session opened it).
    pub async fn referral_status(
        &self,
        reference: &ReferralReference,
    ) -> Result<Option<SubmittedReferral>, StoreError> {
        self.status_row(reference).await?.map(submitted_from_row).transpose()
    }

    async fn status_row(&self, reference: &ReferralReference) -> Result<Option<StatusRow>, StoreError> {
        let row = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT code_hash, status, centre_slug, submitted_at FROM referrals \
                 WHERE reference = $1 AND state = 'submitted'",
            )
            .bind(reference.as_str())
            .fetch_optional(pool)
            .await
        })?;
        Ok(row)
    }
}

fn submitted_from_row(row: StatusRow) -> Result<SubmittedReferral, StoreError> {
    let corrupt = |what: &str| StoreError::CorruptRow(format!("submitted referral without a valid {what}"));
    let status = row.status.as_deref().and_then(PublicStatus::from_code).ok_or_else(|| corrupt("status"))?;
    let centre = row.centre_slug.and_then(|s| Slug::parse(&s).ok()).ok_or_else(|| corrupt("centre"))?;
    let submitted_at = row.submitted_at.ok_or_else(|| corrupt("time"))?;
    Ok(SubmittedReferral { status, centre, submitted_at })
}
