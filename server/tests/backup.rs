//! Backup and restore (#17): a copy taken while the site runs goes back into a new database with
//! every row, the personal data in it still sealed: it opens with the data key, and not without.

mod common;

use common::TestDb;
use common::staff::setup;
use common::web::{Browser, TEST_KEY_HEX};
use common::wizard::{complete_referral, send};
use server::platform::backup::{BackupError, backup, backup_database, restore};
use server::platform::crypto::{FieldCipher, FieldLocation};
use std::os::unix::fs::PermissionsExt;

/// Tables whose rows a restore must bring back, every one of them (the first five are never
/// empty here).
const TABLES: [&str; 8] =
    ["centres", "users", "referrals", "outbox", "audit_log", "case_events", "statistics_returns", "contact_messages"];

async fn count(db: &TestDb, table: &str) -> i64 {
    db.raw_column::<i64>(&format!("SELECT count(*) FROM {table}")).await[0]
}

async fn a_backup_goes_back_into_a_new_database_still_sealed(db: &TestDb) {
    let (staff, _) = setup(db).await;
    let mut parent = Browser::new(staff.app.clone());
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    complete_referral(&mut parent, &centre, "resident_parent", &[]).await;
    let reference = send(&mut parent).await;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("naccc.backup");
    backup(&db.store, &db.url, &file).await.unwrap();
    // It holds password hashes, sessions and the audit log: its owner's eyes only.
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(!dir.path().join("naccc.backup.partial").exists(), "nothing left beside it");
    if db.url.starts_with("sqlite:") {
        let bytes = std::fs::read(&file).unwrap();
        for clear in [b"Sam Jones".as_slice(), b"sam@example.com"] {
            assert!(!bytes.windows(clear.len()).any(|w| w == clear), "personal data in clear in the backup");
        }
        // A wrong URL backs up nothing (and makes no database to back up).
        let nowhere = format!("sqlite:{}", dir.path().join("nowhere.db").display());
        let other = dir.path().join("other.backup");
        assert!(matches!(backup_database(&nowhere, &other).await, Err(BackupError::NothingThere)));
        assert!(!dir.path().join("nowhere.db").exists() && !other.exists());
        // An old write-ahead log where the restore would go: refused, nothing written.
        std::fs::write(dir.path().join("stale.db-wal"), b"old").unwrap();
        let stale = format!("sqlite:{}", dir.path().join("stale.db").display());
        assert!(matches!(restore(&stale, &file).await, Err(BackupError::NotEmpty)));
        assert!(!dir.path().join("stale.db").exists());
    }
    let mut at_backup = Vec::new();
    for table in TABLES {
        at_backup.push(count(db, table).await);
    }
    assert!(at_backup[..5].iter().all(|n| *n > 0), "{at_backup:?}: an empty table would prove nothing");
    // A backup never overwrites a file.
    assert!(matches!(backup(&db.store, &db.url, &file).await, Err(BackupError::Exists(_))));
    // The site carries on: a referral sent after the copy is in the original only.
    let mut later = Browser::new(staff.app.clone());
    complete_referral(&mut later, &centre, "resident_parent", &[]).await;
    send(&mut later).await;
    assert_eq!(count(db, "referrals").await, at_backup[2] + 1);

    let from = file.clone();
    let restored = db.another(|url| async move { restore(&url, &from).await.unwrap() }).await;
    for (table, expected) in TABLES.into_iter().zip(at_backup) {
        assert_eq!(count(&restored, table).await, expected, "{table}");
    }
    assert!(count(db, "sessions").await > 0);
    assert_eq!(count(&restored, "sessions").await, 0, "no session comes back with a restore");
    // Nothing lands on top of data: a second restore into it is refused, and changes nothing.
    assert!(matches!(restore(&restored.url, &file).await, Err(BackupError::NotEmpty)));
    assert_eq!(count(&restored, "referrals").await, count(db, "referrals").await - 1);

    // The referral's answers are still sealed in the copy: the key opens them, another does not.
    let sealed = restored
        .raw_column::<Vec<u8>>(&format!("SELECT answers FROM referrals WHERE reference = '{reference}'"))
        .await
        .remove(0);
    let at = FieldLocation { table: "referrals", column: "answers", row: &reference };
    let opened = FieldCipher::from_hex(TEST_KEY_HEX).unwrap().open(at, &sealed).unwrap();
    assert!(String::from_utf8(opened).unwrap().contains("Sam Jones"), "the parent's name, opened");
    assert!(!sealed.windows(9).any(|w| w == b"Sam Jones"), "never in clear in the copy");
    let other_key = FieldCipher::from_hex(&"cd".repeat(32)).unwrap();
    let at = FieldLocation { table: "referrals", column: "answers", row: &reference };
    assert!(other_key.open(at, &sealed).is_err(), "without the key, nothing opens");
}

on_both_backends!(a_backup_goes_back_into_a_new_database_still_sealed);
