//! Downloads that are files rather than pages, with the same sign-in and role checks as pages:
//! `GET /admin/returns.csv`, every submitted statistics return, for NACCC administrators; and
//! `GET /admin/returns/answers.csv?quarter=…`, the answers to a quarter's added questions; and
//! `GET /admin/exports/national.csv?quarter=…`, the national quarterly statistics; and
//! `GET /centre/dashboard/{chart}.csv`, one dashboard chart's table, for the centre's staff.

use crate::web::router::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The signed-in user in one of `roles`, or the answer to give instead (a refusal is
/// audit-logged, as a page's is).
pub(crate) async fn signed_in(
    state: &AppState,
    session: &tower_sessions::Session,
    roles: &[shared::account::Role],
) -> Result<(app::ports::Ports, app::ports::StaffUser), Response> {
    let ports = crate::web::router::ports(state);
    match app::auth::user_in_role(session, &ports, roles).await {
        Ok(user) => Ok((ports, user)),
        Err(app::auth::Denied::SignIn) => Err(StatusCode::UNAUTHORIZED.into_response()),
        Err(app::auth::Denied::Forbidden) => Err(StatusCode::FORBIDDEN.into_response()),
        Err(app::auth::Denied::Unavailable) => Err(StatusCode::SERVICE_UNAVAILABLE.into_response()),
    }
}

const ADMINISTRATORS: &[shared::account::Role] = &[shared::account::Role::NacccAdmin];

pub async fn returns_csv(State(state): State<AppState>, session: tower_sessions::Session) -> Response {
    let (ports, user) = match signed_in(&state, &session, ADMINISTRATORS).await {
        Ok(admin) => admin,
        Err(response) => return response,
    };
    match ports.returns.returns_csv(&user).await {
        Ok(csv) => csv_file(csv, "statistics-returns.csv"),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

#[derive(serde::Deserialize)]
pub struct QuarterQuery {
    #[serde(default)]
    quarter: String,
}

/// `GET /admin/returns/answers.csv?quarter=2026-Q4`: the submitted returns' answers to the
/// questions NACCC added for the quarter.
pub async fn answers_csv(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    axum::extract::Query(query): axum::extract::Query<QuarterQuery>,
) -> Response {
    let (ports, user) = match signed_in(&state, &session, ADMINISTRATORS).await {
        Ok(admin) => admin,
        Err(response) => return response,
    };
    let Ok(quarter) = shared::Quarter::parse(&query.quarter) else { return StatusCode::NOT_FOUND.into_response() };
    match ports.returns.answers_csv(&user, quarter).await {
        Ok(csv) => csv_file(csv, &format!("answers-{quarter}.csv")),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

/// A CSV file to download: never kept by a browser or proxy.
fn csv_file(body: String, file_name: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    // Names are fixed ids and quarter codes: no quoting needed.
    if let Ok(disposition) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// One chart of the caller's centre's dashboard as CSV: exactly the table the page shows.
pub async fn dashboard_csv(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    Path(file): Path<String>,
) -> Response {
    let (ports, user) = match signed_in(&state, &session, app::pages::staff::Area::Centre.roles()).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let Some(id) = file.strip_suffix(".csv") else { return StatusCode::NOT_FOUND.into_response() };
    let view = match ports.returns.dashboard(&user).await {
        Ok(Some(view)) => view,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let Some(chart) = app::pages::dashboard::charts::charts(&view).into_iter().find(|c| c.id == id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut out = csv::Writer::from_writer(Vec::new());
    for record in chart.records() {
        // Writing to memory cannot fail.
        let _ = out.write_record(record.iter().map(|c| crate::returns::csv::cell(c)));
    }
    csv_file(String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default(), &chart.file_name())
}

#[derive(serde::Deserialize)]
pub struct BoardQuery {
    #[serde(default)]
    quarter: String,
    #[serde(default)]
    nation: String,
    #[serde(default)]
    indicator: String,
}

/// `GET /board/indicators.csv?quarter=&nation=&indicator=`: the board's figures as the page
/// shows them (board members and NACCC).
pub async fn board_csv(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    axum::extract::Query(query): axum::extract::Query<BoardQuery>,
) -> Response {
    let (ports, user) = match signed_in(&state, &session, app::pages::staff::Area::Board.roles()).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    match ports.board.csv(&user, &query.quarter, &query.nation, &query.indicator).await {
        Ok(Some(csv)) => csv_file(csv, "indicators.csv"),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

/// `GET /admin/exports/national.csv?quarter=2026-Q3`: the national quarterly statistics for the
/// Ministry of Justice and Cafcass, the same figures as `/admin/exports` shows.
pub async fn national_csv(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    axum::extract::Query(query): axum::extract::Query<QuarterQuery>,
) -> Response {
    let (ports, user) = match signed_in(&state, &session, ADMINISTRATORS).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    match ports.board.national_csv(&user, &query.quarter).await {
        Ok(Some((quarter, csv))) => csv_file(csv, &format!("naccc-national-statistics-{quarter}.csv")),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

#[derive(serde::Deserialize)]
pub struct PackQuery {
    #[serde(default)]
    quarter: String,
    #[serde(default)]
    nation: String,
}

/// `GET /board/pack.css?quarter=&nation=`: the printed pack's running head (the period and area
/// on every page). Words only from a checked quarter and nation: nothing typed is echoed.
pub async fn pack_css(axum::extract::Query(query): axum::extract::Query<PackQuery>) -> Response {
    let Ok(quarter) = shared::Quarter::parse(&query.quarter) else { return StatusCode::NOT_FOUND.into_response() };
    let nation = shared::Nation::from_code(query.nation.trim()).ok();
    let mut response = app::pages::board::parts::pack_print_css(quarter, nation).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
