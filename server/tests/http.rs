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
use server::seed;
use tower::ServiceExt;

use common::web::app;

async fn send(app: Router, request: Request<Body>) -> (StatusCode, String) {
    let (status, _, body) = send_full(app, request).await;
    (status, body)
}

async fn get(app: Router, path: &str) -> (StatusCode, String) {
    send(app, Request::get(path).body(Body::empty()).unwrap()).await
}

async fn healthz_is_ok_while_the_database_answers(db: &TestDb) {
    assert_eq!(get(app(db).await, "/healthz").await, (StatusCode::OK, "ok".into()));
    db.store.close().await;
    let (status, _) = get(app(db).await, "/healthz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
}

async fn home_page_has_the_shell(db: &TestDb) {
    let (status, html) = get(app(db).await, "/").await;
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
    let (status, html) = get(app(db).await, "/find-a-centre").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("342 centres"), "count shown in the server-rendered page");
    assert_eq!(html.matches(r#"<li class="result">"#).count(), 20, "first page of 20");
    assert!(html.contains("Page 1 of 18"));
    assert!(html.contains("Contains OS data") || html.contains("OS data © Crown copyright"));
}

async fn find_a_centre_with_no_centres_says_so(db: &TestDb) {
    let (status, html) = get(app(db).await, "/find-a-centre").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("0 centres"));
    assert!(html.contains("No centres match your search"));
}

/// Names of the results in page order.
fn result_names(html: &str) -> Vec<String> {
    html.split(r#"<h3 class="heading-s result__name"><a href="/centres/"#)
        .skip(1)
        .filter_map(|rest| rest.split_once("\">").and_then(|(_, r)| r.split_once("</a>")).map(|(n, _)| n.to_owned()))
        .collect()
}

fn distances(html: &str) -> Vec<f64> {
    html.split(r#"<p class="result__distance">"#)
        .skip(1)
        .filter_map(|rest| rest.split_once(" miles away").and_then(|(d, _)| d.parse().ok()))
        .collect()
}

async fn a_postcode_search_puts_the_nearest_centres_first(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let (status, html) = get(app(db).await, "/find-a-centre?postcode=ng1+5fw").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("nearest to NG1 5FW first"));
    let names = result_names(&html);
    assert_eq!(names.len(), 20);
    assert!(names[0].contains("Nottingham"), "{names:?}");
    let miles = distances(&html);
    assert_eq!(miles.len(), 20);
    assert!(miles.windows(2).all(|w| w[0] <= w[1]), "{miles:?}");
    assert!(miles[0] < 2.0, "{miles:?}");
    // The typed postcode stays in the box.
    assert!(html.contains(r#"value="ng1 5fw""#));
}

/// The map beside the results: drawn on the server, the listed centres numbered in order and
/// linking to their pages, the searched place marked, and a sentence; a centre page has its own.
async fn the_map_shows_the_listed_centres_and_the_place(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let (_, html) = get(app(db).await, "/find-a-centre?postcode=NG1+5FW").await;
    let start = html.find(r#"id="centre-map""#).expect("a map");
    let map = &html[start..start + html[start..].find("</figure>").expect("its end")];
    assert_eq!(map.matches(r#"<a href="/centres/"#).count(), 20, "{map}");
    assert_eq!(map.matches(r#"tabindex="-1""#).count(), 20, "points stay out of the tab order");
    assert!(map.contains(r#"aria-hidden="true""#));
    // The first point is the first centre listed, numbered 1.
    let first = result_names(&html)[0].clone();
    let first_point = map.split("<title>").nth(20).and_then(|t| t.split("</title>").next()).unwrap();
    assert_eq!(first_point.trim(), first.trim(), "drawn last, so the nearest is on top");
    assert!(map.contains(">1</text>"));
    assert!(map.contains("NG1 5FW as a red diamond"));
    assert!(map.contains("fill=\"#d4351c\""), "the place is marked");
    // Nothing outside this server is asked for.
    let addresses = map.replace(r#"xmlns="http://www.w3.org/2000/svg""#, "");
    assert!(!addresses.contains("http"), "no tiles, no fonts, no third party: {map}");
    let href = map.split(r#"<a href=""#).nth(1).and_then(|h| h.split('"').next()).unwrap();
    let (status, page) = get(app(db).await, href).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"id="centre-locator""#));
    assert!(page.contains("Map showing where the centre is: in "));
}

async fn filters_narrow_the_results(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let (_, html) = get(app(db).await, "/find-a-centre?service=supervised").await;
    assert!(html.contains("160 centres"), "23 supervised + 137 both");
    let (_, html) = get(app(db).await, "/find-a-centre?online=yes").await;
    assert!(html.contains("62 centres"));
    let (_, html) = get(app(db).await, "/find-a-centre?q=belfast").await;
    assert!(result_names(&html).iter().all(|n| n.to_lowercase().contains("belfast")));
    assert!(!result_names(&html).is_empty());
}

async fn unknown_filter_values_are_ignored_never_a_500(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let (status, html) =
        get(app(db).await, "/find-a-centre?service=both&online=perhaps&day=funday&access=x&page=-1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("342 centres"));
    let (status, html) = get(app(db).await, "/find-a-centre?page=999").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Page 18 of 18"));
}

async fn an_invalid_postcode_is_explained_and_kept(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let (status, html) = get(app(db).await, "/find-a-centre?postcode=NOT+A+POSTCODE").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("There is a problem"));
    assert!(html.contains(r##"<a href="#postcode" rel="external">Enter a real postcode, like NG1 5FW</a>"##));
    assert!(html.contains(r#"value="NOT A POSTCODE""#), "what was typed stays in the box");
    assert!(html.contains("<title>Error: Find a child contact centre"));
}

async fn an_unknown_district_offers_a_name_search(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let (status, html) = get(app(db).await, "/find-a-centre?postcode=AA99+9AA").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("We could not find that postcode"));
    assert!(html.contains("Search by town or centre name"));
}

async fn very_long_input_is_rejected_politely(db: &TestDb) {
    let long = "A".repeat(5000);
    let (status, html) = get(app(db).await, &format!("/find-a-centre?postcode={long}&q={long}")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("Postcode must be 8 characters or fewer"));
    assert!(html.contains("Town or centre name must be 100 characters or fewer"));
}

async fn the_search_server_function_answers_json(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let request = Request::post("/api/centres/search")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("params[postcode]=BT1+1AA&params[service]=supervised"))
        .unwrap();
    let (status, body) = send(app(db).await, request).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let value: serde_json::Value = serde_json_from(&body);
    let hits = value["Found"]["hits"].as_array().expect("results");
    assert!(!hits.is_empty());
    assert_eq!(hits[0]["centre"]["nation"], "northern_ireland", "nearest to Belfast is in Northern Ireland");
}

async fn a_centre_page_shows_everything_about_the_centre(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let profile = seed::demo_centres()
        .into_iter()
        .find(|p| p.centre.accepts_online_referrals && p.accreditation.last_accredited.is_some())
        .unwrap();
    let (status, html) = get(app(db).await, &format!("/centres/{}", profile.centre.slug)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&profile.centre.name.to_string().replace('\'', "&#x27;")));
    assert!(html.contains(profile.centre.postcode.as_str()));
    for label in [
        "Contact offered",
        "Address",
        "Opening times",
        "Accessibility",
        "Languages",
        "Online referrals",
        "NACCC accreditation",
        "Last accredited",
        "Next renewal due",
    ] {
        assert!(html.contains(label), "{label}");
    }
    assert!(html.contains(&format!(r#"href="/refer?centre={}""#, profile.centre.slug)));
    assert!(html.contains("Start a referral to this centre"));
}

async fn an_unknown_centre_is_a_404(db: &TestDb) {
    for path in ["/centres/no-such-centre", "/centres/NOT%20A%20SLUG", &format!("/centres/{}", "a".repeat(3000))] {
        let (status, html) = get(app(db).await, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(html.contains("Page not found"));
    }
}

async fn unknown_pages_are_404_with_a_way_home(db: &TestDb) {
    let (status, html) = get(app(db).await, "/no-such-page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Page not found"));
    assert!(html.contains(r#"<a href="/">Go to the home page</a>"#));
}

async fn a_database_outage_is_a_plain_503_not_a_crash(db: &TestDb) {
    db.store.close().await;
    let (status, html) = get(app(db).await, "/find-a-centre").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(html.contains("Sorry, there is a problem with the service"));
    assert!(!html.to_lowercase().contains("sqlx"), "no internal detail leaks to the page");
    assert!(!html.to_lowercase().contains("pool"), "no internal detail leaks to the page");
}

async fn send_full(app: Router, request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = app.oneshot(request).await.expect("router never fails");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    (parts.status, parts.headers, String::from_utf8_lossy(&bytes).into_owned())
}

fn nonce_of(csp: &str) -> String {
    csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce in the policy").to_owned()
}

async fn every_response_carries_the_security_headers(db: &TestDb) {
    let (status, headers, html) = send_full(app(db).await, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    for directive in ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "'wasm-unsafe-eval'"] {
        assert!(csp.contains(directive), "{directive} missing from {csp}");
    }
    let nonce = nonce_of(&csp);
    assert!(nonce.len() >= 16);
    assert!(html.contains(&format!(r#"nonce="{nonce}""#)), "the page's scripts carry the policy's nonce");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");
    assert!(headers[header::STRICT_TRANSPORT_SECURITY].to_str().unwrap().starts_with("max-age="));

    let (_, again, _) = send_full(app(db).await, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_ne!(nonce_of(again[header::CONTENT_SECURITY_POLICY].to_str().unwrap()), nonce, "a fresh nonce each time");

    // A page rendered by the fallback (not found) carries the page policy too, nonce and all.
    let (status, missing, html) =
        send_full(app(db).await, Request::get("/no-such-page").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let nonce = nonce_of(missing[header::CONTENT_SECURITY_POLICY].to_str().unwrap());
    assert!(html.contains(&format!(r#"nonce="{nonce}""#)));

    let (_, health, _) = send_full(app(db).await, Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert!(health[header::CONTENT_SECURITY_POLICY].to_str().unwrap().starts_with("default-src 'none'"));
    assert_eq!(health[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
}

async fn pages_are_compressed_for_browsers_that_accept_it(db: &TestDb) {
    let request = Request::get("/").header(header::ACCEPT_ENCODING, "gzip, deflate, br").body(Body::empty()).unwrap();
    let (status, headers, _) = send_full(app(db).await, request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    let request = Request::get("/").header(header::ACCEPT_ENCODING, "gzip").body(Body::empty()).unwrap();
    let (_, headers, _) = send_full(app(db).await, request).await;
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
    let (_, headers, html) = send_full(app(db).await, Request::get("/").body(Body::empty()).unwrap()).await;
    assert!(headers.get(header::CONTENT_ENCODING).is_none());
    assert!(html.contains("NACCC Contact Hub"));
}

async fn oversized_request_bodies_are_refused(db: &TestDb) {
    let body = format!("params[q]={}", "a".repeat(200 * 1024));
    let request = Request::post("/api/centres/search")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .unwrap();
    let (status, _) = send(app(db).await, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

fn search_post(headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::post("/api/centres/search")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::from("params[q]=derby")).unwrap()
}

async fn cross_site_posts_are_refused(db: &TestDb) {
    let (status, _) = send(app(db).await, search_post(&[("sec-fetch-site", "cross-site")])).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a form on another site posting here");
    let (status, _) = send(app(db).await, search_post(&[("origin", "https://evil.example")])).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "an old browser with a foreign Origin");
    let (status, _) = send(app(db).await, search_post(&[("sec-fetch-site", "same-origin")])).await;
    assert_eq!(status, StatusCode::OK, "our own pages may post");
    let (status, _) = send(app(db).await, search_post(&[("origin", "http://127.0.0.1:3000")])).await;
    assert_eq!(status, StatusCode::OK, "same Origin as Host");
    let (status, _) = get(app(db).await, "/find-a-centre?postcode=NG1").await;
    assert_eq!(status, StatusCode::OK, "GET is never refused");
}

fn serde_json_from<T: serde::de::DeserializeOwned>(body: &str) -> T {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not the expected JSON ({e}): {body}"))
}

on_both_backends!(
    healthz_is_ok_while_the_database_answers,
    home_page_has_the_shell,
    find_a_centre_lists_every_centre_server_side,
    find_a_centre_with_no_centres_says_so,
    a_postcode_search_puts_the_nearest_centres_first,
    the_map_shows_the_listed_centres_and_the_place,
    filters_narrow_the_results,
    unknown_filter_values_are_ignored_never_a_500,
    an_invalid_postcode_is_explained_and_kept,
    an_unknown_district_offers_a_name_search,
    very_long_input_is_rejected_politely,
    the_search_server_function_answers_json,
    a_centre_page_shows_everything_about_the_centre,
    an_unknown_centre_is_a_404,
    every_response_carries_the_security_headers,
    oversized_request_bodies_are_refused,
    cross_site_posts_are_refused,
    pages_are_compressed_for_browsers_that_accept_it,
    unknown_pages_are_404_with_a_way_home,
    a_database_outage_is_a_plain_503_not_a_crash,
);
