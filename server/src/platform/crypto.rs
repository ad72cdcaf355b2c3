//! Encryption at rest of sensitive fields (names, dates of birth, addresses, contact details, court
//! and risk answers, free text) with XChaCha20-Poly1305.
//!
//! Every value is sealed with associated data naming its table, column and row, so a ciphertext
//! copied to another row or column does not decrypt. The key lives outside the database: in
//! `NACCC_DATA_KEY` (64 hex characters) or in a key file created with mode 0600.

use chacha20poly1305::{
    XChaCha20Poly1305, XNonce,
    aead::{Aead, KeyInit, Payload},
};
use std::{fs, io::Write, path::Path};

/// First byte of every sealed value, so the format (or key) can change later.
const FORMAT_V1: u8 = 1;
const NONCE_LEN: usize = 24;
const KEY_LEN: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("the data key must be {} hex characters", KEY_LEN * 2)]
    BadKey,
    #[error("no data key: set NACCC_DATA_KEY or create the key file (demo mode creates one)")]
    MissingKey,
    #[error("key file: {0}")]
    KeyFile(#[from] std::io::Error),
    #[error("the system random source failed")]
    Random,
    #[error("a sealed value could not be opened (wrong key, wrong place, or altered)")]
    Unseal,
}

/// Where a value is stored; bound into its ciphertext.
#[derive(Debug, Clone, Copy)]
pub struct FieldLocation<'a> {
    pub table: &'a str,
    pub column: &'a str,
    pub row: &'a str,
}

impl FieldLocation<'_> {
    fn associated_data(&self) -> Vec<u8> {
        // NUL separators: none of the parts can contain one, so the encoding is unambiguous.
        [b"naccc-hub/v1".as_slice(), self.table.as_bytes(), self.column.as_bytes(), self.row.as_bytes()].join(&0u8)
    }
}

/// Seals and opens field values with the data key. `Debug` shows nothing of the key.
#[derive(Clone)]
pub struct FieldCipher {
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for FieldCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FieldCipher(…)")
    }
}

impl FieldCipher {
    pub fn from_hex(key_hex: &str) -> Result<Self, CryptoError> {
        let bytes = hex::decode(key_hex.trim()).map_err(|_| CryptoError::BadKey)?;
        if bytes.len() != KEY_LEN {
            return Err(CryptoError::BadKey);
        }
        let cipher = XChaCha20Poly1305::new_from_slice(&bytes).map_err(|_| CryptoError::BadKey)?;
        Ok(Self { cipher })
    }

    /// The key from `NACCC_DATA_KEY` if set, else from `key_file`; when `create_if_missing`
    /// (demo mode only) a new random key file is written with mode 0600.
    pub fn load(env_key: Option<&str>, key_file: &Path, create_if_missing: bool) -> Result<Self, CryptoError> {
        if let Some(key) = env_key.filter(|k| !k.trim().is_empty()) {
            return Self::from_hex(key);
        }
        match fs::read_to_string(key_file) {
            Ok(key) => Self::from_hex(&key),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && create_if_missing => {
                let mut key = [0u8; KEY_LEN];
                getrandom::fill(&mut key).map_err(|_| CryptoError::Random)?;
                let key_hex = hex::encode(key);
                write_private_file(key_file, key_hex.as_bytes())?;
                Self::from_hex(&key_hex)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(CryptoError::MissingKey),
            Err(e) => Err(CryptoError::KeyFile(e)),
        }
    }

    /// `FORMAT_V1 ‖ nonce (24 bytes, random) ‖ ciphertext and tag`.
    pub fn seal(&self, at: FieldLocation<'_>, plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|_| CryptoError::Random)?;
        let aad = at.associated_data();
        let sealed = self
            .cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: plaintext, aad: &aad })
            .map_err(|_| CryptoError::Unseal)?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(FORMAT_V1);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    pub fn open(&self, at: FieldLocation<'_>, sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let (Some(&FORMAT_V1), Some(rest)) = (sealed.first(), sealed.get(1..)) else {
            return Err(CryptoError::Unseal);
        };
        if rest.len() < NONCE_LEN {
            return Err(CryptoError::Unseal);
        }
        let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
        let aad = at.associated_data();
        self.cipher
            .decrypt(XNonce::from_slice(nonce), Payload { msg: ciphertext, aad: &aad })
            .map_err(|_| CryptoError::Unseal)
    }

    pub fn seal_str(&self, at: FieldLocation<'_>, plaintext: &str) -> Result<Vec<u8>, CryptoError> {
        self.seal(at, plaintext.as_bytes())
    }

    pub fn open_string(&self, at: FieldLocation<'_>, sealed: &[u8]) -> Result<String, CryptoError> {
        String::from_utf8(self.open(at, sealed)?).map_err(|_| CryptoError::Unseal)
    }
}

/// Creates `path` (and its folder) readable and writable by the owner only.
fn write_private_file(path: &Path, contents: &[u8]) -> Result<(), CryptoError> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    fn at<'a>(column: &'a str, row: &'a str) -> FieldLocation<'a> {
        FieldLocation { table: "referral_children", column, row }
    }

    #[test]
    fn seals_and_opens() {
        let cipher = FieldCipher::from_hex(KEY).unwrap();
        let sealed = cipher.seal_str(at("name", "42"), "Amelia Jones").unwrap();
        assert!(!sealed.windows(6).any(|w| w == b"Amelia"), "no plaintext in the sealed bytes");
        assert_eq!(cipher.open_string(at("name", "42"), &sealed).unwrap(), "Amelia Jones");
    }

    #[test]
    fn a_value_moved_to_another_row_or_column_does_not_open() {
        let cipher = FieldCipher::from_hex(KEY).unwrap();
        let sealed = cipher.seal_str(at("name", "42"), "Amelia Jones").unwrap();
        assert!(matches!(cipher.open(at("name", "43"), &sealed), Err(CryptoError::Unseal)));
        assert!(matches!(cipher.open(at("address", "42"), &sealed), Err(CryptoError::Unseal)));
        let other_table = FieldLocation { table: "referral_adults", column: "name", row: "42" };
        assert!(matches!(cipher.open(other_table, &sealed), Err(CryptoError::Unseal)));
    }

    #[test]
    fn tampering_or_the_wrong_key_is_detected() {
        let cipher = FieldCipher::from_hex(KEY).unwrap();
        let mut sealed = cipher.seal_str(at("name", "1"), "Amelia Jones").unwrap();
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert!(cipher.open(at("name", "1"), &sealed).is_err());
        let sealed = cipher.seal_str(at("name", "1"), "Amelia Jones").unwrap();
        let other = FieldCipher::from_hex(&KEY.replace("00", "ff")).unwrap();
        assert!(other.open(at("name", "1"), &sealed).is_err());
        for garbage in [&[][..], &[1u8][..], &[2u8; 60][..], &[1u8; 10][..]] {
            assert!(cipher.open(at("name", "1"), garbage).is_err());
        }
    }

    #[test]
    fn the_same_value_seals_differently_each_time() {
        let cipher = FieldCipher::from_hex(KEY).unwrap();
        let a = cipher.seal_str(at("name", "1"), "Amelia").unwrap();
        let b = cipher.seal_str(at("name", "1"), "Amelia").unwrap();
        assert_ne!(a, b, "random nonces");
    }

    #[test]
    fn keys_must_be_32_bytes_of_hex() {
        assert!(matches!(FieldCipher::from_hex("abcd"), Err(CryptoError::BadKey)));
        assert!(matches!(FieldCipher::from_hex(&"zz".repeat(32)), Err(CryptoError::BadKey)));
        assert!(FieldCipher::from_hex(&format!(" {KEY}\n")).is_ok());
        assert_eq!(format!("{:?}", FieldCipher::from_hex(KEY).unwrap()), "FieldCipher(…)");
    }

    #[test]
    fn demo_mode_creates_a_private_key_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys").join("data.key");
        assert!(matches!(FieldCipher::load(None, &path, false), Err(CryptoError::MissingKey)));
        let first = FieldCipher::load(None, &path, true).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let sealed = first.seal_str(at("name", "1"), "Amelia").unwrap();
        let again = FieldCipher::load(None, &path, true).unwrap();
        assert_eq!(again.open_string(at("name", "1"), &sealed).unwrap(), "Amelia", "the same key is reused");
        let from_env = FieldCipher::load(Some(KEY), &path, false).unwrap();
        assert!(from_env.open(at("name", "1"), &sealed).is_err(), "the environment key wins");
    }
}
