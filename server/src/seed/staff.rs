//! The demo staff accounts (`staff::demo`): one login per role at the demo staff centre.

use crate::staff::accounts::{AccountError, AccountService};
use crate::staff::demo::{DEMO_DOMAIN, DEMO_PASSWORD, DEMO_TOTP_SECRET_BASE32};
use shared::account::{Password, Role, Scope};
use totp_rs::Secret;

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
