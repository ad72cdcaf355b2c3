//! Throttling of guesses: wrong referral codes per reference, purpose and party; failed sign-ins
//! per account and per address; wrong authenticator codes per account. Each attempt is counted
//! first, in one atomic statement, and only then allowed or refused, so guesses sent in parallel
//! cannot get past a limit. Past `max_failures` within `window_secs` the subject is locked for
//! `lock_secs`, whichever browser the guesses come from. Kept in the database so every app server
//! agrees.

use super::{Store, StoreError, on_read, on_write};

/// One kind of guessing to throttle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    table: &'static str,
    pub max_failures: i64,
    pub window_secs: i64,
    pub lock_secs: i64,
}

/// Referral codes: 5 wrong codes for one reference and purpose in 15 minutes lock it for 15 minutes.
pub const REFERRAL_CODES: Throttle = Throttle {
    table: "code_attempts",
    max_failures: 5,
    window_secs: 15 * 60,
    lock_secs: shared::durations::GUESS_LOCK.as_secs(),
};
/// Sign-in to one account: 10 failures in 15 minutes lock it for 15 minutes.
pub const SIGN_IN_ACCOUNT: Throttle = Throttle {
    table: "sign_in_failures",
    max_failures: 10,
    window_secs: 15 * 60,
    lock_secs: shared::durations::GUESS_LOCK.as_secs(),
};
/// Authenticator (or recovery) codes for one account: a separate count that no right password
/// clears; 10 wrong codes in 15 minutes lock the account's sign-in for 15 minutes.
pub const SECOND_FACTOR: Throttle = Throttle {
    table: "sign_in_failures",
    max_failures: 10,
    window_secs: 15 * 60,
    lock_secs: shared::durations::GUESS_LOCK.as_secs(),
};
/// Sign-in from one address (many accounts tried): 50 failures in 15 minutes lock it for an hour.
pub const SIGN_IN_ADDRESS: Throttle =
    Throttle { table: "sign_in_failures", max_failures: 50, window_secs: 15 * 60, lock_secs: 60 * 60 };

/// Messages through the contact form from one address: `shared::contact`'s limit (the page says
/// it in words from the same values); past it, none for the rest of the window. Counted with the
/// sign-in failures' table: a subject there is any string (`contact:<address>`).
pub const CONTACT_SENDER: Throttle = Throttle {
    table: "sign_in_failures",
    max_failures: shared::contact::MESSAGES_PER_SENDER,
    window_secs: shared::contact::SENDER_WINDOW.as_secs(),
    lock_secs: shared::contact::SENDER_WINDOW.as_secs(),
};

pub const MAX_FAILURES: i64 = REFERRAL_CODES.max_failures;
pub const LOCK_SECS: i64 = REFERRAL_CODES.lock_secs;

/// One counted attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// Whether this attempt may be checked (it is within the limit and the subject is not locked).
    pub allowed: bool,
    /// Attempts counted before this one in the current window (for backing off).
    pub earlier: i64,
}

impl Throttle {
    fn key_column(self) -> &'static str {
        if self.table == "code_attempts" { "reference" } else { "subject" }
    }
}

impl Store {
    /// Counts an attempt by `subject` at `now`, then says whether it may go on. The count and the
    /// decision come from one statement (`… RETURNING`), so parallel attempts each see their own
    /// place in line: only the first `max_failures` in a window are allowed. The attempt that goes
    /// past the limit starts the lock.
    pub async fn attempt(&self, t: Throttle, subject: &str, now: i64) -> Result<Attempt, StoreError> {
        let (table, key) = (t.table, t.key_column());
        let new_count = format!("CASE WHEN {table}.window_started_at <= $3 THEN 1 ELSE {table}.failures + 1 END");
        let sql = format!(
            "INSERT INTO {table} ({key}, failures, window_started_at, locked_until) \
             VALUES ($1, 1, $2, CASE WHEN 1 > $4 THEN $5 ELSE NULL END) \
             ON CONFLICT ({key}) DO UPDATE SET \
               failures = {new_count}, \
               window_started_at = CASE WHEN {table}.window_started_at <= $3 THEN $2 \
                                   ELSE {table}.window_started_at END, \
               locked_until = CASE WHEN ({table}.locked_until IS NULL OR {table}.locked_until <= $2) \
                                   AND {new_count} > $4 THEN $5 ELSE {table}.locked_until END \
             RETURNING failures, locked_until"
        );
        let (failures, locked_until): (i64, Option<i64>) = on_write!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(subject)
                .bind(now)
                .bind(now - t.window_secs)
                .bind(t.max_failures)
                .bind(now + t.lock_secs)
                .fetch_one(pool)
                .await
        })?;
        let locked = locked_until.is_some_and(|until| until > now);
        Ok(Attempt { allowed: failures <= t.max_failures && !locked, earlier: failures - 1 })
    }

    /// Whether the next attempt by `subject` at `now` would be refused (locked, or the window's
    /// attempts used up). Only for telling people; decisions go through [`Store::attempt`].
    pub async fn throttle_locked(&self, t: Throttle, subject: &str, now: i64) -> Result<bool, StoreError> {
        let sql =
            format!("SELECT failures, window_started_at, locked_until FROM {} WHERE {} = $1", t.table, t.key_column());
        let row: Option<(i64, i64, Option<i64>)> =
            on_read!(self, |pool| sqlx::query_as(&sql).bind(subject).fetch_optional(pool).await)?;
        Ok(row.is_some_and(|(failures, started, until)| {
            until.is_some_and(|until| until > now) || (started > now - t.window_secs && failures >= t.max_failures)
        }))
    }

    /// Takes back one counted attempt (a right answer from an address that is only counted for
    /// its failures).
    pub async fn forgive_attempt(&self, t: Throttle, subject: &str) -> Result<(), StoreError> {
        let sql =
            format!("UPDATE {} SET failures = failures - 1 WHERE {} = $1 AND failures > 0", t.table, t.key_column());
        on_write!(self, |pool| sqlx::query(&sql).bind(subject).execute(pool).await.map(|_| ()))?;
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
}
