//! The demo accounts: one login per role, all with the same password and authenticator key, made
//! only in demo mode (and by tests; `seed::staff` makes them).

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
