//! Backups of the whole database, taken while the service runs, and putting one back into a new,
//! empty database. SQLite: `VACUUM INTO`, a consistent snapshot in one file (the writer and the
//! readers carry on). PostgreSQL: `pg_dump`'s custom format, put back by `pg_restore` in one
//! transaction. Personal data stays sealed in the copy: it opens only with the same data key,
//! which is never in a backup and must be kept (and restored) separately.

use crate::store::{Backend, Store, StoreError, backend_of};
use std::path::{Path, PathBuf};
use std::process::Stdio;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} exists already: a backup never overwrites a file")]
    Exists(PathBuf),
    #[error("the database to restore into is not empty: restore only into a new database")]
    NotEmpty,
    #[error("the database URL cannot be read")]
    BadUrl,
    #[error("{tool} failed: {detail}")]
    Tool { tool: &'static str, detail: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Writes a consistent copy of the database `store` (opened at `url`) to the new file `to`.
pub async fn backup(store: &Store, url: &str, to: &Path) -> Result<(), BackupError> {
    if to.exists() {
        return Err(BackupError::Exists(to.to_owned()));
    }
    match store.backend() {
        Backend::Sqlite => Ok(store.vacuum_into(to).await?),
        Backend::Postgres => {
            let to = to.to_str().ok_or(BackupError::BadUrl)?;
            run_pg("pg_dump", url, &["--format=custom", "--no-owner", "--no-privileges", "--file", to]).await
        }
    }
}

/// Puts the backup `from` into the new, empty database at `url` (nothing is overwritten). The
/// server migrates it as it starts, so a backup taken before a newer version restores too.
pub async fn restore(url: &str, from: &Path) -> Result<(), BackupError> {
    if !from.is_file() {
        return Err(BackupError::Io(std::io::Error::new(std::io::ErrorKind::NotFound, "no such backup file")));
    }
    match backend_of(url)? {
        Backend::Sqlite => {
            let path = sqlite_path(url)?;
            if path.exists() {
                return Err(BackupError::NotEmpty);
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                tokio::fs::create_dir_all(dir).await?;
            }
            // Copied beside, then renamed: a restore cut short leaves no half database.
            let partial = path.with_extension("restoring");
            tokio::fs::copy(from, &partial).await?;
            tokio::fs::File::open(&partial).await?.sync_all().await?;
            tokio::fs::rename(&partial, &path).await?;
            Ok(())
        }
        Backend::Postgres => {
            let store = Store::connect(url).await?;
            let empty = store.is_empty().await;
            store.close().await;
            if !empty? {
                return Err(BackupError::NotEmpty);
            }
            let from = from.to_str().ok_or(BackupError::BadUrl)?;
            run_pg(
                "pg_restore",
                url,
                &["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", from],
            )
            .await
        }
    }
}

fn sqlite_path(url: &str) -> Result<PathBuf, BackupError> {
    use std::str::FromStr;
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url).map_err(|_| BackupError::BadUrl)?;
    Ok(options.get_filename().to_owned())
}

/// Runs a PostgreSQL client tool against `url`. The connection is given in libpq's environment
/// variables, never on the command line, where any user of the machine could read a password.
async fn run_pg(tool: &'static str, url: &str, args: &[&str]) -> Result<(), BackupError> {
    let url = url::Url::parse(url).map_err(|_| BackupError::BadUrl)?;
    let mut command = tokio::process::Command::new(tool);
    // The database's name is no secret: both tools take it as an argument (pg_restore needs one).
    let database = decoded(url.path().trim_start_matches('/'));
    command.args(args).arg(format!("--dbname={database}"));
    command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    command.env("PGHOST", url.host_str().ok_or(BackupError::BadUrl)?);
    command.env("PGPORT", url.port().unwrap_or(5432).to_string());
    if !url.username().is_empty() {
        command.env("PGUSER", decoded(url.username()));
    }
    if let Some(password) = url.password() {
        command.env("PGPASSWORD", decoded(password));
    }
    for (key, value) in url.query_pairs() {
        if key == "sslmode" {
            command.env("PGSSLMODE", value.as_ref());
        }
    }
    let output = command.output().await.map_err(|e| BackupError::Tool { tool, detail: e.to_string() })?;
    if output.status.success() {
        Ok(())
    } else {
        let detail = String::from_utf8_lossy(&output.stderr).lines().last().unwrap_or("no message").to_owned();
        Err(BackupError::Tool { tool, detail })
    }
}

/// A URL's user name or password as typed (they are percent-encoded in the URL).
fn decoded(part: &str) -> String {
    percent_encoding::percent_decode_str(part).decode_utf8_lossy().into_owned()
}
