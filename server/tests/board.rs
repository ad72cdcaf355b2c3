//! The board's strategic indicators through the real router, on both databases: a board member
//! sees the four objectives over the demo network's returns, a nation's small counts shown as
//! "<5" with another hidden beside them, the same figures in the CSV as on the page, the pack
//! with every objective; NACCC keeps the registers and targets (refused forms keep what was
//! typed; a form sent twice records once) and the indicators follow them.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::board::{QUARTER, csv_rows, demo, table, text};
use common::staff::{NOW, setup, sign_in};
use common::web::Browser;
use shared::account::Role;

async fn a_board_member_sees_aggregates_with_small_numbers_hidden_alike_on_page_and_csv(db: &TestDb) {
    let (mut b, _clock) = setup(db).await;
    demo(db).await;
    let app = b.app.clone();
    sign_in(&mut b, Role::Board, NOW).await;

    let overview = b.get("/board").await;
    assert_eq!(overview.status, StatusCode::OK, "{}", overview.body);
    let page = text(&overview.body);
    for o in shared::board::indicators::Objective::ALL {
        assert!(page.contains(o.title()), "{}", o.title());
    }
    assert!(page.contains(&format!("Figures for July to September 2026 ({QUARTER}), the whole UK.")), "{page}");
    assert!(overview.body.contains("data-rag="), "targets give red/amber/green");
    // The whole UK's referrals are a whole-UK figure: shown as a number.
    let referrals = table(&overview.body, "objective-4");
    let uk = &referrals.iter().find(|r| r[0] == "Referrals received").unwrap()[1];
    assert!(uk.replace(',', "").parse::<u64>().unwrap() > 1_000, "{uk}");

    // By nation: the Channel Islands' 4 is "<5", and one other nation is hidden beside it so
    // the UK total does not give it away.
    let detail = b.get("/board/objectives/4").await;
    assert_eq!(detail.status, StatusCode::OK);
    let nations = table(&detail.body, "referrals-nations");
    let shown = |nation: &str| nations.iter().find(|r| r[0] == nation).map(|r| r[1].clone()).unwrap();
    assert_eq!(shown("Channel Islands"), "<5");
    assert_eq!(nations.iter().filter(|r| r[1] == "[c]").count(), 1, "{nations:?}");
    assert!(detail.body.contains("chart-referrals"), "a chart with its table");
    assert!(table(&detail.body, "referrals-table").iter().any(|r| r[0] == QUARTER));

    // The CSV has the same figures as the page.
    let csv = b.get("/board/indicators.csv?indicator=referrals").await;
    assert_eq!(csv.status, StatusCode::OK);
    let rows = csv_rows(&csv.body);
    for row in &nations {
        let line = rows.iter().find(|r| r[4] == row[0] && r[3] == QUARTER && r[5].is_empty()).unwrap();
        assert_eq!(line[6], row[1], "{} in the CSV", row[0]);
    }
    assert!(rows.iter().all(|r| r[1] == "referrals" || r[0].is_empty()), "only the indicator asked for");

    // Filtered to the Channel Islands: the same "<5", no red/amber/green, no share of it.
    let ci = b.get(&format!("/board?quarter={QUARTER}&nation=channel_islands")).await;
    let row = table(&ci.body, "objective-4").into_iter().find(|r| r[0] == "Referrals received").unwrap();
    assert_eq!((row[1].as_str(), row[4].as_str()), ("<5", "– no target"));
    let online = table(&ci.body, "objective-3").into_iter().find(|r| r[0] == "Referrals made online").unwrap();
    assert!(!online[1].ends_with('%'), "{online:?}");

    // The pack: every objective on its own page, the period and area on each.
    let pack = b.get("/board/pack").await;
    assert_eq!(pack.status, StatusCode::OK);
    assert_eq!(pack.body.matches("class=\"pack-page\"").count(), 4);
    assert_eq!(pack.body.matches("NACCC board pack · Figures for July to September 2026").count(), 4);

    // An unknown objective is not found; nobody else gets the figures.
    assert_eq!(b.get("/board/objectives/5").await.status, StatusCode::NOT_FOUND);
    let mut coordinator = Browser::new(app.clone());
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW + 30).await;
    for path in ["/board", "/board/indicators.csv", "/board/events"] {
        assert_eq!(coordinator.get(path).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let mut nobody = Browser::new(app);
    assert_eq!(nobody.get("/board/indicators.csv").await.status, StatusCode::UNAUTHORIZED);
}

async fn naccc_keeps_the_registers_and_targets_the_indicators_follow(db: &TestDb) {
    let (mut b, _clock) = setup(db).await;
    demo(db).await;
    sign_in(&mut b, Role::NacccAdmin, NOW).await;
    let page = b.get("/admin/board").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let key = page.body.split("name=\"key\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_owned();

    // Refused without JavaScript: back with the problems and what was typed.
    let (_, refused) = b
        .submit_and_follow(
            "/api/admin/board/training",
            &[("key", &key), ("f[held-on]", "14/03/2026"), ("f[course]", "Contact in practice"), ("f[attendees]", "0")],
        )
        .await;
    let words = text(&refused.body);
    assert!(words.contains("There is a problem"), "{words}");
    assert!(words.contains("Enter the date, like 2026-03-14"));
    assert!(words.contains("Choose who the course was for"));
    assert!(refused.body.contains("value=\"Contact in practice\""), "typing kept");

    // Recorded once however often it is sent; the quarter's training figure follows.
    let before = board_value(&mut b, "objective-1", "Staff and volunteers trained").await;
    let training = [
        ("key", key.as_str()),
        ("f[held-on]", "2026-08-14"),
        ("f[course]", "Contact in practice"),
        ("f[audience]", "volunteers"),
        ("f[attendees]", "25"),
    ];
    for _ in 0..2 {
        let (location, _) = b.submit_and_follow("/api/admin/board/training", &training).await;
        assert_eq!(location, "/admin/board?done=training");
    }
    // The same form sent again with something else in it records nothing and says so.
    let mut other = training;
    other[4] = ("f[attendees]", "26");
    let (_, refused) = b.submit_and_follow("/api/admin/board/training", &other).await;
    assert!(text(&refused.body).contains("This form has already recorded something else"), "{}", text(&refused.body));
    let listed = table(&b.get("/admin/board").await.body, "training-table");
    assert_eq!(listed.iter().filter(|r| r[1] == "Contact in practice").count(), 1);
    let after = board_value(&mut b, "objective-1", "Staff and volunteers trained").await;
    assert_eq!(after, before + 25);

    // An inspection of a member centre; a centre that does not exist is refused.
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    let inspection =
        [("key", key.as_str()), ("f[centre]", centre.as_str()), ("f[inspected-on]", "2026-09-01"), ("f[stars]", "5")];
    let (location, _) = b.submit_and_follow("/api/admin/board/inspection", &inspection).await;
    assert_eq!(location, "/admin/board?done=inspection");
    let (_, refused) = b
        .submit_and_follow(
            "/api/admin/board/inspection",
            &[("key", "other"), ("f[centre]", "no-such-centre"), ("f[inspected-on]", "2026-09-01"), ("f[stars]", "4")],
        )
        .await;
    assert!(text(&refused.body).contains("Choose the centre"));

    // A target met is green; one missed past its red threshold is red.
    let (location, _) = b
        .submit_and_follow(
            "/api/admin/board/target",
            &[("f[indicator]", "referrals"), ("f[from]", QUARTER), ("f[target]", "100"), ("f[red]", "50")],
        )
        .await;
    assert_eq!(location, "/admin/board?done=target");
    assert!(board_row(&mut b, "objective-4", "Referrals received").await.contains(&"Green".to_owned()));
    b.submit_and_follow(
        "/api/admin/board/target",
        &[("f[indicator]", "referrals"), ("f[from]", QUARTER), ("f[target]", "1,000,000"), ("f[red]", "900,000")],
    )
    .await;
    assert!(board_row(&mut b, "objective-4", "Referrals received").await.contains(&"Red".to_owned()));
    let (_, refused) = b
        .submit_and_follow(
            "/api/admin/board/target",
            &[("f[indicator]", "referrals"), ("f[from]", QUARTER), ("f[target]", "10"), ("f[red]", "20")],
        )
        .await;
    assert!(text(&refused.body).contains("the red threshold must be at or below the target"));
    let audit: Vec<String> = db.raw_column("SELECT action FROM audit_log WHERE action LIKE 'board.%'").await;
    assert_eq!(audit.iter().filter(|a| *a == "board.training").count(), 2, "{audit:?}");
}

async fn board_row(b: &mut Browser, table_id: &str, name: &str) -> Vec<String> {
    let page = b.get(&format!("/board?quarter={QUARTER}")).await;
    table(&page.body, table_id).into_iter().find(|r| r[0] == name).unwrap()
}

async fn board_value(b: &mut Browser, table_id: &str, name: &str) -> u64 {
    board_row(b, table_id, name).await[1].replace(',', "").parse().unwrap()
}

#[test]
fn board_on_sqlite() {
    common::run(async {
        a_board_member_sees_aggregates_with_small_numbers_hidden_alike_on_page_and_csv(&TestDb::sqlite().await).await
    });
}

#[test]
fn board_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            a_board_member_sees_aggregates_with_small_numbers_hidden_alike_on_page_and_csv(&db).await;
        }
    });
}

#[test]
fn registers_on_sqlite() {
    common::run(async { naccc_keeps_the_registers_and_targets_the_indicators_follow(&TestDb::sqlite().await).await });
}

#[test]
fn registers_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            naccc_keeps_the_registers_and_targets_the_indicators_follow(&db).await;
        }
    });
}
