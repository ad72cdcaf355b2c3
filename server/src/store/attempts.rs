//! Throttling of guesses: wrong referral codes per reference, and failed sign-ins per account and
//! per address. After `max_failures` within `window_secs`, the subject is locked for `lock_secs`,
//! whichever browser the guesses come from. Kept in the database so every app server agrees.

use super::{Store, StoreError, on_read, on_write};

/// One kind of guessing to throttle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    table: &'static str,
    pub max_failures: i64,
    pub window_secs: i64,
    pub lock_secs: i64,
}

/// Referral codes: 5 wrong codes for one reference in 15 minutes lock it for 15 minutes.
pub const REFERRAL_CODES: Throttle =
    Throttle { table: "code_attempts", max_failures: 5, window_secs: 15 * 60, lock_secs: 15 * 60 };
/// Sign-in to one account: 10 failures in 15 minutes lock it for 15 minutes.
pub const SIGN_IN_ACCOUNT: Throttle =
    Throttle { table: "sign_in_failures", max_failures: 10, window_secs: 15 * 60, lock_secs: 15 * 60 };
/// Sign-in from one address (many accounts tried): 50 failures in 15 minutes lock it for an hour.
pub const SIGN_IN_ADDRESS: Throttle =
    Throttle { table: "sign_in_failures", max_failures: 50, window_secs: 15 * 60, lock_secs: 60 * 60 };

pub const MAX_FAILURES: i64 = REFERRAL_CODES.max_failures;
pub const LOCK_SECS: i64 = REFERRAL_CODES.lock_secs;

impl Throttle {
    fn key_column(self) -> &'static str {
        if self.table == "code_attempts" { "reference" } else { "subject" }
    }
}

impl Store {
    /// Whether `subject` is locked out at `now`.
    pub async fn throttle_locked(&self, t: Throttle, subject: &str, now: i64) -> Result<bool, StoreError> {
        let sql = format!("SELECT locked_until FROM {} WHERE {} = $1", t.table, t.key_column());
        let locked_until: Option<Option<i64>> =
            on_read!(self, |pool| sqlx::query_scalar(&sql).bind(subject).fetch_optional(pool).await)?;
        Ok(locked_until.flatten().is_some_and(|until| until > now))
    }

    /// Failures of `subject` in the current window (0 when none or the window has passed).
    pub async fn throttle_failures(&self, t: Throttle, subject: &str, now: i64) -> Result<i64, StoreError> {
        let sql = format!("SELECT failures FROM {} WHERE {} = $1 AND window_started_at > $2", t.table, t.key_column());
        let failures: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar(&sql).bind(subject).bind(now - t.window_secs).fetch_optional(pool).await
        })?;
        Ok(failures.unwrap_or(0))
    }

    /// Counts one failure for `subject`; the count restarts after a quiet window.
    pub async fn record_failure(&self, t: Throttle, subject: &str, now: i64) -> Result<(), StoreError> {
        let (table, key) = (t.table, t.key_column());
        let sql = format!(
            "INSERT INTO {table} ({key}, failures, window_started_at, locked_until) VALUES ($1, 1, $2, NULL) \
             ON CONFLICT ({key}) DO UPDATE SET \
               failures = CASE WHEN {table}.window_started_at <= $3 THEN 1 ELSE {table}.failures + 1 END, \
               window_started_at = CASE WHEN {table}.window_started_at <= $3 THEN $2 \
                                   ELSE {table}.window_started_at END, \
               locked_until = CASE WHEN {table}.window_started_at > $3 AND {table}.failures + 1 >= $4 THEN $5 \
                              ELSE {table}.locked_until END"
        );
        on_write!(self, |pool| {
            sqlx::query(&sql)
                .bind(subject)
                .bind(now)
                .bind(now - t.window_secs)
                .bind(t.max_failures)
                .bind(now + t.lock_secs)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Forgets the failures of `subject` after a success.
    pub async fn clear_failures(&self, t: Throttle, subject: &str) -> Result<(), StoreError> {
        let sql = format!("DELETE FROM {} WHERE {} = $1", t.table, t.key_column());
        on_write!(self, |pool| sqlx::query(&sql).bind(subject).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Deletes counts that no longer matter (quiet for a day and not locked).
    pub async fn purge_code_attempts(&self, now: i64) -> Result<u64, StoreError> {
        let mut deleted = 0;
        for table in ["code_attempts", "sign_in_failures"] {
            let sql = format!(
                "DELETE FROM {table} WHERE window_started_at < $1 AND (locked_until IS NULL OR locked_until < $2)"
            );
            deleted += on_write!(self, |pool| {
                sqlx::query(&sql).bind(now - 24 * 60 * 60).bind(now).execute(pool).await.map(|r| r.rows_affected())
            })?;
        }
        Ok(deleted)
    }

    // The referral wizard's names for the same operations.
    pub async fn code_attempts_locked(&self, reference: &str, now: i64) -> Result<bool, StoreError> {
        self.throttle_locked(REFERRAL_CODES, reference, now).await
    }

    pub async fn record_code_failure(&self, reference: &str, now: i64) -> Result<(), StoreError> {
        self.record_failure(REFERRAL_CODES, reference, now).await
    }

    pub async fn clear_code_failures(&self, reference: &str) -> Result<(), StoreError> {
        self.clear_failures(REFERRAL_CODES, reference).await
    }
}
