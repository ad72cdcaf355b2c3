//! The audit log is append-only: the database refuses to change or delete entries, on SQLite and
//! on PostgreSQL alike.

mod common;

use common::TestDb;
use server::store::{Actor, AuditEvent, Outcome};

fn event(action: &'static str, object: &str) -> AuditEvent {
    AuditEvent {
        actor: Actor::User(7),
        action,
        object: Some(object.into()),
        outcome: Outcome::Ok,
        detail: String::new(),
    }
}

async fn entries_are_appended_and_read_newest_first(db: &TestDb) {
    db.store.record(&event("draft.create", "referral:NR-2345-6789"), 100).await.unwrap();
    db.store.record(&event("referral.read", "referral:NR-2345-6789"), 200).await.unwrap();
    let denied = AuditEvent {
        actor: Actor::Anonymous,
        outcome: Outcome::Denied,
        ..event("referral.read", "referral:NR-9999-9999")
    };
    db.store.record(&denied, 300).await.unwrap();
    let entries = db.store.recent_audit(10).await.unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!((entries[0].at, entries[0].actor.as_str(), entries[0].outcome.as_str()), (300, "anonymous", "denied"));
    assert_eq!((entries[2].action.as_str(), entries[2].actor.as_str()), ("draft.create", "user:7"));
    assert_eq!(db.store.recent_audit(1).await.unwrap().len(), 1);
}

async fn the_database_refuses_to_change_or_delete_entries(db: &TestDb) {
    db.store.record(&event("referral.read", "referral:NR-2345-6789"), 100).await.unwrap();
    let update = db.execute_raw("UPDATE audit_log SET actor = $1", &["someone else"]).await;
    assert!(update.is_err(), "UPDATE must be refused");
    let delete = db.execute_raw("DELETE FROM audit_log WHERE actor <> $1", &["nobody"]).await;
    assert!(delete.is_err(), "DELETE must be refused");
    let entries = db.store.recent_audit(10).await.unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor, "user:7", "the entry is unchanged");
}

on_both_backends!(entries_are_appended_and_read_newest_first, the_database_refuses_to_change_or_delete_entries);
