//! Referral drafts: create, open with reference + code, save, and purge when expired.
//! The clock is a parameter (`now`, Unix seconds) so expiry can be tested.

use super::{Store, StoreError, on_read, on_write};
use crate::platform::{
    crypto::{FieldCipher, FieldLocation},
    secrets,
};
use shared::referral::{AccessCode, DraftAnswers, ReferralReference};

/// Drafts expire 30 days after they were last saved.
pub const DRAFT_LIFETIME_SECS: i64 = shared::durations::DRAFT.as_secs();

/// How many fresh references to try if one is taken (30⁸ values: a clash is already rare).
const REFERENCE_ATTEMPTS: usize = 5;

pub(crate) fn answers_location(reference: &ReferralReference) -> FieldLocation<'_> {
    FieldLocation { table: "referrals", column: "answers", row: reference.as_str() }
}

/// Opens a referral's sealed answers.
pub(crate) fn open_answers(
    cipher: &FieldCipher,
    reference: &ReferralReference,
    sealed: &[u8],
) -> Result<DraftAnswers, StoreError> {
    let json = cipher.open(answers_location(reference), sealed)?;
    serde_json::from_slice(&json).map_err(|e| StoreError::CorruptRow(e.to_string()))
}

pub(crate) fn seal_answers(
    cipher: &FieldCipher,
    reference: &ReferralReference,
    answers: &DraftAnswers,
) -> Result<Vec<u8>, StoreError> {
    answers.check_size().map_err(StoreError::InvalidDraft)?;
    let json = serde_json::to_vec(answers).map_err(|e| StoreError::CorruptRow(e.to_string()))?;
    Ok(cipher.seal(answers_location(reference), &json)?)
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    code_hash: String,
    answers: Vec<u8>,
    expires_at: Option<i64>,
}

impl Store {
    /// Starts a draft; returns its reference and the secret code (shown once, stored only hashed).
    pub async fn create_draft(
        &self,
        cipher: &FieldCipher,
        answers: &DraftAnswers,
        now: i64,
    ) -> Result<(ReferralReference, AccessCode), StoreError> {
        let code = secrets::new_access_code();
        let code_hash = secrets::hash_code(&code).await?;
        for _ in 0..REFERENCE_ATTEMPTS {
            let reference = secrets::new_reference();
            let sealed = seal_answers(cipher, &reference, answers)?;
            let inserted = on_write!(self, |pool| {
                sqlx::query(
                    "INSERT INTO referrals (reference, code_hash, state, answers, created_at, updated_at, expires_at) \
                     VALUES ($1, $2, 'draft', $3, $4, $4, $5) ON CONFLICT (reference) DO NOTHING",
                )
                .bind(reference.as_str())
                .bind(&code_hash)
                .bind(&sealed)
                .bind(now)
                .bind(now + DRAFT_LIFETIME_SECS)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
            })?;
            if inserted == 1 {
                return Ok((reference, code));
            }
        }
        Err(StoreError::CorruptRow("no free referral reference".into()))
    }

    /// The draft's answers if the reference and code match and it has not expired; else `None`
    /// (the caller cannot tell which, and neither can anyone guessing).
    pub async fn open_draft(
        &self,
        cipher: &FieldCipher,
        reference: &ReferralReference,
        code: &AccessCode,
        now: i64,
    ) -> Result<Option<DraftAnswers>, StoreError> {
        let row: Option<DraftRow> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT code_hash, answers, expires_at FROM referrals WHERE reference = $1 AND state = 'draft'",
            )
            .bind(reference.as_str())
            .fetch_optional(pool)
            .await
        })?;
        let Some(row) = row else {
            secrets::decoy_check(code).await?;
            return Ok(None);
        };
        let matches = secrets::code_matches(code, &row.code_hash).await?;
        if !matches || row.expires_at.is_none_or(|at| at <= now) {
            return Ok(None);
        }
        let json = cipher.open(answers_location(reference), &row.answers)?;
        let answers = serde_json::from_slice(&json).map_err(|e| StoreError::CorruptRow(e.to_string()))?;
        Ok(Some(answers))
    }

    /// The answers of an open draft the caller already holds (its session opened it with the code).
    pub async fn load_draft(
        &self,
        cipher: &FieldCipher,
        reference: &ReferralReference,
        now: i64,
    ) -> Result<Option<DraftAnswers>, StoreError> {
        let sealed: Option<Vec<u8>> = on_read!(self, |pool| {
            sqlx::query_scalar(
                "SELECT answers FROM referrals WHERE reference = $1 AND state = 'draft' AND expires_at > $2",
            )
            .bind(reference.as_str())
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        let Some(sealed) = sealed else { return Ok(None) };
        let json = cipher.open(answers_location(reference), &sealed)?;
        let answers = serde_json::from_slice(&json).map_err(|e| StoreError::CorruptRow(e.to_string()))?;
        Ok(Some(answers))
    }

    /// Saves a draft the caller has opened, and gives it another 30 days. `false` if it has expired
    /// or is no longer a draft.
    pub async fn save_draft(
        &self,
        cipher: &FieldCipher,
        reference: &ReferralReference,
        answers: &DraftAnswers,
        now: i64,
    ) -> Result<bool, StoreError> {
        let sealed = seal_answers(cipher, reference, answers)?;
        let updated = on_write!(self, |pool| {
            sqlx::query(
                "UPDATE referrals SET answers = $1, updated_at = $2, expires_at = $3 \
                 WHERE reference = $4 AND state = 'draft' AND expires_at > $2",
            )
            .bind(&sealed)
            .bind(now)
            .bind(now + DRAFT_LIFETIME_SECS)
            .bind(reference.as_str())
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(updated == 1)
    }

    /// Deletes drafts that have expired; returns how many.
    pub async fn purge_expired_drafts(&self, now: i64) -> Result<u64, StoreError> {
        let deleted = on_write!(self, |pool| {
            sqlx::query("DELETE FROM referrals WHERE state = 'draft' AND expires_at <= $1")
                .bind(now)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(deleted)
    }
}
