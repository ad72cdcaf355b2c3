//! Driving the referral wizard in tests: demo centres, a whole referral answered page by page
//! (plain form posts), and reading values out of pages.

use super::TestDb;
use super::web::{Browser, Response};
use axum::http::StatusCode;

/// A centre taking online referrals: supported only, or supported and supervised.
pub async fn centre(db: &TestDb, supervised_too: bool) -> String {
    server::seed::seed_demo_data(&db.store).await.unwrap();
    let centres = db.store.all_centres().await.unwrap();
    let wanted =
        if supervised_too { shared::ServiceType::SupportedAndSupervised } else { shared::ServiceType::Supported };
    centres.iter().find(|c| c.accepts_online_referrals && c.service == wanted).expect("a demo centre").slug.to_string()
}

pub const RESIDENT_EMAIL: &str = "sam@example.com";
pub const OTHER_EMAIL: &str = "alex@example.com";

/// The two parents' pages. Every detail differs between them, so a swap of the two cannot pass.
pub const RESIDENT: [(&str, &str); 7] = [
    ("f[name]", "Sam Jones"),
    ("f[dob_day]", "12"),
    ("f[dob_month]", "6"),
    ("f[dob_year]", "1990"),
    ("f[contact_method]", "email"),
    ("f[email]", RESIDENT_EMAIL),
    ("f[parental_responsibility]", "yes"),
];
pub const OTHER: [(&str, &str); 7] = [
    ("f[name]", "Alex Jones"),
    ("f[dob_day]", "23"),
    ("f[dob_month]", "9"),
    ("f[dob_year]", "1987"),
    ("f[contact_method]", "email"),
    ("f[email]", OTHER_EMAIL),
    ("f[parental_responsibility]", "yes"),
];

pub async fn step(b: &mut Browser, step: &str, fields: &[(&str, &str)]) -> Response {
    let mut pairs = vec![("step", step)];
    pairs.extend_from_slice(fields);
    b.submit("/api/refer/save", &pairs).await
}

/// One page's answers: its slug, the fields posted, and where it should lead.
type Page<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);

/// Starts a referral to `centre` and answers every page validly; `safety` overrides the safety page.
pub async fn complete_referral(b: &mut Browser, centre: &str, kind: &str, safety: &[(&str, &str)]) {
    let started = b.submit("/api/refer/start", &[("centre", centre)]).await;
    assert_eq!((started.status, started.location()), (StatusCode::FOUND, "/refer/who"));
    let mut answers: Vec<Page> = vec![
        (
            "who",
            vec![("f[kind]", kind)],
            if kind.ends_with("parent") { "/refer/service" } else { "/refer/your-details" },
        ),
        ("service", vec![("f[kind]", "supported")], "/refer/children"),
    ];
    if !kind.ends_with("parent") {
        answers.insert(
            1,
            (
                "your-details",
                vec![
                    ("f[name]", "Priya Shah"),
                    ("f[organisation]", "Shah & Co Solicitors"),
                    ("f[email]", "priya@shah.example"),
                ],
                "/refer/service",
            ),
        );
    }
    for (slug, fields, next) in answers {
        let r = step(b, slug, &fields).await;
        assert_eq!((r.status, r.location()), (StatusCode::FOUND, next), "{slug}: {}", r.body);
    }
    let child = b
        .submit(
            "/api/refer/child",
            &[
                ("number", "1"),
                ("f[name]", "Amelia Jones"),
                ("f[dob_day]", "3"),
                ("f[dob_month]", "4"),
                ("f[dob_year]", "2019"),
            ],
        )
        .await;
    assert_eq!(child.location(), "/refer/children");
    let default_safety = [
        ("f[abuse_none]", "yes"),
        ("f[child_offence_conviction]", "no"),
        ("f[abduction_risk]", "no"),
        ("f[drugs_or_alcohol]", "no"),
        ("f[mental_health]", "no"),
        ("f[other_concerns]", "no"),
    ];
    let safety: Vec<(&str, &str)> = if safety.is_empty() { default_safety.to_vec() } else { safety.to_vec() };
    for (slug, fields, next) in [
        ("children", vec![], "/refer/resident-parent"),
        ("resident-parent", RESIDENT.to_vec(), "/refer/other-parent"),
        ("other-parent", OTHER.to_vec(), "/refer/other-people"),
        ("other-people", vec![("f[attending]", "no")], "/refer/court"),
        ("court", vec![("f[proceedings]", "no"), ("f[social_services]", "no")], "/refer/safety"),
        ("safety", safety, "/refer/practical"),
        ("practical", vec![("f[day_sat]", "yes")], "/refer/consent"),
        ("consent", vec![("f[truth]", "yes"), ("f[sharing]", "yes")], "/refer/check"),
    ] {
        let r = step(b, slug, &fields).await;
        if slug == "safety" && r.location() == "/refer/supervised" {
            return;
        }
        assert_eq!((r.status, r.location()), (StatusCode::FOUND, next), "{slug}: {}", r.body);
    }
}

/// The text between `after` and the next `<`.
pub fn text_after(html: &str, after: &str) -> String {
    let rest = html.split_once(after).map(|(_, r)| r).unwrap_or_else(|| panic!("{after} not in page"));
    rest.split('<').next().unwrap_or_default().trim().to_owned()
}

pub fn submission_key(html: &str) -> String {
    text_after(html, r#"name="key" value=""#).split('"').next().unwrap_or_default().to_owned()
}

/// Sends the referral from check your answers; returns its reference.
pub async fn send(b: &mut Browser) -> String {
    let check = b.get("/refer/check").await;
    assert_eq!(check.status, StatusCode::OK);
    let sent = b.submit("/api/refer/submit", &[("key", &submission_key(&check.body))]).await;
    assert_eq!(sent.location(), "/refer/sent", "{}", sent.body);
    let page = b.get("/refer/sent").await;
    text_after(&page.body, r#"<strong class="code">"#)
}

pub async fn count(db: &TestDb, sql: &str) -> i64 {
    db.raw_column::<i64>(sql).await[0]
}
