//! NACCC Contact Hub server: one folder per domain area beside the data store, the web layer
//! and the platform parts they stand on. `main.rs` is only the command line around these.
//!
//! - `referrals/`: the Safe Referral service (drafts, sending, codes, the other party's part).
//! - `cases/`: centres' work on referrals, the news of changes (`news.rs`) and retention.
//! - `staff/`: staff accounts and sign-in, emailed links, authenticators, NACCC administration.
//! - `web/`: the router, security headers and policies, the edge (client address, rate limit),
//!   the live inbox stream.
//! - `platform/`: clock, sealing, secrets and hashing, mail delivery, background jobs, postcodes.
//! - `store/`: the database; `seed/`: demo data.

pub mod accreditation;
pub mod board;
pub mod cases;
pub mod config;
pub mod contact;
pub mod membership;
pub mod platform;
pub mod referrals;
pub mod returns;
pub mod seed;
pub mod staff;
pub mod store;
pub mod web;
