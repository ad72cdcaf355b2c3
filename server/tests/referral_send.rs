//! Sending a referral through the real router on real databases: once however often it is
//! pressed, and together with its audit entry and its centre's notice or not at all.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::web::{Browser, app};
use common::wizard::{centre, complete_referral, count, submission_key};

/// What sending has made so far: referrals sent, drafts still open, notices to centres and
/// audit entries of sends.
async fn made(db: &TestDb) -> [i64; 4] {
    [
        count(db, "SELECT COUNT(*) FROM referrals WHERE state = 'submitted'").await,
        count(db, "SELECT COUNT(*) FROM referrals WHERE state = 'draft'").await,
        count(db, "SELECT COUNT(*) FROM outbox").await,
        count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'referral.submit'").await,
    ]
}

async fn two_submits_with_one_key_make_one_referral(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    complete_referral(&mut b, &slug, "non_resident_parent", &[]).await;
    let check = b.get("/refer/check").await;
    let key = submission_key(&check.body);
    let mut first = b.same_session();
    let mut second = b.same_session();
    let pairs = [("key", key.as_str())];
    let (one, two) =
        tokio::join!(first.submit("/api/refer/submit", &pairs), second.submit("/api/refer/submit", &pairs));
    assert_eq!((one.location(), two.location()), ("/refer/sent", "/refer/sent"), "both presses succeed");
    assert_eq!(count(db, "SELECT COUNT(*) FROM referrals WHERE state = 'submitted'").await, 1);
    assert_eq!(count(db, "SELECT COUNT(*) FROM outbox").await, 1, "one notice to the centre");
    // A later retry with the same key is harmless too.
    let again = b.call("/api/refer/submit", &[("key", &key)]).await;
    assert!(again.status == StatusCode::NOT_FOUND || again.status.is_success(), "{}", again.status);
    assert_eq!(count(db, "SELECT COUNT(*) FROM referrals WHERE state = 'submitted'").await, 1);
    // The send is audited once, in the send's transaction, under the referral's reference.
    let audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'referral.submit' AND actor = 'anonymous' \
                   AND outcome = 'ok' AND object = (SELECT reference FROM referrals WHERE state = 'submitted')";
    assert_eq!(count(db, audited).await, 1);
}

/// The audit entry is written in the send's own transaction: if it cannot be written, nothing is
/// sent (no referral, no notice to the centre), the draft stays as it was, and pressing Send again
/// once the log takes entries sends it, once.
async fn a_send_is_audited_in_the_same_commit_or_not_made(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    complete_referral(&mut b, &slug, "resident_parent", &[]).await;
    let key = submission_key(&b.get("/refer/check").await.body);
    let refuse = if db.url.starts_with("sqlite:") {
        vec![
            "CREATE TRIGGER refuse_send_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'referral.submit' \
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
        ]
    } else {
        vec![
            "CREATE FUNCTION refuse_send_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             IF NEW.action = 'referral.submit' THEN RAISE EXCEPTION 'refused by the test'; END IF; \
             RETURN NEW; END $$",
            "CREATE TRIGGER refuse_send_audit BEFORE INSERT ON audit_log FOR EACH ROW \
             EXECUTE FUNCTION refuse_send_audit()",
        ]
    };
    for sql in refuse {
        db.execute_raw(sql, &[]).await.unwrap();
    }
    let refused = b.submit("/api/refer/submit", &[("key", &key)]).await;
    assert_ne!(refused.location(), "/refer/sent", "not acknowledged: {} {}", refused.status, refused.body);
    assert_eq!(made(db).await, [0, 1, 0, 0], "nothing sent, the draft kept, no notice for it");
    db.execute_raw("DROP TRIGGER refuse_send_audit ON audit_log", &[]).await.ok();
    db.execute_raw("DROP TRIGGER refuse_send_audit", &[]).await.ok();

    let sent = b.submit("/api/refer/submit", &[("key", &key)]).await;
    assert_eq!((sent.status, sent.location()), (StatusCode::FOUND, "/refer/sent"), "{}", sent.body);
    assert_eq!(made(db).await, [1, 0, 1, 1]);
    let audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'referral.submit' \
                   AND object = (SELECT reference FROM referrals WHERE state = 'submitted')";
    assert_eq!(count(db, audited).await, 1);
}

/// A form's key belongs to the referral it sent: the same form posted again once another
/// referral is open in that browser (back, then resend) does not send the new one.
async fn an_old_forms_key_does_not_send_the_next_referral(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    complete_referral(&mut b, &slug, "resident_parent", &[]).await;
    let old_key = submission_key(&b.get("/refer/check").await.body);
    let sent = b.submit("/api/refer/submit", &[("key", &old_key)]).await;
    assert_eq!(sent.location(), "/refer/sent");
    complete_referral(&mut b, &slug, "resident_parent", &[]).await;
    let again = b.submit("/api/refer/submit", &[("key", &old_key)]).await;
    assert_eq!(again.location(), "/refer/sent", "the old form's confirmation, as a browser would show");
    assert_eq!(made(db).await, [1, 1, 1, 1], "the new one waits");
    // Its own form sends it.
    let key = submission_key(&b.get("/refer/check").await.body);
    assert_eq!(b.submit("/api/refer/submit", &[("key", &key)]).await.location(), "/refer/sent");
    assert_eq!(made(db).await, [2, 0, 2, 2]);
}

/// One key posted at once for two referrals (a crafted request: a key belongs to one form): one is
/// sent, the other is left a draft, and neither gets a server error.
async fn one_key_sent_for_two_referrals_at_once_sends_one(db: &TestDb) {
    let slug = centre(db, false).await;
    let app = app(db).await;
    let (mut first, mut second) = (Browser::new(app.clone()), Browser::new(app));
    complete_referral(&mut first, &slug, "resident_parent", &[]).await;
    complete_referral(&mut second, &slug, "resident_parent", &[]).await;
    let key = submission_key(&first.get("/refer/check").await.body);
    let pairs = [("key", key.as_str())];
    let (one, two) =
        tokio::join!(first.submit("/api/refer/submit", &pairs), second.submit("/api/refer/submit", &pairs));
    for answer in [&one, &two] {
        assert!(!answer.status.is_server_error(), "{} {}", answer.status, answer.body);
    }
    assert_eq!(made(db).await, [1, 1, 1, 1], "one sent, the other left a draft");
}

on_both_backends!(
    one_key_sent_for_two_referrals_at_once_sends_one,
    two_submits_with_one_key_make_one_referral,
    a_send_is_audited_in_the_same_commit_or_not_made,
    an_old_forms_key_does_not_send_the_next_referral,
);
