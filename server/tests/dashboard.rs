//! The live centre dashboard through the real router: a coordinator sees their own centre's
//! figures (what its cases hold, and nothing of another centre's), each chart drawn on the
//! server with its title, summary and table, and each chart's table as CSV; the trend's national
//! median is what every centre's submitted returns say; the dashboard and its downloads are
//! refused to everyone else.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::staff::{NOW, setup, sign_in};
use common::web::Browser;
use common::wizard::{complete_referral, send};
use shared::account::Role;

const CHARTS: [&str; 5] = ["by-source", "by-stage", "referrals-trend", "no-show-trend", "capacity-trend"];

/// The demo returns, as `serve --demo` loads them, for the day the tests run on (2026-11-18).
async fn demo_returns(db: &TestDb) {
    let directory: Vec<shared::Centre> = server::seed::demo_centres().into_iter().map(|p| p.centre).collect();
    let today = shared::uk_time::uk_date(NOW);
    let schedule = shared::returns::Schedule { due_days: 28, grace_days: 28 };
    let centre = server::seed::demo_staff_centre().unwrap();
    let loaded =
        server::seed::returns::seed_returns(&db.store, &directory, today, schedule, Some(&centre)).await.unwrap();
    assert!(loaded > 1000);
}

/// The median of every centre's referrals received in `quarter`, read from the stored JSON here
/// (not through the code under test).
async fn national_median(db: &TestDb, quarter: &str) -> f64 {
    let rows: Vec<String> = db
        .raw_column(&format!("SELECT figures FROM statistics_returns WHERE quarter = '{quarter}' AND state <> 'draft'"))
        .await;
    let mut totals: Vec<u64> = rows
        .iter()
        .map(|json| {
            let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json).unwrap();
            ["supported-referrals", "supervised-referrals"].iter().filter_map(|k| map.get(*k)?.as_u64()).sum()
        })
        .collect();
    totals.sort_unstable();
    let n = totals.len();
    assert!(n > 300, "{quarter}: {n} returns");
    if n.is_multiple_of(2) { (totals[n / 2 - 1] + totals[n / 2]) as f64 / 2.0 } else { totals[n / 2] as f64 }
}

/// A CSV's rows as fields (no field here holds a comma or a quote).
fn rows(csv: &str) -> Vec<Vec<String>> {
    csv.lines().map(|l| l.split(',').map(str::to_owned).collect()).collect()
}

async fn a_coordinator_sees_their_centres_figures_with_every_chart_its_table_and_csv(db: &TestDb) {
    let (b, _clock) = setup(db).await;
    demo_returns(db).await;
    let app = b.app.clone();
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    for _ in 0..3 {
        let mut parent = Browser::new(app.clone());
        complete_referral(&mut parent, &centre, "resident_parent", &[]).await;
        send(&mut parent).await;
    }
    // Another centre's referral is never counted here.
    let mut other = Browser::new(app.clone());
    complete_referral(&mut other, "bedford-family-contact-centre", "resident_parent", &[]).await;
    send(&mut other).await;

    let mut coordinator = Browser::new(app.clone());
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW).await;
    let page = coordinator.get("/centre").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(page.headers["cache-control"], "no-store");
    let body = &page.body;
    assert!(body.contains("Signed in as"), "{body}");
    assert!(body.contains("This quarter: October to December 2026 (2026-Q4)"), "{body}");
    assert!(body.contains("Figures as of 18 November 2026 at"), "{body}");
    assert!(!body.contains(r#"href="/centre/returns""#), "the returns are the managers'");
    for id in CHARTS {
        assert!(
            body.contains(&format!(r#"aria-labelledby="{id}-title {id}-desc""#)),
            "{id}: an SVG named and described"
        );
        assert!(body.contains(&format!(r#"id="{id}-summary""#)), "{id}: a one-sentence summary");
        assert!(body.contains(&format!(r#"id="{id}-table""#)), "{id}: a table twin");
        assert!(body.contains(&format!(r#"href="/centre/dashboard/{id}.csv""#)), "{id}: its CSV");
    }
    assert!(
        body.contains("3 referrals received so far this quarter; the most, 3, were referrals made online"),
        "{body}"
    );

    let by_source = coordinator.get("/centre/dashboard/by-source.csv").await;
    assert_eq!(by_source.status, StatusCode::OK);
    assert_eq!(by_source.headers["content-type"], "text/csv; charset=utf-8");
    assert_eq!(by_source.headers["cache-control"], "no-store");
    assert!(by_source.headers["content-disposition"].to_str().unwrap().contains("by-source.csv"));
    let table = rows(&by_source.body);
    assert_eq!(table[0], ["source", "Referrals"]);
    assert_eq!(table[1], ["Online (Safe Referral)", "3"], "what the cases hold, this centre's only");
    assert_eq!(table.len(), 9, "a row per source");

    let by_stage = rows(&coordinator.get("/centre/dashboard/by-stage.csv").await.body);
    assert_eq!(by_stage[1], ["New", "3"]);

    // The trend: eight quarters, the centre's own returns beside the national median.
    let trend = rows(&coordinator.get("/centre/dashboard/referrals-trend.csv").await.body);
    assert_eq!(trend[0], ["quarter", "Your centre", "National median"]);
    assert_eq!(trend.len(), 9);
    assert_eq!(trend[1][0], "2025 Q1");
    let q2 = trend.iter().find(|r| r[0] == "2026 Q2").unwrap();
    let median: f64 = q2[2].parse().unwrap();
    assert_eq!(median, national_median(db, "2026-Q2").await);
    let own: Vec<String> = db
        .raw_column(&format!(
            "SELECT figures FROM statistics_returns WHERE quarter = '2026-Q2' AND centre_slug = '{centre}'"
        ))
        .await;
    let own: serde_json::Value = serde_json::from_str(&own[0]).unwrap();
    let own_total: u64 = ["supported-referrals", "supervised-referrals"].iter().filter_map(|k| own[*k].as_u64()).sum();
    assert_eq!(q2[1], own_total.to_string());
    // Every other centre's 2026-Q2 return changed, as every write does (the figures, and the
    // version raised): the median is worked out again from them, not from what was kept.
    let changed = db
        .execute_raw(
            "UPDATE statistics_returns SET figures = '{\"supported-referrals\":7}', version = version + 1 \
             WHERE quarter = '2026-Q2' AND state <> 'draft' AND centre_slug <> $1",
            &[&centre],
        )
        .await
        .unwrap();
    assert!(changed > 300);
    let trend = rows(&coordinator.get("/centre/dashboard/referrals-trend.csv").await.body);
    let q2 = trend.iter().find(|r| r[0] == "2026 Q2").unwrap();
    assert_eq!(q2[2], "7");
    assert_eq!(7.0, national_median(db, "2026-Q2").await);
    // The demo leaves this centre's 2026-Q3 return unsent: no figure, shown as a gap.
    assert_eq!(trend.iter().find(|r| r[0] == "2026 Q3").unwrap()[1], "");
    assert_eq!(trend[8], ["2026 Q4 (so far)", "3", ""]);

    assert_eq!(coordinator.get("/centre/dashboard/nonsense.csv").await.status, StatusCode::NOT_FOUND);
    assert_eq!(coordinator.get("/centre/dashboard/by-source").await.status, StatusCode::NOT_FOUND);
    // Reading aggregates opens no referral: nothing of a family is read or logged as read.
    let reads = db.raw_column::<i64>("SELECT COUNT(*) FROM audit_log WHERE action = 'referral.read'").await;
    assert_eq!(reads, vec![0]);
}

async fn only_the_centres_own_staff_reach_the_dashboard_and_its_downloads(db: &TestDb) {
    let (b, _clock) = setup(db).await;
    let mut anonymous = Browser::new(b.app.clone());
    assert_eq!(anonymous.get("/centre/dashboard/by-source.csv").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.call("/api/centre/dashboard", &[]).await.status, StatusCode::UNAUTHORIZED);
    for role in Role::ALL {
        let mut user = Browser::new(b.app.clone());
        sign_in(&mut user, role, NOW).await;
        let allowed = matches!(role, Role::CentreCoordinator | Role::CentreManager);
        let expected = if allowed { StatusCode::OK } else { StatusCode::FORBIDDEN };
        let page = user.get("/centre").await;
        assert_eq!(page.status, expected, "{role:?} /centre");
        // A manager is offered the returns as well.
        assert_eq!(page.body.contains(r#"href="/centre/returns""#), role == Role::CentreManager, "{role:?}");
        assert_eq!(user.get("/centre/dashboard/capacity-trend.csv").await.status, expected, "{role:?} CSV");
        assert_eq!(user.call("/api/centre/dashboard", &[]).await.status, expected, "{role:?} server function");
    }
}

on_both_backends!(
    a_coordinator_sees_their_centres_figures_with_every_chart_its_table_and_csv,
    only_the_centres_own_staff_reach_the_dashboard_and_its_downloads,
);
