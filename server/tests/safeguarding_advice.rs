//! Safeguarding advice through the real router, as browsers without JavaScript: a coordinator
//! asks NACCC about one case with a reason (sealed); a NACCC administrator who is not a
//! safeguarding lead never reads it; a lead reads it (each read audit-logged with the request it
//! rests on) and adds advice the centre sees, only while the request is open.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::staff::{NOW, email, setup, sign_in};
use common::web::Browser;
use common::wizard::{complete_referral, send};
use shared::account::Role;

const REASON: &str = "The father's new partner has a conviction we have just learned of";

async fn advice_is_read_only_by_a_safeguarding_lead_while_the_request_is_open(db: &TestDb) {
    let (mut coordinator, _clock) = setup(db).await;
    let app = coordinator.app.clone();
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    let mut parent = Browser::new(app.clone());
    complete_referral(&mut parent, &centre, "resident_parent", &[]).await;
    let reference = send(&mut parent).await;
    let case = format!("/centre/referrals/{reference}");

    sign_in(&mut coordinator, Role::CentreCoordinator, NOW).await;
    let page = coordinator.get(&case).await.body;
    assert!(page.contains("Ask NACCC for safeguarding advice"), "{page}");
    let key = page.split(r#"name="key" value=""#).nth(2).and_then(|s| s.split('"').next()).unwrap_or("k1").to_owned();

    // No reason: refused, sent back to the case.
    let refused = coordinator.submit("/api/centre/case/advice/ask", &[("reference", &reference), ("key", &key)]).await;
    assert_eq!(refused.location(), case);
    assert!(coordinator.get(&case).await.body.contains("Say what you would like advice on"));
    // Asked, and the same form again asks once.
    for _ in 0..2 {
        let asked = coordinator
            .submit(
                "/api/centre/case/advice/ask",
                &[("reference", &reference), ("key", &key), ("f[advice-reason]", REASON)],
            )
            .await;
        assert_eq!(asked.location(), format!("{case}?done=advice-asked"), "{}", asked.body);
    }
    let requests: Vec<i64> = db.raw_column("SELECT id FROM advice_requests").await;
    assert_eq!(requests.len(), 1);
    let id = requests[0];
    let sealed: Vec<Vec<u8>> = db.raw_column("SELECT reason FROM advice_requests").await;
    assert!(!String::from_utf8_lossy(&sealed[0]).contains("conviction"), "the reason is sealed");
    assert!(coordinator.get(&case).await.body.contains(REASON));

    // A NACCC administrator who is not a safeguarding lead sees no request and no referral.
    let mut admin = Browser::new(app.clone());
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let list = admin.get("/admin/safeguarding").await.body;
    assert!(
        list.contains("For NACCC&#x27;s safeguarding leads") || list.contains("For NACCC's safeguarding leads"),
        "{list}"
    );
    assert!(!list.contains(&reference));
    let read = admin.get(&format!("/admin/safeguarding/{id}")).await;
    assert_eq!(read.status, StatusCode::NOT_FOUND);
    assert!(!read.body.contains("Sam Jones") && !read.body.contains(REASON));
    let note = admin
        .submit("/api/admin/safeguarding/note", &[("request", &id.to_string()), ("key", "n0"), ("f[advice-note]", "x")])
        .await;
    assert_ne!(note.status, StatusCode::FOUND);
    let denied: Vec<i64> =
        db.raw_column("SELECT COUNT(*) FROM audit_log WHERE action = 'referral.read' AND outcome = 'denied'").await;
    assert!(denied[0] >= 1);

    // Made a safeguarding lead: reads the case, each read logged with the request it rests on.
    let admin_id = db.store.user_by_email(&email(Role::NacccAdmin)).await.unwrap().unwrap().id;
    assert!(db.store.set_safeguarding_lead(admin_id, true).await.unwrap());
    assert!(admin.get("/admin/safeguarding").await.body.contains(&reference));
    let read = admin.get(&format!("/admin/safeguarding/{id}")).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("Sam Jones") && read.body.contains(REASON), "{}", read.body);
    let logged: Vec<String> = db
        .raw_column("SELECT detail FROM audit_log WHERE action = 'referral.read' AND outcome = 'ok' AND actor = 'user:' || (SELECT id FROM users WHERE role = 'naccc_admin')")
        .await;
    assert_eq!(logged, [format!("advice:{id}")]);

    // The lead's advice reaches the centre's case page.
    let added = admin
        .submit(
            "/api/admin/safeguarding/note",
            &[
                ("request", &id.to_string()),
                ("key", "n1"),
                ("f[advice-note]", "Ask for a risk assessment before the next session."),
            ],
        )
        .await;
    assert_eq!(added.location(), format!("/admin/safeguarding/{id}?done=advice-note"));
    assert!(coordinator.get(&case).await.body.contains("Ask for a risk assessment before the next session."));

    // The centre closes the request: the lead's access ends.
    let closed = coordinator.submit("/api/advice/close", &[("request", &id.to_string()), ("back", &reference)]).await;
    assert_eq!(closed.location(), format!("{case}?done=advice-closed"));
    let read = admin.get(&format!("/admin/safeguarding/{id}")).await;
    assert_eq!(read.status, StatusCode::NOT_FOUND);
    assert!(!read.body.contains("Sam Jones"));
    let late = admin
        .submit(
            "/api/admin/safeguarding/note",
            &[("request", &id.to_string()), ("key", "n2"), ("f[advice-note]", "Late")],
        )
        .await;
    assert_ne!(late.status, StatusCode::FOUND);
    let notes: Vec<i64> = db.raw_column("SELECT COUNT(*) FROM advice_notes").await;
    assert_eq!(notes, [1]);

    // Another centre's staff cannot ask about, or close, this case's advice.
    let mut other = Browser::new(app.clone());
    sign_in(&mut other, Role::Assessor, NOW).await;
    let refused = other.submit("/api/advice/close", &[("request", &id.to_string()), ("back", &reference)]).await;
    assert_ne!(refused.status, StatusCode::FOUND);
}

#[test]
fn advice_on_sqlite() {
    common::run(async {
        advice_is_read_only_by_a_safeguarding_lead_while_the_request_is_open(&TestDb::sqlite().await).await
    });
}

#[test]
fn advice_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            advice_is_read_only_by_a_safeguarding_lead_while_the_request_is_open(&db).await;
        }
    });
}
