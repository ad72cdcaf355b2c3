//! One conformance suite for the store, run on SQLite and on PostgreSQL: both implementations
//! must behave the same.

mod common;

use common::TestDb;
use server::seed;
use shared::{
    AccreditationStatus, AccreditationSummary, Centre, CentreName, CentreProfile, IsoDate, LatLon, Nation,
    OpeningTimes, Postcode, ProfileText, ServiceType, Slug,
};

fn profile(name: &str, service: ServiceType) -> CentreProfile {
    let name = CentreName::parse(name).unwrap();
    let opening_times = OpeningTimes::parse("sat 10:00-13:00; sun 14:00-16:30").unwrap();
    CentreProfile {
        centre: Centre {
            slug: Slug::from_name(&name).unwrap(),
            name,
            service,
            nation: Nation::Wales,
            region: CentreName::parse("North Wales").unwrap(),
            town: CentreName::parse("Wrexham").unwrap(),
            postcode: Postcode::parse("LL11 1AY").unwrap(),
            accepts_online_referrals: true,
            opening_days: opening_times.days(),
            location: Some(LatLon::new(53.0462, -2.9930).unwrap()),
            wheelchair_access: true,
        },
        street: ProfileText::parse("St Giles' Church Hall, 1 Church Street").unwrap(),
        description: ProfileText::parse("Supported contact on Saturdays.\nA garden to play in.").unwrap(),
        opening_times,
        accessibility: ProfileText::parse("Step-free access.").unwrap(),
        languages: vec!["English".into(), "Welsh".into(), "Polish".into()],
        accreditation: AccreditationSummary {
            status: AccreditationStatus::AccreditedWithConditions,
            last_accredited: Some(IsoDate::parse("2024-02-29").unwrap()),
            renewal_due: Some(IsoDate::parse("2027-02-28").unwrap()),
        },
    }
}

async fn migrations_can_run_again(db: &TestDb) {
    let store = &db.store;
    store.migrate().await.expect("second migration run is a no-op");
    store.ping().await.expect("database answers");
}

async fn centres_round_trip_every_field(db: &TestDb) {
    let store = &db.store;
    let p = profile("Cyswllt Teulu Wrecsam", ServiceType::SupportedAndSupervised);
    store.save_centres(std::slice::from_ref(&p)).await.unwrap();
    assert_eq!(store.all_centres().await.unwrap(), vec![p.centre.clone()]);
    assert_eq!(store.centre_profile(&p.centre.slug).await.unwrap(), Some(p));
    assert_eq!(store.centre_profile(&Slug::parse("no-such-centre").unwrap()).await.unwrap(), None);
}

async fn a_centre_without_a_location_or_dates_round_trips(db: &TestDb) {
    let store = &db.store;
    let mut p = profile("Somewhere Child Contact Centre", ServiceType::Candidate);
    p.centre.location = None;
    p.opening_times = OpeningTimes::default();
    p.centre.opening_days = p.opening_times.days();
    p.accreditation =
        AccreditationSummary { status: AccreditationStatus::Candidate, last_accredited: None, renewal_due: None };
    store.save_centres(std::slice::from_ref(&p)).await.unwrap();
    assert_eq!(store.centre_profile(&p.centre.slug).await.unwrap(), Some(p));
}

async fn saving_an_existing_slug_updates_that_centre(db: &TestDb) {
    let store = &db.store;
    let original = profile("Wrexham Child Contact Centre", ServiceType::Supported);
    let mut changed = original.clone();
    changed.centre.service = ServiceType::Supervised;
    changed.opening_times = OpeningTimes::parse("mon 09:00-17:00").unwrap();
    changed.centre.opening_days = changed.opening_times.days();
    store.save_centres(std::slice::from_ref(&original)).await.unwrap();
    store.save_centres(std::slice::from_ref(&changed)).await.unwrap();
    assert_eq!(store.count_centres().await.unwrap(), 1);
    assert_eq!(store.centre_profile(&original.centre.slug).await.unwrap(), Some(changed));
}

async fn the_cached_directory_sees_saved_changes_at_once(db: &TestDb) {
    let store = &db.store;
    assert!(store.directory().await.unwrap().is_empty());
    let p = profile("Wrexham Child Contact Centre", ServiceType::Supported);
    store.save_centres(std::slice::from_ref(&p)).await.unwrap();
    assert_eq!(*store.directory().await.unwrap(), vec![p.centre.clone()]);
    // Served from memory while fresh: even a closed database does not stop a search.
    store.close().await;
    assert_eq!(store.directory().await.unwrap().len(), 1);
}

async fn centres_come_back_ordered_by_name(db: &TestDb) {
    let store = &db.store;
    let names = ["Zebra Centre", "alpha Centre", "Able Centre", "Middle-Way Centre", "Middle Wax Centre"];
    let centres: Vec<_> = names.iter().map(|n| profile(n, ServiceType::Supported)).collect();
    store.save_centres(&centres).await.unwrap();
    let listed: Vec<String> = store.all_centres().await.unwrap().into_iter().map(|c| c.name.to_string()).collect();
    // Byte order, the same on both backends whatever PostgreSQL's collation.
    assert_eq!(listed, ["Able Centre", "Middle Wax Centre", "Middle-Way Centre", "Zebra Centre", "alpha Centre"]);
}

async fn demo_data_loads_once_with_the_published_mix(db: &TestDb) {
    let store = &db.store;
    assert_eq!(seed::seed_demo_data(store).await.unwrap(), 342);
    seed::seed_demo_data(store).await.unwrap();
    assert_eq!(store.count_centres().await.unwrap(), 342, "seeding again refreshes, never duplicates");
    let centres = store.all_centres().await.unwrap();
    let count = |s| centres.iter().filter(|c| c.service == s).count();
    assert_eq!(count(ServiceType::Supported), 160);
    assert_eq!(count(ServiceType::Supervised), 23);
    assert_eq!(count(ServiceType::SupportedAndSupervised), 137);
    assert_eq!(count(ServiceType::Candidate), 22);
    for nation in Nation::ALL {
        assert!(centres.iter().any(|c| c.nation == nation), "{nation:?} has centres");
    }
    let mut expected: Vec<Centre> = seed::demo_centres().into_iter().map(|p| p.centre).collect();
    expected.sort_by(|a, b| a.name.cmp(&b.name));
    assert_eq!(centres, expected, "what was stored is what was generated");
}

async fn the_database_refuses_codes_the_app_cannot_read(db: &TestDb) {
    let store = &db.store;
    // Written around the app on purpose: the schema's CHECKs are the last line of defence.
    let result = db
        .execute_raw(
            "INSERT INTO centres (slug, name, service, nation, region, town, postcode, \
             accepts_online_referrals, opening_days) \
             VALUES ($1, 'X', $2, 'england', 'R', 'T', 'NG1 5FW', FALSE, 1)",
            &["bogus-service", "sometimes"],
        )
        .await;
    assert!(result.is_err(), "invalid service code must be rejected by the database");
    assert_eq!(store.count_centres().await.unwrap(), 0);
}

async fn a_closed_store_reports_unavailable(db: &TestDb) {
    let store = &db.store;
    store.close().await;
    assert!(store.ping().await.is_err());
    assert!(store.all_centres().await.is_err());
}

on_both_backends!(
    migrations_can_run_again,
    centres_round_trip_every_field,
    a_centre_without_a_location_or_dates_round_trips,
    saving_an_existing_slug_updates_that_centre,
    the_cached_directory_sees_saved_changes_at_once,
    centres_come_back_ordered_by_name,
    demo_data_loads_once_with_the_published_mix,
    the_database_refuses_codes_the_app_cannot_read,
    a_closed_store_reports_unavailable,
);

/// The PostgreSQL URL's `sslmode`, if it names one.
fn sslmode(url: &str) -> Option<&str> {
    let (_, query) = url.split_once('?')?;
    query.split('&').find_map(|pair| pair.strip_prefix("sslmode="))
}

/// PostgreSQL only: when the URL asks for TLS, the store's own connections are encrypted (sqlx is
/// built with rustls and `Store::connect` honours `sslmode`). scripts/test asks for it
/// (`sslmode=require`), so with `NACCC_REQUIRE_POSTGRES` a URL without it fails.
#[test]
fn postgres_connections_are_encrypted_when_the_url_asks() {
    let _serial = common::serial();
    common::run(async {
        let Some(db) = TestDb::postgres().await else { return };
        let wanted = matches!(sslmode(&db.url), Some("require" | "verify-ca" | "verify-full"));
        if !wanted {
            assert!(
                std::env::var_os("NACCC_REQUIRE_POSTGRES").is_none(),
                "NACCC_REQUIRE_POSTGRES is set but TEST_POSTGRES_URL does not ask for sslmode=require"
            );
            eprintln!("skipping: TEST_POSTGRES_URL does not ask for TLS (sslmode=require)");
            return;
        }
        let pool = db.store.postgres_pool().expect("a PostgreSQL store");
        let encrypted: Option<bool> = sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .fetch_optional(&pool)
            .await
            .expect("read pg_stat_ssl");
        assert_eq!(encrypted, Some(true), "the store's connection to PostgreSQL is encrypted");
    });
}
