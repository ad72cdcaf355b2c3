//! NACCC Contact Hub server: configuration, the data store, demo data and the HTTP router.
//! `main.rs` is only the command line around these.

pub mod config;
pub mod crypto;
pub mod http;
pub mod jobs;
pub mod postcodes;
pub mod secrets;
pub mod security;
pub mod seed;
pub mod store;
