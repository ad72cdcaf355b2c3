//! The board's inputs are kept between views (reading them is most of a view's cost) and follow
//! every change at once, on both databases: a view with nothing changed reuses what was read; a
//! referral arriving or answered in a quarter shown, a return amended (twice in one second, as
//! a script could), and a return in the oldest quarter of the window are all in the next view.

mod common;

use common::TestDb;
use common::board::{QUARTER, demo};
use common::staff::NOW;
use server::board::BoardService;
use server::platform::clock::ManualClock;
use shared::Quarter;
use shared::board::compute::{BoardInput, Filter};
use std::sync::Arc;

async fn input(board: &BoardService) -> Arc<BoardInput> {
    let filter = Filter { quarter: Quarter::parse(QUARTER).unwrap(), nation: None };
    board.input(filter).await.unwrap()
}

fn children_of(input: &BoardInput, quarter: &str) -> u32 {
    input.returns.iter().filter(|r| r.quarter.to_string() == quarter).map(|r| r.children).sum()
}

/// Sets `quarter`'s return from `slug` to `children` children (a write raises its version, as
/// every write of a return does), at the same second as everything else here.
async fn amend(db: &TestDb, slug: &str, quarter: &str, children: u32) {
    let figures = serde_json::json!({ "supported.children": children }).to_string();
    let figures = figures.replace(
        "supported.children",
        &shared::returns::FigureKey::new(shared::returns::Service::Supported, shared::returns::Measure::Children)
            .code(),
    );
    let sql = format!(
        "UPDATE statistics_returns SET figures = $1, version = version + 1, updated_at = {NOW} \
         WHERE centre_slug = $2 AND quarter = $3 AND state <> 'draft'"
    );
    assert_eq!(db.execute_raw(&sql, &[&figures, slug, quarter]).await.unwrap(), 1, "{slug} {quarter}");
}

async fn the_board_follows_every_change_at_once(db: &TestDb) {
    common::staff::setup(db).await;
    demo(db).await;
    let clock = Arc::new(ManualClock::at(NOW + 60));
    let board = BoardService { store: db.store.clone(), clock };
    let first = input(&board).await;
    let again = input(&board).await;
    assert!(Arc::ptr_eq(&first, &again), "nothing changed: what was read is reused");
    assert!(first.referrals.is_empty());

    // A referral arrives in the quarter shown (1 August 2026, 10:00 BST), from an earlier time
    // than anything else: no "latest change" moves.
    let centre: String = db
        .raw_column("SELECT centre_slug FROM statistics_returns WHERE quarter = '2026-Q3' AND state <> 'draft' ORDER BY centre_slug")
        .await
        .remove(0);
    let arrived = shared::uk_time::uk_day_start(time::macros::date!(2026 - 08 - 01)) + 10 * 3_600;
    let bytes = match db.store.backend() {
        server::store::Backend::Sqlite => "X'00'",
        server::store::Backend::Postgres => "'\\x00'::bytea",
    };
    let insert = format!(
        "INSERT INTO referrals (reference, code_hash, state, answers, created_at, updated_at, centre_slug, service, \
         stage, case_state, submitted_at, children) VALUES ('NR-TEST-0001', 'x', 'submitted', {bytes}, {arrived}, \
         {arrived}, $1, 'supported', 'new', '\"Submitted\"', {arrived}, 1)"
    );
    db.execute_raw(&insert, &[&centre]).await.unwrap();
    let arrived_view = input(&board).await;
    assert_eq!(arrived_view.referrals.len(), 1, "the new referral is in the next view");
    assert_eq!(arrived_view.referrals[0].first_response_at, None);

    // The centre answers it: the same quarter, the same count of referrals.
    let answered = arrived + 3 * 86_400;
    db.execute_raw(
        &format!("UPDATE referrals SET first_response_at = {answered} WHERE reference = 'NR-TEST-0001'"),
        &[],
    )
    .await
    .unwrap();
    assert_eq!(input(&board).await.referrals[0].first_response_at, Some(answered));

    // A return of the quarter shown, amended twice in the same second: both are seen.
    let before = children_of(&first, QUARTER);
    let theirs = |input: &BoardInput| -> u32 { children_of(input, QUARTER) };
    amend(db, &centre, QUARTER, 1_000).await;
    let once = input(&board).await;
    amend(db, &centre, QUARTER, 2_000).await;
    let twice = input(&board).await;
    assert_eq!(theirs(&twice) - theirs(&once), 1_000, "the second amendment in one second is seen");
    assert_ne!(theirs(&once), before);

    // The oldest quarter of the window (2024-Q4) changes too.
    let oldest: String = db
        .raw_column("SELECT centre_slug FROM statistics_returns WHERE quarter = '2024-Q4' AND state <> 'draft' ORDER BY centre_slug")
        .await
        .remove(0);
    amend(db, &oldest, "2024-Q4", 5_000).await;
    let later = input(&board).await;
    assert!(children_of(&later, "2024-Q4") >= 5_000);
    // And the quarter not changed since is the very same part (not read again).
    assert_eq!(children_of(&later, QUARTER), theirs(&twice));
    assert!(Arc::ptr_eq(&later, &input(&board).await), "nothing changed since: reused");
}

#[test]
fn freshness_on_sqlite() {
    common::run(async { the_board_follows_every_change_at_once(&TestDb::sqlite().await).await });
}

#[test]
fn freshness_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            the_board_follows_every_change_at_once(&db).await;
        }
    });
}
