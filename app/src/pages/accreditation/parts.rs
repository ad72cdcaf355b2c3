//! Parts every accreditation page shows: a case's facts and clocks, a step's button, the
//! history, the standards as answered (read only) and the action plan.

use super::model::{CaseView, ClockView, HistoryEntry, ItemView, StandardView};
use leptos::prelude::*;
use shared::accreditation::{Action, Stage};

pub fn stage_tag(stage: Stage) -> impl IntoView {
    let class = match stage {
        Stage::Accredited => "tag tag--green",
        Stage::Conditions | Stage::RenewalDue | Stage::Queries => "tag tag--yellow",
        Stage::NotAccredited | Stage::Suspended | Stage::Removed => "tag tag--red",
        _ => "tag tag--blue",
    };
    view! { <span class=class>{stage.label()}</span> }
}

/// "Done" after a form, or why nothing was done.
#[component]
pub fn Done(done: Option<String>) -> impl IntoView {
    super::done_words(done.as_deref()).map(|words| {
        view! { <div class="notice" role="status" id="accreditation-done"><p class="body">{words}</p></div> }
    })
}

fn clock_row(c: ClockView) -> impl IntoView {
    let tag = if c.overdue { "tag tag--red" } else { "tag tag--grey" };
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{c.label}</dt>
            <dd class="summary-list__value">{c.date}" "<span class=tag>{c.words}</span></dd>
        </div>
    }
}

fn row(key: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{value}</dd>
        </div>
    }
}

/// The case's facts, its stage and the clocks running on it.
#[component]
pub fn CaseFacts(case: CaseView) -> impl IntoView {
    let recommendation = case.recommendation.map(|r| row("Assessor's recommendation", r.label().to_owned()));
    view! {
        <dl class="summary-list" id="case-facts">
            <div class="summary-list__row">
                <dt class="summary-list__key">"Stage"</dt>
                <dd class="summary-list__value" id="case-stage">{stage_tag(case.stage)}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Centre"</dt>
                <dd class="summary-list__value" id="case-centre"><a href=format!("/centres/{}", case.centre_slug)>{case.centre_name.clone()}</a></dd>
            </div>
            {row("Accreditation for", format!("{}; {}", case.services.label(), case.venue.label().to_lowercase()))}
            {row("Working agreement signed", format!("by {} on {}", case.signed_by, case.signed_on))}
            {row("Applied on", case.applied_on.clone())}
            {case.assessor.clone().map(|a| row("Assessor", a))}
            {case.visit_on.clone().map(|v| row("Visit", v))}
            {recommendation}
            {case.decided_on.clone().map(|d| row("Decided on", d))}
            {case.clocks.into_iter().map(clock_row).collect_view()}
        </dl>
    }
}

/// A form with one button that takes `action` at the version the page showed, with any fields
/// the step needs before the button.
#[component]
pub fn StepForm(
    case: i64,
    version: i64,
    action: Action,
    #[prop(into)] label: String,
    #[prop(optional)] secondary: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let class = if secondary { "button button--secondary" } else { "button" };
    view! {
        <form method="post" action="/api/accreditation/step" class="step-form" id=format!("step-{}", action.code())>
            <input type="hidden" name="case" value=case.to_string() />
            <input type="hidden" name="version" value=version.to_string() />
            <input type="hidden" name="action" value=action.code() />
            {children.map(|c| c())}
            <button type="submit" class=class>{label}</button>
        </form>
    }
}

#[component]
pub fn History(entries: Vec<HistoryEntry>) -> impl IntoView {
    let rows = entries
        .into_iter()
        .map(|h| {
            view! {
                <tr>
                    <td>{h.at}</td>
                    <td>{h.label}</td>
                    <td>{h.by}</td>
                    <td>{h.note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="heading-m" id="history">"History"</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="history">
            <table class="table">
                <caption class="visually-hidden">"Every step of this case, oldest first"</caption>
                <thead><tr><th scope="col">"When"</th><th scope="col">"What"</th><th scope="col">"Who"</th><th scope="col">"Note"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn size_words(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

/// A standard's evidence files, each a download.
pub fn files_list(standard: &StandardView) -> impl IntoView + use<> {
    (!standard.files.is_empty()).then(|| {
        let items = standard
            .files
            .iter()
            .map(|f| {
                view! {
                    <li><a href=format!("/accreditation/evidence/{}", f.id) download="">{f.name.clone()}</a>{format!(" ({})", size_words(f.size_bytes))}</li>
                }
            })
            .collect_view();
        view! { <ul class="list list--bullet evidence-files">{items}</ul> }
    })
}

/// The queries on a standard, with the centre's replies.
pub fn queries_list(standard: &StandardView) -> impl IntoView + use<> {
    (!standard.queries.is_empty()).then(|| {
        let items = standard
            .queries
            .iter()
            .map(|q| {
                view! {
                    <li class="query">
                        <p class="body"><strong>"Query: "</strong>{q.query.clone()}{(!q.sent).then_some(" (not sent yet)")}</p>
                        {q.reply.clone().map(|r| view! { <p class="body"><strong>"Centre's answer: "</strong>{r}</p> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="list queries">{items}</ul> }
    })
}

/// One standard as the centre answered it.
pub fn answered(standard: &StandardView) -> impl IntoView + use<> {
    let rating = standard.rating.map_or("Not answered", |r| r.label());
    view! {
        <p class="body"><strong>"Centre's rating: "</strong>{rating}</p>
        {(!standard.notes.is_empty()).then(|| view! { <p class="body">{standard.notes.clone()}</p> })}
        {files_list(standard)}
        {queries_list(standard)}
    }
}

/// Every standard of the case as answered, section by section (NACCC's read-only view).
#[component]
pub fn StandardsReadOnly(case: CaseView) -> impl IntoView {
    case.sections
        .into_iter()
        .map(|section| {
            let standards = section
                .standards
                .iter()
                .map(|st| {
                    view! {
                        <div class="standard" id=format!("standard-{}", st.key.replace(['/', '.'], "-"))>
                            <h4 class="heading-s">{format!("{} {}", st.number, st.title)}{st.agreed.then_some(" (agreed)")}</h4>
                            {answered(st)}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <details class="details">
                    <summary class="details__summary">{format!("{}: {}. {} ({} of {} answered)", section.set_title, section.number, section.title, section.answered(), section.standards.len())}</summary>
                    <div class="details__text">{standards}</div>
                </details>
            }
        })
        .collect_view()
}

/// The action plan: each item, when it is due, the centre's answer.
pub fn items_table(items: &[ItemView]) -> impl IntoView + use<> {
    let rows = items
        .iter()
        .map(|i| {
            let due = if i.overdue { format!("{} (overdue)", i.due) } else { i.due.clone() };
            view! {
                <tr>
                    <td>{i.text.clone()}</td>
                    <td>{due}</td>
                    <td>{i.response.clone().unwrap_or_else(|| "Not answered yet".to_owned())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="action-plan">
            <table class="table">
                <caption class="visually-hidden">"The action plan"</caption>
                <thead><tr><th scope="col">"Action"</th><th scope="col">"Due"</th><th scope="col">"Centre's answer"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
