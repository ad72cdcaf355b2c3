//! The results of `/find-a-centre`: the count, this page's centres, paging, and the map beside
//! them (`components::map`).

use crate::components::map::{CentreMap, MapPoint, MapSpec};
use crate::messages::use_messages;
use leptos::prelude::*;
use shared::search::{CentreSearch, SearchParams, SearchResults};

/// The address of another page of the same search.
fn page_href(params: &SearchParams, page: usize) -> String {
    let pairs = [
        ("postcode", &params.postcode),
        ("q", &params.q),
        ("service", &params.service),
        ("online", &params.online),
        ("day", &params.day),
        ("access", &params.access),
    ];
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            query.append_pair(k, v);
        }
    }
    query.append_pair("page", &page.to_string());
    format!("/find-a-centre?{}", query.finish())
}

#[component]
pub(super) fn Results(found: SearchResults, params: SearchParams) -> impl IntoView {
    let m = use_messages();
    let current = params;
    let origin = CentreSearch::parse(&current).ok().and_then(|s| s.location).map(|l| match l {
        shared::search::SearchLocation::Postcode(p) => p.to_string(),
        shared::search::SearchLocation::District(d) => d.to_string(),
    });
    let heading = match &origin {
        Some(place) => format!("{}, {}", (m.centre_count)(found.total), (m.nearest_to)(place)),
        None => (m.centre_count)(found.total),
    };
    let map = results_map(&found, origin.as_deref());
    let hits = found
        .hits
        .into_iter()
        .map(|hit| {
            let c = hit.centre;
            let href = format!("/centres/{}", c.slug);
            let days = c.opening_days.days().map(m.weekday_short).collect::<Vec<_>>().join(", ");
            let distance = match (&origin, hit.miles) {
                (Some(_), Some(miles)) => Some((m.miles_away)(miles)),
                (Some(_), None) => Some(m.location_unknown.to_owned()),
                _ => None,
            };
            view! {
                <li class="result">
                    <h3 class="heading-s result__name"><a href=href>{c.name.to_string()}</a></h3>
                    {distance.map(|d| view! { <p class="result__distance">{d}</p> })}
                    <dl class="result__facts">
                        <div><dt>{m.col_town}</dt><dd>{c.town.to_string()}" "<span class="postcode">{c.postcode.to_string()}</span></dd></div>
                        <div><dt>{m.col_services}</dt><dd>{(m.service_type)(c.service)}</dd></div>
                        <div><dt>{m.col_online}</dt><dd>{if c.accepts_online_referrals { m.yes } else { m.no }}</dd></div>
                        <div><dt>{m.col_open}</dt><dd>{days}</dd></div>
                    </dl>
                </li>
            }
        })
        .collect_view();
    let pagination = (found.pages > 1).then(|| {
        let prev = (found.page > 1).then(|| page_href(&current, found.page - 1));
        let next = (found.page < found.pages).then(|| page_href(&current, found.page + 1));
        view! {
            <nav class="pagination" aria-label=m.pagination_label>
                {prev.map(|href| view! { <a class="pagination__prev" href=href rel="prev">{m.previous_page}</a> })}
                <span class="pagination__status">{(m.page_of)(found.page, found.pages)}</span>
                {next.map(|href| view! { <a class="pagination__next" href=href rel="next">{m.next_page}</a> })}
            </nav>
        }
    });
    view! {
            <h2 class="result-count" id="centre-count">{heading}</h2>
        {(found.total == 0).then(|| view! { <p>{m.no_results}</p> })}
        <ol class="results" aria-labelledby="centre-count">{hits}</ol>
        {pagination}
        {map.map(|map| view! {
            <h2 class="heading-m" id="centre-map-heading">{m.map_heading}</h2>
            <CentreMap id="centre-map" map />
        })}
    }
}

/// The map beside the results: this page's centres numbered as listed, the place searched for,
/// and the other matches as dots; none when no centre on the page has a known location.
fn results_map(found: &SearchResults, place: Option<&str>) -> Option<MapSpec> {
    let m = use_messages();
    let points: Vec<MapPoint> = found
        .hits
        .iter()
        .enumerate()
        .filter_map(|(i, hit)| {
            Some(MapPoint {
                at: hit.centre.location?,
                name: hit.centre.name.to_string(),
                href: format!("/centres/{}", hit.centre.slug),
                number: Some(i + 1),
            })
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    let place_at = found.origin.filter(|_| place.is_some());
    // With a place, the nearest centres around it; without, the other matches as dots too.
    let others = if place_at.is_some() { Vec::new() } else { found.elsewhere.clone() };
    Some(MapSpec {
        summary: (m.map_summary)(points.len(), place_at.and(place), others.len()),
        points,
        others,
        place: place_at,
        width: 600.0,
        min_span: 0.3,
        whole_network: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_links_keep_the_search_and_encode_it() {
        let params = SearchParams {
            postcode: Some("NG1 5FW".into()),
            q: Some("St Mary's & co".into()),
            service: Some("supervised".into()),
            online: None,
            day: Some(String::new()),
            access: None,
            page: Some("1".into()),
        };
        assert_eq!(
            page_href(&params, 2),
            "/find-a-centre?postcode=NG1+5FW&q=St+Mary%27s+%26+co&service=supervised&page=2"
        );
    }
}
