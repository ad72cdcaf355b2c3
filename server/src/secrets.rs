//! Referral references and access codes: drawn uniformly from a secure random source, and the codes
//! stored only as Argon2id hashes (PHC strings), hashed and checked off the async runtime.

use rand::Rng;
use shared::referral::{AccessCode, ReferralReference, reference::ALPHABET};

/// A new reference. Uniform over the alphabet (`random_range` has no modulo bias); the thread
/// generator is a CSPRNG seeded from the operating system.
pub fn new_reference() -> ReferralReference {
    let mut rng = rand::rng();
    ReferralReference::from_indices(std::array::from_fn(|_| rng.random_range(0..ALPHABET.len())))
}

/// A new secret access code (12 characters, about 59 bits).
pub fn new_access_code() -> AccessCode {
    let mut rng = rand::rng();
    AccessCode::from_indices(std::array::from_fn(|_| rng.random_range(0..ALPHABET.len())))
}

/// A random token (128 bits, hex) for one-off keys such as a submit form's idempotency key.
pub fn new_token() -> String {
    let bytes: [u8; 16] = rand::rng().random();
    hex::encode(bytes)
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("the hashing task failed")]
    Task,
}

/// The Argon2id hash of a code, to store instead of the code.
pub async fn hash_code(code: &AccessCode) -> Result<String, SecretError> {
    let secret = code.expose_secret().to_owned();
    tokio::task::spawn_blocking(move || password_auth::generate_hash(secret)).await.map_err(|_| SecretError::Task)
}

/// Whether `code` matches the stored hash. A malformed hash simply does not match.
pub async fn code_matches(code: &AccessCode, stored_hash: &str) -> Result<bool, SecretError> {
    let (secret, hash) = (code.expose_secret().to_owned(), stored_hash.to_owned());
    tokio::task::spawn_blocking(move || password_auth::verify_password(secret, &hash).is_ok())
        .await
        .map_err(|_| SecretError::Task)
}

/// A hash no code matches, checked when a reference is unknown so that a wrong reference takes as
/// long to refuse as a wrong code (no timing hint that a reference exists).
static DECOY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| password_auth::generate_hash("decoy: never an access code"));

/// Spends the time of one code check, against a hash no code matches.
pub async fn decoy_check(code: &AccessCode) -> Result<(), SecretError> {
    let secret = code.expose_secret().to_owned();
    // The decoy is built (once) inside the blocking task too: hashing never runs on the runtime.
    tokio::task::spawn_blocking(move || {
        std::hint::black_box(password_auth::verify_password(secret, &DECOY_HASH).is_ok());
    })
    .await
    .map_err(|_| SecretError::Task)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn references_and_codes_are_valid_and_varied() {
        let references: HashSet<String> = (0..1000).map(|_| new_reference().to_string()).collect();
        assert_eq!(references.len(), 1000, "no repeats in a thousand");
        for r in &references {
            assert_eq!(ReferralReference::parse(r).map(|p| p.to_string()).as_deref(), Ok(r.as_str()));
        }
        let code = new_access_code();
        assert!(code.expose_secret().len() >= 10);
        assert_eq!(AccessCode::parse(&code.to_display_once()), Ok(code));
    }

    #[tokio::test]
    async fn codes_are_stored_only_as_argon2id_hashes() {
        let code = new_access_code();
        let hash = hash_code(&code).await.unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains(code.expose_secret()));
        assert!(code_matches(&code, &hash).await.unwrap());
        assert!(!code_matches(&new_access_code(), &hash).await.unwrap());
        assert!(!code_matches(&code, "not a hash").await.unwrap());
        decoy_check(&code).await.unwrap();
    }
}
