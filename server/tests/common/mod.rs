//! Test databases: a fresh SQLite file, or a fresh database on the PostgreSQL server named by
//! `TEST_POSTGRES_URL` (scripts/test starts one). With `NACCC_REQUIRE_POSTGRES` set, a missing
//! PostgreSQL server fails the tests instead of skipping them.
#![allow(dead_code)] // each test binary uses a different part of this module

pub mod accreditation;
pub mod board;
pub mod returns;
pub mod staff;
pub mod web;
pub mod wizard;

use rand::Rng;
use server::store::{Backend, Store};
use sqlx::{Connection, Executor};

pub struct TestDb {
    pub store: Store,
    pub url: String,
    /// The evidence files' store (in memory: what a test leaves there is checked).
    pub evidence: server::accreditation::evidence::EvidenceStore,
    // Keeps the SQLite file's directory alive for the test's duration.
    _dir: Option<tempfile::TempDir>,
}

fn memory_evidence() -> server::accreditation::evidence::EvidenceStore {
    server::accreditation::evidence::EvidenceStore::new(std::sync::Arc::new(object_store::memory::InMemory::new()))
}

impl TestDb {
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite:{}", dir.path().join("test.db").display());
        Self::open(url, Some(dir)).await
    }

    /// Opens and migrates the database at `url` (`dir` holds a SQLite file).
    async fn open(url: String, dir: Option<tempfile::TempDir>) -> Self {
        let store = Store::connect(&url).await.expect("open the database");
        store.migrate().await.expect("migrate");
        Self { store, url, evidence: memory_evidence(), _dir: dir }
    }

    /// A new database of the same kind, not yet created (SQLite) or empty (PostgreSQL): what
    /// `fill` (a restore, say) puts there is then opened and migrated as a `TestDb`.
    pub async fn another<F: std::future::Future<Output = ()>>(&self, fill: impl FnOnce(String) -> F) -> Self {
        match self.store.backend() {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite:{}", dir.path().join("other.db").display());
                fill(url.clone()).await;
                Self::open(url, Some(dir)).await
            }
            Backend::Postgres => {
                let url = Self::create_postgres_database(&self.url).await;
                fill(url.clone()).await;
                Self::open(url, None).await
            }
        }
    }

    /// A new, empty database on the server of `like` (with its options), by URL.
    async fn create_postgres_database(like: &str) -> String {
        let name = format!("naccc_test_{:016x}", rand::rng().random::<u64>());
        let mut admin = sqlx::PgConnection::connect(like).await.expect("connect to PostgreSQL");
        admin.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create test database");
        // The test database on the same server, with the same options (`?sslmode=require`, …).
        let (path, options) = like.split_once('?').map_or((like, None), |(p, o)| (p, Some(o)));
        let (base, _) = path.rsplit_once('/').expect("database URL has a path");
        match options {
            Some(options) => format!("{base}/{name}?{options}"),
            None => format!("{base}/{name}"),
        }
    }

    /// `None` (the test is skipped) only when PostgreSQL is neither configured nor required.
    pub async fn postgres() -> Option<Self> {
        let Some(admin_url) = std::env::var("TEST_POSTGRES_URL").ok().filter(|url| !url.trim().is_empty()) else {
            assert!(
                std::env::var_os("NACCC_REQUIRE_POSTGRES").is_none(),
                "NACCC_REQUIRE_POSTGRES is set but TEST_POSTGRES_URL is not"
            );
            eprintln!("skipping: TEST_POSTGRES_URL is not set (scripts/test sets it)");
            return None;
        };
        let url = Self::create_postgres_database(&admin_url).await;
        Some(Self::open(url, None).await)
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
    /// Reads one column of every row, around the application (bytes, text, numbers…).
    pub async fn raw_column<T>(&self, sql: &str) -> Vec<T>
    where
        T: Send
            + Unpin
            + for<'r> sqlx::Decode<'r, sqlx::Sqlite>
            + sqlx::Type<sqlx::Sqlite>
            + for<'r> sqlx::Decode<'r, sqlx::Postgres>
            + sqlx::Type<sqlx::Postgres>,
    {
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

/// One test at a time per test binary. Leptos keeps process-wide state (its executor and reactive
/// runtime) that the server shares across requests on one tokio runtime; `#[tokio::test]` gives
/// each test its own runtime, and pages rendered on several runtimes at once in one process were
/// seen to stall (about 1 run in 25). Production runs one runtime, so serialising tests is faithful.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs a test body on its own runtime, with the time limit.
pub fn run(test: impl std::future::Future<Output = ()>) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("test runtime");
    runtime.block_on(async { tokio::time::timeout(TEST_TIMEOUT, test).await.expect("test timed out") });
}

/// No test may take this long: a stall fails the test instead of the whole CI run.
pub const TEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Declares each listed `async fn(&TestDb)` as a test on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    let _serial = $crate::common::serial();
                    $crate::common::run(async {
                        let db = $crate::common::TestDb::sqlite().await;
                        super::$name(&db).await;
                    });
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $name() {
                    let _serial = $crate::common::serial();
                    $crate::common::run(async {
                        let Some(db) = $crate::common::TestDb::postgres().await else { return };
                        super::$name(&db).await;
                    });
                }
            )*
        }
    };
}
