//! The board's whole overview (every indicator of the four objectives, each with eight quarters
//! of trend and the split by nation, all through the disclosure rule) over the whole network, on
//! SQLite and, when `BENCH_POSTGRES_URL` names a server, on PostgreSQL: the first view of a
//! server just started (everything read and worked out); the first view after a referral
//! arrives in, or a return of, the quarter shown (that quarter's part read again); and a view
//! with nothing changed since (the sources' state checked, the figures worked out again).
//! The data: the 342 demo centres with five years of demo returns (about 6,700), the demo
//! registers and targets, and 50,000 Safe Referrals spread over those five years across the 62
//! centres that take them, each with a first response.
//! Run with `scripts/bench-db board` (it starts a throw-away PostgreSQL); figures are in README.

use criterion::{Criterion, criterion_group, criterion_main};
use server::platform::clock::ManualClock;
use server::store::{Backend, Store};
use std::sync::Arc;
use std::time::Duration;

/// 2026-11-18, as the integration tests.
const NOW: i64 = 1_795_000_000;
const REFERRALS: i64 = 50_000;
const FIVE_YEARS: i64 = 5 * 365 * 86_400;

const INSERT: &str = "INSERT INTO referrals (reference, code_hash, state, answers, created_at, updated_at, centre_slug, \
                      service, stage, case_state, submitted_at, first_response_at, children) \
                      VALUES ($1, 'x', 'submitted', $2, $3, $3, $4, 'supported', 'closed', '\"Submitted\"', $3, $5, 2)";

async fn fill(store: &Store, url: &str) -> Result<(), Box<dyn std::error::Error>> {
    server::seed::seed_demo_data(store).await?;
    let directory: Vec<shared::Centre> = server::seed::demo_centres().into_iter().map(|p| p.centre).collect();
    let today = shared::uk_time::uk_date(NOW);
    let schedule = shared::returns::Schedule { due_days: 28, grace_days: 28 };
    server::seed::returns::seed_returns(store, &directory, today, schedule, None).await?;
    server::seed::board::seed_board(store, &directory, today, NOW).await?;
    let online: Vec<&str> = directory.iter().filter(|c| c.accepts_online_referrals).map(|c| c.slug.as_str()).collect();
    // Straight into the table (the wizard's Argon2id codes would take hours): codes and times
    // only, which is all the board reads.
    let rows = (0..REFERRALS).map(|i| {
        let at = NOW - FIVE_YEARS + i * (FIVE_YEARS / REFERRALS);
        let centre = online[(i as usize * 7) % online.len()];
        // Answered within nine days, and never after the benchmark's today.
        let first = (at + (i % 9) * 86_400 + 3_600).min(NOW - 3_600);
        (format!("NR-{:04}-{:04}", i / 10_000, i % 10_000), at, centre, first)
    });
    macro_rules! insert_all {
        ($pool:expr) => {{
            let mut tx = $pool.begin().await?;
            for (reference, at, centre, first) in rows {
                sqlx::query(INSERT)
                    .bind(&reference)
                    .bind(vec![0u8])
                    .bind(at)
                    .bind(centre)
                    .bind(first)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        }};
    }
    match store.backend() {
        Backend::Sqlite => insert_all!(sqlx::SqlitePool::connect(url).await?),
        Backend::Postgres => insert_all!(sqlx::PgPool::connect(url).await?),
    }
    Ok(())
}

fn bench_on(c: &mut Criterion, name: &str, url: &str) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let store = runtime.block_on(async {
        let store = Store::connect(url).await.expect("connect");
        store.migrate().await.expect("migrate");
        fill(&store, url).await.expect("bench data");
        store
    });
    // A minute after the data was loaded (a source changed within seconds is never cached).
    let service = server::board::BoardService { store, clock: Arc::new(ManualClock::at(NOW + 60)) };
    let scope = shared::account::Scope::new(shared::account::Role::Board, None).expect("scope");
    let user = app::ports::StaffUser { id: 1, email: "b@example.org".into(), name: "Board".into(), scope };
    // Once, to check the figures are what was put in: every indicator has a value.
    let view = runtime.block_on(app::ports::Board::figures(&service, &user, "", "")).expect("figures").expect("board");
    let figures: Vec<_> = view.objectives.iter().flat_map(|o| o.indicators.iter()).collect();
    assert_eq!(figures.len(), shared::board::indicators::Indicator::ALL.len());
    let centres = figures.iter().find(|f| f.indicator == shared::board::indicators::Indicator::SafeReferralCentres);
    assert_eq!(centres.and_then(|f| f.value.number), Some(online_centres() as f64));
    c.bench_function(&format!("the board's overview, first view of a server just started ({name})"), |b| {
        b.to_async(&runtime).iter(|| async {
            service.store.forget_board();
            std::hint::black_box(app::ports::Board::figures(&service, &user, "", "").await.expect("figures"))
        })
    });
    // Changes to the quarter shown (2026-Q3), made before each timed view: what is read again
    // is that quarter's part of the changed source.
    let pool = runtime.block_on(raw(url));
    let centre = server::seed::demo_centres()
        .into_iter()
        .find(|p| p.centre.accepts_online_referrals)
        .map(|p| p.centre.slug.as_str().to_owned())
        .expect("a centre taking Safe Referrals");
    let arrived = shared::uk_time::uk_day_start(time::macros::date!(2026 - 08 - 03)) + 36_000;
    let mut sent = 0i64;
    c.bench_function(&format!("the board's overview, after a referral arrives in the quarter shown ({name})"), |b| {
        b.to_async(&runtime).iter_custom(|iters| {
            let (pool, service, user, centre) = (&pool, &service, &user, centre.as_str());
            let start = sent;
            sent += iters as i64;
            async move {
                let mut took = Duration::ZERO;
                for i in start..start + iters as i64 {
                    pool.insert(&format!("NR-BNCH-{i:04}"), centre, arrived + i, None).await.expect("referral");
                    let t = std::time::Instant::now();
                    std::hint::black_box(app::ports::Board::figures(service, user, "", "").await.expect("figures"));
                    took += t.elapsed();
                }
                took
            }
        })
    });
    c.bench_function(&format!("the board's overview, after a return of the quarter shown is amended ({name})"), |b| {
        b.to_async(&runtime).iter_custom(|iters| {
            let (pool, service, user) = (&pool, &service, &user);
            async move {
                let mut took = Duration::ZERO;
                for _ in 0..iters {
                    pool.amend().await.expect("amend");
                    let t = std::time::Instant::now();
                    std::hint::black_box(app::ports::Board::figures(service, user, "", "").await.expect("figures"));
                    took += t.elapsed();
                }
                took
            }
        })
    });
    c.bench_function(&format!("the board's overview, nothing changed since ({name})"), |b| {
        b.to_async(&runtime).iter(|| async {
            std::hint::black_box(app::ports::Board::figures(&service, &user, "", "").await.expect("figures"))
        })
    });
}

/// The benchmark's own connection, around the application (as the tests' raw SQL).
enum Raw {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

async fn raw(url: &str) -> Raw {
    if url.starts_with("sqlite:") {
        Raw::Sqlite(sqlx::SqlitePool::connect(url).await.expect("sqlite"))
    } else {
        Raw::Postgres(sqlx::PgPool::connect(url).await.expect("postgres"))
    }
}

/// One return of 2026-Q3, written again (its version raised, as every write of a return does).
const AMEND: &str = "UPDATE statistics_returns SET version = version + 1 WHERE id = \
                     (SELECT MIN(id) FROM statistics_returns WHERE quarter = '2026-Q3' AND state <> 'draft')";

impl Raw {
    async fn insert(&self, reference: &str, centre: &str, at: i64, first: Option<i64>) -> Result<(), sqlx::Error> {
        macro_rules! run {
            ($pool:expr) => {
                sqlx::query(INSERT)
                    .bind(reference)
                    .bind(vec![0u8])
                    .bind(at)
                    .bind(centre)
                    .bind(first)
                    .execute($pool)
                    .await
            };
        }
        match self {
            Raw::Sqlite(p) => run!(p).map(|_| ()),
            Raw::Postgres(p) => run!(p).map(|_| ()),
        }
    }

    async fn amend(&self) -> Result<(), sqlx::Error> {
        match self {
            Raw::Sqlite(p) => sqlx::query(AMEND).execute(p).await.map(|_| ()),
            Raw::Postgres(p) => sqlx::query(AMEND).execute(p).await.map(|_| ()),
        }
    }
}

fn online_centres() -> usize {
    server::seed::demo_centres().iter().filter(|p| p.centre.accepts_online_referrals).count()
}

fn board(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    bench_on(c, "SQLite", &format!("sqlite:{}", dir.path().join("bench.db").display()));
    if let Some(url) = std::env::var("BENCH_POSTGRES_URL").ok().filter(|u| !u.is_empty()) {
        bench_on(c, "PostgreSQL", &url);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(10));
    targets = board
}
criterion_main!(benches);
