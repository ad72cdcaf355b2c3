//! A form sent without scripts (every form is a plain post) that cannot be taken gets a page in
//! plain words, with its status and a way on, never a machine-readable error or the home page.

mod common;

use axum::http::{StatusCode, header};
use common::TestDb;
use common::web::{Browser, app};
use common::wizard::centre;

async fn a_failed_plain_form_is_answered_in_plain_words(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    b.submit("/api/refer/start", &[("centre", &slug)]).await;
    let long = "x".repeat(3_000);
    let too_long =
        b.submit("/api/refer/save", &[("step", "other-people"), ("f[attending]", "yes"), ("f[details]", &long)]).await;
    assert_eq!(too_long.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(too_long.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
    assert_eq!(too_long.headers[header::CACHE_CONTROL], "no-store");
    assert!(too_long.body.contains("longer than this service accepts"), "{}", too_long.body);
    assert!(too_long.body.contains(r#"href="/refer/tasks""#), "a way back to the referral");
    assert!(too_long.body.contains("Exit this page"));
    let crafted = b.submit("/api/refer/save", &[("step", "nowhere")]).await;
    assert_eq!(crafted.status, StatusCode::BAD_REQUEST);
    assert!(crafted.body.contains("could not be read"), "{}", crafted.body);
    // A script (or a crafted client) asking for data still gets the typed error it can read.
    let scripted = b.call("/api/refer/save", &[("step", "nowhere")]).await;
    assert_eq!(scripted.status, StatusCode::BAD_REQUEST);
    assert!(!scripted.body.contains("<html"), "{}", scripted.body);
}

on_both_backends!(a_failed_plain_form_is_answered_in_plain_words);
