//! Referral references and access codes: drawn uniformly from a secure random source, and the codes
//! stored only as Argon2id hashes (PHC strings), hashed and checked off the async runtime.
//! Every Argon2id hash or check in the server (codes, passwords, recovery codes) goes through
//! [`hashing`], which lets [`HASHES_AT_ONCE`] run at a time: anyone can start one without an
//! account, and each takes [`HASH_MEMORY_KIB`] of memory, so a burst waits in line instead of
//! exhausting the machine.

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
    #[error("too many hashes waiting")]
    Busy,
}

/// How many hashes may wait for a thread at once; beyond it a request is refused at once (the
/// service is busy) rather than queue behind minutes of work.
pub const HASHES_WAITING: usize = 256;
static WAITING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(HASHES_WAITING);

/// How many Argon2id hashes run at once, at most, in one server process.
pub const HASHES_AT_ONCE: usize = 4;
/// The memory one Argon2id hash uses: `password_auth`'s parameters (argon2's defaults, the
/// OWASP minimum: m = 19 MiB, t = 2, p = 1). So hashing never holds more than
/// `HASHES_AT_ONCE × HASH_MEMORY_KIB` (76 MiB).
/// (A test reads it back from a real hash.)
pub const HASH_MEMORY_KIB: usize = 19 * 1024;

/// Hashing's own threads, [`HASHES_AT_ONCE`] of them at most; further work waits in their queue.
static HASHING: std::sync::LazyLock<Option<tokio::runtime::Runtime>> = std::sync::LazyLock::new(|| {
    give_large_blocks_back();
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .max_blocking_threads(HASHES_AT_ONCE)
        .thread_name("argon2")
        .build()
        .inspect_err(|error| tracing::error!(%error, "could not start the hashing threads"))
        .ok()
});

/// Counting hashes is not enough on glibc: once a 19 MiB block is freed, its allocator raises
/// its threshold for mapping large blocks to that size, so later hashes come from the heap and
/// their freed memory stays with the process (measured: a burst of 120 hashes, 4 at a time,
/// grew the process by 500–800 MiB). A fixed threshold makes each hash's memory a mapping of
/// its own, returned as the hash ends (measured: 79 MiB; `tests/hashing_load.rs`).
fn give_large_blocks_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallopt only sets an allocator parameter; it is safe to call at any time.
        let set = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20) };
        if set != 1 {
            tracing::warn!("could not fix the allocator's mapping threshold; hashing may hold more memory");
        }
    }
}

/// Runs `work` (an Argon2id hash or check) on one of hashing's [`HASHES_AT_ONCE`] threads once
/// one is free; callers wait their turn, first come first served.
pub async fn hashing<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, SecretError> {
    let runtime = HASHING.as_ref().ok_or(SecretError::Task)?;
    // The place is held by the work itself, so a request that gives up frees it only when its
    // hash is done: the limit counts hashes waiting, not requests still listening.
    let place = WAITING.try_acquire().map_err(|_| SecretError::Busy)?;
    runtime
        .spawn_blocking(move || {
            let _place = place;
            work()
        })
        .await
        .map_err(|_| SecretError::Task)
}

/// The Argon2id hash of a code, to store instead of the code.
pub async fn hash_code(code: &AccessCode) -> Result<String, SecretError> {
    let secret = code.expose_secret().to_owned();
    hashing(move || password_auth::generate_hash(secret)).await
}

/// Whether `code` matches the stored hash. A malformed hash simply does not match.
pub async fn code_matches(code: &AccessCode, stored_hash: &str) -> Result<bool, SecretError> {
    let (secret, hash) = (code.expose_secret().to_owned(), stored_hash.to_owned());
    hashing(move || password_auth::verify_password(secret, &hash).is_ok()).await
}

/// A hash no code matches, checked when a reference is unknown so that a wrong reference takes as
/// long to refuse as a wrong code (no timing hint that a reference exists).
static DECOY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| password_auth::generate_hash("decoy: never an access code"));

/// Spends the time of one code check, against a hash no code matches.
pub async fn decoy_check(code: &AccessCode) -> Result<(), SecretError> {
    let secret = code.expose_secret().to_owned();
    // The decoy is built (once) inside the blocking task too: hashing never runs on the runtime.
    hashing(move || {
        std::hint::black_box(password_auth::verify_password(secret, &DECOY_HASH).is_ok());
    })
    .await
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
        // The memory bound stated above is the one the hashes really use.
        assert!(hash.starts_with(&format!("$argon2id$v=19$m={HASH_MEMORY_KIB},")), "{hash}");
    }
}
