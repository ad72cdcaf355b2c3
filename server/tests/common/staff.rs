//! Staff for tests: the demo accounts (one per role, known password and authenticator key) on a
//! router with a settable clock, and signing in as a browser does.

use super::TestDb;
use super::web::{Browser, TEST_KEY_HEX, app_at};
use server::platform::clock::ManualClock;
use server::seed::staff::seed_demo_users;
use server::staff::accounts::{AccountService, DEMO_PASSWORD, DEMO_TOTP_SECRET_BASE32, totp};
use shared::account::Role;
use std::sync::Arc;

pub const NOW: i64 = 1_795_000_000;
pub const SESSION: &str = "__Host-naccc-session";

pub fn accounts(db: &TestDb, clock: Arc<ManualClock>) -> AccountService {
    AccountService {
        store: db.store.clone(),
        cipher: server::platform::crypto::FieldCipher::from_hex(TEST_KEY_HEX).unwrap(),
        clock,
        back_off: |_| std::time::Duration::ZERO,
        public_url: "https://hub.example".into(),
        mail_by_smtp: false,
        demo_logins: true,
    }
}

/// The demo centres and one demo account per role, and a browser on the router.
pub async fn setup(db: &TestDb) -> (Browser, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::at(NOW));
    server::seed::seed_demo_data(&db.store).await.unwrap();
    seed_demo_users(&accounts(db, clock.clone()), &server::seed::demo_staff_centre().unwrap()).await.unwrap();
    (Browser::new(app_at(db, clock.clone()).await), clock)
}

pub fn email(role: Role) -> String {
    format!("{}@demo.naccc.org.uk", role.code().replace('_', "."))
}

pub fn code_for(secret: &[u8], email: &str, at: i64) -> String {
    totp(secret, email).unwrap().generate(u64::try_from(at).unwrap()).to_string()
}

pub fn code_at(email: &str, at: i64) -> String {
    let secret = totp_rs::Secret::try_from_base32(DEMO_TOTP_SECRET_BASE32).unwrap();
    code_for(secret.as_bytes(), email, at)
}

/// Signs in fully as `role`; returns the session cookie after each step.
pub async fn sign_in(b: &mut Browser, role: Role, at: i64) -> Vec<String> {
    let mut ids = vec![b.cookies.get(SESSION).cloned().unwrap_or_default()];
    let r = b.submit("/api/login", &[("email", &email(role)), ("password", DEMO_PASSWORD)]).await;
    assert_eq!(r.location(), "/login/code", "{}", r.body);
    ids.push(b.cookies[SESSION].clone());
    let r = b.submit("/api/login/code", &[("code", &code_at(&email(role), at))]).await;
    assert_eq!(r.location(), role.home(), "{}", r.body);
    ids.push(b.cookies[SESSION].clone());
    ids
}

/// The case version a case page shows (posted back with each action), as a browser has it.
pub async fn shown_version(b: &mut Browser, reference: &str) -> String {
    let page = b.get(&format!("/centre/referrals/{reference}")).await.body;
    let marker = r#"name="version" value=""#;
    page.find(marker)
        .and_then(|at| page[at + marker.len()..].split('"').next())
        .map_or_else(String::new, ToOwned::to_owned)
}
