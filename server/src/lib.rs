//! NACCC Contact Hub server: configuration, the data store, demo data and the HTTP router.
//! `main.rs` is only the command line around these.

pub mod account_links;
pub mod accounts;
pub mod administration;
pub mod authenticator;
pub mod cases;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod demo_accounts;
pub mod edge;
pub mod http;
pub mod jobs;
pub mod live;
pub mod mail;
pub mod postcodes;
pub mod referrals;
pub mod retention;
pub mod secrets;
pub mod security;
pub mod seed;
pub mod store;
