//! Retention and subject access: a case closed longer ago than the retention period keeps only
//! what the statistics need (and still counts); each erasure is audit-logged without personal
//! data. A subject access export for one parent withholds the other party's protected fields.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::staff::{NOW, setup, shown_version, sign_in};
use common::web::Browser;
use common::wizard::{OTHER_EMAIL, RESIDENT_EMAIL, complete_referral, count, send};
use shared::account::Role;

/// A referral to the demo staff centre, screened and declined by its coordinator; its reference.
async fn declined_referral(db: &TestDb) -> (Browser, String, std::sync::Arc<server::platform::clock::ManualClock>) {
    declined_referral_in(db, "en").await
}

/// The same, made on the pages in the language `lang` (`en`, `cy`).
async fn declined_referral_in(
    db: &TestDb,
    lang: &str,
) -> (Browser, String, std::sync::Arc<server::platform::clock::ManualClock>) {
    let (mut coordinator, clock) = setup(db).await;
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    let mut parent = Browser::new(coordinator.app.clone());
    parent.get(&format!("/?lang={lang}")).await;
    complete_referral(&mut parent, &centre, "resident_parent", &[]).await;
    let reference = send(&mut parent).await;
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW).await;
    for (action, extra) in
        [("start_screening", vec![]), ("decline", vec![("f[reason]", "no_capacity"), ("f[confirm]", "yes")])]
    {
        let version = shown_version(&mut coordinator, &reference).await;
        let mut pairs = vec![("reference", reference.as_str()), ("version", version.as_str()), ("action", action)];
        pairs.extend(extra);
        let r = coordinator.submit("/api/centre/case/act", &pairs).await;
        assert!(r.location().ends_with(&format!("?done={action}")), "{action}: {}", r.location());
    }
    coordinator.submit("/api/centre/case/note", &[("reference", &reference), ("f[note]", "Called the mother.")]).await;
    (coordinator, reference, clock)
}

/// A referral sent in Welsh gets its news in Welsh and English: those emails are erased too.
async fn a_welsh_referrals_news_is_erased_with_it(db: &TestDb) {
    let (_, reference, _) = declined_referral_in(db, "cy").await;
    let news =
        format!("SELECT subject FROM outbox WHERE kind = 'referral.status' AND recipient = 'referrer:{reference}'");
    let subjects = db.raw_column::<String>(&news).await;
    assert_eq!(subjects.len(), 2);
    assert!(subjects.iter().all(|s| s.starts_with("Newyddion am atgyfeiriad")), "{subjects:?}");
    let day = 86_400;
    assert_eq!(server::cases::retention::erase_expired(&db.store, NOW + 731 * day, 730).await.unwrap(), 1);
    assert!(db.raw_column::<String>(&news).await.is_empty(), "the emails to the referrer's address are gone");
}

async fn a_case_closed_longer_than_the_period_keeps_only_its_statistics(db: &TestDb) {
    let (mut coordinator, reference, clock) = declined_referral(db).await;
    let news = format!("SELECT COUNT(*) FROM outbox WHERE kind = 'referral.status' AND subject LIKE '%{reference}'");
    assert_eq!(count(db, &news).await, 2, "the referrer heard of screening and the decision");
    let day = 86_400;
    assert_eq!(server::cases::retention::erase_expired(&db.store, NOW + 729 * day, 730).await.unwrap(), 0, "not yet");
    assert_eq!(server::cases::retention::erase_expired(&db.store, NOW + 731 * day, 730).await.unwrap(), 1);
    assert_eq!(server::cases::retention::erase_expired(&db.store, NOW + 732 * day, 730).await.unwrap(), 0, "once only");

    let answers =
        db.raw_column::<Vec<u8>>(&format!("SELECT answers FROM referrals WHERE reference = '{reference}'")).await;
    assert!(answers[0].is_empty(), "the sealed answers are gone");
    assert_eq!(count(db, "SELECT COUNT(*) FROM case_notes").await, 0, "notes are gone");
    assert_eq!(count(db, &news).await, 0, "the emails to the referrer's address are gone");
    // What the statistics need stays: it still counts, with its centre, stage and dates.
    let centre = server::seed::demo_staff_centre().unwrap();
    let rows = db.store.inbox_rows(&centre).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].stage, shared::referral::case::Stage::Declined);
    assert_eq!(count(db, "SELECT COUNT(*) FROM case_events").await, 2, "the history's codes and dates stay");
    // The erasure is in the audit log, by reference only.
    let erased = db
        .raw_column::<String>(&format!(
            "SELECT detail FROM audit_log WHERE action = 'referral.erase' AND object = '{reference}'"
        ))
        .await;
    assert_eq!(erased, ["retention_days=730"]);
    // The case page still opens, with nothing personal left to show.
    clock.set(NOW + 60); // a later authenticator code (each works once)
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW + 60).await;
    let page = coordinator.get(&format!("/centre/referrals/{reference}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains(RESIDENT_EMAIL) && !page.body.contains(OTHER_EMAIL));
    assert!(!page.body.contains("Called the mother."));
    // Nothing personal can be added to an erased case.
    let r =
        coordinator.call("/api/centre/case/note", &[("reference", &reference), ("f[note]", "Mum rang again.")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(count(db, "SELECT COUNT(*) FROM case_notes").await, 0);
}

fn export_json(html: &str) -> serde_json::Value {
    let at = html.find(r#"id="sar-export""#).unwrap_or_else(|| panic!("no export on the page: {html}"));
    let start = at + html[at..].find('>').unwrap() + 1;
    let end = start + html[start..].find("</pre>").unwrap();
    let text = html[start..end]
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

async fn a_subject_access_export_withholds_the_other_partys_protected_fields(db: &TestDb) {
    let (coordinator, reference, _) = declined_referral(db).await;
    let mut admin = Browser::new(coordinator.app.clone());
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let withheld = shared::referral::subject_access::WITHHELD;

    let referrer = admin.get(&format!("/admin/subject-access?reference={reference}&requester=resident_parent")).await;
    assert_eq!(referrer.status, StatusCode::OK);
    let json = export_json(&referrer.body);
    assert_eq!(
        (&json["own_details"]["name"], &json["own_details"]["email"]),
        (&"Sam Jones".into(), &RESIDENT_EMAIL.into())
    );
    assert_eq!(json["other_parent"]["name"], "Alex Jones");
    assert_eq!(json["other_parent"]["email"], withheld, "the other parent's contact details are withheld");
    assert!(!json.to_string().contains(OTHER_EMAIL), "{json}");
    assert!(json["referral_answers"].is_object(), "the referrer's own answers are theirs");

    let other = admin.get(&format!("/admin/subject-access?reference={reference}&requester=non_resident_parent")).await;
    let json = export_json(&other.body);
    assert_eq!(
        (&json["own_details"]["name"], &json["own_details"]["email"]),
        (&"Alex Jones".into(), &OTHER_EMAIL.into())
    );
    assert_eq!(json["other_parent"]["name"], "Sam Jones");
    assert_eq!(json["other_parent"]["email"], withheld);
    assert!(!json.to_string().contains(RESIDENT_EMAIL), "{json}");
    assert!(json["referral_answers"].is_null(), "the referrer's answers are withheld from the other parent");
    let exports = format!("SELECT COUNT(*) FROM audit_log WHERE action = 'referral.export' AND object = '{reference}'");
    assert_eq!(count(db, &exports).await, 2, "each export is audit-logged");

    // Only NACCC administrators.
    let mut board = Browser::new(coordinator.app.clone());
    sign_in(&mut board, Role::Board, NOW).await;
    let refused = board.get(&format!("/admin/subject-access?reference={reference}&requester=resident_parent")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(!refused.body.contains(RESIDENT_EMAIL) && !refused.body.contains(OTHER_EMAIL));
}

on_both_backends!(
    a_case_closed_longer_than_the_period_keeps_only_its_statistics,
    a_subject_access_export_withholds_the_other_partys_protected_fields,
    a_welsh_referrals_news_is_erased_with_it,
);
