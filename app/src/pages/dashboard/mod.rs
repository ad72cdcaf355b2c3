//! `/centre`: the centre's live dashboard, for its coordinators and managers. This quarter's
//! referrals by source and by stage, the waiting list, days to the first response, the no-show
//! rate, capacity used, and eight quarters of trend beside the national median. Every chart is
//! drawn on the server with its table and a CSV; with JavaScript the figures change within
//! seconds of a referral arriving or changing, without a reload.

pub mod charts;
pub mod model;

use crate::components::chart::Chart;
use crate::components::live_regions::LiveRegions;
use crate::pages::login::SignOut;
use crate::pages::workspace::{WorkspaceError, WorkspaceProblem};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use model::DashboardView;
use shared::account::Role;

#[server(endpoint = "centre/dashboard")]
pub async fn load_dashboard(
    // Reloaded by the page itself on live news: that does not count as the person being there.
    #[server(default)] live: bool,
) -> Result<DashboardView, WorkspaceError> {
    let activity = if live { crate::auth::Activity::Background } else { crate::auth::Activity::Person };
    let user = crate::pages::workspace::centre_user_by(activity).await?;
    let ports = crate::pages::workspace::ports()?;
    let view = ports.returns.dashboard(&user).await.map_err(crate::pages::workspace::unavailable)?;
    view.ok_or_else(crate::pages::workspace::not_found)
}

/// The parts of the page brought up to date on news.
const AS_OF_REGION: &str = "dashboard-as-of";
const FIGURES_REGION: &str = "dashboard-figures";

#[component]
pub fn DashboardPage() -> impl IntoView {
    let live = use_query_map().with_untracked(|q| q.get("live").is_some());
    let data = Resource::new(|| (), move |_| load_dashboard(live));
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        <Title text="Your centre" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! {
                        <h1 class="heading-l">{format!("Your centre: {}", view.centre)}</h1>
                        <p class="body" id="signed-in-as">"Signed in as "<strong>{view.name.clone()}</strong>", "{view.role.label()}"."</p>
                        <nav aria-label="Your centre's work" class="no-print">
                            <ul class="list">
                                <li><a href="/centre/referrals">"Referrals"</a></li>
                                {(view.role == Role::CentreManager).then(|| view! { <li><a href="/centre/returns">"Statistics returns"</a></li> <li><a href="/centre/accreditation">"Accreditation"</a></li> <li><a href="/centre/profile">"Your public page"</a></li> })}
                            </ul>
                        </nav>
                        <LiveRegions regions=vec![AS_OF_REGION.to_owned(), FIGURES_REGION.to_owned()]>
                            // A polite live region that stays in place: its words change with each update.
                            <p class="body" role="status" id=AS_OF_REGION>{format!("Figures as of {}. They change as referrals arrive and move on.", view.as_of)}</p>
                            <div id=FIGURES_REGION>{figures(&view)}</div>
                        </LiveRegions>
                        <div class="no-print">
                            <ActionForm action=sign_out>
                                <button type="submit" class="button button--secondary">"Sign out"</button>
                            </ActionForm>
                        </div>
                    }
                    .into_any(),
                    Err(WorkspaceError::NotFound) => view! {
                        <h1 class="heading-l">"Your centre"</h1>
                        <p class="body">"Your account is not linked to a centre that NACCC lists. Ask a NACCC administrator to check it."</p>
                    }
                    .into_any(),
                    Err(error) => view! { <WorkspaceProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The headline figures and every chart, as of now.
fn figures(view: &DashboardView) -> impl IntoView + use<> {
    let d = &view.figures;
    let quarter = crate::pages::returns::quarter_words(d.quarter);
    let days = d.median_days_to_first_response.map_or_else(
        || "No responses yet".to_owned(),
        |n| format!("{} {}", crate::components::chart::number(n), if n == 1.0 { "day" } else { "days" }),
    );
    let no_show = d.no_show_percent.map_or_else(|| "No referrals yet".to_owned(), |p| format!("{p}%"));
    let capacity = match (d.capacity.percent, d.capacity.available) {
        (Some(p), Some((available, from))) => (
            format!("{p}%"),
            format!(
                "{} booked so far this quarter, of {available} available ({} return)",
                d.capacity.booked,
                charts::quarter_short(from)
            ),
        ),
        _ => (
            "Not known".to_owned(),
            format!("{} booked so far; no return has said how many sessions are available", d.capacity.booked),
        ),
    };
    let headline = [
        ("Referrals received", d.referrals().to_string(), "This quarter so far".to_owned()),
        ("Open referrals", d.open.to_string(), "Now, whenever they arrived".to_owned()),
        ("On the waiting list", d.waiting_list.to_string(), "Now".to_owned()),
        (
            "Median time to first response",
            days,
            format!("This quarter's online referrals; {} still waiting", d.awaiting_first_response),
        ),
        ("No-show rate", no_show, format!("{} of this quarter's referrals", d.no_shows)),
        ("Capacity used", capacity.0, capacity.1),
    ]
    .into_iter()
    .map(|(term, value, note)| {
        view! {
            <div class="figure-card">
                <dt class="figure-card__term">{term}</dt>
                <dd class="figure-card__value">{value}</dd>
                <dd class="figure-card__note">{note}</dd>
            </div>
        }
    })
    .collect_view();
    let charts = charts::charts(view)
        .into_iter()
        .map(|chart| {
            let csv_href = format!("/centre/dashboard/{}", chart.file_name());
            view! { <Chart chart csv_href /> }
        })
        .collect_view();
    view! {
        <h2 class="heading-m">{format!("This quarter: {quarter}")}</h2>
        <dl class="figure-cards" id="dashboard-headline">{headline}</dl>
        <h2 class="heading-m">"Charts"</h2>
        <p class="body">"Each chart is followed by its figures as a table, and a link to download them. A dash means there is no figure: your centre sent no return that quarter, or, for the national median, the quarter is under way or too few centres have sent theirs."</p>
        {charts}
    }
}
