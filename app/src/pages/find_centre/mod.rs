//! `/find-a-centre`: search by postcode (nearest first) or by town or name, with filters.
//! A GET form: every search has a shareable address and works without JavaScript. With
//! JavaScript, changing a filter searches at once and the address follows.

mod form;
mod results;

use crate::error::AppError;
use crate::messages::use_messages;
use form::{ErrorSummary, SearchForm, UnknownPostcode};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use results::Results;
use serde::{Deserialize, Serialize};
use shared::search::{CentreSearch, SearchError, SearchParams, SearchResults};

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
// The language switch too, so it leads to the search on show.
const REGIONS: [&str; 5] = [SUMMARY_REGION, "postcode-group", "q-group", RESULTS_REGION, "language-switch"];

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
