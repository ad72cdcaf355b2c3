//! One conformance suite for the store, run on SQLite and on PostgreSQL: both implementations
//! must behave the same.

mod common;

use common::TestDb;
use server::seed;
use shared::{Centre, CentreName, Nation, OpeningDays, Postcode, ServiceType, Slug, Weekday};

fn centre(name: &str, service: ServiceType) -> Centre {
    let name = CentreName::parse(name).unwrap();
    Centre {
        slug: Slug::from_name(&name).unwrap(),
        name,
        service,
        nation: Nation::Wales,
        region: CentreName::parse("North Wales").unwrap(),
        town: CentreName::parse("Wrexham").unwrap(),
        postcode: Postcode::parse("LL11 1AY").unwrap(),
        accepts_online_referrals: true,
        opening_days: [Weekday::Sat, Weekday::Sun].into_iter().collect::<OpeningDays>(),
    }
}

async fn migrations_can_run_again(db: &TestDb) {
    let store = &db.store;
    store.migrate().await.expect("second migration run is a no-op");
    store.ping().await.expect("database answers");
}

async fn centres_round_trip_every_field(db: &TestDb) {
    let store = &db.store;
    let c = centre("Cyswllt Teulu Wrecsam", ServiceType::SupportedAndSupervised);
    assert_eq!(store.add_centres(std::slice::from_ref(&c)).await.unwrap(), 1);
    assert_eq!(store.all_centres().await.unwrap(), vec![c]);
}

async fn adding_an_existing_slug_changes_nothing(db: &TestDb) {
    let store = &db.store;
    let original = centre("Wrexham Child Contact Centre", ServiceType::Supported);
    let mut changed = original.clone();
    changed.service = ServiceType::Supervised;
    assert_eq!(store.add_centres(std::slice::from_ref(&original)).await.unwrap(), 1);
    assert_eq!(store.add_centres(&[changed]).await.unwrap(), 0);
    assert_eq!(store.all_centres().await.unwrap(), vec![original]);
}

async fn centres_come_back_ordered_by_name(db: &TestDb) {
    let store = &db.store;
    let names = ["Zebra Centre", "alpha Centre", "Able Centre", "Middle-Way Centre", "Middle Wax Centre"];
    let centres: Vec<_> = names.iter().map(|n| centre(n, ServiceType::Supported)).collect();
    store.add_centres(&centres).await.unwrap();
    let listed: Vec<String> = store.all_centres().await.unwrap().into_iter().map(|c| c.name.to_string()).collect();
    // Byte order, the same on both backends whatever PostgreSQL's collation.
    assert_eq!(listed, ["Able Centre", "Middle Wax Centre", "Middle-Way Centre", "Zebra Centre", "alpha Centre"]);
}

async fn demo_data_loads_once_with_the_published_mix(db: &TestDb) {
    let store = &db.store;
    assert_eq!(seed::seed_demo_data(store).await.unwrap(), 342);
    assert_eq!(seed::seed_demo_data(store).await.unwrap(), 0, "seeding again adds nothing");
    assert_eq!(store.count_centres().await.unwrap(), 342);
    let centres = store.all_centres().await.unwrap();
    let count = |s| centres.iter().filter(|c| c.service == s).count();
    assert_eq!(count(ServiceType::Supported), 160);
    assert_eq!(count(ServiceType::Supervised), 23);
    assert_eq!(count(ServiceType::SupportedAndSupervised), 137);
    assert_eq!(count(ServiceType::Candidate), 22);
    for nation in Nation::ALL {
        assert!(centres.iter().any(|c| c.nation == nation), "{nation:?} has centres");
    }
    let mut expected = seed::demo_centres();
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
    adding_an_existing_slug_changes_nothing,
    centres_come_back_ordered_by_name,
    demo_data_loads_once_with_the_published_mix,
    the_database_refuses_codes_the_app_cannot_read,
    a_closed_store_reports_unavailable,
);
