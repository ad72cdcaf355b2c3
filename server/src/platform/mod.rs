//! What every area stands on: the clock, sealing at rest, secrets and Argon2id hashing, mail
//! delivery, background jobs, the postcode table. Nothing here knows a domain area.

pub mod backup;
pub mod clock;
pub mod crypto;
pub mod jobs;
pub mod mail;
pub mod postcodes;
pub mod secrets;
