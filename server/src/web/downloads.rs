//! Downloads that are files rather than pages: `GET /admin/returns.csv`, every submitted
//! statistics return, for NACCC administrators only (the same sign-in and role check as pages).

use crate::web::router::AppState;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub async fn returns_csv(State(state): State<AppState>, session: tower_sessions::Session) -> Response {
    let ports = crate::web::router::ports(&state);
    let user = match app::auth::user_of(&session, &ports, app::auth::Activity::Person).await {
        Ok(user) => user,
        Err(app::auth::Denied::SignIn) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    if user.scope.role() != shared::account::Role::NacccAdmin {
        return StatusCode::FORBIDDEN.into_response();
    }
    match ports.returns.returns_csv(&user).await {
        Ok(csv) => {
            let mut response = csv.into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"statistics-returns.csv\""),
            );
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}
