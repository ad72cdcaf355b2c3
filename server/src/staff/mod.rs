//! Staff: accounts and sign-in with a second factor, emailed single-use links, authenticator
//! apps, the demo logins, and NACCC administration (accounts, audit log, outbox, subject access).

pub mod account_links;
pub mod accounts;
pub mod administration;
pub mod authenticator;
pub mod demo;
pub mod errors;
pub mod passwords;
