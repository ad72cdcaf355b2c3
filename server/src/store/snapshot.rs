//! What a backup needs of the database itself: a consistent copy of SQLite's file, and whether a
//! database is new (a restore never lands on top of data).

use super::{Pools, Store, StoreError};
use std::path::Path;

impl Store {
    /// SQLite: the whole database, as of one moment, into the new file `to` (`VACUUM INTO` reads
    /// in one transaction, so writes carry on and none is half in the copy). PostgreSQL has
    /// `pg_dump` for this.
    pub async fn vacuum_into(&self, to: &Path) -> Result<(), StoreError> {
        match &*self.pools {
            Pools::Sqlite { read, .. } => {
                let to = to.to_str().ok_or(StoreError::UnsupportedUrl)?;
                sqlx::query("VACUUM INTO ?").bind(to).execute(read).await?;
                Ok(())
            }
            Pools::Postgres(_) => Err(StoreError::UnsupportedUrl),
        }
    }

    /// Ends every staff session (a restored database must not bring back one ended since).
    pub async fn end_every_session(&self) -> Result<(), StoreError> {
        super::on_write!(self, |pool| sqlx::query("DELETE FROM sessions").execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Whether the database holds no table of its own yet (nothing migrated, nothing restored).
    pub async fn is_empty(&self) -> Result<bool, StoreError> {
        let tables: i64 = match &*self.pools {
            Pools::Sqlite { read, .. } => {
                sqlx::query_scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetch_one(read).await?
            }
            Pools::Postgres(pool) => {
                sqlx::query_scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
                    .fetch_one(pool)
                    .await?
            }
        };
        Ok(tables == 0)
    }
}
