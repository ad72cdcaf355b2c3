//! `referrals.status`, what a referrer is told, has one writer: [`write_status!`], run inside
//! the transaction of every change it depends on (the case's state, the other party's part),
//! and deciding by one rule (`shared::referral::referrer_status`).

use shared::referral::case::CaseState;
use shared::referral::referrer_status::{OtherPart, referrer_status};

/// Rewrites `referrals.status` of the referral `$reference` from its stored case state and
/// invitation, inside the transaction `$tx`.
macro_rules! write_status {
    ($tx:ident, $reference:expr) => {{
        let (case_state, invitation): (Option<String>, Option<String>) = sqlx::query_as(
            "SELECT r.case_state, (SELECT i.state FROM referral_invitations i WHERE i.referral_id = r.id) \
             FROM referrals r WHERE r.reference = $1",
        )
        .bind($reference)
        .fetch_one(&mut *$tx)
        .await?;
        // A state that cannot be read keeps the status it had (and is reported where it is read).
        sqlx::query("UPDATE referrals SET status = COALESCE($1, status) WHERE reference = $2")
            .bind($crate::store::status::status_code(case_state.as_deref(), invitation.as_deref()))
            .bind($reference)
            .execute(&mut *$tx)
            .await?;
    }};
}
pub(crate) use write_status;

/// The stored status for a stored case state and invitation state (`open`, `submitted`).
pub(crate) fn status_code(case_state: Option<&str>, invitation: Option<&str>) -> Option<&'static str> {
    let state: CaseState = serde_json::from_str(case_state?).ok()?;
    let other = match invitation {
        None => OtherPart::NotAsked,
        Some("submitted") => OtherPart::Added,
        Some(_) => OtherPart::Invited,
    };
    Some(referrer_status(&state, other).code())
}
