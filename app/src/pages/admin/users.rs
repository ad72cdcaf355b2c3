//! `/admin/users`: every staff account; `/admin/users/invite`: invite someone (an account with no
//! password yet, and an emailed single-use link to choose one).

use super::model::{AccountSummary, CentreChoice};
use super::{AdminError, AdminProblem, load_returned};
use crate::components::form::{Radios, Select, TextInput};
use crate::pages::staff_checks::{StaffCheck, StaffRule};
use leptos::prelude::*;
use leptos_meta::Title;
use shared::account::Role;
#[cfg(feature = "ssr")]
use shared::referral::FieldError;
use shared::referral::Fields;

#[server(endpoint = "admin/users")]
pub async fn load_accounts() -> Result<Vec<AccountSummary>, AdminError> {
    super::admin().await?;
    super::ports()?.administration.accounts().await.map_err(super::unavailable)
}

/// Centres a centre role can belong to, by name.
#[server(endpoint = "admin/centres")]
pub async fn load_centre_choices() -> Result<Vec<CentreChoice>, AdminError> {
    super::admin().await?;
    let centres = super::ports()?.centres.all_centres().await.map_err(super::unavailable)?;
    let mut choices: Vec<CentreChoice> =
        centres.iter().map(|c| CentreChoice { slug: c.slug.to_string(), name: c.name.to_string() }).collect();
    choices.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(choices)
}

#[server(endpoint = "admin/users/invite")]
pub async fn invite_staff(#[server(default)] f: Fields) -> Result<(), AdminError> {
    let by = super::admin().await?;
    let get = |k: &str| f.get(k).map(String::as_str).unwrap_or("");
    let invitation = match shared::staff_admin::parse_invitation(get("email"), get("name"), get("role"), get("centre"))
    {
        Ok(i) => i,
        Err(errors) => return super::refuse("/admin/users/invite", f, errors).await,
    };
    let ports = super::ports()?;
    if let Some(centre) = invitation.scope.centre()
        && !ports.centres.all_centres().await.map_err(super::unavailable)?.iter().any(|c| &c.slug == centre)
    {
        let errors = vec![FieldError::new("staff-centre", &shared::staff_admin::StaffFormError::CentreMissing)];
        return super::refuse("/admin/users/invite", f, errors).await;
    }
    match ports.administration.invite(&by, &invitation).await.map_err(super::unavailable)? {
        Some(id) => {
            leptos_axum::redirect(&format!("/admin/users/{id}?done=invited"));
            Ok(())
        }
        None => {
            let errors = vec![FieldError::new("staff-email", &shared::staff_admin::StaffFormError::EmailTaken)];
            super::refuse("/admin/users/invite", f, errors).await
        }
    }
}

/// Roles as radio options.
pub(crate) fn role_options() -> Vec<(&'static str, &'static str)> {
    Role::ALL.iter().map(|r| (r.code(), r.label())).collect()
}

pub(crate) fn centre_options(centres: Vec<CentreChoice>) -> Vec<(String, String)> {
    std::iter::once((String::new(), "No centre (not a centre role)".to_owned()))
        .chain(centres.into_iter().map(|c| (c.slug, c.name)))
        .collect()
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let accounts = Resource::new(|| (), |_| load_accounts());
    view! {
        <Title text="Staff accounts" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match accounts.await {
                    Ok(accounts) => view! {
                        <a href="/admin" class="back-link">"Back"</a>
                        <h1 class="heading-l">"Staff accounts"</h1>
                        <p><a class="button" href="/admin/users/invite">"Invite someone"</a></p>
                        <div class="table-wrap">
                            <table class="table" id="staff-accounts">
                                <caption class="visually-hidden">"Staff accounts"</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Name"</th>
                                        <th scope="col">"Email"</th>
                                        <th scope="col">"Role"</th>
                                        <th scope="col">"Centre"</th>
                                        <th scope="col">"Status"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {accounts.into_iter().map(|a| view! {
                                        <tr>
                                            <th scope="row"><a href=format!("/admin/users/{}", a.id)>{a.name}</a></th>
                                            <td>{a.email}</td>
                                            <td>{a.role.label()}</td>
                                            <td>{a.centre.unwrap_or_default()}</td>
                                            <td>{a.state.label()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                    .into_any(),
                    Err(e) => view! { <AdminProblem error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn InvitePage() -> impl IntoView {
    let returned = Resource::new(|| (), |_| load_returned());
    let centres = Resource::new(|| (), |_| load_centre_choices());
    view! {
        <Title text="Invite someone" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                // Every resource is awaited before any early answer: one left running would finish
                // (and audit-log a refusal) after the page was sent.
                let returned = returned.await.unwrap_or_default();
                match centres.await {
                    Ok(centres) => {
                        view! { <InviteForm centres=centre_options(centres) returned /> }.into_any()
                    }
                    Err(e) => view! { <AdminProblem error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The invitation, checked in the browser before it is sent.
#[component]
fn InviteForm(centres: Vec<(String, String)>, returned: crate::pages::staff::Returned) -> impl IntoView {
    let action = ServerAction::<InviteStaff>::new();
    let errors = Signal::stored(returned.errors.clone());
    let fields = returned.fields;
    let typed = move |k: &str| fields.get(k).cloned().unwrap_or_default();
    view! {
        <a href="/admin/users" class="back-link">"Back"</a>
        <StaffCheck rule=StaffRule::Invitation errors=returned.errors>
        <h1 class="heading-l">"Invite someone"</h1>
        <p class="body">{format!("They will get an email with a link to choose a password and set up an authenticator app. The link works once, for {}.", shared::durations::STAFF_INVITATION_LINK)}</p>
        <ActionForm action>
            <TextInput id="staff-email" name="email" label="Email address" kind="email" value=typed("email") errors autocomplete="off" />
            <TextInput id="staff-name" name="name" label="Full name" value=typed("name") errors autocomplete="off" />
            <Radios id="staff-role" name="role" legend="Role" options=role_options() value=typed("role") errors />
            <Select id="staff-centre" name="centre" label="Centre" hint="For centre coordinators and managers only"
                options=centres value=typed("centre") errors />
            <button type="submit" class="button" data-check="">"Send invitation"</button>
        </ActionForm>
        </StaffCheck>
    }
}
