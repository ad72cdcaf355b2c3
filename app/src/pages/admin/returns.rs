//! `/admin/returns?quarter=2026-Q3`: for a quarter, which centres have sent their statistics
//! return, which are late and which are lapsed; a reminder to one late centre or to all of them
//! in one action (through the outbox, once per form however often it is sent); national totals
//! per quarter; and every submitted return as CSV (`/admin/returns.csv`).

use super::{AdminError, AdminProblem};
use crate::pages::returns::model::{ChaseRow, ChaseView};
use crate::pages::returns::{quarter_words, standing_class};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use shared::returns::{Measure, Service};

/// The quarter asked for, or the last one that has ended.
#[cfg(feature = "ssr")]
fn quarter_or_last(raw: &str) -> Result<shared::Quarter, AdminError> {
    if raw.trim().is_empty() {
        let today = crate::ports::use_ports().map_err(|_| AdminError::Unavailable)?.clock.today();
        return shared::Quarter::containing(today).ok().and_then(shared::Quarter::previous).ok_or(AdminError::NotFound);
    }
    shared::Quarter::parse(raw).map_err(|_| {
        crate::error::set_status(http::StatusCode::NOT_FOUND);
        AdminError::NotFound
    })
}

#[server(endpoint = "admin/returns")]
pub async fn load_chase(#[server(default)] quarter: String) -> Result<ChaseView, AdminError> {
    super::admin().await?;
    let quarter = quarter_or_last(&quarter)?;
    super::ports()?.returns.chase(quarter).await.map_err(super::unavailable)
}

/// Reminds one late centre (`centre`), or every late one (`centre` empty).
#[server(endpoint = "admin/returns/remind")]
pub async fn remind_late(
    #[server(default)] quarter: String,
    #[server(default)] centre: String,
    #[server(default)] key: String,
) -> Result<usize, AdminError> {
    let by = super::admin().await?;
    let q = quarter_or_last(&quarter)?;
    // The key makes a resent form send nothing more; a form without one cannot be told apart.
    if key.trim().is_empty() || key.len() > 100 {
        crate::error::set_status(http::StatusCode::BAD_REQUEST);
        return Err(AdminError::Rejected(vec![]));
    }
    let centre = centre.trim();
    let queued = super::ports()?
        .returns
        .remind(&by, q, (!centre.is_empty()).then_some(centre), key.trim())
        .await
        .map_err(super::unavailable)?;
    if crate::request::is_plain_form() {
        leptos_axum::redirect(&format!("/admin/returns?quarter={q}&reminded={queued}"));
    }
    Ok(queued)
}

#[component]
pub fn ChasePage() -> impl IntoView {
    let query = use_query_map();
    let quarter = move || query.with(|q| q.get("quarter").unwrap_or_default());
    let data = Resource::new(quarter, load_chase);
    let reminded = query.with_untracked(|q| q.get("reminded"));
    view! {
        <Title text="Statistics returns" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let reminded = reminded.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <Chase view reminded /> }.into_any(),
                        Err(e) => view! { <AdminProblem error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Chase(view: ChaseView, reminded: Option<String>) -> impl IntoView {
    let q = view.quarter;
    let count = |f: &dyn Fn(&ChaseRow) -> bool| view.rows.iter().filter(|r| f(r)).count();
    let sent = count(&|r| r.submitted_on.is_some());
    let late = count(&|r| r.standing.is_missing_past_due());
    let lapsed = count(&|r| r.lapsed);
    let key = view.reminder_key.clone();
    let rows = view
        .rows
        .iter()
        .map(|row| {
            let remind = row.standing.is_missing_past_due().then(|| {
                view! {
                    <form method="post" action="/api/admin/returns/remind" class="inline-form">
                        <input type="hidden" name="quarter" value=q.to_string() />
                        <input type="hidden" name="centre" value=row.slug.clone() />
                        <input type="hidden" name="key" value=key.clone() />
                        <button type="submit" class="button button--secondary">"Remind"<span class="visually-hidden">{format!(" {}", row.centre)}</span></button>
                    </form>
                }
            });
            view! {
                <tr>
                    <th scope="row">{row.centre.clone()}</th>
                    <td><span class=standing_class(row.standing)>{row.standing.label()}</span></td>
                    <td>{row.submitted_on.map(|d| d.to_string()).unwrap_or_else(|| "–".into())}</td>
                    <td>{if row.lapsed { "Lapsed" } else { "–" }}</td>
                    <td>{row.reminded_on.map(|d| d.to_string()).unwrap_or_else(|| "–".into())}</td>
                    <td>{remind}</td>
                </tr>
            }
        })
        .collect_view();
    let previous = q.previous().map(|p| format!("/admin/returns?quarter={p}"));
    let next = q.next().map(|n| format!("/admin/returns?quarter={n}"));
    view! {
        <a href="/admin" class="back-link">"Back"</a>
        <h1 class="heading-l">{format!("Statistics returns: {}", quarter_words(q))}</h1>
        {reminded.map(|n| view! { <div class="notice" role="status" id="reminded"><p class="body">{format!("Reminders queued: {n}.")}</p></div> })}
        <p class="body" id="chase-summary">{format!("Due {}. {sent} of {} centres have sent this return; {late} are late; {lapsed} are lapsed.", view.due, view.rows.len())}</p>
        <nav class="pagination" aria-label="Quarters">
            {previous.map(|h| view! { <a href=h>"Previous quarter"</a> })}" "
            {next.map(|h| view! { <a href=h>"Next quarter"</a> })}" "
            <a href="/admin/returns.csv" download="">"Download every submitted return (CSV)"</a>" "
            <a href=format!("/admin/returns/questions?quarter={q}")>"This quarter's added questions"</a>
        </nav>
        {(late > 0).then(|| view! {
            <form method="post" action="/api/admin/returns/remind">
                <input type="hidden" name="quarter" value=q.to_string() />
                <input type="hidden" name="centre" value="" />
                <input type="hidden" name="key" value=key.clone() />
                <button type="submit" class="button" id="remind-all">{format!("Remind all {late} late centres")}</button>
            </form>
        })}
        <div class="table-wrap">
            <table class="table" id="chase-list">
                <caption class="visually-hidden">"Each centre's standing with this quarter's return"</caption>
                <thead><tr>
                    <th scope="col">"Centre"</th><th scope="col">"This return"</th><th scope="col">"Submitted"</th>
                    <th scope="col">"Lapsed (last year)"</th><th scope="col">"Last reminded"</th><th scope="col"><span class="visually-hidden">"Action"</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <NationalTotals view />
    }
}

#[component]
fn NationalTotals(view: ChaseView) -> impl IntoView {
    let measures = [
        Measure::Referrals,
        Measure::Children,
        Measure::Families,
        Measure::Volunteers,
        Measure::PaidStaff,
        Measure::SessionsBooked,
    ];
    let header = measures.iter().map(|m| view! { <th scope="col">{m.label().to_owned()}</th> }).collect_view();
    let rows = view
        .totals
        .iter()
        .map(|t| {
            let cells = measures
                .iter()
                .map(|&m| {
                    let by_service = Service::ALL.map(|s| t.totals.of(s, m));
                    view! { <td>{t.totals.total(m)}<span class="hint">{format!(" ({} supported, {} supervised)", by_service[0], by_service[1])}</span></td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{t.quarter.to_string()}</th><td>{t.returns}</td>{cells}</tr> }
        })
        .collect_view();
    view! {
        <h2 class="heading-m">"National totals"</h2>
        <p class="body">"From the submitted returns of each quarter, newest first."</p>
        <div class="table-wrap">
            <table class="table" id="national-totals">
                <caption class="visually-hidden">"National totals per quarter"</caption>
                <thead><tr><th scope="col">"Quarter"</th><th scope="col">"Returns"</th>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
