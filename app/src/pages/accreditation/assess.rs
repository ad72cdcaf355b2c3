//! The assessor's pages: `/assess` (the cases assigned to them, and only those) and
//! `/assess/cases/{id}` (the desk review standard by standard: agree, or write a query; send the
//! queries; the visit; the recommendation).

use super::model::{CaseSummary, CaseView, SectionView, StandardView};
use super::parts::{CaseFacts, Done, History, StepForm, answered};
use crate::components::form::{ErrorSummary, Errors, Radios, TextArea, TextInput};
use crate::pages::staff::Returned;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::accreditation::{Action, Outcome, Stage};

/// A list of cases, each a link (the assessor's, or one of NACCC's lists).
pub fn cases_table(
    cases: &[CaseSummary],
    link: fn(i64) -> String,
    caption: &'static str,
    id: &'static str,
) -> impl IntoView + use<> {
    let rows = cases
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row"><a href=link(c.id)>{c.centre_name.clone()}</a></th>
                    <td>{super::parts::stage_tag(c.stage)}</td>
                    <td>{c.assessor.clone().unwrap_or_else(|| "None yet".to_owned())}</td>
                    <td>{c.clock.clone().map(|k| format!("{}: {} ({})", k.label, k.date, k.words)).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption id=id>
            <table class="table">
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr><th scope="col">"Centre"</th><th scope="col">"Stage"</th><th scope="col">"Assessor"</th><th scope="col">"Clock"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn AssessListPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| super::load_assessor_cases());
    view! {
        <Title text="Accreditation assessments" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(cases) => view! {
                        <h1 class="heading-l">"Accreditation assessments"</h1>
                        {if cases.is_empty() {
                            view! { <p class="body" id="no-cases">"No cases are assigned to you."</p> }.into_any()
                        } else {
                            cases_table(&cases, |id| format!("/assess/cases/{id}"), "The cases assigned to you", "assessor-cases").into_any()
                        }}
                        <p class="body"><a href="/assess">"Your front page"</a></p>
                    }.into_any(),
                    Err(error) => view! { <super::AccreditationProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn AssessCasePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let case = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(case, super::load_case);
    let returned = Resource::new(|| (), |_| super::load_returned());
    view! {
        <Title text="Assessment" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let done = query.with_untracked(|q| q.get("done"));
                let returned = returned.await.unwrap_or_default();
                match data.await {
                    Ok(case) => view! { <AssessCase case returned done /> }.into_any(),
                    Err(error) => view! { <super::AccreditationProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One standard in the desk review: the centre's answer, and (while reviewing) agree or query.
fn review_forms(case: &CaseView, st: &StandardView, returned: &Returned, errors: Errors) -> impl IntoView + use<> {
    let reviewing = case.stage == Stage::DeskReview;
    let id = st.key.replace(['/', '.'], "-");
    let field = format!("query-{id}");
    let typed = returned.fields.get(&field).cloned().unwrap_or_default();
    let status = if st.agreed {
        "Agreed"
    } else if st.queries.iter().any(|q| q.reply.is_none()) {
        "Queried"
    } else {
        "Not reviewed yet"
    };
    let forms = reviewing.then(|| {
        view! {
            {(!st.agreed).then(|| view! {
                <form method="post" action="/api/accreditation/review" class="inline-form">
                    <input type="hidden" name="case" value=case.id.to_string() />
                    <input type="hidden" name="standard" value=st.key.clone() />
                    <input type="hidden" name="intent" value="agree" />
                    <button type="submit" class="button button--secondary">{format!("Agree {}", st.number)}</button>
                </form>
            })}
            <form method="post" action="/api/accreditation/review" novalidate>
                <input type="hidden" name="case" value=case.id.to_string() />
                <input type="hidden" name="standard" value=st.key.clone() />
                <input type="hidden" name="intent" value="query" />
                <input type="hidden" name="key" value=format!("{}-{}-{}", case.id, id, case.version) />
                <TextArea id=field.clone() name=field label=format!("Query on {} for the centre", st.number) value=typed errors />
                <button type="submit" class="button button--secondary">{format!("Save query on {}", st.number)}</button>
            </form>
        }
    });
    view! {
        <div class="standard" id=format!("standard-{id}")>
            <h3 class="heading-s">{format!("{} {}", st.number, st.title)}" "<span class="tag tag--grey">{status}</span></h3>
            <p class="body">{st.text.clone()}</p>
            {answered(st)}
            {forms}
        </div>
    }
}

/// Once a section is read: agree every standard in it not agreed yet and not waiting on a query.
fn agree_rest(case: &CaseView, section: &SectionView) -> Option<impl IntoView + use<>> {
    let waiting = |st: &StandardView| st.queries.iter().any(|q| q.reply.is_none());
    let left = section.standards.iter().filter(|st| !st.agreed && !waiting(st)).count();
    (case.stage == Stage::DeskReview && left > 1).then(|| {
        // `national-3` → `national/3`, the prefix of the section's standards' keys.
        let prefix = section.standards.first().map(|st| st.key.rsplit_once('.').map_or("", |(p, _)| p).to_owned());
        view! {
            <form method="post" action="/api/accreditation/review" class="section-agree">
                <input type="hidden" name="case" value=case.id.to_string() />
                <input type="hidden" name="standard" value=prefix.unwrap_or_default() />
                <input type="hidden" name="intent" value="agree-section" />
                <p class="hint">{shared::durations::count(i64::try_from(left).unwrap_or(0), "standard in this section is not agreed yet and not queried.", "standards in this section are not agreed yet and not queried.")}</p>
                <button type="submit" class="button button--secondary">{format!("Agree the rest of {} section {}", section.set_title, section.number)}</button>
            </form>
        }
    })
}

#[component]
fn AssessCase(case: CaseView, returned: Returned, done: Option<String>) -> impl IntoView {
    let errors: Errors = Signal::stored(returned.errors.clone());
    let (id, version) = (case.id, case.version);
    let has = |a: Action| case.actions.contains(&a);
    let unsent = case
        .sections
        .iter()
        .flat_map(|s| s.standards.iter())
        .flat_map(|s| s.queries.iter())
        .filter(|q| !q.sent)
        .count();
    let steps = view! {
        {has(Action::RaiseQueries).then(|| view! {
            <p class="body">{shared::durations::count(i64::try_from(unsent).unwrap_or(0), "query is written and not sent yet.", "queries are written and not sent yet.")}</p>
            <StepForm case=id version action=Action::RaiseQueries label="Send the queries to the centre" />
        })}
        {has(Action::CompleteDeskReview).then(|| view! {
            <StepForm case=id version action=Action::CompleteDeskReview label="Complete the desk review" secondary=true />
        })}
    };
    let visit = (case.stage == Stage::Visit).then(|| {
        let typed = |k: &str| returned.fields.get(k).cloned();
        let on = typed("visit-on").or_else(|| case.visit_on.clone()).unwrap_or_default();
        let report = typed("visit-report").unwrap_or_else(|| case.visit_report.clone());
        let outcomes: Vec<(&'static str, &'static str)> = Outcome::ALL.iter().map(|o| (o.code(), o.label())).collect();
        view! {
            <h2 class="heading-m">"The visit"</h2>
            <form method="post" action="/api/accreditation/visit" id="visit-form" novalidate>
                <input type="hidden" name="case" value=id.to_string() />
                <TextInput id="visit-on" name="visit-on" label="Date of the visit" hint="For example, 2026-03-14" kind="date" value=on errors />
                <TextArea id="visit-report" name="visit-report" label="Report of the visit" value=report errors />
                <button type="submit" class="button button--secondary">"Save the visit"</button>
            </form>
            <h2 class="heading-m">"Your recommendation"</h2>
            <StepForm case=id version action=Action::Recommend label="Send the recommendation to NACCC">
                <Radios id="outcome" name="outcome" legend="What do you recommend?" options=outcomes.clone() value=String::new() errors />
            </StepForm>
        }
    });
    let standards = case
        .sections
        .iter()
        .map(|section| {
            let items = section.standards.iter().map(|st| review_forms(&case, st, &returned, errors)).collect_view();
            view! {
                <h2 class="heading-m">{format!("{}: {}. {}", section.set_title, section.number, section.title)}</h2>
                {items}
                {agree_rest(&case, section)}
            }
        })
        .collect_view();
    view! {
        <a href="/assess/cases" class="back-link">"Your cases"</a>
        <Done done />
        <ErrorSummary errors />
        <h1 class="heading-l">{format!("Assessment: {}", case.centre_name)}</h1>
        <CaseFacts case=case.clone() />
        {steps}
        {visit}
        {standards}
        <History entries=case.history.clone() />
    }
}
