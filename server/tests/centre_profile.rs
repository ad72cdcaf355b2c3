//! Membership through the real router as browsers without JavaScript: a centre's public page kept
//! current by its manager (refused with what was typed kept, saved, shown on the public page; only
//! the centre's managers may), and NACCC adding a member centre, listed with every other.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::staff::{NOW, setup, sign_in};
use common::web::Browser;
use shared::account::Role;

async fn a_manager_keeps_the_public_page_current(db: &TestDb) {
    let (mut manager, _clock) = setup(db).await;
    let app = manager.app.clone();
    let slug = server::seed::demo_staff_centre().unwrap().to_string();
    sign_in(&mut manager, Role::CentreManager, NOW).await;
    let page = manager.get("/centre/profile").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"id="opening-times""#));

    let form = |opening: &'static str| {
        vec![
            ("f[description]", "A calm centre in the church hall, with a garden."),
            ("f[opening-times]", opening),
            ("f[accessibility]", "Step-free entrance on Mill Lane."),
            ("f[wheelchair]", "yes"),
            ("f[languages]", "English, Welsh, Polish"),
            ("f[online-referrals]", "yes"),
        ]
    };
    let refused = manager.submit("/api/centre/profile/save", &form("Saturdays 10 till 1")).await;
    assert_eq!(refused.location(), "/centre/profile");
    let back = manager.get("/centre/profile").await.body;
    assert!(back.contains("Write opening times like sat 10:00-13:00"), "{back}");
    assert!(back.contains("Saturdays 10 till 1"), "what was typed is kept");

    let saved = manager.submit("/api/centre/profile/save", &form("sat 10:00-13:00; sun 14:00-16:30")).await;
    assert_eq!(saved.location(), "/centre/profile?done=saved");
    let public = Browser::new(app.clone()).get(&format!("/centres/{slug}")).await.body;
    assert!(public.contains("A calm centre in the church hall") && public.contains("Polish"), "{public}");
    let audit: Vec<i64> = db.raw_column("SELECT COUNT(*) FROM audit_log WHERE action = 'centre.profile'").await;
    assert_eq!(audit, [1]);

    // A coordinator of the same centre may not.
    let mut coordinator = Browser::new(app.clone());
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW).await;
    assert_eq!(coordinator.get("/centre/profile").await.status, StatusCode::FORBIDDEN);
    let r = coordinator.submit("/api/centre/profile/save", &form("sat 09:00-10:00")).await;
    assert_ne!(r.status, StatusCode::FOUND);
    let public = Browser::new(app).get(&format!("/centres/{slug}")).await.body;
    assert!(public.contains("4:30pm") && public.contains("Polish"), "unchanged: {public}");
}

async fn naccc_adds_a_member_centre(db: &TestDb) {
    let (mut admin, _clock) = setup(db).await;
    let app = admin.app.clone();
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let list = admin.get("/admin/centres").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("342 centres"), "{}", &list.body[..list.body.len().min(3000)]);

    let refused =
        admin.submit("/api/admin/centres/add", &[("f[centre-name]", "Riverside Family Contact Centre")]).await;
    assert_eq!(refused.location(), "/admin/centres");
    let back = admin.get("/admin/centres").await.body;
    assert!(back.contains("Choose the nation the centre is in") && back.contains("Riverside Family Contact Centre"));
    let form = [
        ("f[centre-name]", "Riverside Family Contact Centre"),
        ("f[nation]", "england"),
        ("f[region]", "East Midlands"),
        ("f[town]", "Nottingham"),
        ("f[postcode]", "NG1 5FW"),
    ];
    let added = admin.submit("/api/admin/centres/add", &form).await;
    assert_eq!(added.location(), "/admin/centres?added=riverside-family-contact-centre");
    let again = admin.submit("/api/admin/centres/add", &form).await;
    assert_eq!(again.location(), "/admin/centres", "the same name twice is refused");
    assert!(admin.get("/admin/centres").await.body.contains("343 centres"));
    // A candidate member: its page and the search show it.
    let public = Browser::new(app.clone()).get("/centres/riverside-family-contact-centre").await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.body.contains("Candidate"));
    let search = Browser::new(app.clone()).get("/find-a-centre?q=Riverside+Family").await.body;
    assert!(search.contains("/centres/riverside-family-contact-centre"));
    // Nobody else may.
    let mut manager = Browser::new(app);
    sign_in(&mut manager, Role::CentreManager, NOW).await;
    assert_eq!(manager.get("/admin/centres").await.status, StatusCode::FORBIDDEN);
}

#[test]
fn add_centre_on_sqlite() {
    common::run(async { naccc_adds_a_member_centre(&TestDb::sqlite().await).await });
}

#[test]
fn add_centre_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            naccc_adds_a_member_centre(&db).await;
        }
    });
}

#[test]
fn profile_on_sqlite() {
    common::run(async { a_manager_keeps_the_public_page_current(&TestDb::sqlite().await).await });
}

#[test]
fn profile_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            a_manager_keeps_the_public_page_current(&db).await;
        }
    });
}
