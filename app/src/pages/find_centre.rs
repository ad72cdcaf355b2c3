//! `/find-a-centre`: search by postcode (nearest first) or by town or name, with filters.
//! A GET form: every search has a shareable address and works without JavaScript. With
//! JavaScript, changing a filter searches at once and the address follows.

use crate::components::map::{CentreMap, MapPoint, MapSpec};
use crate::error::AppError;
use crate::messages::use_messages;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};
use shared::{
    Weekday,
    search::{CentreSearch, SearchError, SearchField, SearchParams, SearchResults},
};

/// What a search gives back: results, or the reason there are none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SearchOutcome {
    Found(SearchResults),
    Invalid(Vec<SearchError>),
}

#[server(endpoint = "centres/search")]
pub async fn search_centres(params: SearchParams) -> Result<SearchOutcome, AppError> {
    // The server checks everything again: the browser's checks are only for the person.
    let search = match CentreSearch::parse(&params) {
        Ok(search) => search,
        Err(errors) => {
            crate::error::set_status(http::StatusCode::BAD_REQUEST);
            return Ok(SearchOutcome::Invalid(errors));
        }
    };
    let ports = crate::ports::use_ports()?;
    let origin = match &search.location {
        None => None,
        Some(location) => match ports.postcodes.locate(&location.district()) {
            Some(at) => Some(at),
            None => return Ok(SearchOutcome::Invalid(vec![SearchError::UnknownPostcode])),
        },
    };
    let centres = ports.centres.all_centres().await?;
    Ok(SearchOutcome::Found(search.run(&centres, origin)))
}

fn params_from_query(query: &leptos_router::params::ParamsMap) -> SearchParams {
    SearchParams {
        postcode: query.get("postcode"),
        q: query.get("q"),
        service: query.get("service"),
        online: query.get("online"),
        day: query.get("day"),
        access: query.get("access"),
        page: query.get("page"),
    }
}

#[component]
pub fn FindCentrePage() -> impl IntoView {
    let m = use_messages();
    let query = use_query_map();
    let params = move || query.with(params_from_query);
    let results = Resource::new(params, |params| async move {
        let outcome = run_search(params.clone()).await;
        (params, outcome)
    });
    view! {
        <Suspense fallback=move || view! { <p>{m.loading}</p> }>
            {move || Suspend::new(async move {
                let (params, outcome) = results.await;
                view! {
                    <Title text=page_title(&params) />
                    <CentreFinder params outcome />
                }
            })}
        </Suspense>
    }
}

/// The search, checked first by the shared rules: the server is never asked about a search they
/// already reject. A mistyped search is a 400; a well-formed postcode we cannot place is not.
async fn run_search(params: SearchParams) -> Result<SearchOutcome, AppError> {
    match CentreSearch::parse(&params) {
        Err(errors) => {
            #[cfg(feature = "ssr")]
            crate::error::set_status(http::StatusCode::BAD_REQUEST);
            Ok(SearchOutcome::Invalid(errors))
        }
        Ok(_) => search_centres(params).await,
    }
}

fn page_title(params: &SearchParams) -> String {
    let m = use_messages();
    if CentreSearch::parse(params).is_ok() {
        m.find_title.to_owned()
    } else {
        format!("{} {}", m.error_prefix, m.find_title)
    }
}

#[component]
fn CentreFinder(params: SearchParams, outcome: Result<SearchOutcome, AppError>) -> impl IntoView {
    let m = use_messages();
    // Checked by the shared rules, so format errors are named beside their field.
    let errors = CentreSearch::parse(&params).err().unwrap_or_default();
    view! {
        <SearchInPlace>
            <div id=SUMMARY_REGION>
                <ErrorSummary errors=errors.clone() />
            </div>
            <h1 class="heading-xl">{m.find_title}</h1>
            <p class="lead">{m.find_lead}</p>
            <SearchForm params=params.clone() errors />
            // Says what a search in place found; never replaced, so screen readers hear it.
            <p class="visually-hidden" role="status" id="finder-news"></p>
            <div id=RESULTS_REGION>
                {match outcome {
                    Ok(SearchOutcome::Found(found)) => view! { <Results found params /> }.into_any(),
                    Ok(SearchOutcome::Invalid(problems)) => {
                        view! { <UnknownPostcode shown=problems.contains(&SearchError::UnknownPostcode) /> }.into_any()
                    }
                    Err(error) => view! { <crate::pages::error::ErrorMessage error /> }.into_any(),
                }}
            </div>
        </SearchInPlace>
        <p class="attribution">{m.attribution}" "{m.map_attribution}</p>
    }
}

/// The parts of the page a search in place replaces: the problems, the two text fields (which
/// show their own), and the results. The rest of the form stays, so focus stays where it was.
const SUMMARY_REGION: &str = "finder-summary";
const RESULTS_REGION: &str = "finder-results";
#[cfg(feature = "hydrate")]
const REGIONS: [&str; 4] = [SUMMARY_REGION, "postcode-group", "q-group", RESULTS_REGION];

/// An island around the search: with JavaScript a changed filter searches at once, a search
/// runs without leaving the page (the server renders the results, the browser swaps them in)
/// and the address follows, so back and forward move through searches. Without JavaScript the
/// form is a plain GET to the same address.
#[island]
fn SearchInPlace(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    let latest = StoredValue::new(0u32);
    // The search on show (path and query): a link within the page changes only the fragment.
    #[cfg(feature = "hydrate")]
    let shown = StoredValue::new(search_of_location());
    #[cfg(feature = "hydrate")]
    let show = move |url: String, push: bool| {
        latest.update_value(|n| *n = n.wrapping_add(1));
        let mine = latest.get_value();
        leptos::task::spawn_local(async move {
            let page = crate::components::swap::fetch_page(&url).await;
            // A slower, older search must not replace a newer one.
            if latest.get_value() != mine {
                return;
            }
            // Without the page as expected (a proxy's error, say), let the browser load it.
            let Some(page) = page.filter(|p| REGIONS.iter().all(|id| p.get_element_by_id(id).is_some())) else {
                let _ = window().location().set_href(&url);
                return;
            };
            crate::components::swap::swap_regions(&page, &REGIONS);
            document().set_title(&page.title());
            if push && let Ok(history) = window().history() {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
            shown.set_value(search_of_location());
            announce(&page);
        });
    };
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let now = search_of_location();
            if now != shown.get_value() {
                show(now, false);
            }
        });
        on_cleanup(move || handle.remove());
    }
    // A changed radio, checkbox or select searches at once (text waits for Search).
    let on_change = move |event: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
            if target.tag_name() == "INPUT" && target.get_attribute("type").as_deref() == Some("text") {
                return;
            }
            if let Some(form) =
                target.closest("form").ok().flatten().and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok())
            {
                let _ = form.request_submit();
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(form) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
                return;
            };
            let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
            let mut query = form_urlencoded::Serializer::new(String::new());
            if let Ok(Some(entries)) = js_sys::try_iter(&data) {
                for entry in entries.flatten() {
                    let Ok(pair) = entry.dyn_into::<js_sys::Array>() else { continue };
                    if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                        query.append_pair(&k, &v);
                    }
                }
            }
            event.prevent_default();
            show(format!("/find-a-centre?{}", query.finish()), true);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    view! { <div on:change=on_change on:submit=on_submit>{children()}</div> }
}

/// The address on show without its fragment.
#[cfg(feature = "hydrate")]
fn search_of_location() -> String {
    let location = window().location();
    format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
}

/// Puts what the search found (its problem, or how many centres) in the page's news region.
#[cfg(feature = "hydrate")]
fn announce(page: &web_sys::Document) {
    let text_of = |selector: &str| {
        page.query_selector(selector).ok().flatten().and_then(|el| el.text_content()).filter(|t| !t.trim().is_empty())
    };
    let news = text_of(".error-summary__list").or_else(|| text_of("#centre-count")).or_else(|| text_of(".notice h2"));
    if let Some(region) = document().get_element_by_id("finder-news") {
        region.set_text_content(news.as_deref());
    }
}

fn field_id(field: SearchField) -> &'static str {
    match field {
        SearchField::Postcode => "postcode",
        SearchField::Text => "q",
    }
}

#[component]
fn ErrorSummary(errors: Vec<SearchError>) -> impl IntoView {
    let m = use_messages();
    {
        let list = errors;
        (!list.is_empty()).then(|| {
            view! {
                <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">{m.error_summary_title}</h2>
                    <ul class="error-summary__list">
                        {list
                            .into_iter()
                            .map(|e| {
                                let href = format!("#{}", field_id(e.field()));
                                // rel="external": the browser, not the router, follows it and focuses the field.
                                view! { <li><a href=href rel="external">{(m.search_error)(e)}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

#[component]
fn SearchForm(params: SearchParams, errors: Vec<SearchError>) -> impl IntoView {
    let m = use_messages();
    let error_for = |field: SearchField| errors.iter().copied().find(|e| e.field() == field);
    let service = params.service.clone().unwrap_or_default();
    let day = params.day.clone().unwrap_or_default();
    let online = params.online.as_deref() == Some("yes");
    let wheelchair = params.access.as_deref() == Some("wheelchair");

    view! {
        <form method="get" action="/find-a-centre" class="search-form" role="search" aria-label=m.search_label novalidate>
            <TextField id="postcode" label=m.postcode_label hint=m.postcode_hint value=params.postcode.clone().unwrap_or_default() error=error_for(SearchField::Postcode) autocomplete="postal-code" width_class="input--width-10" />
            <TextField id="q" label=m.text_label hint=m.text_hint value=params.q.clone().unwrap_or_default() error=error_for(SearchField::Text) autocomplete="off" width_class="input--width-20" />
            <fieldset class="form-group fieldset">
                <legend class="fieldset__legend">{m.service_legend}</legend>
                <div class="radios radios--inline">
                    {[("", m.service_any, "service-any"), ("supported", m.service_supported, "service-supported"), ("supervised", m.service_supervised, "service-supervised")]
                        .into_iter()
                        .map(|(code, label, id)| {
                            let checked = service == code || (code.is_empty() && !matches!(service.as_str(), "supported" | "supervised"));
                            view! {
                                <div class="radios__item">
                                    <input class="radios__input" type="radio" id=id name="service" value=code checked=checked />
                                    <label class="radios__label" for=id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <fieldset class="form-group fieldset">
                <legend class="fieldset__legend">{m.more_filters_legend}</legend>
                <div class="checkboxes">
                    <div class="checkboxes__item">
                        <input class="checkboxes__input" type="checkbox" id="online" name="online" value="yes" checked=online />
                        <label class="checkboxes__label" for="online">{m.online_label}</label>
                    </div>
                    <div class="checkboxes__item">
                        <input class="checkboxes__input" type="checkbox" id="access" name="access" value="wheelchair" checked=wheelchair />
                        <label class="checkboxes__label" for="access">{m.wheelchair_label}</label>
                    </div>
                </div>
            </fieldset>
            <div class="form-group">
                <label class="label" for="day">{m.day_label}</label>
                <select class="select" id="day" name="day">
                    <option value="" selected=Weekday::from_code(&day).is_err()>{m.day_any}</option>
                    {Weekday::ALL
                        .into_iter()
                        .map(|d| {
                            let selected = day == d.code();
                            view! { <option value=d.code() selected=selected>{(m.weekday_long)(d)}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{m.search_button}</button>
        </form>
    }
}

#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: String,
    error: Option<SearchError>,
    autocomplete: &'static str,
    width_class: &'static str,
) -> impl IntoView {
    let m = use_messages();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = if error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    view! {
        <div class=if error.is_some() { "form-group form-group--error" } else { "form-group" } id=format!("{id}-group")>
            <label class="label" for=id>{label}</label>
            <div class="hint" id=hint_id>{hint}</div>
            {error.map(|e| view! {
                <p class="error-message" id=error_id>
                    <span class="visually-hidden">{m.error_prefix}" "</span>{(m.search_error)(e)}
                </p>
            })}
            <input
                class=format!("input {width_class}{}", if error.is_some() { " input--error" } else { "" })
                id=id
                name=id
                type="text"
                spellcheck="false"
                autocomplete=autocomplete
                aria-describedby=described_by
                value=value
            />
        </div>
    }
}

#[component]
fn UnknownPostcode(shown: bool) -> impl IntoView {
    let m = use_messages();
    shown.then(|| {
        view! {
            <div class="notice notice--warning" role="status">
                <h2 class="heading-m">{(m.search_error)(SearchError::UnknownPostcode)}</h2>
                <p>{m.unknown_postcode_help}</p>
                <p><a href="#q" rel="external">{m.search_by_name_instead}</a></p>
            </div>
        }
    })
}

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
fn Results(found: SearchResults, params: SearchParams) -> impl IntoView {
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
