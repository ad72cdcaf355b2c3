//! What a person sees when a form they sent cannot be taken (JavaScript or not, every form is a
//! plain post now). A server function that fails answers with its status and a machine-readable
//! error, or, when it set no status, a redirect carrying the error in its address; either would
//! leave the person on a bare error or on the home page with no word of what happened. For a
//! plain form post (the browser asks for HTML) the answer becomes a short page in plain words,
//! with the same status, a way on, and "Exit this page". It is never kept.

use axum::{
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{Html, IntoResponse, Response},
};

pub async fn plain_words_for_failed_forms(request: Request, next: Next) -> Response {
    let plain_form = request.method() == axum::http::Method::POST
        && request.uri().path().starts_with("/api/")
        && request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
    let area = Area::of(request.uri().path());
    let response = next.run(request).await;
    if !plain_form {
        return response;
    }
    let status = response.status();
    let error_redirect = status.is_redirection()
        && response
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|to| to.contains("__err="));
    if !(status.is_client_error() || status.is_server_error() || error_redirect) {
        return response;
    }
    let status = if error_redirect { StatusCode::SERVICE_UNAVAILABLE } else { status };
    let mut page = (status, Html(page(status, area))).into_response();
    page.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    page
}

/// Where a failed form belongs, for the way on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Area {
    Referral,
    SignIn,
    Staff,
    Other,
}

impl Area {
    fn of(path: &str) -> Self {
        let under = |prefix: &str| path.starts_with(prefix);
        if under("/api/refer") {
            Self::Referral
        } else if under("/api/login") || under("/api/logout") {
            Self::SignIn
        } else if under("/api/centre/") || under("/api/admin") || under("/api/staff") {
            Self::Staff
        } else {
            Self::Other
        }
    }
}

fn page(status: StatusCode, area: Area) -> String {
    let what = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            "What you sent is longer than this service accepts. Go back, shorten the longest answer and try again."
        }
        StatusCode::TOO_MANY_REQUESTS => "There have been too many attempts from here. Wait a minute, then try again.",
        StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED => {
            "You may have been signed out, or this is not something your account can do."
        }
        s if s.is_client_error() => "What you sent could not be read. Go back and try again.",
        _ => "It could not be saved just now. Please try again in a few minutes.",
    };
    let way_on = match area {
        Area::Referral => {
            r#"<p>Your answers up to the last page you saved are kept.</p><ul><li><a href="/refer/tasks">Continue your referral</a></li><li><a href="/refer/resume">Continue with your reference and code</a></li></ul>"#
        }
        Area::SignIn => r#"<p><a href="/login">Sign in</a></p>"#,
        Area::Staff => r#"<p><a href="/centre">Back to your work</a> · <a href="/login">Sign in</a></p>"#,
        Area::Other => r#"<p><a href="/">Go to the home page</a></p>"#,
    };
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sorry, there is a problem – NACCC Contact Hub</title></head><body><p><a href="{exit}" rel="nofollow noreferrer">Exit this page</a></p><main><h1>Sorry, there is a problem</h1><p>{what}</p>{way_on}</main></body></html>"#,
        exit = app::components::exit_this_page::NEUTRAL_SITE,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_area_has_its_way_on() {
        assert_eq!(Area::of("/api/refer/save"), Area::Referral);
        assert_eq!(Area::of("/api/login/code"), Area::SignIn);
        assert_eq!(Area::of("/api/centre/act"), Area::Staff);
        assert_eq!(Area::of("/api/centres/search"), Area::Other);
        let too_long = page(StatusCode::PAYLOAD_TOO_LARGE, Area::Referral);
        assert!(too_long.contains("longer than this service accepts"));
        assert!(too_long.contains(r#"href="/refer/tasks""#));
        assert!(page(StatusCode::SERVICE_UNAVAILABLE, Area::Other).contains("could not be saved just now"));
    }
}
