//! `/centre/profile`: a centre's managers keep its public page current: description, opening
//! times, accessibility, languages, and whether it takes referrals online. Checked by
//! `shared::centre_profile_edit`; a refused form comes back with what was typed.

use crate::components::form::{ErrorSummary, Errors, Radios, TextArea, TextInput};
use crate::pages::workspace::WorkspaceError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};
use shared::centre_profile_edit::{
    ACCESSIBILITY_FIELD, DESCRIPTION_FIELD, LANGUAGES_FIELD, ONLINE_FIELD, OPENING_TIMES_FIELD, WHEELCHAIR_FIELD,
};
use shared::referral::Fields;

/// The profile form as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileForm {
    pub name: String,
    pub slug: String,
    pub fields: Fields,
}

#[cfg(feature = "ssr")]
async fn manager() -> Result<crate::ports::StaffUser, WorkspaceError> {
    crate::auth::require(&[shared::account::Role::CentreManager])
        .await
        .map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))
}

#[server(endpoint = "centre/profile")]
pub async fn load_profile() -> Result<ProfileForm, WorkspaceError> {
    let user = manager().await?;
    let ports = crate::pages::workspace::ports()?;
    ports
        .membership
        .profile(&user)
        .await
        .map_err(crate::pages::workspace::unavailable)?
        .ok_or_else(crate::pages::workspace::not_found)
}

#[server(endpoint = "centre/profile/returned")]
pub async fn load_returned() -> Result<crate::pages::staff::Returned, WorkspaceError> {
    manager().await?;
    crate::pages::staff::take_returned().await.map_err(crate::pages::workspace::unavailable)
}

#[server(endpoint = "centre/profile/save")]
pub async fn save_profile(#[server(default)] f: Fields) -> Result<(), WorkspaceError> {
    let user = manager().await?;
    let ports = crate::pages::workspace::ports()?;
    match ports.membership.save_profile(&user, &f).await.map_err(crate::pages::workspace::unavailable)? {
        Ok(()) => {
            leptos_axum::redirect("/centre/profile?done=saved");
            Ok(())
        }
        Err(errors) => crate::pages::staff::refuse_form("/centre/profile", f, errors)
            .await
            .map_err(crate::pages::workspace::unavailable)?
            .map_err(WorkspaceError::Rejected),
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_profile());
    let returned = Resource::new(|| (), |_| load_returned());
    view! {
        <Title text="Your centre's public page" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let done = query.with_untracked(|q| q.get("done"));
                let returned = returned.await.unwrap_or_default();
                match data.await {
                    Ok(form) => view! { <Profile form returned done /> }.into_any(),
                    Err(error) => view! { <crate::pages::accreditation::AccreditationProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Profile(form: ProfileForm, returned: crate::pages::staff::Returned, done: Option<String>) -> impl IntoView {
    let errors: Errors = Signal::stored(returned.errors.clone());
    // What was typed, if it was refused; else the page as it stands.
    let fields = if returned.errors.is_empty() { form.fields.clone() } else { returned.fields.clone() };
    let value = |k: &str| fields.get(k).cloned().unwrap_or_default();
    let yes_no = vec![("yes", "Yes"), ("no", "No")];
    view! {
        <a href="/centre" class="back-link">"Back"</a>
        {(done.as_deref() == Some("saved")).then(|| view! {
            <div class="notice" role="status" id="profile-saved"><p class="body">"Saved. "<a href=format!("/centres/{}", form.slug)>"See your public page"</a></p></div>
        })}
        <ErrorSummary errors />
        <h1 class="heading-l">{format!("{}: public page", form.name)}</h1>
        <p class="body">"Parents and professionals see these details when they find your centre. Keep them current."</p>
        <form method="post" action="/api/centre/profile/save" id="profile-form" novalidate>
            <TextArea id=DESCRIPTION_FIELD name=DESCRIPTION_FIELD label="About the centre" value=value(DESCRIPTION_FIELD) errors />
            <TextInput id=OPENING_TIMES_FIELD name=OPENING_TIMES_FIELD label="Opening times" hint="Each session as day and hours, separated by semicolons: sat 10:00-13:00; sun 14:00-16:00. Leave empty for by arrangement." value=value(OPENING_TIMES_FIELD) errors />
            <TextArea id=ACCESSIBILITY_FIELD name=ACCESSIBILITY_FIELD label="Getting there and accessibility" value=value(ACCESSIBILITY_FIELD) errors />
            <Radios id=WHEELCHAIR_FIELD name=WHEELCHAIR_FIELD legend="Do the contact rooms have step-free access and an accessible toilet?" options=yes_no.clone() value=value(WHEELCHAIR_FIELD) errors inline=true />
            <TextInput id=LANGUAGES_FIELD name=LANGUAGES_FIELD label="Languages" hint="Spoken by your staff and volunteers or with interpreters arranged, separated by commas" value=value(LANGUAGES_FIELD) errors />
            <Radios id=ONLINE_FIELD name=ONLINE_FIELD legend="Does the centre take referrals online?" options=yes_no value=value(ONLINE_FIELD) errors inline=true />
            <button type="submit" class="button">"Save"</button>
        </form>
    }
}

/// A centre in NACCC's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentreRow {
    pub slug: String,
    pub name: String,
    pub service: Option<shared::ServiceType>,
    pub nation: Option<shared::Nation>,
    pub town: String,
    pub membership: Option<shared::membership::Membership>,
    pub accreditation: Option<shared::AccreditationStatus>,
}

#[cfg(feature = "ssr")]
async fn naccc() -> Result<crate::ports::StaffUser, WorkspaceError> {
    crate::auth::require(&[shared::account::Role::NacccAdmin])
        .await
        .map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))
}

#[server(endpoint = "admin/centres/list")]
pub async fn load_centres() -> Result<Vec<CentreRow>, WorkspaceError> {
    let user = naccc().await?;
    let ports = crate::pages::workspace::ports()?;
    ports
        .membership
        .centres(&user)
        .await
        .map_err(crate::pages::workspace::unavailable)?
        .ok_or_else(crate::pages::workspace::not_found)
}

#[server(endpoint = "admin/centres/returned")]
pub async fn load_admin_returned() -> Result<crate::pages::staff::Returned, WorkspaceError> {
    naccc().await?;
    crate::pages::staff::take_returned().await.map_err(crate::pages::workspace::unavailable)
}

#[server(endpoint = "admin/centres/add")]
pub async fn add_centre(#[server(default)] f: Fields) -> Result<(), WorkspaceError> {
    let user = naccc().await?;
    let ports = crate::pages::workspace::ports()?;
    match ports.membership.add_centre(&user, &f).await.map_err(crate::pages::workspace::unavailable)? {
        Ok(slug) => {
            leptos_axum::redirect(&format!("/admin/centres?added={slug}"));
            Ok(())
        }
        Err(errors) => crate::pages::staff::refuse_form("/admin/centres", f, errors)
            .await
            .map_err(crate::pages::workspace::unavailable)?
            .map_err(WorkspaceError::Rejected),
    }
}

fn service_words(s: Option<shared::ServiceType>) -> &'static str {
    use shared::ServiceType as S;
    match s {
        Some(S::Supported) => "Supported",
        Some(S::Supervised) => "Supervised",
        Some(S::SupportedAndSupervised) => "Supported and supervised",
        Some(S::Candidate) => "Candidate",
        None => "",
    }
}

fn nation_words(n: Option<shared::Nation>) -> &'static str {
    use shared::Nation as N;
    match n {
        Some(N::England) => "England",
        Some(N::Wales) => "Wales",
        Some(N::NorthernIreland) => "Northern Ireland",
        Some(N::ChannelIslands) => "Channel Islands",
        None => "",
    }
}

/// `/admin/centres`: every centre with its membership and accreditation, and adding a member.
#[component]
pub fn CentresPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_centres());
    let returned = Resource::new(|| (), |_| load_admin_returned());
    view! {
        <Title text="Member centres" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let added = query.with_untracked(|q| q.get("added"));
                let returned = returned.await.unwrap_or_default();
                match data.await {
                    Ok(rows) => view! { <Centres rows returned added /> }.into_any(),
                    Err(error) => view! { <crate::pages::accreditation::AccreditationProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Centres(rows: Vec<CentreRow>, returned: crate::pages::staff::Returned, added: Option<String>) -> impl IntoView {
    use shared::membership::{NAME_FIELD, NATION_FIELD, POSTCODE_FIELD, REGION_FIELD, TOWN_FIELD};
    let errors: Errors = Signal::stored(returned.errors.clone());
    let typed = |k: &str| returned.fields.get(k).cloned().unwrap_or_default();
    let nations: Vec<(&'static str, &'static str)> =
        shared::Nation::ALL.iter().map(|n| (n.code(), nation_words(Some(*n)))).collect();
    let members = rows.iter().filter(|r| r.membership == Some(shared::membership::Membership::Member)).count();
    let body = rows
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row"><a href=format!("/centres/{}", r.slug)>{r.name.clone()}</a></th>
                    <td>{r.town.clone()}</td>
                    <td>{nation_words(r.nation)}</td>
                    <td>{service_words(r.service)}</td>
                    <td>{r.accreditation.map(|a| (crate::messages::EN.accreditation_status)(a)).unwrap_or_default()}</td>
                    <td>{r.membership.map(|m| m.label()).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <a href="/admin" class="back-link">"Back"</a>
        {added.map(|slug| view! { <div class="notice" role="status" id="centre-added"><p class="body">"Centre added as a candidate. "<a href=format!("/centres/{slug}")>"See its public page"</a></p></div> })}
        <ErrorSummary errors />
        <h1 class="heading-l">"Member centres"</h1>
        <p class="body">{format!("{} centres, {members} of them members in good standing. A centre is suspended or removed from its accreditation case; a suspended or removed centre is not in the search and takes no referrals.", rows.len())}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Every centre">
            <table class="table" id="centres">
                <caption class="visually-hidden">"Every centre, by name"</caption>
                <thead><tr>
                    <th scope="col">"Centre"</th><th scope="col">"Town"</th><th scope="col">"Nation"</th>
                    <th scope="col">"Service"</th><th scope="col">"Accreditation"</th><th scope="col">"Membership"</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <h2 class="heading-m">"Add a member centre"</h2>
        <form method="post" action="/api/admin/centres/add" id="add-centre-form" novalidate>
            <TextInput id=NAME_FIELD name=NAME_FIELD label="Name" value=typed(NAME_FIELD) errors />
            <Radios id=NATION_FIELD name=NATION_FIELD legend="Nation" options=nations value=typed(NATION_FIELD) errors />
            <TextInput id=REGION_FIELD name=REGION_FIELD label="Region" hint="For example, East Midlands or South Wales" value=typed(REGION_FIELD) errors />
            <TextInput id=TOWN_FIELD name=TOWN_FIELD label="Town" value=typed(TOWN_FIELD) errors />
            <TextInput id=POSTCODE_FIELD name=POSTCODE_FIELD label="Postcode" value=typed(POSTCODE_FIELD) errors class="input input--width-10" />
            <button type="submit" class="button">"Add the centre"</button>
        </form>
    }
}
