//! The other parent's part (joint but separate): an invitation with its own code, its own sealed
//! answers, and nothing of the first part ever read through it.

use super::outbox::INSERT_MESSAGE;

/// An invitation opened whose joiner's own code is still to be given holds this and a token's
/// SHA-256 in place of a code hash (no code matches it).
const PENDING: &str = "pending:";

fn pending(token: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("{PENDING}{}", hex::encode(Sha256::digest(token.as_bytes())))
}
use super::{Store, StoreError, on_read, on_write};
use crate::platform::crypto::{FieldCipher, FieldLocation};
use crate::platform::secrets;
use shared::referral::{AccessCode, JoinAnswers, ReferralReference};

/// Invitations stay open for 30 days from when they were made or last saved.
pub const INVITATION_LIFETIME_SECS: i64 = shared::durations::INVITATION.as_secs();

/// The referrals whose invitation still takes the other party's part: not erased, and the case
/// still with the centre (never declined, redirected or closed). `{r}` is the referrals alias.
fn still_taking(r: &str) -> String {
    let ended: Vec<String> = shared::referral::case::Stage::ALL
        .into_iter()
        .filter(|stage| !stage.is_open())
        .map(|stage| format!("'{}'", stage.code()))
        .collect();
    format!("{r}.erased_at IS NULL AND ({r}.stage IS NULL OR {r}.stage NOT IN ({}))", ended.join(", "))
}

fn location(reference: &ReferralReference) -> FieldLocation<'_> {
    FieldLocation { table: "referral_invitations", column: "answers", row: reference.as_str() }
}

fn seal(cipher: &FieldCipher, reference: &ReferralReference, answers: &JoinAnswers) -> Result<Vec<u8>, StoreError> {
    answers.check_size().map_err(|_| StoreError::InvalidDraft(shared::referral::DraftError::AnswerTooLong))?;
    let json = serde_json::to_vec(answers).map_err(|e| StoreError::CorruptRow(e.to_string()))?;
    Ok(cipher.seal(location(reference), &json)?)
}

pub(crate) fn open(
    cipher: &FieldCipher,
    reference: &ReferralReference,
    sealed: Option<Vec<u8>>,
) -> Result<JoinAnswers, StoreError> {
    let Some(sealed) = sealed else { return Ok(JoinAnswers::default()) };
    let json = cipher.open(location(reference), &sealed)?;
    serde_json::from_slice(&json).map_err(|e| StoreError::CorruptRow(e.to_string()))
}

/// What inviting did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InviteOutcome {
    /// A new code (any earlier invitation's code stops working).
    Invited(AccessCode),
    /// The other part has already been added.
    AlreadyJoined,
    /// The other party has opened their invitation: their part is theirs alone now.
    InProgress,
    /// No submitted referral with this reference.
    NotFound,
}

impl Store {
    /// Invites the other party to a submitted referral.
    pub async fn invite_other_party(
        &self,
        reference: &ReferralReference,
        now: i64,
    ) -> Result<InviteOutcome, StoreError> {
        let code = secrets::new_access_code();
        let hash = secrets::hash_code(&code).await?;
        let outcome = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let id: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM referrals WHERE reference = $1 AND state = 'submitted'")
                        .bind(reference.as_str())
                        .fetch_optional(&mut *tx)
                        .await?;
                let Some(id) = id else { return Ok(InviteOutcome::NotFound) };
                let existing: Option<(String, Option<i64>)> =
                    sqlx::query_as("SELECT state, opened_at FROM referral_invitations WHERE referral_id = $1")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                match existing {
                    Some((state, _)) if state == "submitted" => return Ok(InviteOutcome::AlreadyJoined),
                    Some((_, Some(_))) => return Ok(InviteOutcome::InProgress),
                    _ => {}
                }
                // Replaces only an invitation nobody has opened (a race with the joiner loses).
                let written = sqlx::query(
                    "INSERT INTO referral_invitations (referral_id, code_hash, state, created_at, updated_at, expires_at) \
                     VALUES ($1, $2, 'open', $3, $3, $4) \
                     ON CONFLICT (referral_id) DO UPDATE SET code_hash = excluded.code_hash, \
                       updated_at = excluded.updated_at, expires_at = excluded.expires_at \
                     WHERE referral_invitations.state = 'open' AND referral_invitations.opened_at IS NULL",
                )
                .bind(id)
                .bind(&hash)
                .bind(now)
                .bind(now + INVITATION_LIFETIME_SECS)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if written != 1 {
                    return Ok(InviteOutcome::InProgress);
                }
                // The row is this transaction's before its status is worked out (PostgreSQL).
                sqlx::query("UPDATE referrals SET updated_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                super::status::write_status!(tx, reference.as_str());
                tx.commit().await?;
                Ok::<_, sqlx::Error>(InviteOutcome::Invited(code))
            }
            .await
        })?;
        Ok(outcome)
    }

    /// Opens an invitation to `reference` with `code`. The code stops working at once, for
    /// everyone: the invitation is left waiting for its joiner's own code (`PENDING` and the
    /// SHA-256 of a one-off token that only the opening session holds), and
    /// [`Store::issue_joiner_code`] with that token gives the joiner their code on the page that
    /// shows it. The token, for the session; `None` if the code is wrong or the invitation closed.
    pub async fn open_invitation(
        &self,
        reference: &ReferralReference,
        code: &AccessCode,
        now: i64,
    ) -> Result<Option<String>, StoreError> {
        let row: Option<String> = on_read!(self, |pool| {
            sqlx::query_scalar(&format!(
                "SELECT i.code_hash FROM referral_invitations i JOIN referrals r ON r.id = i.referral_id \
                 WHERE r.reference = $1 AND i.state = 'open' AND i.expires_at > $2 AND {}",
                still_taking("r")
            ))
            .bind(reference.as_str())
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        // No invitation, or one waiting for its joiner's code (no code opens it): refused after
        // the time a real check takes, so the answer's timing does not tell which.
        let Some(stored) = row.filter(|stored| !stored.starts_with(PENDING)) else {
            secrets::decoy_check(code).await?;
            return Ok(None);
        };
        if !secrets::code_matches(code, &stored).await? {
            return Ok(None);
        }
        let token = secrets::new_token();
        let claimed = on_write!(self, |pool| {
            sqlx::query(
                "UPDATE referral_invitations SET code_hash = $1, opened_at = COALESCE(opened_at, $2), updated_at = $2 \
                 WHERE code_hash = $3 AND state = 'open' \
                   AND referral_id = (SELECT id FROM referrals WHERE reference = $4)",
            )
            .bind(pending(&token))
            .bind(now)
            .bind(&stored)
            .bind(reference.as_str())
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        // Opened at the same moment by another request: that one has it.
        Ok((claimed == 1).then_some(token))
    }

    /// The joiner's own code, for the session holding `token` from [`Store::open_invitation`];
    /// `None` if it was given already (only the code stored is ever returned).
    pub async fn issue_joiner_code(
        &self,
        reference: &ReferralReference,
        token: &str,
        now: i64,
    ) -> Result<Option<AccessCode>, StoreError> {
        let own = secrets::new_access_code();
        let own_hash = secrets::hash_code(&own).await?;
        let issued = on_write!(self, |pool| {
            sqlx::query(
                "UPDATE referral_invitations SET code_hash = $1, updated_at = $2 \
                 WHERE code_hash = $3 AND state = 'open' \
                   AND referral_id = (SELECT id FROM referrals WHERE reference = $4)",
            )
            .bind(&own_hash)
            .bind(now)
            .bind(pending(token))
            .bind(reference.as_str())
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok((issued == 1).then_some(own))
    }

    /// The second part's answers, for a session that has opened the invitation.
    pub async fn load_invitation(
        &self,
        cipher: &FieldCipher,
        reference: &ReferralReference,
        now: i64,
    ) -> Result<Option<JoinAnswers>, StoreError> {
        let row: Option<Option<Vec<u8>>> = on_read!(self, |pool| {
            sqlx::query_scalar(&format!(
                "SELECT i.answers FROM referral_invitations i JOIN referrals r ON r.id = i.referral_id \
                 WHERE r.reference = $1 AND i.state = 'open' AND i.expires_at > $2 AND {}",
                still_taking("r")
            ))
            .bind(reference.as_str())
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        row.map(|sealed| open(cipher, reference, sealed)).transpose()
    }

    /// Saves the second part; `false` if the invitation is no longer open.
    pub async fn save_invitation(
        &self,
        cipher: &FieldCipher,
        reference: &ReferralReference,
        answers: &JoinAnswers,
        now: i64,
    ) -> Result<bool, StoreError> {
        let sealed = seal(cipher, reference, answers)?;
        let updated = on_write!(self, |pool| {
            sqlx::query(&format!(
                "UPDATE referral_invitations SET answers = $1, updated_at = $2, expires_at = $3 \
                 WHERE state = 'open' AND expires_at > $2 \
                   AND referral_id = (SELECT id FROM referrals WHERE reference = $4 AND {})",
                still_taking("referrals")
            ))
            .bind(&sealed)
            .bind(now)
            .bind(now + INVITATION_LIFETIME_SECS)
            .bind(reference.as_str())
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(updated == 1)
    }

    /// Adds the second part to the referral and tells the centre; `false` if it was not open
    /// (already added, or expired), in which case nothing changes.
    pub async fn submit_invitation(
        &self,
        cipher: &FieldCipher,
        reference: &ReferralReference,
        answers: &JoinAnswers,
        now: i64,
        public_url: &str,
    ) -> Result<bool, StoreError> {
        let sealed = seal(cipher, reference, answers)?;
        let r = reference.as_str();
        let site = public_url.trim_end_matches('/');
        let done = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let centre: Option<Option<String>> = sqlx::query_scalar(&format!(
                    "SELECT r.centre_slug FROM referrals r JOIN referral_invitations i ON i.referral_id = r.id \
                     WHERE r.reference = $1 AND i.state = 'open' AND i.expires_at > $2 AND {}",
                    still_taking("r")
                ))
                .bind(r)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(Some(centre)) = centre else { return Ok(false) };
                let added = sqlx::query(
                    "UPDATE referral_invitations SET state = 'submitted', answers = $1, updated_at = $2, submitted_at = $2 \
                     WHERE state = 'open' AND referral_id = (SELECT id FROM referrals WHERE reference = $3)",
                )
                .bind(&sealed)
                .bind(now)
                .bind(r)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if added != 1 {
                    return Ok(false); // added by a concurrent submit: one notice is enough
                }
                sqlx::query("UPDATE referrals SET updated_at = $1 WHERE reference = $2")
                    .bind(now)
                    .bind(r)
                    .execute(&mut *tx)
                    .await?;
                super::status::write_status!(tx, r);
                sqlx::query(INSERT_MESSAGE)
                    .bind("referral.second_part")
                    .bind(super::Recipient::Centre(centre.to_string()).stored())
                    .bind(format!("Referral {r}: the other party's part has been added"))
                    .bind(format!(
                        "The other party has added their part to referral {r}.\n\
                         Sign in to read it: {site}/centre/referrals/{r}\nThis message holds no personal details."
                    ))
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(true)
            }
            .await
        })?;
        Ok(done)
    }
}
