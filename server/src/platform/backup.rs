//! Backups of the whole database, taken while the service runs, and putting one back into a new,
//! empty database. SQLite: `VACUUM INTO`, a consistent snapshot in one file (the writer and the
//! readers carry on). PostgreSQL: `pg_dump`'s custom format, put back by `pg_restore` in one
//! transaction. Personal data stays sealed in the copy: it opens only with the same data key,
//! which is never in a backup and must be kept (and restored) separately. A backup still holds
//! password hashes, staff sessions and the audit log, so its file is readable by its owner only.

use crate::store::{Backend, Store, StoreError, backend_of};
use std::fs::{File, OpenOptions};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Stdio;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} exists already: a backup never overwrites a file")]
    Exists(PathBuf),
    #[error("there is no database here to back up (nothing migrated): check the database URL")]
    NothingThere,
    #[error("the database to restore into is not new and empty: restore only into a new database")]
    NotEmpty,
    #[error("the file given is not a backup this command can restore")]
    NotABackup,
    #[error("the database URL or a path cannot be read")]
    BadUrl,
    #[error("{tool} failed: {detail}")]
    Tool { tool: &'static str, detail: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Backs up the database at `url` to the new file `to`, opening it without creating or
/// migrating anything (a wrong URL must not back up a database made just now, empty).
pub async fn backup_database(url: &str, to: &Path) -> Result<(), BackupError> {
    if backend_of(url)? == Backend::Sqlite && !sqlite_path(url)?.is_file() {
        return Err(BackupError::NothingThere);
    }
    let store = Store::connect(url).await?;
    let result = backup(&store, url, to).await;
    store.close().await;
    result
}

/// Writes a consistent copy of the database `store` (opened at `url`) to the new file `to`:
/// made beside it under another name (owner-only, never following a link), then linked into
/// place, so `to` is never a half-written backup and is never someone else's file.
pub async fn backup(store: &Store, url: &str, to: &Path) -> Result<(), BackupError> {
    if store.is_empty().await? {
        return Err(BackupError::NothingThere);
    }
    if to.symlink_metadata().is_ok() {
        return Err(BackupError::Exists(to.to_owned()));
    }
    let partial = beside(to, "partial")?;
    let file = private_new_file(&partial)?;
    let written = match store.backend() {
        Backend::Sqlite => {
            drop(file);
            // VACUUM INTO writes into an empty file as it finds it: its mode stays owner-only.
            store.vacuum_into(&partial).await.map_err(BackupError::from)
        }
        Backend::Postgres => {
            run_pg("pg_dump", url, &["--format=custom", "--no-owner", "--no-privileges"], Some(file)).await
        }
    };
    let linked = written.and_then(|()| {
        File::open(&partial)?.sync_all()?;
        std::fs::hard_link(&partial, to).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => BackupError::Exists(to.to_owned()),
            _ => BackupError::Io(e),
        })
    });
    let _ = std::fs::remove_file(&partial);
    linked
}

/// Puts the backup `from` into the new, empty database at `url` (nothing is overwritten), and
/// ends every staff session it held (a session ended since the backup must not come back). The
/// server migrates it as it starts, so a backup taken before a newer version restores too.
pub async fn restore(url: &str, from: &Path) -> Result<(), BackupError> {
    if !from.is_file() {
        return Err(BackupError::Io(std::io::Error::new(std::io::ErrorKind::NotFound, "no such backup file")));
    }
    match backend_of(url)? {
        Backend::Sqlite => {
            let path = sqlite_path(url)?;
            // An old write-ahead log or journal beside it would be replayed onto the backup.
            for taken in [path.clone(), beside(&path, "-wal")?, beside(&path, "-shm")?, beside(&path, "-journal")?] {
                if taken.symlink_metadata().is_ok() {
                    return Err(BackupError::NotEmpty);
                }
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            let partial = beside(&path, ".restoring")?;
            let copied = copy_private(from, &partial).and_then(|()| {
                if !looks_like_sqlite(&partial)? {
                    return Err(BackupError::NotABackup);
                }
                std::fs::hard_link(&partial, &path).map_err(|_| BackupError::NotEmpty)
            });
            let _ = std::fs::remove_file(&partial);
            copied?;
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
                None,
            )
            .await?;
        }
    }
    let store = Store::connect(url).await?;
    let ended = store.end_every_session().await;
    store.close().await;
    Ok(ended?)
}

/// `path` with `suffix` added to its file name (`naccc.db` → `naccc.db-wal`).
fn beside(path: &Path, suffix: &str) -> Result<PathBuf, BackupError> {
    let name = path.file_name().ok_or(BackupError::BadUrl)?;
    let mut name = name.to_os_string();
    name.push(suffix);
    Ok(path.with_file_name(name))
}

/// A new file only its owner can read; refuses an existing file or a link (`O_CREAT|O_EXCL`
/// never follows one).
fn private_new_file(path: &Path) -> Result<File, BackupError> {
    OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => BackupError::Exists(path.to_owned()),
        _ => BackupError::Io(e),
    })
}

fn copy_private(from: &Path, to: &Path) -> Result<(), BackupError> {
    let mut out = private_new_file(to)?;
    std::io::copy(&mut File::open(from)?, &mut out)?;
    out.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    out.sync_all()?;
    Ok(())
}

/// Whether the file starts as every SQLite database does.
fn looks_like_sqlite(path: &Path) -> Result<bool, BackupError> {
    use std::io::Read;
    let mut header = [0u8; 16];
    let read = File::open(path)?.read(&mut header)?;
    Ok(read == 16 && &header == b"SQLite format 3\0")
}

fn sqlite_path(url: &str) -> Result<PathBuf, BackupError> {
    use std::str::FromStr;
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url).map_err(|_| BackupError::BadUrl)?;
    Ok(options.get_filename().to_owned())
}

/// Runs a PostgreSQL client tool on the database at `url`, read as sqlx reads it (the URL's
/// query options included). The connection is given in libpq's environment, never on the
/// command line where any user of the machine could read a password, and no `PG…` variable of
/// this process's own can send it elsewhere.
async fn run_pg(tool: &'static str, url: &str, args: &[&str], output: Option<File>) -> Result<(), BackupError> {
    use sqlx::postgres::{PgConnectOptions, PgSslMode};
    use std::str::FromStr;
    let options = PgConnectOptions::from_str(url).map_err(|_| BackupError::BadUrl)?;
    let mut command = tokio::process::Command::new(tool);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("PG") {
            command.env_remove(name);
        }
    }
    let host = options.get_socket().map_or_else(|| options.get_host().to_owned(), |s| s.display().to_string());
    command.env("PGHOST", host.trim_start_matches('[').trim_end_matches(']'));
    command.env("PGPORT", options.get_port().to_string());
    command.env("PGUSER", options.get_username());
    if let Some(password) = url::Url::parse(url).ok().as_ref().and_then(url::Url::password) {
        command.env("PGPASSWORD", percent_encoding::percent_decode_str(password).decode_utf8_lossy().as_ref());
    }
    let ssl = match options.get_ssl_mode() {
        PgSslMode::Disable => "disable",
        PgSslMode::Allow => "allow",
        PgSslMode::Prefer => "prefer",
        PgSslMode::Require => "require",
        PgSslMode::VerifyCa => "verify-ca",
        PgSslMode::VerifyFull => "verify-full",
    };
    command.env("PGSSLMODE", ssl);
    // The database by name, quoted as libpq reads a connection string (a name is no secret).
    let database = options.get_database().unwrap_or(options.get_username());
    command.args(args).arg(format!("--dbname=dbname='{}'", database.replace('\\', "\\\\").replace('\'', "\\'")));
    command.stdin(Stdio::null()).stderr(Stdio::piped());
    command.stdout(output.map_or_else(Stdio::null, Stdio::from));
    // Not `output()`: tokio's would pipe stdout over the file given.
    let failed = |e: std::io::Error| BackupError::Tool { tool, detail: e.to_string() };
    let run = command.spawn().map_err(failed)?.wait_with_output().await.map_err(failed)?;
    if run.status.success() {
        return Ok(());
    }
    // The tool's own error lines (never the SQL or rows it echoes), kept short.
    let detail: Vec<String> = String::from_utf8_lossy(&run.stderr)
        .lines()
        .filter(|l| l.starts_with(&format!("{tool}: error")))
        .map(|l| l.chars().take(300).collect())
        .take(3)
        .collect();
    Err(BackupError::Tool { tool, detail: if detail.is_empty() { "no message".into() } else { detail.join("; ") } })
}
