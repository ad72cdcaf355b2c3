//! The national quarterly statistics for the Ministry of Justice and Cafcass through the real
//! router, on both databases: NACCC's administrators see a quarter's figures by nation and
//! download the same figures as CSV; counts of people by nation are exactly the board's (the
//! Channel Islands' handful "<5", another nation hidden beside it); nobody else gets them.

mod common;

use axum::http::{StatusCode, header};
use common::TestDb;
use common::board::{QUARTER, csv_rows, demo, table, text};
use common::staff::{NOW, setup, sign_in};
use common::web::Browser;
use shared::account::Role;

async fn naccc_exports_the_national_statistics_with_the_boards_disclosure(db: &TestDb) {
    let (mut b, _clock) = setup(db).await;
    demo(db).await;
    let app = b.app.clone();
    sign_in(&mut b, Role::NacccAdmin, NOW).await;

    let page = b.get("/admin/exports").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let words = text(&page.body);
    assert!(words.contains("National statistics for the Ministry of Justice and Cafcass"), "{words}");
    // The latest complete quarter unless another is chosen; an unreadable one is the same.
    assert!(words.contains(&format!("July to September 2026 ({QUARTER}): from the ")), "{words}");
    assert_eq!(text(&b.get("/admin/exports?quarter=2026-Q9").await.body), words);

    // Referrals by nation: the islands' four are "<5", one other nation is hidden beside them,
    // and every nation's figure is the one the board shows.
    let referrals = table(&page.body, "national-referrals");
    let all = referrals.iter().find(|r| r[0] == "All referrals").unwrap();
    assert_eq!(all[4], "<5", "{all:?}");
    assert_eq!(all[1..5].iter().filter(|c| *c == "[c]").count(), 1, "{all:?}");
    let board = b.get(&format!("/board/objectives/4?quarter={QUARTER}")).await;
    let on_board = table(&board.body, "referrals-nations");
    for (i, nation) in ["England", "Wales", "Northern Ireland", "Channel Islands"].iter().enumerate() {
        let shown = &on_board.iter().find(|r| r[0] == *nation).unwrap()[1];
        assert_eq!(&all[i + 1], shown, "{nation}");
    }
    let uk: u64 = all[5].replace(',', "").parse().unwrap();
    assert!(uk > 1_000, "{all:?}");

    // The split by service is the UK's alone and adds up to the UK's figure.
    let services = table(&page.body, "national-services");
    let by_service: u64 = services
        .iter()
        .filter(|r| r[0].starts_with("Referrals: "))
        .map(|r| {
            assert!(r[1..5].iter().all(|c| c == "UK only"), "{r:?}");
            r[5].replace(',', "").parse::<u64>().unwrap()
        })
        .sum();
    assert_eq!(by_service, uk);
    let returns = table(&page.body, "national-returns");
    assert_eq!(returns[0][4], "4", "centres are not people: the islands' four returns are counted");

    // The CSV: the same figures, line for line, named for its quarter.
    let csv = b.get(&format!("/admin/exports/national.csv?quarter={QUARTER}")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let disposition = csv.headers.get(header::CONTENT_DISPOSITION).unwrap().to_str().unwrap();
    assert!(disposition.contains(&format!("naccc-national-statistics-{QUARTER}.csv")), "{disposition}");
    let rows = csv_rows(&csv.body);
    for id in ["referrals", "seen", "services", "workforce", "returns"] {
        for line in table(&page.body, &format!("national-{id}")) {
            let row = rows.iter().find(|r| r[1] == line[0]).unwrap_or_else(|| panic!("{line:?} in the CSV"));
            assert_eq!(row[2..], line[1..], "{}", line[0]);
        }
    }
    assert!(rows.last().unwrap()[1].contains("<5: fewer than 5."), "the key travels with the figures");

    // Only NACCC's administrators: not the board, not a centre, not anyone signed out.
    let mut board = Browser::new(app.clone());
    sign_in(&mut board, Role::Board, NOW).await;
    let mut coordinator = Browser::new(app.clone());
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW).await;
    for who in [&mut board, &mut coordinator] {
        for path in ["/admin/exports", "/admin/exports/national.csv"] {
            assert_eq!(who.get(path).await.status, StatusCode::FORBIDDEN, "{path}");
        }
    }
    let mut nobody = Browser::new(app);
    assert_eq!(nobody.get("/admin/exports/national.csv").await.status, StatusCode::UNAUTHORIZED);
    assert!(!nobody.get("/admin/exports").await.body.contains("national-referrals"));
}

#[test]
fn national_exports_on_sqlite() {
    common::run(async {
        naccc_exports_the_national_statistics_with_the_boards_disclosure(&TestDb::sqlite().await).await
    });
}

#[test]
fn national_exports_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            naccc_exports_the_national_statistics_with_the_boards_disclosure(&db).await;
        }
    });
}
