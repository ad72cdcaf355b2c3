//! Sessions in the database (tower-sessions' sqlx stores), on whichever backend the store uses, so
//! every app server sees the same sessions and signing out ends a session everywhere.

use super::{Pools, Store, StoreError};
use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

const TABLE: &str = "sessions";

#[derive(Debug, Clone)]
pub enum SessionStore {
    /// Written through the single writer connection; read through the readers, so a slow or
    /// stalled read (a live stream's check) never holds up the writes of other requests.
    Sqlite {
        store: SqliteStore,
        write: sqlx::SqlitePool,
        reads: SqliteStore,
    },
    Postgres(PostgresStore, sqlx::PgPool),
}

impl Store {
    /// The session store over this database (its table is made by [`Store::migrate`]).
    pub fn session_store(&self) -> Result<SessionStore, StoreError> {
        let bad_name = |e: String| StoreError::CorruptRow(e);
        let store = match &*self.pools {
            // Sessions are written on most requests that change them: the single writer connection
            // keeps SQLite free of lock contention between our own writers.
            Pools::Sqlite { write, read } => SessionStore::Sqlite {
                store: SqliteStore::new(write.clone()).with_table_name(TABLE).map_err(bad_name)?,
                write: write.clone(),
                reads: SqliteStore::new(read.clone()).with_table_name(TABLE).map_err(bad_name)?,
            },
            Pools::Postgres(pool) => {
                let s = PostgresStore::new(pool.clone())
                    .with_schema_name("public")
                    .and_then(|s| s.with_table_name(TABLE))
                    .map_err(bad_name)?;
                SessionStore::Postgres(s, pool.clone())
            }
        };
        Ok(store)
    }
}

impl SessionStore {
    /// Creates the sessions table if it is missing (the crate owns its schema).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            Self::Sqlite { store, .. } => store.migrate().await?,
            Self::Postgres(s, _) => s.migrate().await?,
        }
        Ok(())
    }
}

#[async_trait]
impl tower_sessions::SessionStore for SessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Self::Sqlite { store, .. } => store.create(record).await,
            Self::Postgres(s, _) => s.create(record).await,
        }
    }

    /// Updates a session that still exists, and never makes one again: a request that was in
    /// flight while its session was ended (sign-out, "Exit this page") must not bring it back.
    /// New sessions (and new ids after `cycle_id`) go through `create`.
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = rmp_serde::to_vec(record).map_err(|e| session_store::Error::Encode(e.to_string()))?;
        let backend = |e: sqlx::Error| session_store::Error::Backend(e.to_string());
        // One statement for both backends (`sessions` is on PostgreSQL's search path too).
        macro_rules! update {
            ($pool:expr) => {
                sqlx::query("UPDATE sessions SET data = $1, expiry_date = $2 WHERE id = $3")
                    .bind(&data)
                    .bind(record.expiry_date)
                    .bind(record.id.to_string())
                    .execute($pool)
                    .await
                    .map_err(backend)?
                    .rows_affected()
            };
        }
        match self {
            Self::Sqlite { write, .. } => update!(write),
            Self::Postgres(_, pool) => update!(pool),
        };
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Self::Sqlite { reads, .. } => reads.load(id).await,
            Self::Postgres(s, _) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Self::Sqlite { store, .. } => store.delete(id).await,
            Self::Postgres(s, _) => s.delete(id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for SessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            Self::Sqlite { store, .. } => store.delete_expired().await,
            Self::Postgres(s, _) => s.delete_expired().await,
        }
    }
}
