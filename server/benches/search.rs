//! How long one centre search takes on the server: the ranking alone (parse, filter, distance, sort,
//! page over all 342 demo centres) and the whole server-side path including reading the centres
//! from SQLite. Run with `cargo bench -p server --bench search`; figures are in README.

use criterion::{Criterion, criterion_group, criterion_main};
use server::{platform::postcodes, seed, store::Store};
use shared::search::{CentreSearch, SearchParams};
use std::hint::black_box;

fn params() -> SearchParams {
    SearchParams {
        postcode: Some("NG1 5FW".into()),
        service: Some("supervised".into()),
        day: Some("sat".into()),
        ..SearchParams::default()
    }
}

fn search(c: &mut Criterion) {
    let centres: Vec<_> = seed::demo_centres().into_iter().map(|p| p.centre).collect();
    c.bench_function("rank 342 centres (parse, filter, distance, sort, page)", |b| {
        b.iter(|| {
            let search = CentreSearch::parse(black_box(&params())).expect("valid search");
            let origin = search.location.as_ref().and_then(|l| postcodes::locate(&l.district()));
            black_box(search.run(&centres, origin))
        })
    });

    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = runtime.block_on(async {
        let store = Store::connect(&format!("sqlite:{}", dir.path().join("bench.db").display())).await?;
        store.migrate().await?;
        seed::seed_demo_data(&store).await?;
        Ok::<_, server::store::StoreError>(store)
    });
    let store = store.expect("SQLite store with demo data");
    c.bench_function("search through the store (cached directory + rank)", |b| {
        b.to_async(&runtime).iter(|| async {
            let search = CentreSearch::parse(&params()).expect("valid search");
            let origin = search.location.as_ref().and_then(|l| postcodes::locate(&l.district()));
            let centres = store.directory().await.expect("centres");
            black_box(search.run(&centres, origin))
        })
    });
    c.bench_function("read and parse 342 centres from SQLite (cache miss)", |b| {
        b.to_async(&runtime).iter(|| async { black_box(store.all_centres().await.expect("centres")) })
    });
}

criterion_group!(benches, search);
criterion_main!(benches);
