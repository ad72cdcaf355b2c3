//! `/find-a-centre`: the directory of centres. Search by postcode and filters come next (issue 4).

use crate::error::AppError;
use crate::messages::use_messages;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::Centre;

/// Every member centre, ordered by name.
#[server(endpoint = "centres")]
pub async fn list_centres() -> Result<Vec<Centre>, AppError> {
    let ports = crate::ports::use_ports()?;
    Ok(ports.centres.all_centres().await?)
}

#[component]
pub fn FindCentrePage() -> impl IntoView {
    let m = use_messages();
    let centres = Resource::new(|| (), |_| list_centres());
    view! {
        <Title text=m.find_title />
        <h1 class="heading-xl">{m.find_title}</h1>
        <p class="lead">{m.find_lead}</p>
        <Suspense fallback=move || view! { <p>{m.loading}</p> }>
            {move || Suspend::new(async move {
                match centres.await {
                    Ok(list) => view! { <CentreTable centres=list /> }.into_any(),
                    Err(error) => view! { <crate::pages::error::ErrorMessage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CentreTable(centres: Vec<Centre>) -> impl IntoView {
    let m = use_messages();
    let count = (m.centre_count)(centres.len());
    let rows = centres
        .into_iter()
        .map(|c| {
            let days = c.opening_days.days().map(m.weekday_short).collect::<Vec<_>>().join(", ");
            view! {
                <tr>
                    <th scope="row">{c.name.to_string()}</th>
                    <td>{c.town.to_string()}" "<span class="postcode">{c.postcode.to_string()}</span></td>
                    <td>{(m.nation)(c.nation)}</td>
                    <td>{(m.service_type)(c.service)}</td>
                    <td>{if c.accepts_online_referrals { m.yes } else { m.no }}</td>
                    <td>{days}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="result-count" id="centre-count" role="status">{count.clone()}</p>
        <div class="table-wrap" role="region" aria-labelledby="centre-count" tabindex="0">
            <table class="table">
                <caption class="visually-hidden">{count}</caption>
                <thead>
                    <tr>
                        <th scope="col">{m.col_centre}</th>
                        <th scope="col">{m.col_town}</th>
                        <th scope="col">{m.col_nation}</th>
                        <th scope="col">{m.col_services}</th>
                        <th scope="col">{m.col_online}</th>
                        <th scope="col">{m.col_open}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
