//! The real router in-process (`tower::ServiceExt::oneshot`) over real databases: pages are
//! server-rendered from the database, `/healthz` tells the truth, errors are plain.

mod common;

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use common::TestDb;
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use server::{
    http::{AppState, router},
    seed,
};
use tower::ServiceExt;

fn app(db: &TestDb) -> Router {
    let leptos_options = LeptosOptions::builder().output_name("naccc-hub").site_root("target/site").build();
    router(AppState { leptos_options, store: db.store.clone() })
}

async fn send(app: Router, request: Request<Body>) -> (StatusCode, String) {
    let response = app.oneshot(request).await.expect("router never fails");
    let status = response.status();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn get(app: Router, path: &str) -> (StatusCode, String) {
    send(app, Request::get(path).body(Body::empty()).unwrap()).await
}

async fn healthz_is_ok_while_the_database_answers(db: &TestDb) {
    assert_eq!(get(app(db), "/healthz").await, (StatusCode::OK, "ok".into()));
    db.store.close().await;
    let (status, _) = get(app(db), "/healthz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
}

async fn home_page_has_the_shell(db: &TestDb) {
    let (status, html) = get(app(db), "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r##"<a href="#main-content" rel="external" class="skip-link">Skip to main content</a>"##));
    assert!(html.contains("NACCC Contact Hub"));
    assert!(html.contains("Exit this page"));
    assert!(html.contains("0115 948 4557"));
    assert!(html.contains("9am to 1pm, Monday to Friday"));
    assert!(html.contains(r#"<html lang="en-GB""#));
}

async fn find_a_centre_lists_every_centre_server_side(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let (status, html) = get(app(db), "/find-a-centre").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("342 centres"), "count shown in the server-rendered page");
    assert_eq!(html.matches("<th scope=\"row\">").count(), 342);
    assert!(html.contains("Nottingham Child Contact Centre"));
}

async fn find_a_centre_with_no_centres_says_so(db: &TestDb) {
    let (status, html) = get(app(db), "/find-a-centre").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("0 centres"));
}

async fn the_server_function_returns_centres_as_json(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let request = Request::post("/api/centres")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::empty())
        .unwrap();
    let (status, body) = send(app(db), request).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let centres: Vec<shared::Centre> = serde_json_from(&body);
    assert_eq!(centres.len(), 342);
}

async fn unknown_pages_are_404_with_a_way_home(db: &TestDb) {
    let (status, html) = get(app(db), "/no-such-page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Page not found"));
    assert!(html.contains(r#"<a href="/">Go to the home page</a>"#));
}

async fn a_database_outage_is_a_plain_503_not_a_crash(db: &TestDb) {
    db.store.close().await;
    let (status, html) = get(app(db), "/find-a-centre").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(html.contains("Sorry, there is a problem with the service"));
    assert!(!html.to_lowercase().contains("sqlx"), "no internal detail leaks to the page");
    assert!(!html.to_lowercase().contains("pool"), "no internal detail leaks to the page");
}

fn serde_json_from<T: serde::de::DeserializeOwned>(body: &str) -> T {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not the expected JSON ({e}): {body}"))
}

on_both_backends!(
    healthz_is_ok_while_the_database_answers,
    home_page_has_the_shell,
    find_a_centre_lists_every_centre_server_side,
    find_a_centre_with_no_centres_says_so,
    the_server_function_returns_centres_as_json,
    unknown_pages_are_404_with_a_way_home,
    a_database_outage_is_a_plain_503_not_a_crash,
);
