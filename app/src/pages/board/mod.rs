//! The board's pages: `/board` (the four objectives, each indicator's value, target and
//! red/amber/green), `/board/objectives/{1-4}` (one objective: each indicator's trend over eight
//! quarters as a chart and table, its split by nation and its parts), and `/board/pack` (every
//! objective, one to a printed page, the period and area on each). Filters are a plain GET form
//! (`?quarter=2026-Q2&nation=wales`). Everything shown has been through `shared::board`'s
//! disclosure rule on the server; the CSV at `/board/indicators.csv` shows the same figures.

pub mod exports;
pub mod model;
pub mod parts;
pub mod registers;

use crate::components::live_regions::LiveRegions;
use crate::pages::login::SignOut;
use crate::pages::workspace::WorkspaceError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::BoardView;
use shared::board::indicators::Objective;

#[server(endpoint = "board/figures")]
pub async fn load_board(
    #[server(default)] quarter: String,
    #[server(default)] nation: String,
    // Reloaded by the page itself on live news: that does not count as the person being there.
    #[server(default)] live: bool,
) -> Result<BoardView, WorkspaceError> {
    let activity = if live { crate::auth::Activity::Background } else { crate::auth::Activity::Person };
    let user = crate::auth::require_by(crate::pages::staff::Area::Board.roles(), activity)
        .await
        .map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))?;
    let ports = crate::pages::workspace::ports()?;
    let view = ports.board.figures(&user, &quarter, &nation).await.map_err(crate::pages::workspace::unavailable)?;
    view.ok_or_else(crate::pages::workspace::not_found)
}

/// The parts of a board page brought up to date on news.
const AS_OF_REGION: &str = "board-as-of";
const FIGURES_REGION: &str = "board-figures";

/// What a board page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shows {
    Overview,
    Objective(Objective),
    Pack,
}

fn query_of() -> (String, String, bool) {
    use_query_map().with_untracked(|q| {
        (q.get("quarter").unwrap_or_default(), q.get("nation").unwrap_or_default(), q.get("live").is_some())
    })
}

#[component]
fn BoardPageOf(shows: Shows) -> impl IntoView {
    let (quarter, nation, live) = query_of();
    let data = Resource::new(|| (), move |_| load_board(quarter.clone(), nation.clone(), live));
    let title = match shows {
        Shows::Overview => "Strategic indicators".to_owned(),
        Shows::Objective(o) => format!("Objective {}: {}", o.number(), o.title()),
        Shows::Pack => "Board pack".to_owned(),
    };
    view! {
        <Title text=title.clone() />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let title = title.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(view) => page(&view, shows, title).into_any(),
                        Err(error) => view! { <BoardProblem error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn page(view: &BoardView, shows: Shows, title: String) -> impl IntoView + use<> {
    let here = match shows {
        Shows::Overview => "/board".to_owned(),
        Shows::Objective(o) => format!("/board/objectives/{}", o.number()),
        Shows::Pack => "/board/pack".to_owned(),
    };
    let figures = match shows {
        Shows::Overview => parts::overview(view).into_any(),
        Shows::Objective(o) => parts::objective_detail(view, o).into_any(),
        Shows::Pack => parts::pack(view).into_any(),
    };
    let back = (shows != Shows::Overview).then(
        || view! { <a href=parts::with_filter("/board", view) class="back-link no-print">"Strategic indicators"</a> },
    );
    let as_of = parts::as_of(view);
    let sign_out = ServerAction::<SignOut>::new();
    let filters = parts::filter_form(view, &here);
    view! {
        {back}
        <h1 class="heading-l">{title}</h1>
        <p class="body no-print" id="signed-in-as">"Signed in as "<strong>{view.viewer.0.clone()}</strong>", "{view.viewer.1.clone()}"."</p>
        {filters}
        <LiveRegions regions=vec![AS_OF_REGION.to_owned(), FIGURES_REGION.to_owned()]>
            <p class="body" role="status" id=AS_OF_REGION>{as_of}</p>
            <div id=FIGURES_REGION>{figures}</div>
        </LiveRegions>
        <div class="no-print">
            <ActionForm action=sign_out>
                <button type="submit" class="button button--secondary">"Sign out"</button>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn BoardPage() -> impl IntoView {
    view! { <BoardPageOf shows=Shows::Overview /> }
}

#[component]
pub fn BoardPackPage() -> impl IntoView {
    view! { <BoardPageOf shows=Shows::Pack /> }
}

#[component]
pub fn ObjectivePage() -> impl IntoView {
    let number = use_params_map().with_untracked(|p| p.get("n").and_then(|n| n.parse::<u8>().ok()));
    match number.and_then(Objective::from_number) {
        Some(o) => view! { <BoardPageOf shows=Shows::Objective(o) /> }.into_any(),
        None => {
            #[cfg(feature = "ssr")]
            crate::error::set_status(http::StatusCode::NOT_FOUND);
            view! {
                <Title text="Objective not found" />
                <h1 class="heading-l">"Objective not found"</h1>
                <p class="body">"The board has four objectives, numbered 1 to 4. "<a href="/board">"Strategic indicators"</a></p>
            }
            .into_any()
        }
    }
}

#[component]
pub fn BoardProblem(error: WorkspaceError) -> impl IntoView {
    match error {
        WorkspaceError::Access(crate::pages::staff::AreaError::Forbidden) => view! {
            <h1 class="heading-l">"This page is not for your role"</h1>
            <p class="body">"The strategic indicators are for NACCC's board and staff."</p>
        }
        .into_any(),
        error => view! { <crate::pages::workspace::WorkspaceProblem error /> }.into_any(),
    }
}
