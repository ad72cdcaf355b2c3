//! Save and return: drafts are sealed at rest, open only with their reference and code, expire
//! after 30 days and are purged. On SQLite and PostgreSQL.

mod common;

use common::TestDb;
use server::{
    platform::crypto::FieldCipher,
    store::{DRAFT_LIFETIME_SECS, StoreError},
};
use shared::referral::{AccessCode, AdultForm, ChildForm, DraftAnswers, ReferralReference};

const KEY: &str = "1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100";
const NOW: i64 = 1_795_000_000; // November 2026

fn cipher() -> FieldCipher {
    FieldCipher::from_hex(KEY).unwrap()
}

fn answers(child: &str) -> DraftAnswers {
    DraftAnswers {
        referrer_kind: "parent".into(),
        centre: "nottingham-child-contact-centre".into(),
        service: "supported".into(),
        children: vec![ChildForm {
            name: child.into(),
            dob_day: "3".into(),
            dob_month: "4".into(),
            dob_year: "2019".into(),
            needs: "Asthma: has an inhaler".into(),
            id: 1,
        }],
        children_added: 1,
        other_parent: AdultForm {
            name: "Sam Taylor".into(),
            address_line_1: "1 Hidden Lane".into(),
            town: "Derby".into(),
            postcode: "DE1 1AA".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

async fn a_draft_reopens_with_its_reference_and_code_only(db: &TestDb) {
    let (reference, code) = db.store.create_draft(&cipher(), &answers("Amelia Jones"), NOW).await.unwrap();
    let reopened = db.store.open_draft(&cipher(), &reference, &code, NOW + 60).await.unwrap();
    assert_eq!(reopened, Some(answers("Amelia Jones")));

    let wrong_code = AccessCode::parse("2222-3333-4444").unwrap();
    assert_eq!(db.store.open_draft(&cipher(), &reference, &wrong_code, NOW).await.unwrap(), None);
    let other_reference = ReferralReference::parse("NR-2222-3333").unwrap();
    assert_eq!(db.store.open_draft(&cipher(), &other_reference, &code, NOW).await.unwrap(), None);
}

async fn the_database_holds_no_plaintext_and_no_code(db: &TestDb) {
    let (_, code) = db.store.create_draft(&cipher(), &answers("Amelia Jones"), NOW).await.unwrap();
    let sealed = db.raw_column::<Vec<u8>>("SELECT answers FROM referrals").await;
    assert_eq!(sealed.len(), 1);
    for needle in ["Amelia", "Jones", "Asthma", "nottingham", "Hidden Lane", "Sam Taylor"] {
        assert!(!sealed[0].windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} in plaintext");
    }
    let hashes = db.raw_column::<String>("SELECT code_hash FROM referrals").await;
    let stored = &hashes[0];
    assert!(stored.starts_with("$argon2id$"));
    assert!(!stored.contains(code.expose_secret()));
}

async fn a_sealed_answer_copied_to_another_referral_does_not_open(db: &TestDb) {
    let (first, _) = db.store.create_draft(&cipher(), &answers("Amelia Jones"), NOW).await.unwrap();
    let (second, second_code) = db.store.create_draft(&cipher(), &answers("Ben Smith"), NOW).await.unwrap();
    db.execute_raw(
        "UPDATE referrals SET answers = (SELECT answers FROM referrals WHERE reference = $1) WHERE reference = $2",
        &[first.as_str(), second.as_str()],
    )
    .await
    .unwrap();
    let result = db.store.open_draft(&cipher(), &second, &second_code, NOW).await;
    assert!(matches!(result, Err(StoreError::Crypto(_))), "{result:?}");
}

async fn drafts_expire_after_30_days_and_are_purged(db: &TestDb) {
    let (old, old_code) = db.store.create_draft(&cipher(), &answers("Amelia Jones"), NOW).await.unwrap();
    let later = NOW + 20 * 24 * 3600;
    let (fresh, fresh_code) = db.store.create_draft(&cipher(), &answers("Ben Smith"), later).await.unwrap();

    let expiry = NOW + DRAFT_LIFETIME_SECS;
    assert!(db.store.open_draft(&cipher(), &old, &old_code, expiry - 1).await.unwrap().is_some());
    assert_eq!(db.store.open_draft(&cipher(), &old, &old_code, expiry).await.unwrap(), None, "expired: closed");
    assert!(!db.store.save_draft(&cipher(), &old, &answers("x"), expiry).await.unwrap(), "expired: no save");

    assert_eq!(db.store.purge_expired_drafts(expiry - 1).await.unwrap(), 0);
    assert_eq!(db.store.purge_expired_drafts(expiry).await.unwrap(), 1);
    assert_eq!(db.raw_column::<Vec<u8>>("SELECT answers FROM referrals").await.len(), 1);
    assert!(db.store.open_draft(&cipher(), &fresh, &fresh_code, expiry).await.unwrap().is_some());
}

async fn saving_updates_the_answers_and_extends_the_draft(db: &TestDb) {
    let (reference, code) = db.store.create_draft(&cipher(), &DraftAnswers::default(), NOW).await.unwrap();
    let later = NOW + 25 * 24 * 3600;
    assert!(db.store.save_draft(&cipher(), &reference, &answers("Amelia Jones"), later).await.unwrap());
    let after_first_expiry = NOW + DRAFT_LIFETIME_SECS + 60;
    let reopened = db.store.open_draft(&cipher(), &reference, &code, after_first_expiry).await.unwrap();
    assert_eq!(reopened, Some(answers("Amelia Jones")));
}

async fn an_oversized_draft_is_refused_and_nothing_is_stored(db: &TestDb) {
    let mut huge = answers("Amelia Jones");
    huge.children[0].needs = "x".repeat(100_000);
    let result = db.store.create_draft(&cipher(), &huge, NOW).await;
    assert!(matches!(result, Err(StoreError::InvalidDraft(_))), "{result:?}");
    assert!(db.raw_column::<Vec<u8>>("SELECT answers FROM referrals").await.is_empty());
}

on_both_backends!(
    a_draft_reopens_with_its_reference_and_code_only,
    the_database_holds_no_plaintext_and_no_code,
    a_sealed_answer_copied_to_another_referral_does_not_open,
    drafts_expire_after_30_days_and_are_purged,
    saving_updates_the_answers_and_extends_the_draft,
    an_oversized_draft_is_refused_and_nothing_is_stored,
);
