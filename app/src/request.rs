//! The request being answered, on the server: whether it is a plain HTML form post, and
//! one-time cookies that carry a new secret to the one page that shows it.

use http::{HeaderValue, header};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

/// Whether the request is a plain HTML form post (no JavaScript), which is answered by redirects.
/// (A page being rendered is a GET, never a form post.)
pub fn is_plain_form() -> bool {
    use_context::<http::request::Parts>()
        .filter(|p| p.method == http::Method::POST)
        .and_then(|p| p.headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).map(|v| v.contains("text/html")))
        .unwrap_or(false)
}

/// Sets a one-time cookie (HttpOnly, Secure, same-site only) for ten minutes at most.
pub fn set_once_cookie(name: &str, value: &str) {
    set_cookie(&format!("{name}={value}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=600"));
}

/// The value of the one-time cookie `name`, once: it is cleared as it is read.
pub fn take_once_cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    let value = parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(cookie, _)| *cookie == name)
        .map(|(_, value)| value.to_owned())?;
    set_cookie(&format!("{name}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0"));
    Some(value)
}

/// Pages with personal data, and signed-in pages, are never kept by browsers or proxies.
pub fn no_store() {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.insert_header(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(value)) {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// The client's IP address as the server worked it out (the socket's peer, or behind trusted
/// proxies the address they report), put on every request by the server; used for throttling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

/// The client's address, or `"unknown"` when the server did not say (in-process tests).
pub fn client_address() -> String {
    use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientAddress>().map(|c| c.0.to_string()))
        .unwrap_or_else(|| "unknown".to_owned())
}
