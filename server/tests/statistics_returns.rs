//! Statistics returns through the real router, as a browser without JavaScript: the manager's
//! return is pre-filled from what the cases hold, errors block it and queries need a word, it is
//! submitted once however often it is sent, an amendment keeps its history; a coordinator and
//! another centre's manager are refused; NACCC's chase list and reminders.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::returns::{field_value, form_fields};
use common::staff::{NOW, setup, sign_in};
use common::web::Browser;
use common::wizard::{complete_referral, send};
use shared::account::Role;

/// NOW is 2026-11-18: the quarter it falls in.
const THIS_QUARTER: &str = "2026-Q4";

async fn a_managers_return_is_prefilled_checked_submitted_once_and_amended(db: &TestDb) {
    let (b, _clock) = setup(db).await;
    let app = b.app.clone();
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    // Two referrals arrive this quarter through Safe Referral.
    for _ in 0..2 {
        let mut parent = Browser::new(app.clone());
        complete_referral(&mut parent, &centre, "resident_parent", &[]).await;
        send(&mut parent).await;
    }
    let mut manager = Browser::new(app.clone());
    sign_in(&mut manager, Role::CentreManager, NOW).await;
    let page = manager.get(&format!("/centre/returns/{THIS_QUARTER}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Worked out from your referrals: 2."));
    // The centre takes supported referrals: its online figure is what the cases hold.
    assert_eq!(field_value(&page.body, "supported-source-online"), "2");
    let stored: Vec<i64> = db.raw_column("SELECT COUNT(*) FROM referrals WHERE state = 'submitted'").await;
    assert_eq!(stored[0], 2);

    // Sources that do not add up: refused, and what was typed comes back.
    let mut fields = form_fields(&page.body);
    let set = |fields: &mut Vec<(String, String)>, name: &str, value: &str| {
        let key = format!("f[{name}]");
        match fields.iter_mut().find(|(k, _)| *k == key) {
            Some(f) => f.1 = value.to_owned(),
            None => fields.push((key, value.to_owned())),
        }
    };
    for (name, value) in [
        ("supported-referrals", "5"),
        ("supported-source-self-referral", "2"),
        ("supported-volunteers", "8"),
        ("supported-paid-staff", "2"),
        ("supported-sessions-available", "20"),
    ] {
        set(&mut fields, name, value);
    }
    for f in fields.iter_mut().filter(|(k, v)| v.is_empty() && !f_is_note(k)) {
        f.1 = "0".to_owned();
    }
    let post = |fields: &Vec<(String, String)>, intent: &str| {
        let mut pairs: Vec<(String, String)> = fields.clone();
        pairs.push(("quarter".into(), THIS_QUARTER.into()));
        pairs.push(("intent".into(), intent.into()));
        pairs
    };
    let pairs = post(&fields, "submit");
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = manager.submit("/api/centre/return/save", &refs).await;
    assert_eq!(r.location(), format!("/centre/returns/{THIS_QUARTER}"));
    let back = manager.get(r.location()).await;
    assert!(
        back.body.contains("the referrals from each source add up to 4, but referrals received is 5"),
        "{}",
        back.body
    );
    assert_eq!(field_value(&back.body, "supported-referrals"), "5", "what was typed is kept");

    // Put right: submitted, once, however often it is sent.
    set(&mut fields, "supported-source-solicitor", "1");
    let pairs = post(&fields, "submit");
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = manager.submit("/api/centre/return/save", &refs).await;
    assert_eq!(r.location(), format!("/centre/returns/{THIS_QUARTER}?done=submitted"));
    let again = manager.submit("/api/centre/return/save", &refs).await;
    assert_eq!(
        again.location(),
        format!("/centre/returns/{THIS_QUARTER}?done=submitted"),
        "a double press lands on the same"
    );
    assert_eq!(db.raw_column::<String>("SELECT state FROM statistics_returns").await, vec!["submitted".to_owned()]);

    // Amending needs a reason, and keeps who, when, why, before and after.
    let page = manager.get(&format!("/centre/returns/{THIS_QUARTER}")).await;
    let mut fields = form_fields(&page.body);
    let version =
        page.body.split(r#"name="version" value=""#).nth(1).map(|s| s[..s.find('"').unwrap()].to_owned()).unwrap();
    set(&mut fields, "supported-volunteers", "9");
    let mut pairs = post(&fields, "submit");
    pairs.push(("version".into(), version.clone()));
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = manager.submit("/api/centre/return/save", &refs).await;
    let back = manager.get(r.location()).await;
    assert!(back.body.contains("Say why you are changing a submitted return"), "{}", back.body);
    set(&mut fields, "amend-reason", "A volunteer's form came late");
    let mut pairs = post(&fields, "submit");
    pairs.push(("version".into(), version));
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = manager.submit("/api/centre/return/save", &refs).await;
    assert_eq!(r.location(), format!("/centre/returns/{THIS_QUARTER}?done=submitted"));
    assert_eq!(db.raw_column::<String>("SELECT state FROM statistics_returns").await, vec!["amended".to_owned()]);
    assert_eq!(
        db.raw_column::<String>("SELECT reason FROM statistics_amendments").await,
        vec!["A volunteer's form came late".to_owned()]
    );
    let page = manager.get(&format!("/centre/returns/{THIS_QUARTER}")).await;
    assert!(page.body.contains("Supported contact, volunteers: 8 → 9"), "{}", page.body);

    // NACCC sees it submitted; the CSV has it.
    let mut admin = Browser::new(app.clone());
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let chase = admin.get(&format!("/admin/returns?quarter={THIS_QUARTER}")).await;
    assert_eq!(chase.status, StatusCode::OK);
    assert!(chase.body.contains("1 of "), "{}", chase.body);
    let csv = admin.get("/admin/returns.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.contains(&format!("{centre},")) && csv.body.contains(",amended,"), "{}", csv.body);
    let refused = manager.get("/admin/returns.csv").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

fn f_is_note(name: &str) -> bool {
    name.starts_with("f[why-") || name == "f[amend-reason]"
}

async fn a_coordinator_and_other_centres_cannot_reach_a_return(db: &TestDb) {
    let (b, _clock) = setup(db).await;
    let mut coordinator = Browser::new(b.app.clone());
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW).await;
    assert_eq!(coordinator.get(&format!("/centre/returns/{THIS_QUARTER}")).await.status, StatusCode::FORBIDDEN);
    let r = coordinator.call("/api/centre/return/save", &[("quarter", THIS_QUARTER), ("intent", "submit")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // The dashboard is theirs, though.
    assert_eq!(coordinator.get("/centre").await.status, StatusCode::OK);
    // A quarter not yet begun has no return; nor does nonsense.
    let mut manager = Browser::new(b.app.clone());
    sign_in(&mut manager, Role::CentreManager, NOW).await;
    assert_eq!(manager.get("/centre/returns/2027-Q2").await.status, StatusCode::NOT_FOUND);
    assert_eq!(manager.get("/centre/returns/nonsense").await.status, StatusCode::NOT_FOUND);
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM statistics_returns").await, vec![0]);
}

async fn late_centres_are_reminded_once_per_form(db: &TestDb) {
    let (b, _clock) = setup(db).await;
    let mut admin = Browser::new(b.app.clone());
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    // 2026-Q3 was due on 2026-10-28; on 2026-11-18 nobody has sent it: every member is late.
    let chase = admin.get("/admin/returns?quarter=2026-Q3").await;
    assert!(chase.body.contains("0 of 320 centres have sent this return; 320 are late"), "{}", chase.body);
    let key = chase.body.split(r#"name="key" value=""#).nth(1).map(|s| s[..s.find('"').unwrap()].to_owned()).unwrap();
    let pairs = [("quarter", "2026-Q3"), ("centre", ""), ("key", key.as_str())];
    let r = admin.submit("/api/admin/returns/remind", &pairs).await;
    assert_eq!(r.location(), "/admin/returns?quarter=2026-Q3&reminded=320");
    let again = admin.submit("/api/admin/returns/remind", &pairs).await;
    assert_eq!(again.location(), "/admin/returns?quarter=2026-Q3&reminded=0", "a resent form sends nothing more");
    let queued = db.raw_column::<i64>("SELECT COUNT(*) FROM outbox WHERE kind = 'return.reminder'").await;
    assert_eq!(queued, vec![320]);
}

on_both_backends!(
    a_managers_return_is_prefilled_checked_submitted_once_and_amended,
    a_coordinator_and_other_centres_cannot_reach_a_return,
    late_centres_are_reminded_once_per_form,
);
