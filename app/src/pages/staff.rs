//! The signed-in areas' front pages: `/centre`, `/admin`, `/assess`, `/board`. Each says who is
//! signed in and offers signing out; what each area holds arrives with its own issue. A page is
//! shown only to the roles its area is for (deny by default); anyone else is sent to sign in (not
//! signed in) or told it is not for them (403).

use crate::pages::login::SignOut;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};
use shared::account::Role;

/// The centre's returns: for its managers only, so only they are offered the link.
const RETURNS: &str = "/centre/returns";

/// A signed-in area and the roles it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Area {
    Centre,
    Admin,
    Assess,
    Board,
}

impl Area {
    pub fn roles(self) -> &'static [Role] {
        match self {
            Self::Centre => &[Role::CentreCoordinator, Role::CentreManager],
            Self::Admin => &[Role::NacccAdmin],
            Self::Assess => &[Role::Assessor],
            // NACCC sees what its board sees.
            Self::Board => &[Role::Board, Role::NacccAdmin],
        }
    }

    /// What the area's front page links to.
    fn links(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Centre => &[("/centre/referrals", "Referrals"), (RETURNS, "Statistics returns")],
            Self::Admin => &[
                ("/admin/centres", "Member centres: every centre, adding a member"),
                ("/admin/accreditation", "Accreditation: every centre's case, renewals, overdue actions"),
                ("/admin/safeguarding", "Safeguarding advice: centres' open requests (safeguarding leads)"),
                ("/admin/returns", "Statistics returns: who has sent, who is late"),
                ("/admin/returns/questions", "Questions added to this quarter's statistics return"),
                ("/board", "Strategic indicators: what the board sees"),
                ("/admin/board", "The board's targets, training delivered and inspections"),
                ("/admin/exports", "National statistics for the Ministry of Justice and Cafcass (CSV)"),
                ("/admin/messages", "Messages from the contact form"),
                ("/admin/users", "Staff accounts"),
                ("/admin/audit", "Audit log"),
                ("/admin/outbox", "Outbox (emails waiting or sent)"),
                ("/admin/subject-access", "Subject access requests"),
            ],
            Self::Assess => &[("/assess/cases", "The cases assigned to you")],
            Self::Board => &[],
        }
    }

    fn title(self) -> &'static str {
        match self {
            Self::Centre => "Your centre",
            Self::Admin => "NACCC administration",
            Self::Assess => "Accreditation assessments",
            Self::Board => "Strategic indicators",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHome {
    pub name: String,
    pub role: Role,
    pub centre: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AreaError {
    #[error("sign in first")]
    SignIn,
    #[error("this area is not for your role")]
    Forbidden,
    #[error("the service is unavailable")]
    Unavailable,
    #[error("request failed: {0}")]
    Transport(leptos::server_fn::error::ServerFnErrorErr),
}

impl leptos::server_fn::error::FromServerFnError for AreaError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;
    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        Self::Transport(value)
    }
}

/// A form's answers and problems, kept for the page it came from when JavaScript is off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Returned {
    pub fields: shared::referral::Fields,
    pub errors: Vec<shared::referral::FieldError>,
}

#[cfg(feature = "ssr")]
const RETURNED: &str = "staff.returned";

/// A refused staff form: a plain form's answers and problems are kept in the session for `page`,
/// which it is sent back to (`Ok(Ok(()))`); a script gets 422 and the problems (`Ok(Err(..))`).
#[cfg(feature = "ssr")]
pub(crate) async fn refuse_form(
    page: &str,
    fields: shared::referral::Fields,
    errors: Vec<shared::referral::FieldError>,
) -> Result<Result<(), Vec<shared::referral::FieldError>>, crate::auth::Denied> {
    if crate::request::is_plain_form() {
        let session = crate::auth::session().await?;
        session.insert(RETURNED, Returned { fields, errors }).await.map_err(|_| crate::auth::Denied::Unavailable)?;
        leptos_axum::redirect(page);
        return Ok(Ok(()));
    }
    crate::error::set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
    Ok(Err(errors))
}

/// Keeps a refused plain form's answers and problems for the page it is sent back to (for
/// handlers outside Leptos, such as file uploads).
#[cfg(feature = "ssr")]
pub async fn keep_returned(session: &tower_sessions::Session, returned: Returned) -> bool {
    session.insert(RETURNED, returned).await.is_ok()
}

/// What a refused plain form left in this session, once.
#[cfg(feature = "ssr")]
pub(crate) async fn take_returned() -> Result<Returned, crate::auth::Denied> {
    let session = crate::auth::session().await?;
    Ok(session.remove::<Returned>(RETURNED).await.ok().flatten().unwrap_or_default())
}

/// What a refused request is told: a page being rendered, or a plain form, goes to sign in; a
/// direct call gets 401; a signed-in user without the role gets 403.
#[cfg(feature = "ssr")]
pub(crate) fn refusal(denied: crate::auth::Denied) -> AreaError {
    use crate::auth::Denied;
    match denied {
        Denied::SignIn => {
            // A plain form sent after the session ended goes to sign in, like a page.
            let direct_call = use_context::<http::request::Parts>().is_some_and(|p| p.uri.path().starts_with("/api/"))
                && !crate::request::is_plain_form();
            if direct_call {
                crate::error::set_status(http::StatusCode::UNAUTHORIZED);
            } else {
                leptos_axum::redirect("/login");
            }
            AreaError::SignIn
        }
        Denied::Forbidden => {
            crate::error::set_status(http::StatusCode::FORBIDDEN);
            AreaError::Forbidden
        }
        Denied::Unavailable => {
            crate::error::set_status(http::StatusCode::SERVICE_UNAVAILABLE);
            AreaError::Unavailable
        }
    }
}

#[server(endpoint = "staff/home")]
pub async fn load_staff_home(area: Area) -> Result<StaffHome, AreaError> {
    let user = crate::auth::require(area.roles()).await.map_err(refusal)?;
    Ok(StaffHome { name: user.name, role: user.scope.role(), centre: user.scope.centre().map(|c| c.to_string()) })
}

#[component]
pub fn StaffHomePage(area: Area) -> impl IntoView {
    let data = Resource::new(move || area, load_staff_home);
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        <Title text=area.title() />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(home) => view! {
                        <h1 class="heading-l">{area.title()}</h1>
                        <p class="body" id="signed-in-as">"Signed in as "<strong>{home.name}</strong>", "{home.role.label()}
                            {home.centre.map(|c| format!(" ({c})"))}"."</p>
                        <ul class="list">
                            {area.links().iter()
                                .filter(|(href, _)| *href != RETURNS || home.role == Role::CentreManager)
                                .map(|(href, text)| view! { <li><a href=*href>{*text}</a></li> }).collect_view()}
                        </ul>
                        <ActionForm action=sign_out>
                            <button type="submit" class="button button--secondary">"Sign out"</button>
                        </ActionForm>
                    }
                    .into_any(),
                    Err(AreaError::Forbidden) => view! {
                        <h1 class="heading-l">"This page is not for your role"</h1>
                        <p class="body">"Your account cannot open this area. If you think it should, ask a NACCC administrator."</p>
                    }
                    .into_any(),
                    Err(AreaError::SignIn) => view! {
                        <h1 class="heading-l">"Please sign in"</h1>
                        <p class="body"><a href="/login">"Sign in"</a>" to continue."</p>
                    }
                    .into_any(),
                    Err(_) => view! {
                        <h1 class="heading-l">"Sorry, there is a problem with the service"</h1>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
