//! Test databases: a fresh SQLite file, or a fresh database on the PostgreSQL server named by
//! `TEST_POSTGRES_URL` (scripts/test starts one). With `NACCC_REQUIRE_POSTGRES` set, a missing
//! PostgreSQL server fails the tests instead of skipping them.
#![allow(dead_code)] // each test binary uses a different part of this module

use rand::Rng;
use server::store::{Backend, Store};
use sqlx::{Connection, Executor};

pub struct TestDb {
    pub store: Store,
    pub url: String,
    // Keeps the SQLite file's directory alive for the test's duration.
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite:{}", dir.path().join("test.db").display());
        let store = Store::connect(&url).await.expect("open SQLite");
        store.migrate().await.expect("migrate SQLite");
        Self { store, url, _dir: Some(dir) }
    }

    /// `None` (the test is skipped) only when PostgreSQL is neither configured nor required.
    pub async fn postgres() -> Option<Self> {
        let Ok(admin_url) = std::env::var("TEST_POSTGRES_URL") else {
            assert!(
                std::env::var_os("NACCC_REQUIRE_POSTGRES").is_none(),
                "NACCC_REQUIRE_POSTGRES is set but TEST_POSTGRES_URL is not"
            );
            eprintln!("skipping: TEST_POSTGRES_URL is not set (scripts/test sets it)");
            return None;
        };
        let name = format!("naccc_test_{:016x}", rand::rng().random::<u64>());
        let mut admin = sqlx::PgConnection::connect(&admin_url).await.expect("connect to PostgreSQL");
        admin.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create test database");
        let (base, _) = admin_url.rsplit_once('/').expect("database URL has a path");
        let url = format!("{base}/{name}");
        let store = Store::connect(&url).await.expect("open PostgreSQL");
        store.migrate().await.expect("migrate PostgreSQL");
        Some(Self { store, url, _dir: None })
    }

    /// Runs SQL on a separate connection, around the application, binding text parameters.
    pub async fn execute_raw(&self, sql: &str, params: &[&str]) -> Result<u64, sqlx::Error> {
        match self.store.backend() {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await?;
                let mut query = sqlx::query(sql);
                for p in params {
                    query = query.bind(*p);
                }
                Ok(query.execute(&mut conn).await?.rows_affected())
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await?;
                let mut query = sqlx::query(sql);
                for p in params {
                    query = query.bind(*p);
                }
                Ok(query.execute(&mut conn).await?.rows_affected())
            }
        }
    }
}

impl TestDb {
    /// Reads one BLOB/BYTEA column of every row, around the application.
    pub async fn raw_bytes(&self, sql: &str) -> Vec<Vec<u8>> {
        match self.store.backend() {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.expect("connect");
                sqlx::query_scalar(sql).fetch_all(&mut conn).await.expect("raw read")
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.expect("connect");
                sqlx::query_scalar(sql).fetch_all(&mut conn).await.expect("raw read")
            }
        }
    }
}

impl TestDb {
    /// Reads one text column of every row, around the application.
    pub async fn raw_text(&self, sql: &str) -> Vec<String> {
        match self.store.backend() {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.expect("connect");
                sqlx::query_scalar(sql).fetch_all(&mut conn).await.expect("raw read")
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.expect("connect");
                sqlx::query_scalar(sql).fetch_all(&mut conn).await.expect("raw read")
            }
        }
    }
}

/// Declares each listed `async fn(&TestDb)` as a test on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let db = $crate::common::TestDb::sqlite().await;
                    super::$name(&db).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let Some(db) = $crate::common::TestDb::postgres().await else { return };
                    super::$name(&db).await;
                }
            )*
        }
    };
}
