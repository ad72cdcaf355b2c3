//! `/centre/referrals`: the centre's referrals, newest first, with counts per stage, filters (a
//! GET form, so a filtered inbox is a link), flags for what needs attention, and paging. Live with
//! JavaScript: a new or changed referral appears without reloading.

use super::model::InboxView;
use super::{WorkspaceError, WorkspaceProblem, text};
use crate::components::live_regions::LiveRegions;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use shared::referral::case::Stage;
use shared::referral::inbox::{Age, InboxQuery};

#[server(endpoint = "centre/inbox")]
pub async fn load_inbox(
    #[server(default)] query: InboxQuery,
    // Reloaded by the page itself on live news: that does not count as the person being there.
    #[server(default)] live: bool,
) -> Result<InboxView, WorkspaceError> {
    let activity = if live { crate::auth::Activity::Background } else { crate::auth::Activity::Person };
    let user = super::centre_user_by(activity).await?;
    let inbox = super::ports()?.cases.inbox(&user, &query).await.map_err(super::unavailable)?;
    inbox.ok_or_else(super::not_found)
}

fn query_from_url() -> InboxQuery {
    let q = use_query_map();
    let get = |k: &str| q.with(|q| q.get(k).unwrap_or_default());
    InboxQuery { stage: get("stage"), age: get("age"), assigned: get("assigned"), q: get("q"), page: get("page") }
}

/// The inbox address for `q` on `page`.
fn link(q: &InboxQuery, page: usize) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("stage", &q.stage), ("age", &q.age), ("assigned", &q.assigned), ("q", &q.q)] {
        if !v.is_empty() {
            query.append_pair(k, v);
        }
    }
    if page > 1 {
        query.append_pair("page", &page.to_string());
    }
    let query = query.finish();
    if query.is_empty() { "/centre/referrals".to_owned() } else { format!("/centre/referrals?{query}") }
}

fn age_label(a: Age) -> &'static str {
    match a {
        Age::ThisWeek => "Received in the last 7 days",
        Age::ThisMonth => "Received in the last 30 days",
        Age::Older => "Received more than 30 days ago",
        Age::NeedsAttention => "Needs attention (overdue)",
    }
}

#[component]
pub fn InboxPage() -> impl IntoView {
    // `live=1`: the page fetched by the live inbox itself, which is not the person being there.
    let live = use_query_map().with_untracked(|q| q.get("live").is_some());
    let data = Resource::new(query_from_url, move |q| async move { (load_inbox(q.clone(), live).await, q) });
    view! {
        <Title text="Referrals" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    (Ok(view), q) => view! {
                        <a href="/centre" class="back-link">"Back"</a>
                        <h1 class="heading-l">"Referrals"</h1>
                        <LiveRegions regions=vec![COUNTS_REGION.to_owned(), LIST_REGION.to_owned()]>
                            <div id=COUNTS_REGION>{counts(&view)}</div>
                            {filters(&view, &q)}
                            <div id=LIST_REGION>{list(&view, &q)}</div>
                        </LiveRegions>
                    }
                    .into_any(),
                    (Err(error), _) => view! { <WorkspaceProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The parts of the inbox brought up to date on news; the filters between them are left alone,
/// so nothing typed there is lost.
const COUNTS_REGION: &str = "inbox-counts";
const LIST_REGION: &str = "inbox-list";

/// How many referrals match, and how many are at each stage.
fn counts(view: &InboxView) -> impl IntoView + use<> {
    let page = &view.page;
    let counts = page
        .counts
        .iter()
        .map(|(stage, n)| {
            let href = link(&InboxQuery { stage: stage.code().to_owned(), ..Default::default() }, 1);
            view! { <li><a href=href>{text::stage(*stage)}": "<strong>{*n}</strong></a></li> }
        })
        .collect_view();
    let matching = shared::durations::count(i64::try_from(page.matching).unwrap_or(i64::MAX), "referral", "referrals");
    view! {
        <p class="body" role="status" id="inbox-summary">{format!("{matching} {}", if page.matching == 1 { "matches" } else { "match" })}</p>
        <h2 class="heading-s">"By stage"</h2>
        <ul class="list list--inline" id="stage-counts">{counts}</ul>
    }
}

/// The filters: a GET form, so a filtered inbox is a link.
fn filters(view: &InboxView, q: &InboxQuery) -> impl IntoView + use<> {
    let select =
        |id: &'static str, name: &'static str, label: &'static str, options: Vec<(String, String)>, value: String| {
            view! {
                <div class="form-group">
                    <label class="label" for=id>{label}</label>
                    <select class="select" id=id name=name>
                        {options.into_iter().map(|(v, t)| {
                            let selected = v == value;
                            view! { <option value=v selected=selected>{t}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
        };
    let stages: Vec<(String, String)> =
        [("".to_owned(), "Any".to_owned()), ("open".to_owned(), "Still open".to_owned())]
            .into_iter()
            .chain(Stage::ALL.iter().map(|s| (s.code().to_owned(), text::stage(*s).to_owned())))
            .collect();
    let ages: Vec<(String, String)> = std::iter::once(("".to_owned(), "Any".to_owned()))
        .chain(Age::ALL.iter().map(|a| (a.code().to_owned(), age_label(*a).to_owned())))
        .collect();
    let assignees: Vec<(String, String)> = [
        ("".to_owned(), "Anyone".to_owned()),
        ("nobody".to_owned(), "Nobody".to_owned()),
        (view.me.to_string(), "Me".to_owned()),
    ]
    .into_iter()
    .chain(view.staff.iter().filter(|(id, _)| *id != view.me).map(|(id, n)| (id.to_string(), n.clone())))
    .collect();
    view! {
        <form method="get" action="/centre/referrals" class="filters" role="search" aria-label="Filter referrals">
            {select("inbox-stage", "stage", "Stage", stages, q.stage.clone())}
            {select("inbox-age", "age", "Received", ages, q.age.clone())}
            {select("inbox-assigned", "assigned", "Assigned to", assignees, q.assigned.clone())}
            <div class="form-group">
                <label class="label" for="inbox-q">"Reference"</label>
                <input class="input input--width-10" id="inbox-q" name="q" type="search" value=q.q.clone() spellcheck="false" />
            </div>
            <div class="form-group"><button type="submit" class="button">"Filter"</button></div>
        </form>
    }
}

/// The page of referrals, newest first, and the links to the pages before and after.
fn list(view: &InboxView, q: &InboxQuery) -> impl IntoView + use<> {
    let today = view.today.date();
    let staff = view.staff.clone();
    let name = move |id: Option<i64>| {
        id.and_then(|id| staff.iter().find(|(s, _)| *s == id)).map_or("Nobody".to_owned(), |(_, n)| n.clone())
    };
    let page = &view.page;
    let rows = page
        .rows
        .iter()
        .map(|row| {
            let flags = row.flags(today);
            view! {
                <tr>
                    <th scope="row"><a href=format!("/centre/referrals/{}", row.reference)>{row.reference.clone()}</a></th>
                    <td>{String::from(row.submitted_on)}</td>
                    <td>{text::stage(row.stage)}{row.other_part.then_some(" (both parts)")}</td>
                    <td>{text::light(row.light)}</td>
                    <td>{text::service(row.service)}</td>
                    <td>{name(row.assigned_to)}</td>
                    <td>{flags.into_iter().map(|f| view! { <strong class="tag tag--red">{text::flag(f)}</strong>" " }).collect_view()}</td>
                </tr>
            }
        })
        .collect_view();
    let previous = (page.page > 1).then(|| link(q, page.page - 1));
    let next = (page.page < page.pages).then(|| link(q, page.page + 1));
    view! {
        <div class="table-wrap">
            <table class="table" id="referrals">
                <caption class="visually-hidden">"Referrals, newest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Reference"</th>
                        <th scope="col">"Received"</th>
                        <th scope="col">"Stage"</th>
                        <th scope="col">"Screening"</th>
                        <th scope="col">"Contact"</th>
                        <th scope="col">"Assigned to"</th>
                        <th scope="col">"Needs attention"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(page.matching == 0).then(|| view! { <p class="body">"No referrals match."</p> })}
        <nav class="pagination" aria-label="Pages of referrals">
            {previous.map(|href| view! { <a href=href rel="prev">"Previous page"</a> })}
            <span>{format!(" Page {} of {} ", page.page, page.pages)}</span>
            {next.map(|href| view! { <a href=href rel="next">"Next page"</a> })}
        </nav>
    }
}
