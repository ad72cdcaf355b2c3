//! The submit path of a referral: the whole-referral check (every page's rules and screening),
//! sealing the answers (XChaCha20-Poly1305) and the transaction that marks the draft sent and
//! queues the centre's notice, on SQLite. Drafts are made before timing (making one hashes its
//! code with Argon2id, which belongs to starting a referral, not to sending it).
//! Run with `cargo bench -p server --bench submit`; figures are in README.

use criterion::{Criterion, criterion_group, criterion_main};
use server::{
    platform::crypto::FieldCipher,
    store::{Store, Submission, SubmitOutcome},
};
use shared::ServiceType;
use shared::referral::{
    AdultForm, ChildForm, ConsentForm, CourtForm, DraftAnswers, OtherPeopleForm, PracticalForm, SafetyForm,
    validate_referral,
};
use std::time::{Duration, Instant};

fn adult(name: &str) -> AdultForm {
    AdultForm {
        name: name.into(),
        dob_day: "12".into(),
        dob_month: "6".into(),
        dob_year: "1990".into(),
        contact_method: "phone".into(),
        phone: "07700 900 982".into(),
        messages_ok: "no".into(),
        address_line_1: "1 Safe Street".into(),
        town: "Derby".into(),
        postcode: "DE1 1AA".into(),
        parental_responsibility: "yes".into(),
        access_needs: "Step-free access, please".into(),
        ..Default::default()
    }
}

fn draft() -> DraftAnswers {
    let child = |name: &str, year: &str| ChildForm {
        name: name.into(),
        dob_day: "3".into(),
        dob_month: "4".into(),
        dob_year: year.into(),
        needs: "Asthma: inhaler in the bag".into(),
        id: 0,
    };
    DraftAnswers {
        referrer_kind: "resident_parent".into(),
        centre: "bench-centre".into(),
        service: "supported".into(),
        children: vec![child("Amelia Jones", "2019"), child("Ben Jones", "2021")],
        resident_parent: adult("Sam Jones"),
        other_parent: adult("Alex Jones"),
        others: OtherPeopleForm { attending: "yes".into(), details: "Grandma Jean, mother of Sam".into() },
        court: CourtForm {
            proceedings: "yes".into(),
            order_child_arrangements: "yes".into(),
            social_services: "no".into(),
            case_number: "NG24P00123".into(),
            ..Default::default()
        },
        safety: SafetyForm {
            abuse_emotional: "yes".into(),
            child_offence_conviction: "no".into(),
            abduction_risk: "no".into(),
            drugs_or_alcohol: "no".into(),
            mental_health: "no".into(),
            other_concerns: "no".into(),
            ..Default::default()
        },
        practical: PracticalForm { day_sat: "yes".into(), day_sun: "yes".into(), ..Default::default() },
        consent: ConsentForm { truth: "yes".into(), sharing: "yes".into() },
        ..Default::default()
    }
}

fn submit(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = runtime.block_on(async {
        let store = Store::connect(&format!("sqlite:{}", dir.path().join("bench.db").display())).await?;
        store.migrate().await?;
        // A referral is sent only to a member centre: the demo directory's.
        server::seed::seed_demo_data(&store).await?;
        Ok::<_, server::store::StoreError>(store)
    });
    let store = store.expect("SQLite store");
    let cipher = FieldCipher::from_hex(&"ab".repeat(32)).expect("key");
    let centre = server::seed::demo_staff_centre().expect("a demo centre taking online referrals");
    let answers = DraftAnswers { centre: centre.to_string(), ..draft() };
    let today = time::macros::date!(2026 - 11 - 23);
    let now = 1_795_000_000;

    c.bench_function("check and seal a referral (no database)", |b| {
        let location =
            server::platform::crypto::FieldLocation { table: "referrals", column: "answers", row: "NR-BNCH-BNCH" };
        b.iter(|| {
            let referral = validate_referral(&answers, Some(ServiceType::Supported), today).expect("valid");
            let json = serde_json::to_vec(&answers).expect("json");
            std::hint::black_box((referral, cipher.seal(location, &json).expect("sealed")))
        })
    });

    c.bench_function("submit a referral (check + seal + transaction with outbox row)", |b| {
        b.iter_custom(|iters| {
            runtime.block_on(async {
                let mut drafts = Vec::new();
                for _ in 0..iters {
                    drafts.push(store.create_draft(&cipher, &answers, now).await.expect("draft").0);
                }
                let mut spent = Duration::ZERO;
                for (i, reference) in drafts.iter().enumerate() {
                    let key = format!("bench{i}{}", reference.as_str().replace('-', ""));
                    let started = Instant::now();
                    let referral = validate_referral(&answers, Some(ServiceType::Supported), today).expect("valid");
                    let submission = Submission {
                        reference,
                        key: &key,
                        answers: &answers,
                        centre: &centre,
                        service: referral.service,
                        light: referral.screening.light,
                        children: referral.children.len() as u32,
                        public_url: "https://hub.example",
                    };
                    let outcome = store.submit_referral(&cipher, &submission, now).await.expect("submit");
                    spent += started.elapsed();
                    assert_eq!(outcome, SubmitOutcome::Sent);
                }
                spent
            })
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(10));
    targets = submit
}
criterion_main!(benches);
