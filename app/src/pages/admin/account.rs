//! `/admin/users/{id}`: one staff account: change their role and centre, disable or enable them,
//! end their sessions, or send a new invitation. Every change takes effect on their next request
//! and is audit-logged. An administrator cannot change their own role or disable themselves.

use super::model::AccountState;
use super::users::{centre_options, load_centre_choices, role_options};
use super::{AdminError, AdminProblem, load_returned};
use crate::components::form::{Radios, Select};
use crate::pages::staff_checks::{StaffCheck, StaffRule};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
#[cfg(feature = "ssr")]
use shared::referral::FieldError;
use shared::referral::Fields;

#[server(endpoint = "admin/user")]
pub async fn load_account(id: i64) -> Result<super::model::AccountSummary, AdminError> {
    super::admin().await?;
    let account = super::ports()?.administration.account(id).await.map_err(super::unavailable)?;
    account.ok_or_else(|| {
        crate::error::set_status(http::StatusCode::NOT_FOUND);
        AdminError::NotFound
    })
}

/// What an account action does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountAction {
    Disable,
    Enable,
    EndSessions,
    Reinvite,
}

impl AccountAction {
    #[cfg(feature = "ssr")]
    const ALL: [Self; 4] = [Self::Disable, Self::Enable, Self::EndSessions, Self::Reinvite];

    /// What the button posts, and (after it) the `done` code the page explains.
    fn code(self) -> &'static str {
        match self {
            Self::Disable => "disabled",
            Self::Enable => "enabled",
            Self::EndSessions => "sessions",
            Self::Reinvite => "reinvited",
        }
    }
}

fn done_message(code: &str) -> Option<&'static str> {
    Some(match code {
        "invited" => "Invitation sent.",
        "role" => "Role and centre saved. They have been signed out, so the change applies at once.",
        "disabled" => "Account disabled. They have been signed out and cannot sign in.",
        "enabled" => "Account enabled. They can sign in again.",
        "sessions" => "Every session of this account has ended.",
        "reinvited" => "A new invitation has been sent. The earlier link no longer works.",
        _ => return None,
    })
}

#[cfg(feature = "ssr")]
fn own_account(by: &crate::ports::StaffUser, id: i64) -> Option<Vec<FieldError>> {
    shared::staff_admin::may_change_account(by.id, id).err().map(|e| vec![FieldError::new("staff-role", &e)])
}

#[server(endpoint = "admin/user/role")]
pub async fn change_role(#[server(default)] id: i64, #[server(default)] f: Fields) -> Result<(), AdminError> {
    let by = super::admin().await?;
    let page = format!("/admin/users/{id}");
    if let Some(errors) = own_account(&by, id) {
        return super::refuse(&page, f, errors).await;
    }
    let get = |k: &str| f.get(k).map(String::as_str).unwrap_or("");
    let scope = match shared::staff_admin::parse_scope(get("role"), get("centre")) {
        Ok(scope) => scope,
        Err(errors) => return super::refuse(&page, f, errors).await,
    };
    let ports = super::ports()?;
    if let Some(centre) = scope.centre()
        && !ports.centres.all_centres().await.map_err(super::unavailable)?.iter().any(|c| &c.slug == centre)
    {
        let errors = vec![FieldError::new("staff-centre", &shared::staff_admin::StaffFormError::CentreMissing)];
        return super::refuse(&page, f, errors).await;
    }
    if !ports.administration.change_scope(&by, id, &scope).await.map_err(super::unavailable)? {
        crate::error::set_status(http::StatusCode::NOT_FOUND);
        return Err(AdminError::NotFound);
    }
    leptos_axum::redirect(&format!("{page}?done=role"));
    Ok(())
}

#[server(endpoint = "admin/user/act")]
pub async fn act_on_account(#[server(default)] id: i64, #[server(default)] action: String) -> Result<(), AdminError> {
    let by = super::admin().await?;
    let Some(action) = AccountAction::ALL.into_iter().find(|a| a.code() == action) else {
        crate::error::set_status(http::StatusCode::BAD_REQUEST);
        return Err(AdminError::NotFound);
    };
    let page = format!("/admin/users/{id}");
    if matches!(action, AccountAction::Disable | AccountAction::Enable)
        && let Some(errors) = own_account(&by, id)
    {
        return super::refuse(&page, Fields::new(), errors).await;
    }
    let admin = super::ports()?.administration;
    let done = match action {
        AccountAction::Disable => admin.set_disabled(&by, id, true).await,
        AccountAction::Enable => admin.set_disabled(&by, id, false).await,
        AccountAction::EndSessions => admin.end_sessions(&by, id).await,
        AccountAction::Reinvite => admin.reinvite(&by, id).await,
    }
    .map_err(super::unavailable)?;
    if !done {
        crate::error::set_status(http::StatusCode::NOT_FOUND);
        return Err(AdminError::NotFound);
    }
    leptos_axum::redirect(&format!("{page}?done={}", action.code()));
    Ok(())
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    let account = Resource::new(id, load_account);
    let returned = Resource::new(|| (), |_| load_returned());
    let centres = Resource::new(|| (), |_| load_centre_choices());
    view! {
        <Title text="Staff account" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                // Every resource is awaited before any early answer: one left running would finish
                // (and audit-log a refusal) after the page was sent.
                let returned = returned.await.unwrap_or_default();
                let (a, centres) = match (account.await, centres.await) {
                    (Ok(a), Ok(c)) => (a, c),
                    (Err(e), _) | (_, Err(e)) => return view! { <AdminProblem error=e /> }.into_any(),
                };
                let done = query.with_untracked(|q| q.get("done")).and_then(|d| done_message(&d));
                view! { <Account a centres=centre_options(centres) returned done=done.map(str::to_owned) /> }.into_any()
            })}
        </Suspense>
    }
}

/// The account, and a change of role checked in the browser before it is sent.
#[component]
fn Account(
    a: super::model::AccountSummary,
    centres: Vec<(String, String)>,
    returned: crate::pages::staff::Returned,
    done: Option<String>,
) -> impl IntoView {
    let role = ServerAction::<ChangeRole>::new();
    let act = ServerAction::<ActOnAccount>::new();
    let errors = Signal::stored(returned.errors.clone());
    let typed_role = returned.fields.get("role").cloned().unwrap_or_else(|| a.role.code().to_owned());
    let typed_centre = returned.fields.get("centre").cloned().unwrap_or_else(|| a.centre.clone().unwrap_or_default());
    let id = a.id;
    let button = move |action: AccountAction, text: &'static str, class: &'static str| {
        view! {
            <ActionForm action=act>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="action" value=action.code() />
                <button type="submit" class=class>{text}</button>
            </ActionForm>
        }
    };
    view! {
        <a href="/admin/users" class="back-link">"Back to staff accounts"</a>
        <StaffCheck rule=StaffRule::Scope errors=returned.errors.clone()>
        {done.map(|m| view! { <div class="notification" role="status"><p>{m}</p></div> })}
        <h1 class="heading-l">{a.name.clone()}</h1>
        <dl class="summary-list" id="account-details">
            <div class="summary-list__row"><dt class="summary-list__key">"Email"</dt><dd class="summary-list__value">{a.email.clone()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Role"</dt><dd class="summary-list__value">{a.role.label()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Centre"</dt><dd class="summary-list__value">{a.centre.clone().unwrap_or_else(|| "None".to_owned())}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Status"</dt><dd class="summary-list__value" id="account-status">{a.state.label()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Authenticator app"</dt><dd class="summary-list__value">{if a.has_authenticator { "Set up" } else { "Not set up yet" }}</dd></div>
        </dl>
        <h2 class="heading-m">"Role and centre"</h2>
        <ActionForm action=role>
            <input type="hidden" name="id" value=a.id />
            <Radios id="staff-role" name="role" legend="Role" options=role_options() value=typed_role errors />
            <Select id="staff-centre" name="centre" label="Centre" hint="For centre coordinators and managers only"
                options=centres value=typed_centre errors />
            <button type="submit" class="button" data-check="">"Save role and centre"</button>
        </ActionForm>
        <h2 class="heading-m">"Access"</h2>
        <p class="body">"Ending sessions signs them out on every device; they can sign in again. Disabling also stops them signing in."</p>
        <div class="button-group">
            {button(AccountAction::EndSessions, "End all sessions", "button button--secondary")}
            {if a.state == AccountState::Disabled {
                button(AccountAction::Enable, "Enable account", "button button--secondary")
            } else {
                button(AccountAction::Disable, "Disable account", "button button--warning")
            }}
            {(a.state == AccountState::Invited).then(|| button(AccountAction::Reinvite, "Send a new invitation", "button button--secondary"))}
        </div>
        </StaffCheck>
    }
}
