//! Staff passwords: the guessability check beyond the length rules, and hashing (Argon2id, on
//! the hashing threads).

use super::errors::AccountError;
use shared::account::Password;

/// A password that is too easy to guess (a common password, or one built from the person's own
/// name or email).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("choose a password that is harder to guess: avoid common passwords and your own name or email")]
pub struct TooEasyToGuess;

/// Refuses common and guessable passwords (zxcvbn's frequency lists, 30,000 common passwords
/// among them), the length rules having been applied by `shared::account::Password`.
pub fn check_not_common(password: &Password, email: &str, name: &str) -> Result<(), TooEasyToGuess> {
    let estimate = zxcvbn::zxcvbn(password.expose_secret(), &[email, name]);
    if estimate.score() >= zxcvbn::Score::Three { Ok(()) } else { Err(TooEasyToGuess) }
}

pub(crate) async fn hash_password(password: &Password) -> Result<String, AccountError> {
    let secret = password.expose_secret().to_owned();
    crate::platform::secrets::hashing(move || password_auth::generate_hash(secret))
        .await
        .map_err(|_| AccountError::Task)
}
