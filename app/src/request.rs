//! The request being answered, on the server: whether it is a plain HTML form post, one-time
//! cookies that carry a new secret to the one page that shows it, and the language chosen.

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
    let value = cookie(&parts, name)?;
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

/// Remembers the language a person chose (a year; essential: it only keeps their own choice).
pub const LANGUAGE_COOKIE: &str = "naccc_lang";

/// The language asked for by this request: `?lang=` on its address, else the one remembered,
/// else English. Read from the request each time: never kept anywhere another request could see.
pub fn chosen_locale() -> crate::messages::Locale {
    use crate::messages::Locale;
    let Some(parts) = use_context::<http::request::Parts>() else { return Locale::English };
    asked_locale(&parts)
        .or_else(|| cookie(&parts, LANGUAGE_COOKIE).and_then(|c| Locale::from_code(&c)))
        .unwrap_or_default()
}

/// `?lang=` on the address, when it names a language.
fn asked_locale(parts: &http::request::Parts) -> Option<crate::messages::Locale> {
    parts
        .uri
        .query()?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "lang")
        .and_then(|(_, code)| crate::messages::Locale::from_code(code))
}

/// When the address asks for a language, remembers it for the pages that follow.
pub fn remember_locale() {
    let Some(parts) = use_context::<http::request::Parts>() else { return };
    if let Some(asked) = asked_locale(&parts)
        && cookie(&parts, LANGUAGE_COOKIE).as_deref() != Some(asked.code())
    {
        set_cookie(&format!(
            "{LANGUAGE_COOKIE}={}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=31536000",
            asked.code()
        ));
    }
}

/// This page's address in `locale`: the same path and query, `lang` set to it.
pub fn address_in(locale: crate::messages::Locale) -> String {
    let Some(parts) = use_context::<http::request::Parts>() else { return format!("/?lang={}", locale.code()) };
    let mut query: Vec<&str> =
        parts.uri.query().unwrap_or("").split('&').filter(|p| !p.is_empty() && !p.starts_with("lang=")).collect();
    let lang = format!("lang={}", locale.code());
    query.push(&lang);
    // One leading slash: a path like `//elsewhere.example` (which the router reads as `/`) must
    // not become a link to another site.
    format!("/{}?{}", parts.uri.path().trim_start_matches(['/', '\\']), query.join("&"))
}

fn cookie(parts: &http::request::Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(cookie, _)| *cookie == name)
        .map(|(_, value)| value.to_owned())
}
