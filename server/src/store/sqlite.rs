//! SQLite connection set-up: WAL so readers never block the writer, foreign keys on, a busy timeout,
//! `synchronous=FULL` so an acknowledged referral survives a power cut.

use super::{Pools, StoreError};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::{str::FromStr, time::Duration};

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
const READ_CONNECTIONS: u32 = 8;

pub(super) async fn connect(url: &str) -> Result<Pools, StoreError> {
    if url.contains(":memory:") || url.contains("mode=memory") {
        // Two pools on an in-memory database would be two different databases.
        return Err(StoreError::UnsupportedUrl);
    }
    open(SqliteConnectOptions::from_str(url)?).await
}

async fn open(options: SqliteConnectOptions) -> Result<Pools, StoreError> {
    let options = options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT);
    // The writer opens first so the file and its WAL exist before any reader connects.
    let write = SqlitePoolOptions::new()
        .max_connections(1)
        .acquire_timeout(super::ACQUIRE_TIMEOUT)
        .connect_with(options.clone())
        .await?;
    let read = SqlitePoolOptions::new()
        .max_connections(READ_CONNECTIONS)
        .acquire_timeout(super::ACQUIRE_TIMEOUT)
        .connect_with(options.read_only(true))
        .await?;
    Ok(Pools::Sqlite { write, read })
}
