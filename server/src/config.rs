//! Command line and environment configuration. Every flag has an environment variable, so the
//! same binary runs from a terminal, a service manager or the test harness.

use clap::{Args, Parser, Subcommand};
use std::{net::SocketAddr, path::PathBuf};

#[derive(Debug, Parser)]
#[command(name = "server", version, about = "NACCC Contact Hub server")]
pub struct Cli {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database and serve the site (the default).
    Serve(ServeArgs),
    /// Apply database migrations, then exit.
    Migrate,
    /// Migrate and load the demo data, then exit.
    Seed,
    /// Marks a NACCC administrator as a safeguarding lead (or, with `--off`, no longer one):
    /// leads may read a centre's case while its request for advice is open.
    SafeguardingLead {
        /// The administrator's email address.
        email: String,
        #[arg(long)]
        off: bool,
    },
    /// Writes a consistent copy of the whole database to a new file while the site runs
    /// (SQLite: `VACUUM INTO`; PostgreSQL: `pg_dump`). Sealed data stays sealed: keep the data
    /// key safe separately, without it the copy's personal data cannot be read.
    Backup {
        /// The new file to write (never overwritten).
        to: PathBuf,
    },
    /// Puts a backup into a new, empty database (the `--database-url` given), then migrates it.
    Restore {
        /// The file `backup` wrote.
        from: PathBuf,
    },
}

#[derive(Debug, Args, Clone)]
pub struct DatabaseArgs {
    /// `sqlite:path` or `postgres://…`; defaults to a SQLite file in the data directory.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Where the SQLite database (and later, key files) live.
    #[arg(long, env = "NACCC_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ServeArgs {
    /// Address to listen on; defaults to Leptos' `site-addr` (127.0.0.1:3000).
    #[arg(long, env = "NACCC_ADDR")]
    pub addr: Option<SocketAddr>,
    /// Load the demo data at start-up (never in production). Also creates a data key file if none.
    #[arg(long, env = "NACCC_DEMO", default_value_t = false)]
    pub demo: bool,
    /// The key sealing sensitive referral fields: 64 hex characters. Without it the key file
    /// `<data-dir>/keys/data.key` is used (demo mode creates it, mode 0600).
    #[arg(long, env = "NACCC_DATA_KEY", hide_env_values = true)]
    pub data_key: Option<SecretString>,
    /// How many reverse proxies in front of the server add the client's address to
    /// `X-Forwarded-For` (0: none, and the header is ignored, since anyone can write it).
    #[arg(long, env = "NACCC_TRUSTED_PROXIES", default_value_t = 0)]
    pub trusted_proxies: usize,
    /// Calls to the public server functions (referral wizard, sign-in) allowed per client
    /// address per minute (a burst of half as many at once).
    #[arg(long, env = "NACCC_PUBLIC_CALLS_PER_MINUTE", default_value_t = crate::web::edge::PUBLIC_CALLS_PER_MINUTE)]
    pub public_calls_per_minute: u32,
    /// Where people reach the site, for links in emails (like `https://hub.naccc.org.uk`);
    /// defaults to `http://<listening address>`.
    #[arg(long, env = "NACCC_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Where mail goes: `smtp://host:port`, `smtp://user:pass@host:587?tls=required` (STARTTLS)
    /// or `smtps://user:pass@host`. Without it mail stays in the outbox (see `/admin/outbox`).
    #[arg(long, env = "NACCC_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<SecretString>,
    /// Days after a case closes before its personal data is erased (what statistics need stays).
    #[arg(long, env = "NACCC_RETENTION_DAYS", default_value_t = crate::cases::retention::DEFAULT_RETENTION_DAYS)]
    pub retention_days: u32,

    /// Days after a quarter ends that its statistics return is due.
    #[arg(long, env = "NACCC_RETURN_DUE_DAYS", default_value_t = shared::returns::Schedule::default().due_days)]
    pub return_due_days: u16,

    /// Days after the due date that a missing return makes the centre lapsed.
    #[arg(long, env = "NACCC_RETURN_GRACE_DAYS", default_value_t = shared::returns::Schedule::default().grace_days)]
    pub return_grace_days: u16,
    /// Months accreditation lasts before it must be renewed (12 to 120).
    #[arg(long, env = "NACCC_RENEWAL_CYCLE_MONTHS", default_value_t = shared::durations::RENEWAL_CYCLE.0,
        value_parser = clap::value_parser!(u16).range(12..=120))]
    pub renewal_cycle_months: u16,
    /// An S3-compatible bucket for evidence files (configured by the usual `AWS_*` variables:
    /// `AWS_ENDPOINT`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`), so several
    /// servers share them. Without it they are kept in `<data dir>/evidence`.
    #[arg(long, env = "NACCC_EVIDENCE_BUCKET")]
    pub evidence_bucket: Option<String>,
    /// Who mail is from.
    #[arg(long, env = "NACCC_MAIL_FROM", default_value = "NACCC Contact Hub <no-reply@naccc.org.uk>")]
    pub mail_from: String,
}

/// A secret from the command line or environment; `Debug` never shows it.
#[derive(Clone)]
pub struct SecretString(String);

impl SecretString {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretString(…)")
    }
}

impl std::str::FromStr for SecretString {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self(s.to_owned()))
    }
}

impl DatabaseArgs {
    /// The database to use: `DATABASE_URL` if given, else `sqlite:<data_dir>/naccc-hub.db`.
    pub fn url(&self) -> String {
        match &self.database_url {
            Some(url) if !url.trim().is_empty() => url.trim().to_owned(),
            _ => format!("sqlite:{}", self.data_dir.join("naccc-hub.db").display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_sqlite_in_the_data_dir() {
        let cli = Cli::try_parse_from(["server"]).unwrap();
        assert!(cli.command.is_none());
        let url = DatabaseArgs { database_url: None, data_dir: "data".into() }.url();
        assert_eq!(url, "sqlite:data/naccc-hub.db");
    }

    #[test]
    fn parses_subcommands_and_flags() {
        let cli =
            Cli::try_parse_from(["server", "serve", "--addr", "127.0.0.1:4000", "--demo", "--data-key", "feedface"])
                .unwrap();
        match cli.command {
            Some(Command::Serve(args)) => {
                assert!(args.demo);
                assert_eq!(args.addr, Some("127.0.0.1:4000".parse().unwrap()));
                assert_eq!(args.data_key.as_ref().map(SecretString::expose), Some("feedface"));
                assert!(!format!("{args:?}").contains("feedface"), "the key never shows in debug output");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(Cli::try_parse_from(["server", "serve", "--addr", "not-an-address"]).is_err());
    }
}
