//! The real router in-process, and a small cookie-keeping browser for multi-step flows.

use super::TestDb;
use app::ports::Clock;
use axum::{
    Router,
    body::Body,
    http::{HeaderMap, Request, StatusCode, header},
};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use server::web::router::{AppState, router};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceExt;

pub const TEST_KEY_HEX: &str = "abababababababababababababababababababababababababababababababab";

pub async fn app_at(db: &TestDb, clock: Arc<dyn Clock>) -> Router {
    // The public rate limit is tested on its own (`administration.rs`); here it would only get in the way.
    let roomy = governor::Quota::per_second(std::num::NonZeroU32::new(10_000).expect("non-zero"));
    app_with_edge(db, clock, server::web::edge::Edge::new(0, roomy)).await
}

pub async fn app_with_edge(db: &TestDb, clock: Arc<dyn Clock>, edge: server::web::edge::Edge) -> Router {
    let leptos_options = LeptosOptions::builder().output_name("naccc-hub").site_root("target/site").build();
    let cipher = server::platform::crypto::FieldCipher::from_hex(TEST_KEY_HEX).expect("test key");
    let sessions = db.store.session_store().expect("session store");
    let changes = server::cases::news::CaseChanges::new(db.store.clone());
    // On PostgreSQL, live news goes through LISTEN/NOTIFY (the task ends with the test's runtime).
    let _ = changes.spawn_listener();
    // Sign-in back-off is tested on its own (`accounts::back_off`); here it would only slow tests.
    router(AppState {
        leptos_options,
        store: db.store.clone(),
        cipher,
        clock,
        sessions,
        back_off: |_| Duration::ZERO,
        edge,
        public_url: "https://hub.example".into(),
        mail_by_smtp: false,
        demo_logins: true,
        changes,
        // A stream's session rechecks, many times a test: the clock is the test's anyway.
        live_recheck: LIVE_RECHECK,
        returns_schedule: shared::returns::Schedule::default(),
        evidence: db.evidence.clone(),
        renewal_cycle: Default::default(),
        retention: shared::durations::Lifetime::days(i64::from(server::cases::retention::DEFAULT_RETENTION_DAYS)),
    })
}

/// How often the test servers' live streams recheck their session (a minute in service).
pub const LIVE_RECHECK: Duration = Duration::from_millis(100);

pub async fn app(db: &TestDb) -> Router {
    app_at(db, Arc::new(server::platform::clock::SystemClock)).await
}

pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Response {
    pub fn location(&self) -> &str {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

pub async fn send_request(app: &Router, request: Request<Body>) -> Response {
    let response = app.clone().oneshot(request).await.expect("router never fails");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    Response { status: parts.status, headers: parts.headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

/// Keeps cookies between requests like a browser, and posts forms either as a plain HTML form
/// (JavaScript off: `Accept: text/html`) or as the server-function client does (JavaScript on).
pub struct Browser {
    pub app: Router,
    pub cookies: BTreeMap<String, String>,
    /// The server as another process, reached over TCP (the fault tests), instead of `app`.
    remote: Option<Remote>,
}

/// What a browser gets when the server does not answer at all (refused, reset, cut off).
pub const NO_ANSWER: u16 = 599;

#[derive(Clone)]
struct Remote {
    base: String,
    client: hyper_util::client::legacy::Client<hyper_util::client::legacy::connect::HttpConnector, Body>,
}

impl Remote {
    async fn send(&self, mut request: Request<Body>) -> Response {
        let no_answer = |why: String| Response {
            status: StatusCode::from_u16(NO_ANSWER).expect("a status"),
            headers: HeaderMap::new(),
            body: why,
        };
        *request.uri_mut() = format!("{}{}", self.base, request.uri()).parse().expect("a URL");
        let response = match self.client.request(request).await {
            Ok(response) => response,
            Err(e) => return no_answer(e.to_string()),
        };
        let (parts, body) = response.into_parts();
        match body.collect().await {
            Ok(bytes) => Response {
                status: parts.status,
                headers: parts.headers,
                body: String::from_utf8_lossy(&bytes.to_bytes()).into_owned(),
            },
            Err(e) => no_answer(e.to_string()),
        }
    }
}

pub fn form_body(pairs: &[(&str, &str)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Browser {
    pub fn new(app: Router) -> Self {
        Self { app, cookies: BTreeMap::new(), remote: None }
    }

    /// A browser on a server running as its own process at `base` (`http://127.0.0.1:port`).
    pub fn over_tcp(base: &str) -> Self {
        let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http();
        Self { app: Router::new(), cookies: BTreeMap::new(), remote: Some(Remote { base: base.to_owned(), client }) }
    }

    /// Another tab of this browser: the same cookies, from now on kept apart.
    pub fn same_session(&self) -> Self {
        Self { app: self.app.clone(), cookies: self.cookies.clone(), remote: self.remote.clone() }
    }

    async fn send(&self, request: Request<Body>) -> Response {
        match &self.remote {
            Some(remote) => remote.send(request).await,
            None => send_request(&self.app, request).await,
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn keep_cookies(&mut self, headers: &HeaderMap) {
        for value in headers.get_all(header::SET_COOKIE) {
            let Ok(value) = value.to_str() else { continue };
            let Some((pair, attributes)) = value.split_once(';').or(Some((value, ""))) else { continue };
            let Some((name, v)) = pair.split_once('=') else { continue };
            let expired = attributes.to_ascii_lowercase().contains("max-age=0");
            if expired || v.is_empty() {
                self.cookies.remove(name.trim());
            } else {
                self.cookies.insert(name.trim().to_owned(), v.trim().to_owned());
            }
        }
    }

    pub async fn get(&mut self, path: &str) -> Response {
        let request = Request::get(path)
            .header(header::ACCEPT, "text/html")
            .header(header::COOKIE, self.cookie_header())
            .body(Body::empty())
            .expect("request");
        let response = self.send(request).await;
        self.keep_cookies(&response.headers);
        response
    }

    async fn post(&mut self, path: &str, accept: &str, body: String) -> Response {
        let request = Request::post(path)
            .header(header::ACCEPT, accept)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .header(header::COOKIE, self.cookie_header())
            .body(Body::from(body))
            .expect("request");
        let response = self.send(request).await;
        self.keep_cookies(&response.headers);
        response
    }

    /// A plain HTML form post (JavaScript off).
    pub async fn submit(&mut self, path: &str, pairs: &[(&str, &str)]) -> Response {
        self.post(path, "text/html,application/xhtml+xml", form_body(pairs)).await
    }

    /// As the server-function client posts (JavaScript on), or a crafted request.
    pub async fn call(&mut self, path: &str, pairs: &[(&str, &str)]) -> Response {
        self.post(path, "application/json", form_body(pairs)).await
    }

    /// Posts a plain form and follows the redirect, returning the page it lands on.
    pub async fn submit_and_follow(&mut self, path: &str, pairs: &[(&str, &str)]) -> (String, Response) {
        let posted = self.submit(path, pairs).await;
        assert_eq!(posted.status, StatusCode::FOUND, "{path} should redirect; body: {}", posted.body);
        let location = posted.location().to_owned();
        let page = self.get(&location).await;
        (location, page)
    }
}
