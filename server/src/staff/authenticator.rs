//! Authenticator apps (TOTP, RFC 6238): secrets, codes, and the QR code that sets an app up.

use super::errors::AccountError;
use totp_rs::{Algorithm, Builder, Secret, Totp};

/// An authenticator secret: 160 random bits, as RFC 4226 recommends.
pub fn new_totp_secret() -> Vec<u8> {
    use rand::Rng;
    let bytes: [u8; 20] = rand::rng().random();
    bytes.to_vec()
}

/// The TOTP for a secret: SHA-1, 6 digits, 30-second steps, one step of clock skew either way
/// (what every authenticator app supports).
pub fn totp(secret: &[u8], email: &str) -> Result<Totp, AccountError> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(Secret::new(secret.to_vec().into_boxed_slice()))
        .with_account_name(email)
        .with_issuer(Some("NACCC Contact Hub"))
        .build()
        .map_err(|e| AccountError::Totp(e.to_string()))
}

/// The secret as people type it into an app (base32), and the `otpauth://` address a QR code holds.
pub fn enrolment_details(secret: &[u8], email: &str) -> Result<(String, String), AccountError> {
    let totp = totp(secret, email)?;
    let url = totp.to_url().map_err(|e| AccountError::Totp(e.to_string()))?;
    Ok((totp.secret().to_base32(), url))
}

/// A QR code of `text` as an SVG image, drawn on the server (no script, no external service).
pub fn qr_svg(text: &str) -> Result<String, AccountError> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| AccountError::Totp(e.to_string()))?;
    Ok(code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_and_secret_describe_the_same_authenticator() {
        let secret = new_totp_secret();
        assert_eq!(secret.len(), 20);
        let (base32, url) = enrolment_details(&secret, "amy@centre.example").unwrap();
        assert!(url.starts_with("otpauth://totp/NACCC%20Contact%20Hub:amy%40centre.example?"), "{url}");
        assert!(url.contains(&format!("secret={base32}")));
        let svg = qr_svg(&url).unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg"));
    }
}
