//! The data store: one interface, two implementations (SQLite, the zero-setup default, and
//! PostgreSQL, for several app servers on one database).
//!
//! SQL text is written once wherever the dialects agree (`$1…$n` placeholders work on both) and run
//! through [`on_read!`] / [`on_write!`], which expand the same code for each backend's pool.
//! Rows are read with runtime-checked `query_as` + `FromRow`, so no database is needed to compile.

mod account_links;
mod accreditation;
mod advice;
mod assessment;
mod attempts;
mod audit;
mod board;
mod board_cache;
mod board_registers;
mod cases;
mod centres;
mod contact;
mod dashboard;
mod invitations;
mod national;
mod outbox;
mod postgres;
mod questions;
mod referrals;
mod retention;
mod returns;
mod returns_seed;
mod sessions;
mod snapshot;
mod sqlite;
mod status;
mod submissions;
mod users;

pub use account_links::{LinkPurpose, NewLink};
pub use accreditation::{CaseRow, NewCase, StepEffects, StepRow};
pub use advice::{AdviceAsked, AdviceRow};
pub use assessment::{EvidenceRow, ItemRow, NewEvidence, QueryRow};
pub use attempts::{
    Attempt, CONTACT_SENDER, LOCK_SECS, MAX_FAILURES, REFERRAL_CODES, SECOND_FACTOR, SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS,
    Throttle,
};
pub use audit::{Actor, AuditEntry, AuditEvent, AuditSearch, Outcome};
pub use board_registers::{InspectionRow, TrainingRow};
pub use cases::{CaseChange, CaseEventRow, CaseRecord, NewNote, NoteAdded, active_staff, date_of};
pub use contact::ContactRow;
pub use invitations::{INVITATION_LIFETIME_SECS, InviteOutcome};
pub use outbox::{DueMessage, Message, QueuedMessage, Recipient, STATUS_NEWS, status_news_subject};
pub use questions::QuestionAdded;
pub use referrals::DRAFT_LIFETIME_SECS;
pub use returns::{AmendmentRow, ReturnRecord, ReturnWrite};
pub use returns_seed::SeedReturn;
pub use sessions::SessionStore;
pub use submissions::{Submission, SubmitOutcome, SubmittedReferral, light_code};
pub use users::{NewUser, User};

use sqlx::{PgPool, SqlitePool};
use std::time::Duration;

/// Which database a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL (use sqlite:… or postgres://…)")]
    UnsupportedUrl,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is invalid: {0}")]
    CorruptRow(String),
    #[error("sealed data: {0}")]
    Crypto(#[from] crate::platform::crypto::CryptoError),
    #[error("code hashing: {0}")]
    Secret(#[from] crate::platform::secrets::SecretError),
    #[error("draft refused: {0}")]
    InvalidDraft(shared::referral::DraftError),
}

pub(crate) enum Pools {
    /// Writes go through a pool of one connection (SQLite allows one writer at a time, and a single
    /// connection avoids `SQLITE_BUSY` between our own writers); reads use a separate pool.
    Sqlite {
        write: SqlitePool,
        read: SqlitePool,
    },
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the pool for reads, whichever the backend.
macro_rules! on_read {
    ($store:expr, |$pool:ident| $body:expr) => {
        match &*$store.pools {
            $crate::store::Pools::Sqlite { read: $pool, .. } => $body,
            $crate::store::Pools::Postgres($pool) => $body,
        }
    };
}

/// Runs `$body` with `$pool` bound to the pool for writes, whichever the backend.
macro_rules! on_write {
    ($store:expr, |$pool:ident| $body:expr) => {
        match &*$store.pools {
            $crate::store::Pools::Sqlite { write: $pool, .. } => $body,
            $crate::store::Pools::Postgres($pool) => $body,
        }
    };
}
pub(crate) use {on_read, on_write};

/// A cheap-to-clone handle on the database.
#[derive(Clone)]
pub struct Store {
    pools: std::sync::Arc<Pools>,
    /// The parsed centre directory, read on every search (see `centres::DIRECTORY_TTL`).
    directory: std::sync::Arc<std::sync::Mutex<Option<centres::CachedDirectory>>>,
    /// What the board's figures were last worked out from (see `board_cache::BoardCache`).
    board: std::sync::Arc<std::sync::Mutex<board_cache::BoardCache>>,
    /// Every centre's referrals per quarter for the dashboards' national median (see
    /// `dashboard::NationalCache`).
    national: std::sync::Arc<std::sync::Mutex<dashboard::NationalCache>>,
}

/// How long a request waits for a free connection before reporting the store unavailable.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

impl Store {
    /// Connects to `sqlite:path/to/file.db` or `postgres://…`, creating a SQLite file if needed.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let pools = match backend_of(url)? {
            Backend::Sqlite => sqlite::connect(url).await?,
            Backend::Postgres => postgres::connect(url).await?,
        };
        Ok(Self {
            pools: std::sync::Arc::new(pools),
            directory: Default::default(),
            board: Default::default(),
            national: Default::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        match *self.pools {
            Pools::Sqlite { .. } => Backend::Sqlite,
            Pools::Postgres(_) => Backend::Postgres,
        }
    }

    /// The PostgreSQL pool, if this is PostgreSQL (for `LISTEN`).
    pub fn postgres_pool(&self) -> Option<sqlx::PgPool> {
        match &*self.pools {
            Pools::Postgres(pool) => Some(pool.clone()),
            Pools::Sqlite { .. } => None,
        }
    }

    /// `NOTIFY channel, payload` on PostgreSQL (`true`); nothing on SQLite (`false`).
    pub async fn notify(&self, channel: &str, payload: &str) -> Result<bool, StoreError> {
        match &*self.pools {
            Pools::Postgres(pool) => {
                sqlx::query("SELECT pg_notify($1, $2)").bind(channel).bind(payload).execute(pool).await?;
                Ok(true)
            }
            Pools::Sqlite { .. } => Ok(false),
        }
    }

    /// Applies the embedded migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &*self.pools {
            Pools::Sqlite { write, .. } => sqlx::migrate!("./migrations/sqlite").run(write).await?,
            Pools::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        self.session_store()?.migrate().await
    }

    /// Answers whether the database responds to a trivial query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_read!(self, |pool| sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Closes every connection; used at shutdown so SQLite checkpoints its WAL.
    pub async fn close(&self) {
        match &*self.pools {
            Pools::Sqlite { write, read } => {
                read.close().await;
                write.close().await;
            }
            Pools::Postgres(pool) => pool.close().await,
        }
    }
}

pub fn backend_of(url: &str) -> Result<Backend, StoreError> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Backend::Postgres)
    } else {
        Err(StoreError::UnsupportedUrl)
    }
}

/// A database URL with any password replaced, safe to print or log.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_backends() {
        assert_eq!(backend_of("sqlite:data/hub.db").ok(), Some(Backend::Sqlite));
        assert_eq!(backend_of("postgres://u@h/db").ok(), Some(Backend::Postgres));
        assert_eq!(backend_of("postgresql://u@h/db").ok(), Some(Backend::Postgres));
        assert!(backend_of("mysql://u@h/db").is_err());
    }

    #[test]
    fn redacts_passwords_only() {
        assert_eq!(redact_url("postgres://hub:s3cret@db:5432/hub"), "postgres://hub:***@db:5432/hub");
        assert_eq!(redact_url("postgres://hub@db/hub"), "postgres://hub@db/hub");
        assert_eq!(redact_url("sqlite:data/hub.db"), "sqlite:data/hub.db");
    }
}
