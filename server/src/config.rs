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
    /// Load the demo data at start-up (never in production).
    #[arg(long, env = "NACCC_DEMO", default_value_t = false)]
    pub demo: bool,
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
        let cli = Cli::try_parse_from(["server", "serve", "--addr", "127.0.0.1:4000", "--demo"]).unwrap();
        match cli.command {
            Some(Command::Serve(args)) => {
                assert!(args.demo);
                assert_eq!(args.addr, Some("127.0.0.1:4000".parse().unwrap()));
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(Cli::try_parse_from(["server", "serve", "--addr", "not-an-address"]).is_err());
    }
}
