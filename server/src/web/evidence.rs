//! Evidence files over HTTP: `POST /centre/accreditation/evidence` (a multipart form, the one
//! route with a larger body limit), `GET /accreditation/evidence/{id}` (always as an attachment,
//! never rendered by the browser) and `POST /centre/accreditation/evidence/remove`.

use crate::web::router::AppState;
use app::pages::accreditation::model::StepOutcome;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use shared::account::Role;
use shared::accreditation::evidence::MAX_EVIDENCE_BYTES;

pub const UPLOAD_PATH: &str = "/centre/accreditation/evidence";
/// The upload route's body limit: the largest file and the form around it.
pub const UPLOAD_LIMIT: usize = MAX_EVIDENCE_BYTES + 64 * 1024;

fn service(state: &AppState) -> crate::accreditation::AccreditationService {
    crate::web::router::accreditation(state)
}

async fn manager(state: &AppState, session: &tower_sessions::Session) -> Result<app::ports::StaffUser, Response> {
    crate::web::downloads::signed_in(state, session, &[Role::CentreManager]).await.map(|(_, user)| user)
}

/// Where the upload form lives: the section's page (`national-3`), at the standard.
fn back_to(section: &str, standard_id: &str, done: &str) -> String {
    let safe = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if safe(section) && safe(standard_id) && !section.is_empty() {
        format!("/centre/accreditation/{section}?done={done}#standard-{standard_id}")
    } else {
        "/centre/accreditation".to_owned()
    }
}

/// A form that could not be read: too large (413, said in words), or not a form (400).
fn refused(error: &axum::extract::multipart::MultipartError) -> Response {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if e.is::<http_body_util::LengthLimitError>() {
            let words = shared::accreditation::evidence::max_size_words();
            return (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("The file is larger than {words}: go back, make it smaller or split it."),
            )
                .into_response();
        }
        source = e.source();
    }
    (StatusCode::BAD_REQUEST, "The upload could not be read: go back and try again.").into_response()
}

pub async fn upload(State(state): State<AppState>, session: tower_sessions::Session, mut form: Multipart) -> Response {
    let user = match manager(&state, &session).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let (mut case, mut standard, mut section, mut name, mut bytes) =
        (String::new(), String::new(), String::new(), String::new(), None);
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            // Too large, or not a form: the body limit's answer.
            Err(error) => return refused(&error),
        };
        match field.name().unwrap_or("") {
            "case" => case = field.text().await.unwrap_or_default(),
            "standard" => standard = field.text().await.unwrap_or_default(),
            "section" => section = field.text().await.unwrap_or_default(),
            "file" => {
                name = field.file_name().unwrap_or("").to_owned();
                match field.bytes().await {
                    Ok(b) => bytes = Some(b.to_vec()),
                    Err(error) => return refused(&error),
                }
            }
            _ => {}
        }
    }
    let Ok(case_id) = case.trim().parse::<i64>() else { return StatusCode::NOT_FOUND.into_response() };
    let standard_id = standard.replace(['/', '.'], "-");
    let outcome =
        service(&state).upload_evidence(&user, case_id, standard.trim(), &name, bytes.unwrap_or_default()).await;
    match outcome {
        Ok(StepOutcome::Done) => Redirect::to(&back_to(&section, &standard_id, "uploaded")).into_response(),
        Ok(StepOutcome::Rejected(errors)) => {
            let returned = app::pages::staff::Returned { fields: Default::default(), errors };
            if !app::pages::staff::keep_returned(&session, returned).await {
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
            Redirect::to(&back_to(&section, &standard_id, "refused")).into_response()
        }
        Ok(StepOutcome::Conflict) => Redirect::to("/centre/accreditation?done=closed").into_response(),
        Ok(StepOutcome::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

#[derive(serde::Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    case: String,
    #[serde(default)]
    file: String,
    #[serde(default)]
    section: String,
}

pub async fn remove(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    axum::Form(form): axum::Form<RemoveForm>,
) -> Response {
    let user = match manager(&state, &session).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let (Ok(case_id), Ok(file_id)) = (form.case.trim().parse::<i64>(), form.file.trim().parse::<i64>()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match service(&state).remove_evidence(&user, case_id, file_id).await {
        Ok(StepOutcome::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Ok(_) => Redirect::to(&back_to(&form.section, "", "removed")).into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

/// A file for whoever may see its case, always as a download.
pub async fn download(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    Path(id): Path<String>,
) -> Response {
    let roles = [Role::CentreManager, Role::Assessor, Role::NacccAdmin];
    let user = match crate::web::downloads::signed_in(&state, &session, &roles).await {
        Ok((_, user)) => user,
        Err(response) => return response,
    };
    let Ok(file_id) = id.parse::<i64>() else { return StatusCode::NOT_FOUND.into_response() };
    let file = match service(&state).download_evidence(&user, file_id).await {
        Ok(Some(file)) => file,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let mut response = file.bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(file.mime));
    // The name is reduced to safe characters when stored (`evidence::file_name`).
    if let Ok(disposition) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", file.file_name)) {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
    response
}
