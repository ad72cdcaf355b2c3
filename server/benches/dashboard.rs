//! The live centre dashboard of one centre over five years: every query it makes (the centre's
//! cases and their events, its referrals' stages and times, its returns, and every centre's
//! submitted returns for eight quarters of national medians) and the shared rule that works the
//! figures out, on SQLite and, when `BENCH_POSTGRES_URL` names a server, on PostgreSQL.
//! The data: the 342 demo centres with five years of demo returns (about 6,700), and 1,600
//! referrals to the measured centre spread over those five years (a busy centre: 80 a quarter),
//! half with an acceptance event.
//! Run with `scripts/bench-db dashboard` (it starts a throw-away PostgreSQL); figures are in README.

use criterion::{Criterion, criterion_group, criterion_main};
use server::platform::clock::ManualClock;
use server::store::{Backend, Store};
use std::sync::Arc;
use std::time::Duration;

/// 2026-11-18, as the integration tests.
const NOW: i64 = 1_795_000_000;
const REFERRALS: i64 = 1_600;
const FIVE_YEARS: i64 = 5 * 365 * 86_400;
const STAGES: [&str; 6] = ["submitted", "screening", "waiting_list", "active", "declined", "closed"];

async fn fill(store: &Store, url: &str) -> Result<String, Box<dyn std::error::Error>> {
    server::seed::seed_demo_data(store).await?;
    let directory: Vec<shared::Centre> = server::seed::demo_centres().into_iter().map(|p| p.centre).collect();
    let centre = server::seed::demo_staff_centre().ok_or("no demo centre")?;
    let schedule = shared::returns::Schedule { due_days: 28, grace_days: 28 };
    server::seed::returns::seed_returns(store, &directory, shared::uk_time::uk_date(NOW), schedule, Some(&centre))
        .await?;
    // Referrals straight into the table (the wizard's Argon2id codes would take minutes): codes
    // and times only, which is all the dashboard reads.
    let insert = "INSERT INTO referrals (reference, code_hash, state, answers, created_at, updated_at, centre_slug, \
                  service, stage, case_state, submitted_at, first_response_at, children) \
                  VALUES ($1, 'x', 'submitted', $2, $3, $3, $4, 'supported', $5, '\"Submitted\"', $3, $6, 2) RETURNING id";
    let event = "INSERT INTO case_events (referral_id, at, action, to_stage) VALUES ($1, $2, 'accept', 'accepted')";
    let rows = (0..REFERRALS).map(|i| {
        let at = NOW - FIVE_YEARS + i * (FIVE_YEARS / REFERRALS);
        (format!("NR-B{:03}-{:04}", i / 1000, i % 1000), at, STAGES[(i % 6) as usize], at + (i % 9) * 86_400)
    });
    match store.backend() {
        Backend::Sqlite => {
            let pool = sqlx::SqlitePool::connect(url).await?;
            for (i, (reference, at, stage, first)) in rows.enumerate() {
                let id: i64 = sqlx::query_scalar(insert)
                    .bind(&reference)
                    .bind(vec![0u8])
                    .bind(at)
                    .bind(centre.as_str())
                    .bind(stage)
                    .bind(first)
                    .fetch_one(&pool)
                    .await?;
                if i % 2 == 0 {
                    sqlx::query(event).bind(id).bind(first).execute(&pool).await?;
                }
            }
        }
        Backend::Postgres => {
            let pool = sqlx::PgPool::connect(url).await?;
            for (i, (reference, at, stage, first)) in rows.enumerate() {
                let id: i64 = sqlx::query_scalar(insert)
                    .bind(&reference)
                    .bind(vec![0u8])
                    .bind(at)
                    .bind(centre.as_str())
                    .bind(stage)
                    .bind(first)
                    .fetch_one(&pool)
                    .await?;
                if i % 2 == 0 {
                    sqlx::query(event).bind(id).bind(first).execute(&pool).await?;
                }
            }
        }
    }
    Ok(centre.to_string())
}

fn bench_on(c: &mut Criterion, name: &str, url: &str) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (store, centre) = runtime.block_on(async {
        let store = Store::connect(url).await.expect("connect");
        store.migrate().await.expect("migrate");
        let centre = fill(&store, url).await.expect("bench data");
        (store, centre)
    });
    let service = server::returns::ReturnService {
        store: store.clone(),
        clock: Arc::new(ManualClock::at(NOW)),
        schedule: shared::returns::Schedule { due_days: 28, grace_days: 28 },
        changes: server::cases::news::CaseChanges::new(store.clone()),
        public_url: "https://hub.example".into(),
    };
    let scope =
        shared::account::Scope::new(shared::account::Role::CentreCoordinator, shared::Slug::parse(&centre).ok())
            .expect("scope");
    let user = app::ports::StaffUser { id: 1, email: "c@example.org".into(), name: "Coordinator".into(), scope };
    // Once, to check the figures are what was put in.
    let view = runtime.block_on(app::ports::StatisticsReturns::dashboard(&service, &user)).expect("dashboard");
    let view = view.expect("the centre's dashboard");
    assert!(view.figures.trend.iter().filter(|t| t.national_median.is_some()).count() >= 7);
    c.bench_function(&format!("the dashboard of one centre, first view of a server just started ({name})"), |b| {
        b.to_async(&runtime).iter(|| async {
            service.store.forget_national();
            std::hint::black_box(app::ports::StatisticsReturns::dashboard(&service, &user).await.expect("dashboard"))
        })
    });
    c.bench_function(&format!("the dashboard of one centre, no return changed since ({name})"), |b| {
        b.to_async(&runtime).iter(|| async {
            std::hint::black_box(app::ports::StatisticsReturns::dashboard(&service, &user).await.expect("dashboard"))
        })
    });
}

fn dashboard(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    bench_on(c, "SQLite", &format!("sqlite:{}", dir.path().join("bench.db").display()));
    if let Some(url) = std::env::var("BENCH_POSTGRES_URL").ok().filter(|u| !u.is_empty()) {
        bench_on(c, "PostgreSQL", &url);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(10));
    targets = dashboard
}
criterion_main!(benches);
