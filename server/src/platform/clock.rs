//! The clock the app reads: the system's, or one tests can set and move.

use app::ports::Clock;
use std::sync::atomic::{AtomicI64, Ordering};

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        time::OffsetDateTime::now_utc().unix_timestamp()
    }
}

/// A clock that says what it is told (tests).
pub struct ManualClock(AtomicI64);

impl ManualClock {
    pub fn at(now: i64) -> Self {
        Self(AtomicI64::new(now))
    }

    pub fn set(&self, now: i64) {
        self.0.store(now, Ordering::SeqCst);
    }

    pub fn advance(&self, seconds: i64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// `2026-11-23 09:41:07 UTC`.
pub fn utc_time(at: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(at) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        Err(_) => at.to_string(),
    }
}
