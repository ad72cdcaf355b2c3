//! The demo accounts: one login per role, all with the same password and authenticator key, made
//! only in demo mode (and by tests).

use crate::accounts::{AccountError, AccountService};
use shared::account::{Password, Role, Scope};
use totp_rs::Secret;

/// The authenticator secret every demo account shares (printed at start-up in demo mode only).
pub const DEMO_TOTP_SECRET_BASE32: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
/// The demo accounts' password (printed at start-up in demo mode only).
pub const DEMO_PASSWORD: &str = "demo contact hub 2026";

/// Where every demo account's email is: the domain that marks an account as a demo one.
pub const DEMO_DOMAIN: &str = "demo.naccc.org.uk";

/// Whether `email` is a demo account's. Such accounts sign in only on a server started with
/// `--demo`: their password and authenticator key are in the source.
pub fn is_demo_account(email: &str) -> bool {
    email.trim().to_lowercase().rsplit_once('@').is_some_and(|(_, domain)| domain == DEMO_DOMAIN)
}

/// One demo login per role, for trying the product; returns (role, email).
pub async fn seed_demo_users(
    accounts: &AccountService,
    centre: &shared::Slug,
) -> Result<Vec<(Role, String)>, AccountError> {
    let secret = Secret::try_from_base32(DEMO_TOTP_SECRET_BASE32).map_err(|e| AccountError::Totp(e.to_string()))?;
    let password = Password::new_password(DEMO_PASSWORD).map_err(|e| AccountError::Totp(e.to_string()))?;
    let mut logins = Vec::new();
    for role in Role::ALL {
        let email = format!("{}@{DEMO_DOMAIN}", role.code().replace('_', "."));
        let centre = role.is_centre_role().then(|| centre.clone());
        let scope = Scope::new(role, centre).map_err(|e| AccountError::Totp(e.to_string()))?;
        if let Some(id) =
            accounts.create_with_password(&email, &format!("Demo {}", role.label()), &scope, &password).await?
        {
            accounts.store.set_totp_secret(&accounts.cipher, id, secret.as_bytes()).await?;
        }
        logins.push((role, email));
    }
    Ok(logins)
}
