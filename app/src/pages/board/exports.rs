//! `/admin/exports?quarter=2026-Q3`: the national quarterly statistics NACCC sends the Ministry
//! of Justice and Cafcass — referrals by source, children and families seen, the split between
//! supported and supervised contact, volunteers and paid staff, by nation — as a page to check
//! and as CSV (`/admin/exports/national.csv?quarter=…`), both from one result of the shared rule
//! (`shared::board::national`), so counts of people are disclosed as the board's are.

use super::model::NationalView;
use crate::pages::returns::quarter_words;
use crate::pages::workspace::WorkspaceError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use shared::Nation;
use shared::board::disclosure::LEGEND;
use shared::board::indicators::nation_label;
use shared::board::national::Table;

#[server(endpoint = "admin/exports")]
pub async fn load_exports(#[server(default)] quarter: String) -> Result<NationalView, WorkspaceError> {
    let user = crate::auth::require(&[shared::account::Role::NacccAdmin])
        .await
        .map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))?;
    let ports = crate::pages::workspace::ports()?;
    let view = ports.board.national(&user, &quarter).await.map_err(crate::pages::workspace::unavailable)?;
    view.ok_or_else(crate::pages::workspace::not_found)
}

#[component]
pub fn ExportsPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(move || query.with(|q| q.get("quarter").unwrap_or_default()), load_exports);
    view! {
        <Title text="National statistics for the Ministry of Justice and Cafcass" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <Exports view /> }.into_any(),
                    Err(error) => view! { <super::BoardProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Exports(view: NationalView) -> impl IntoView {
    let q = view.stats.quarter;
    let quarters = view
        .quarters
        .iter()
        .map(|o| view! { <option value=o.to_string() selected=*o == q>{quarter_words(*o)}</option> })
        .collect_view();
    let returns: usize = view
        .stats
        .tables
        .iter()
        .find(|t| t.id == "returns")
        .and_then(|t| t.lines.first())
        .and_then(|l| l.uk.count())
        .unwrap_or(0) as usize;
    let changed = view.changed.clone().map(|c| format!(" The figures' sources last changed {c}."));
    let tables = view.stats.tables.iter().map(national_table).collect_view();
    view! {
        <a href="/admin" class="back-link">"NACCC administration"</a>
        <h1 class="heading-l">"National statistics for the Ministry of Justice and Cafcass"</h1>
        <p class="body" id="exports-summary">
            {format!("{}: from the {returns} statistics returns centres have submitted for this quarter.", quarter_words(q))}
            {changed}
            " A return amended later changes these figures: download them when the quarter's returns are in."
        </p>
        <form method="get" action="/admin/exports" class="filters" id="exports-filters">
            <div class="form-group">
                <label class="label" for="quarter">"Quarter"</label>
                <select class="select" id="quarter" name="quarter">{quarters}</select>
            </div>
            <div class="form-group"><button type="submit" class="button button--secondary">"Show this quarter"</button></div>
        </form>
        <p class="body">
            <a href=format!("/admin/exports/national.csv?quarter={q}") download="" id="national-csv">
                {format!("Download the national statistics for {q} (CSV)")}
            </a>
        </p>
        <p class="hint" id="exports-key">{LEGEND}" Outside the whole-UK figures, counts of children, families and referrals are never shown where they are under 5 or come from fewer than 3 centres: the same rule as the board's pages."</p>
        {tables}
    }
}

fn national_table(table: &Table) -> impl IntoView + use<> {
    let head = Nation::ALL
        .iter()
        .map(|&n| view! { <th scope="col" class="table__numeric">{nation_label(n)}</th> })
        .collect_view();
    let body = table
        .lines
        .iter()
        .map(|line| {
            let cells = line.by_nation.iter().map(|c| view! { <td class="table__numeric">{c.text()}</td> }).collect_view();
            view! { <tr><th scope="row">{line.label.clone()}</th>{cells}<td class="table__numeric">{line.uk.text()}</td></tr> }
        })
        .collect_view();
    let id = format!("national-{}", table.id);
    view! {
        <h2 class="heading-m">{table.title.clone()}</h2>
        <div class="table-wrap" role="region" tabindex="0" aria-label=table.title.clone()>
            <table class="table" id=id>
                <caption class="visually-hidden">{table.title.clone()}</caption>
                <thead><tr><th scope="col">"Figure"</th>{head}<th scope="col" class="table__numeric">"UK"</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
