//! PostgreSQL connection set-up: one pool shared by reads and writes; several app servers may
//! share the database.

use super::{Pools, StoreError};
use sqlx::postgres::PgPoolOptions;

const MAX_CONNECTIONS: u32 = 16;

pub(super) async fn connect(url: &str) -> Result<Pools, StoreError> {
    let pool = PgPoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .acquire_timeout(super::ACQUIRE_TIMEOUT)
        .connect(url)
        .await?;
    Ok(Pools::Postgres(pool))
}
