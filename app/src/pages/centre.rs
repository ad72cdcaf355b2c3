//! `/centres/{slug}`: a centre's public page: what it offers, where and when, access, languages,
//! accreditation, and the way to refer to it.

use crate::components::map::{CentreMap, MapPoint, MapSpec};
use crate::error::AppError;
use crate::messages::use_messages;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use shared::CentreProfile;

#[server(endpoint = "centres/profile")]
pub async fn load_centre_profile(slug: String) -> Result<Option<CentreProfile>, AppError> {
    let Ok(slug) = shared::Slug::parse(&slug) else {
        return Ok(None); // not a slug we could ever have issued: simply not found
    };
    let ports = crate::ports::use_ports()?;
    Ok(ports.centres.centre_profile(&slug).await?)
}

#[component]
pub fn CentrePage() -> impl IntoView {
    let m = use_messages();
    let params = use_params_map();
    let profile = Resource::new(move || params.with(|p| p.get("slug").unwrap_or_default()), load_centre_profile);
    view! {
        <Suspense fallback=move || view! { <p>{m.loading}</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(Some(profile)) => view! { <CentreDetails profile /> }.into_any(),
                    Ok(None) => view! { <crate::pages::error::NotFoundPage /> }.into_any(),
                    Err(error) => view! { <crate::pages::error::ErrorMessage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CentreDetails(profile: CentreProfile) -> impl IntoView {
    let m = use_messages();
    let c = &profile.centre;
    let name = c.name.to_string();
    let referral = if c.accepts_online_referrals {
        let href = format!("/refer?centre={}", c.slug);
        view! {
            <a class="button button--start" href=href role="button" draggable="false">{m.start_referral}</a>
        }
        .into_any()
    } else {
        view! { <p class="inset">{m.no_online_referrals}" "<a href="tel:+441159484557">{m.footer_info_line_number}</a></p> }
            .into_any()
    };
    let sessions = profile.opening_times.sessions().to_vec();
    let opening = if sessions.is_empty() {
        view! { <p>{m.centre_by_arrangement}</p> }.into_any()
    } else {
        view! {
            <ul class="list">
                {sessions
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li>
                                {(m.weekday_long)(s.day)}": "
                                {(m.session_hours)(&s.opens.to_string(), &s.closes.to_string())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let locator = locator_map(c).map(|map| view! { <CentreMap id="centre-locator" map /> });
    let accreditation = profile.accreditation;
    let wheelchair = if c.wheelchair_access { m.centre_wheelchair_yes } else { m.centre_wheelchair_no };
    view! {
        <Title text=name.clone() />
        <p class="caption">{c.town.to_string()}", "{(m.nation)(c.nation)}</p>
        <h1 class="heading-xl">{name}</h1>
        {referral}
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt class="summary-list__key">{m.centre_services}</dt>
                <dd class="summary-list__value">{(m.service_type)(c.service)}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{m.centre_address}</dt>
                <dd class="summary-list__value">
                    {profile.street.as_str().to_owned()}<br />{c.town.to_string()}<br />{c.postcode.to_string()}
                </dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{m.centre_opening_times}</dt>
                <dd class="summary-list__value">{opening}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{m.centre_accessibility}</dt>
                <dd class="summary-list__value">{wheelchair}" "{profile.accessibility.as_str().to_owned()}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{m.centre_languages}</dt>
                <dd class="summary-list__value">{profile.languages.join(", ")}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{m.centre_online}</dt>
                <dd class="summary-list__value">{if c.accepts_online_referrals { m.yes } else { m.no }}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{m.centre_accreditation}</dt>
                <dd class="summary-list__value">{(m.accreditation_status)(accreditation.status)}</dd>
            </div>
            {accreditation.last_accredited.map(|d| view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{m.centre_last_accredited}</dt>
                    <dd class="summary-list__value">{(m.date_long)(d)}</dd>
                </div>
            })}
            {accreditation.renewal_due.map(|d| view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{m.centre_renewal_due}</dt>
                    <dd class="summary-list__value">{(m.date_long)(d)}</dd>
                </div>
            })}
        </dl>
        <h2 class="heading-l">{m.centre_about}</h2>
        // The centre's own words, in English whatever the page's language.
        <p lang="en-GB">{profile.description.as_str().to_owned()}</p>
        {locator}
        <p><a href="/find-a-centre">{m.back_to_search}</a></p>
    }
}

/// A small map of where the centre is (none when its location is unknown).
fn locator_map(c: &shared::Centre) -> Option<MapSpec> {
    let m = use_messages();
    Some(MapSpec {
        points: vec![MapPoint {
            at: c.location?,
            name: c.name.to_string(),
            href: format!("/centres/{}", c.slug),
            number: None,
        }],
        others: Vec::new(),
        place: None,
        summary: (m.centre_map_summary)(&c.town.to_string(), (m.nation)(c.nation)),
        width: 320.0,
        min_span: 1.0,
        // Where in the network: the whole UK, the centre marked.
        whole_network: true,
    })
}
