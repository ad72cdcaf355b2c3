//! Hardening for every request and response: cross-site request protection (Fetch Metadata and
//! `Origin`, the Go 1.25 scheme, via tower-http's `CsrfLayer`: a cross-site POST is refused with
//! 403), security headers, a fallback Content-Security-Policy for anything that is not a page (pages
//! get the page policy with a fresh nonce: `page_policy`), request body limits, a time limit and
//! compression.

use axum::response::IntoResponse;
use axum::{
    Router,
    http::{HeaderName, HeaderValue, StatusCode, header},
};
use std::time::Duration;
use tower_http::{
    compression::CompressionLayer, csrf::CsrfLayer, set_header::SetResponseHeaderLayer, timeout::TimeoutLayer,
};

/// Largest request body accepted: far more than any form, far less than an attack needs.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// A request still running after this is answered with 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

const FALLBACK_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

pub fn harden(router: Router) -> Router {
    let always = [
        (header::STRICT_TRANSPORT_SECURITY, "max-age=63072000; includeSubDomains"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=(), payment=()"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    let mut router = router
        .layer(CsrfLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(FALLBACK_CSP),
        ))
        .layer(axum::middleware::from_fn(body_limit))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        // Brotli or gzip, as the browser accepts, for what is not already compressed (pages,
        // server function answers); `/pkg/` files come compressed from the build.
        .layer(CompressionLayer::new().br(true).gzip(true));
    for (name, value) in always {
        router = router.layer(SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value)));
    }
    router
}

/// Every request body is held to [`MAX_BODY_BYTES`], but for the evidence upload route, which
/// takes a file up to its own limit. A declared length over the limit is refused at once (413);
/// a body that runs over it fails as it is read.
async fn body_limit(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let limit = if request.uri().path() == crate::web::evidence::UPLOAD_PATH {
        crate::web::evidence::UPLOAD_LIMIT
    } else {
        MAX_BODY_BYTES
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return (StatusCode::PAYLOAD_TOO_LARGE, "The request is larger than this address takes.").into_response();
    }
    let (parts, body) = request.into_parts();
    let body = axum::body::Body::new(http_body_util::Limited::new(body, limit));
    next.run(axum::extract::Request::from_parts(parts, body)).await
}

/// This request's script nonce (random, 128 bits, hex), for the page render and its policy.
#[derive(Debug, Clone)]
pub struct PageNonce(pub String);

/// Gives each request a nonce and every HTML response the page policy naming it, so no page can
/// go out without its policy, whichever way it was rendered.
pub async fn page_policy(
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let nonce = hex::encode(bytes);
    request.extensions_mut().insert(PageNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html && let Ok(value) = HeaderValue::from_str(&app::page_policy(&nonce)) {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
    }
    // A page is always checked with the server before it is shown again (signed-in pages say
    // `no-store` themselves); the files it names are the ones kept (`static_files`). Pages vary
    // by the visitor's cookies (the language chosen): never kept by a shared cache.
    if is_html && !response.headers().contains_key(header::CACHE_CONTROL) {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    }
    response
}
