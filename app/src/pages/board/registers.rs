//! `/admin/board`: what NACCC keeps for the board's indicators that no other record holds —
//! the targets (with their red thresholds), training delivered and Young People's Board
//! inspections. Plain forms; a refused one comes back with what was typed and its problems.

use super::model::Registers;
use crate::components::form::{ErrorSummary, Errors, Radios, Select, TextInput};
use crate::pages::staff::Returned;
use crate::pages::workspace::WorkspaceError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use shared::board::indicators::Indicator;
use shared::board::registers::Audience;
use shared::referral::Fields;

#[cfg(feature = "ssr")]
async fn admin() -> Result<crate::ports::StaffUser, WorkspaceError> {
    crate::auth::require(&[shared::account::Role::NacccAdmin])
        .await
        .map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))
}

#[cfg(feature = "ssr")]
const PAGE: &str = "/admin/board";

#[server(endpoint = "admin/board")]
pub async fn load_registers() -> Result<Registers, WorkspaceError> {
    let user = admin().await?;
    let ports = crate::pages::workspace::ports()?;
    let registers = ports.board.registers(&user).await.map_err(crate::pages::workspace::unavailable)?;
    registers.ok_or_else(crate::pages::workspace::not_found)
}

#[server(endpoint = "admin/board/returned")]
pub async fn load_returned() -> Result<Returned, WorkspaceError> {
    admin().await?;
    crate::pages::staff::take_returned().await.map_err(crate::pages::workspace::unavailable)
}

/// After a form: on to the page with `done`, or back with the problems and what was typed.
#[cfg(feature = "ssr")]
async fn answer(
    outcome: Result<(), Vec<shared::referral::FieldError>>,
    done: &str,
    f: Fields,
) -> Result<(), WorkspaceError> {
    match outcome {
        Ok(()) => {
            leptos_axum::redirect(&format!("{PAGE}?done={done}"));
            Ok(())
        }
        Err(errors) => crate::pages::staff::refuse_form(PAGE, f, errors)
            .await
            .map_err(crate::pages::workspace::unavailable)?
            .map_err(WorkspaceError::Rejected),
    }
}

#[server(endpoint = "admin/board/target")]
pub async fn set_target(#[server(default)] f: Fields) -> Result<(), WorkspaceError> {
    let user = admin().await?;
    let ports = crate::pages::workspace::ports()?;
    let outcome = ports.board.set_target(&user, &f).await.map_err(crate::pages::workspace::unavailable)?;
    answer(outcome, "target", f).await
}

#[server(endpoint = "admin/board/training")]
pub async fn record_training(
    #[server(default)] key: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = admin().await?;
    let ports = crate::pages::workspace::ports()?;
    let outcome = ports.board.record_training(&user, &f, &key).await.map_err(crate::pages::workspace::unavailable)?;
    answer(outcome, "training", f).await
}

#[server(endpoint = "admin/board/inspection")]
pub async fn record_inspection(
    #[server(default)] key: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = admin().await?;
    let ports = crate::pages::workspace::ports()?;
    let outcome = ports.board.record_inspection(&user, &f, &key).await.map_err(crate::pages::workspace::unavailable)?;
    answer(outcome, "inspection", f).await
}

fn done_words(done: Option<&str>) -> Option<&'static str> {
    Some(match done? {
        "target" => "Target saved. The board's pages use it from its quarter on.",
        "training" => "Training recorded.",
        "inspection" => "Inspection recorded.",
        _ => return None,
    })
}

#[component]
pub fn RegistersPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_registers());
    let returned = Resource::new(|| (), |_| load_returned());
    let done = use_query_map().with_untracked(|q| q.get("done"));
    view! {
        <Title text="The board's targets and registers" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let done = done.clone();
                Suspend::new(async move {
                    let returned = returned.await.unwrap_or_default();
                    match data.await {
                        Ok(r) => view! { <RegistersView r returned done /> }.into_any(),
                        Err(error) => view! { <super::BoardProblem error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn table(
    id: &'static str,
    caption: &'static str,
    head: &[&'static str],
    rows: Vec<Vec<String>>,
) -> impl IntoView + use<> {
    let head = head.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view();
    let empty = rows.is_empty().then(|| view! { <p class="body">"None recorded yet."</p> });
    let body = rows
        .into_iter()
        .map(|r| {
            let mut cells = r.into_iter();
            let first = cells.next().unwrap_or_default();
            let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr><th scope="row">{first}</th>{rest}</tr> }
        })
        .collect_view();
    view! {
        {empty}
        <div class="table-wrap" role="region" tabindex="0" aria-label=caption>
            <table class="table" id=id>
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[component]
fn RegistersView(r: Registers, returned: Returned, done: Option<String>) -> impl IntoView {
    let errors: Errors = Signal::stored(returned.errors.clone());
    let typed = |k: &str, default: &str| returned.fields.get(k).cloned().unwrap_or_else(|| default.to_owned());
    let indicators: Vec<(String, String)> = Indicator::ALL
        .iter()
        .map(|i| (i.code().to_owned(), format!("{} (objective {})", i.name(), i.objective().number())))
        .collect();
    let audiences: Vec<(&'static str, &'static str)> = Audience::ALL.iter().map(|a| (a.code(), a.label())).collect();
    let mut centres: Vec<(String, String)> = vec![(String::new(), "Choose a centre".to_owned())];
    centres.extend(r.centres.iter().cloned());
    let stars: Vec<(String, String)> = std::iter::once((String::new(), "Choose a rating".to_owned()))
        .chain((1..=5).rev().map(|n: u8| (n.to_string(), format!("{n} star{}", if n == 1 { "" } else { "s" }))))
        .collect();
    let notice = done_words(done.as_deref())
        .map(|w| view! { <div class="notice" role="status" id="done"><p class="body">{w}</p></div> });
    let targets = r.targets.iter().map(|t| vec![t.indicator.clone(), t.from.clone(), t.words.clone()]).collect();
    let training = r
        .training
        .iter()
        .map(|t| vec![t.held_on.clone(), t.course.clone(), t.audience.clone(), t.attendees.to_string()])
        .collect();
    let inspections = r
        .inspections
        .iter()
        .map(|i| vec![i.centre.clone(), i.inspected_on.clone(), format!("{} of 5", i.stars)])
        .collect();
    view! {
        <a href="/admin" class="back-link">"NACCC administration"</a>
        {notice}
        <ErrorSummary errors />
        <h1 class="heading-l">"The board's targets and registers"</h1>
        <p class="body">"What the "<a href="/board">"strategic indicators"</a>" need that no other record holds. Record only numbers here: never a name."</p>

        <h2 class="heading-m" id="targets">"Targets"</h2>
        <p class="body">"A target holds from its quarter until another is set. At or beyond the target is green; past the red threshold is red; between the two is amber."</p>
        <form method="post" action="/api/admin/board/target" id="target-form" novalidate>
            <Select id="indicator" name="indicator" label="Indicator" options=indicators value=typed("indicator", "") errors />
            <TextInput id="from" name="from" label="From the quarter" hint="For example, 2026-Q2" value=typed("from", &r.this_quarter.to_string()) errors class="input input--width-10" />
            <TextInput id="target" name="target" label="Target" hint="A number; a percentage without the % sign" value=typed("target", "") errors class="input input--width-10" />
            <TextInput id="red" name="red" label="Red threshold" hint="Past this the indicator is red: below it where higher is better, above it where lower is better" value=typed("red", "") errors class="input input--width-10" />
            <button type="submit" class="button">"Save the target"</button>
        </form>
        {table("targets-table", "Targets set", &["Indicator", "From", "Target"], targets)}

        <h2 class="heading-m" id="training">"Training delivered"</h2>
        <form method="post" action="/api/admin/board/training" id="training-form" novalidate>
            <input type="hidden" name="key" value=r.form_key.clone() />
            <TextInput id="held-on" name="held-on" label="Date" hint="For example, 2026-03-14" kind="date" value=typed("held-on", "") errors class="input input--width-10" />
            <TextInput id="course" name="course" label="Course" value=typed("course", "") errors />
            <Radios id="audience" name="audience" legend="Who was it for?" options=audiences value=typed("audience", "") errors />
            <TextInput id="attendees" name="attendees" label="How many attended" value=typed("attendees", "") errors class="input input--width-5" />
            <button type="submit" class="button">"Record the training"</button>
        </form>
        {table("training-table", "Training recorded", &["Date", "Course", "For", "Attended"], training)}

        <h2 class="heading-m" id="inspections">"Young People's Board inspections"</h2>
        <form method="post" action="/api/admin/board/inspection" id="inspection-form" novalidate>
            <input type="hidden" name="key" value=r.form_key.clone() />
            <Select id="centre" name="centre" label="Centre" options=centres value=typed("centre", "") errors />
            <TextInput id="inspected-on" name="inspected-on" label="Date of the inspection" hint="For example, 2026-03-14" kind="date" value=typed("inspected-on", "") errors class="input input--width-10" />
            <Select id="stars" name="stars" label="Rating" options=stars value=typed("stars", "") errors />
            <button type="submit" class="button">"Record the inspection"</button>
        </form>
        {table("inspections-table", "Inspections recorded", &["Centre", "Date", "Rating"], inspections)}
    }
}
