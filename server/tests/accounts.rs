//! Staff sign-in against real databases: password, authenticator codes used once, recovery
//! codes, enrolment, throttling and lockout, disabled accounts and ended sessions.

mod common;

use common::TestDb;
use common::web::TEST_KEY_HEX;
use server::accounts::{AccountService, SignIn, new_totp_secret, totp};
use server::clock::ManualClock;
use shared::account::{OneTimeCode, Password, Role, Scope};
use std::sync::Arc;

const NOW: i64 = 1_795_000_000;

fn service(db: &TestDb) -> (AccountService, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::at(NOW));
    let cipher = server::crypto::FieldCipher::from_hex(TEST_KEY_HEX).unwrap();
    (
        AccountService {
            store: db.store.clone(),
            cipher,
            clock: clock.clone(),
            back_off: |_| std::time::Duration::ZERO,
            public_url: "https://hub.example".into(),
            mail_by_smtp: false,
        },
        clock,
    )
}

fn password(s: &str) -> Password {
    Password::attempt(s).unwrap()
}

/// A coordinator with a password and an authenticator; returns (id, secret).
async fn coordinator(accounts: &AccountService) -> (i64, Vec<u8>) {
    let scope =
        Scope::new(Role::CentreCoordinator, Some(shared::Slug::parse("bedford-family-contact-centre").unwrap()))
            .unwrap();
    let id = accounts
        .create_with_password("Amy@Centre.example", "Amy Lee", &scope, &password("correct horse battery staple"))
        .await
        .unwrap()
        .unwrap();
    let secret = new_totp_secret();
    accounts.store.set_totp_secret(&accounts.cipher, id, &secret).await.unwrap();
    (id, secret)
}

fn code_at(secret: &[u8], at: i64) -> OneTimeCode {
    let token = totp(secret, "amy@centre.example").unwrap().generate(u64::try_from(at).unwrap());
    OneTimeCode::parse(&token.to_string()).unwrap()
}

async fn a_right_password_then_a_code_signs_in_and_a_code_works_once(db: &TestDb) {
    let (accounts, clock) = service(db);
    let (id, secret) = coordinator(&accounts).await;
    let answer =
        accounts.check_password("amy@centre.example", &password("correct horse battery staple"), "10.0.0.1").await;
    assert_eq!(answer.unwrap(), SignIn::NeedsCode { user: id });
    let user = db.store.user_by_id(id).await.unwrap().unwrap();
    assert!(accounts.check_code(&user, &code_at(&secret, NOW)).await.unwrap());
    assert!(!accounts.check_code(&user, &code_at(&secret, NOW)).await.unwrap(), "a code is accepted once");
    assert!(!accounts.check_code(&user, &code_at(&secret, NOW - 30)).await.unwrap(), "nor an older one");
    clock.advance(30);
    assert!(accounts.check_code(&user, &code_at(&secret, NOW + 30)).await.unwrap(), "the next step's code works");
    // The secret is sealed at rest.
    let raw = db.raw_column::<Vec<u8>>("SELECT totp_secret FROM users").await;
    assert!(!raw[0].windows(secret.len()).any(|w| w == secret.as_slice()));
}

async fn wrong_passwords_and_unknown_accounts_get_the_same_answer(db: &TestDb) {
    let (accounts, _) = service(db);
    coordinator(&accounts).await;
    let wrong = accounts.check_password("amy@centre.example", &password("not my password"), "10.0.0.2").await.unwrap();
    let unknown =
        accounts.check_password("nobody@centre.example", &password("not my password"), "10.0.0.2").await.unwrap();
    assert_eq!((wrong, unknown), (SignIn::Refused, SignIn::Refused));
}

async fn repeated_failures_lock_the_account_for_a_while(db: &TestDb) {
    let (accounts, clock) = service(db);
    let (id, _) = coordinator(&accounts).await;
    for i in 0..10 {
        // Different addresses: the account's own count locks it.
        let answer =
            accounts.check_password("amy@centre.example", &password("guess"), &format!("10.1.0.{i}")).await.unwrap();
        assert_eq!(answer, SignIn::Refused);
        clock.advance(1);
    }
    let right = password("correct horse battery staple");
    assert_eq!(accounts.check_password("amy@centre.example", &right, "10.9.9.9").await.unwrap(), SignIn::Locked);
    clock.advance(server::store::SIGN_IN_ACCOUNT.lock_secs + 1);
    assert_eq!(
        accounts.check_password("amy@centre.example", &right, "10.9.9.9").await.unwrap(),
        SignIn::NeedsCode { user: id }
    );
}

async fn disabled_accounts_and_ended_sessions_are_refused(db: &TestDb) {
    let (accounts, clock) = service(db);
    let (id, _) = coordinator(&accounts).await;
    assert!(accounts.active_user(id, NOW).await.unwrap().is_some());
    clock.advance(60);
    db.store.end_user_sessions(id, NOW + 60).await.unwrap();
    assert!(accounts.active_user(id, NOW).await.unwrap().is_none(), "a session from before is ended");
    assert!(accounts.active_user(id, NOW + 61).await.unwrap().is_some(), "a new sign-in is fine");
    db.store.set_user_disabled(id, true, NOW + 120).await.unwrap();
    assert!(accounts.active_user(id, NOW + 200).await.unwrap().is_none());
    let right = password("correct horse battery staple");
    assert_eq!(accounts.check_password("amy@centre.example", &right, "10.0.0.3").await.unwrap(), SignIn::Refused);
}

async fn enrolment_needs_a_right_code_and_gives_one_use_recovery_codes(db: &TestDb) {
    let (accounts, _) = service(db);
    let scope = Scope::new(Role::Board, None).unwrap();
    let id = accounts
        .create_with_password("trustee@naccc.example", "Pat Board", &scope, &password("a long board passphrase"))
        .await
        .unwrap()
        .unwrap();
    let answer =
        accounts.check_password("trustee@naccc.example", &password("a long board passphrase"), "10.0.0.4").await;
    assert_eq!(answer.unwrap(), SignIn::NeedsEnrolment { user: id });
    let user = db.store.user_by_id(id).await.unwrap().unwrap();
    let secret = new_totp_secret();
    let wrong = OneTimeCode::parse("000000").unwrap();
    assert_eq!(accounts.enrol(&user, &secret, &wrong).await.unwrap(), None);
    let token = totp(&secret, "trustee@naccc.example").unwrap().generate(u64::try_from(NOW).unwrap());
    let codes =
        accounts.enrol(&user, &secret, &OneTimeCode::parse(&token.to_string()).unwrap()).await.unwrap().unwrap();
    assert_eq!(codes.len(), 8);
    let user = db.store.user_by_id(id).await.unwrap().unwrap();
    assert!(user.has_totp);
    assert!(accounts.use_recovery_code(&user, &codes[3].to_lowercase()).await.unwrap());
    assert!(!accounts.use_recovery_code(&user, &codes[3]).await.unwrap(), "each recovery code works once");
    assert!(!accounts.use_recovery_code(&user, "NOTACODE12").await.unwrap());
    let stored = db.raw_column::<String>("SELECT code_hash FROM recovery_codes").await;
    assert!(stored.iter().all(|h| h.starts_with("$argon2id$")));
}

async fn a_centre_role_always_has_its_centre_in_the_database_too(db: &TestDb) {
    let sql =
        "INSERT INTO users (email, name, role, centre_slug, created_at) VALUES ($1, 'X', 'centre_manager', NULL, 0)";
    assert!(db.execute_raw(sql, &["x@centre.example"]).await.is_err());
    let sql =
        "INSERT INTO users (email, name, role, centre_slug, created_at) VALUES ($1, 'X', 'board', 'some-centre', 0)";
    assert!(db.execute_raw(sql, &["y@centre.example"]).await.is_err());
}

on_both_backends!(
    a_right_password_then_a_code_signs_in_and_a_code_works_once,
    wrong_passwords_and_unknown_accounts_get_the_same_answer,
    repeated_failures_lock_the_account_for_a_while,
    disabled_accounts_and_ended_sessions_are_refused,
    enrolment_needs_a_right_code_and_gives_one_use_recovery_codes,
    a_centre_role_always_has_its_centre_in_the_database_too,
);
