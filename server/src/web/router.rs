//! The axum router: Leptos pages and server functions, `/healthz`, static files, request tracing.

use crate::store::{SessionStore, Store};
use app::{
    App,
    ports::{Clock, Ports},
    shell,
};
use axum::{
    Router,
    extract::{FromRef, State},
    http::StatusCode,
    response::IntoResponse,
    routing::{get, post},
};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::sync::Arc;
use tower_http::trace::TraceLayer;
use tower_sessions::{Expiry, Session, SessionManagerLayer, cookie::SameSite};

/// The session cookie: `__Host-` (Secure, path `/`, no domain), HttpOnly, same-site only.
pub const SESSION_COOKIE: &str = "__Host-naccc-session";

/// A public session (an open referral draft) ends after this long without a request; the draft
/// itself stays for 30 days and reopens with its reference and code.
const PUBLIC_SESSION_IDLE: time::Duration = time::Duration::seconds(shared::durations::PUBLIC_SESSION_IDLE.as_secs());

/// Everything a handler may need.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Store,
    /// Seals and opens sensitive referral fields (used by the referral wizard).
    pub cipher: crate::platform::crypto::FieldCipher,
    pub clock: Arc<dyn Clock>,
    pub sessions: SessionStore,
    /// How long sign-in waits before answering an account with recent failures
    /// (`accounts::back_off`; tests of other behaviour wait for nothing).
    pub back_off: fn(i64) -> std::time::Duration,
    /// Where the site is reached from outside, for links in emails.
    pub public_url: Arc<str>,
    /// Whether mail leaves by SMTP; if not (demo mode), `/admin/outbox` is where it is read.
    pub mail_by_smtp: bool,
    /// Whether the demo accounts may sign in (serving with `--demo`).
    pub demo_logins: bool,
    /// News of changed cases, for live inboxes (across instances on PostgreSQL).
    pub changes: crate::cases::news::CaseChanges,
    /// How often an open live stream rechecks its session (`live::RECHECK_EVERY`).
    pub live_recheck: std::time::Duration,
    /// The client's address and the public rate limit.
    pub edge: crate::web::edge::Edge,
    /// When statistics returns are due and lapse.
    pub returns_schedule: shared::returns::Schedule,
    /// Where evidence files are kept (a directory, or S3-compatible storage).
    pub evidence: crate::accreditation::evidence::EvidenceStore,
    /// How long accreditation lasts before renewal.
    pub renewal_cycle: shared::accreditation::dates::RenewalCycle,
    /// How long a closed case's personal data, or a handled message, is kept (the retention job's).
    pub retention: shared::durations::Lifetime,
}

impl FromRef<AppState> for crate::web::live_stream::StreamState {
    fn from_ref(state: &AppState) -> Self {
        Self {
            ports: ports(state),
            sessions: state.sessions.clone(),
            changes: state.changes.clone(),
            recheck_every: state.live_recheck,
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The accreditation service over this state.
pub(crate) fn accreditation(state: &AppState) -> crate::accreditation::AccreditationService {
    crate::accreditation::AccreditationService {
        store: state.store.clone(),
        clock: state.clock.clone(),
        cycle: state.renewal_cycle,
        evidence: state.evidence.clone(),
    }
}

/// The ports `app` needs, implemented by the store.
pub(crate) fn ports(state: &AppState) -> Ports {
    let referrals = crate::referrals::ReferralService {
        store: state.store.clone(),
        cipher: state.cipher.clone(),
        clock: state.clock.clone(),
        changes: state.changes.clone(),
        public_url: state.public_url.clone(),
    };
    let cases = crate::cases::CaseService {
        store: state.store.clone(),
        cipher: state.cipher.clone(),
        clock: state.clock.clone(),
        changes: state.changes.clone(),
        public_url: state.public_url.clone(),
    };
    let accounts = crate::staff::accounts::AccountService {
        store: state.store.clone(),
        cipher: state.cipher.clone(),
        clock: state.clock.clone(),
        back_off: state.back_off,
        public_url: state.public_url.clone(),
        mail_by_smtp: state.mail_by_smtp,
        demo_logins: state.demo_logins,
    };
    let returns = crate::returns::ReturnService {
        store: state.store.clone(),
        clock: state.clock.clone(),
        schedule: state.returns_schedule,
        changes: state.changes.clone(),
        public_url: state.public_url.clone(),
    };
    Ports {
        centres: Arc::new(state.store.clone()),
        returns: Arc::new(returns),
        accreditation: Arc::new(accreditation(state)),
        postcodes: Arc::new(crate::platform::postcodes::PostcodeTable),
        referrals: Arc::new(referrals),
        administration: Arc::new(accounts.clone()),
        advice: Arc::new(cases.clone()),
        membership: Arc::new(crate::membership::MembershipService {
            store: state.store.clone(),
            clock: state.clock.clone(),
        }),
        board: Arc::new(crate::board::BoardService { store: state.store.clone(), clock: state.clock.clone() }),
        enquiries: Arc::new(crate::contact::ContactService {
            store: state.store.clone(),
            cipher: state.cipher.clone(),
            clock: state.clock.clone(),
            public_url: state.public_url.clone(),
            kept: state.retention,
        }),
        kept_after_closing: state.retention,
        cases: Arc::new(cases),
        accounts: Arc::new(accounts),
        clock: state.clock.clone(),
    }
}

/// The app's routes, worked out once per process. Working them out renders the app with a
/// process-wide "do not load resources" flag set (leptos_server's `SuppressResourceLoad`); a
/// page another router in the process was rendering then would wait forever
/// (leptos-rs/leptos#4773). One server builds one router, but the tests build many at once.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let ports = ports(&state);
    let sessions = SessionManagerLayer::new(state.sessions.clone())
        .with_name(SESSION_COOKIE)
        .with_secure(true)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(PUBLIC_SESSION_IDLE));
    let provide = move || {
        provide_context(ports.clone());
        // The nonce the page policy names (`security::page_policy_layer` made it for this request).
        if let Some(nonce) = use_context::<axum::http::request::Parts>()
            .and_then(|p| p.extensions.get::<crate::web::security::PageNonce>().cloned())
        {
            provide_context(leptos::nonce::Nonce::from_value(nonce.0));
        }
    };
    let router = Router::new()
        .route("/healthz", get(healthz))
        .route("/exit", post(exit_this_page))
        .route("/centre/referrals/events", get(crate::web::live_stream::inbox_events))
        .route("/board/events", get(crate::web::live_stream::board_events))
        .route("/board/indicators.csv", get(crate::web::downloads::board_csv))
        .route("/admin/exports/national.csv", get(crate::web::downloads::national_csv))
        .route("/board/pack.css", get(crate::web::downloads::pack_css))
        .route("/admin/returns.csv", get(crate::web::downloads::returns_csv))
        .route("/admin/returns/answers.csv", get(crate::web::downloads::answers_csv))
        .route("/centre/dashboard/{file}", get(crate::web::downloads::dashboard_csv))
        .route(
            crate::web::evidence::UPLOAD_PATH,
            post(crate::web::evidence::upload)
                .layer(axum::extract::DefaultBodyLimit::max(crate::web::evidence::UPLOAD_LIMIT)),
        )
        .route("/centre/accreditation/evidence/remove", post(crate::web::evidence::remove))
        .route("/accreditation/evidence/{id}", get(crate::web::evidence::download))
        .nest_service("/pkg", crate::web::static_files::pkg_files(&state.leptos_options))
        .leptos_routes_with_context(&state, routes, provide.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(provide, shell))
        .layer(sessions)
        .layer(axum::middleware::from_fn(crate::web::security::page_policy))
        .layer(axum::middleware::from_fn(unreadable_arguments_are_bad_requests))
        .layer(axum::middleware::from_fn(crate::web::form_failure::plain_words_for_failed_forms))
        .layer(axum::middleware::from_fn_with_state(state.edge.clone(), crate::web::edge::identify_and_limit))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            // Method and path only: query strings may carry postcodes or reference codes.
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
        }))
        .with_state(state);
    crate::web::security::harden(router)
}

/// "Exit this page" (sent by the browser as it leaves): ends the session on the server, so an open
/// referral draft cannot be reopened from this browser without its code.
async fn exit_this_page(session: Session) -> StatusCode {
    match session.flush().await {
        Ok(()) => StatusCode::NO_CONTENT,
        Err(error) => {
            tracing::warn!(%error, "could not end the session on exit");
            StatusCode::SERVICE_UNAVAILABLE
        }
    }
}

/// A server function whose arguments cannot be read (a crafted request: wrong shapes, bad
/// encoding) is the client's fault: 400, not the 500 the framework gives it.
async fn unreadable_arguments_are_bad_requests(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let is_server_fn = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
    };
    let unreadable = [r#"{"Transport":{"Args""#, r#"{"Transport":{"Deserialization""#, r#"{"Transport":{"MissingArg""#]
        .iter()
        .any(|prefix| bytes.starts_with(prefix.as_bytes()));
    if unreadable {
        parts.status = StatusCode::BAD_REQUEST;
    }
    axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// 200 when the database answers, 503 when it does not (load balancers take the node out).
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::warn!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
