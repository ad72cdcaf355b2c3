//! What can go wrong in staff sign-in and accounts (shared by the modules of `staff/`).

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("the hashing task failed")]
    Task,
    #[error("authenticator: {0}")]
    Totp(String),
}
