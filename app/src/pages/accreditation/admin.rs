//! NACCC's accreditation pages: `/admin/accreditation` (every centre's case and stage, renewals
//! due in the next 90 days, overdue actions, cases waiting for an assessor; the standards
//! catalogue in force) and `/admin/accreditation/cases/{id}` (confirm an application, assign the
//! assessor, decide, set and close the action plan, suspend, reinstate or remove).

use super::model::{CaseView, Overview};
use super::parts::{CaseFacts, Done, History, StandardsReadOnly, StepForm, items_table};
use crate::components::form::{ErrorSummary, Errors, Select, TextArea, TextInput};
use crate::pages::staff::Returned;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::accreditation::assessment::{ITEM_DUE_FIELD, ITEM_TEXT_FIELD};
use shared::accreditation::{Action, Outcome, Stage};

fn case_link(id: i64) -> String {
    format!("/admin/accreditation/cases/{id}")
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| super::load_overview());
    view! {
        <Title text="Accreditation" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(overview) => view! { <OverviewView overview /> }.into_any(),
                    Err(error) => view! { <super::AccreditationProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OverviewView(overview: Overview) -> impl IntoView {
    let list = |title: &'static str, id: &'static str, cases: &[super::model::CaseSummary], none: &'static str| {
        let body = if cases.is_empty() {
            view! { <p class="body">{none}</p> }.into_any()
        } else {
            super::assess::cases_table(cases, case_link, title, id).into_any()
        };
        view! { <h2 class="heading-m">{title}</h2> {body} }
    };
    let catalogue = overview
        .catalogue
        .iter()
        .map(|set| {
            view! {
                <li>{format!("{}: {} sections, {} standards", set.title, set.sections.len(), set.standards().count())}</li>
            }
        })
        .collect_view();
    view! {
        <a href="/admin" class="back-link">"Back"</a>
        <h1 class="heading-l">"Accreditation"</h1>
        {list("Waiting for an assessor", "waiting-for-assessor", &overview.waiting_for_assessor, "No case is waiting for an assessor.")}
        {list("Renewals due in the next 90 days", "renewals-due", &overview.renewals_due, "No renewal falls due in the next 90 days.")}
        {list("Action plans with overdue actions", "overdue-actions", &overview.overdue_actions, "No action plan has an overdue action.")}
        {list("Every case", "all-cases", &overview.cases, "No centre has an accreditation case yet.")}
        <h2 class="heading-m">"The standards in force"</h2>
        <ul class="list list--bullet" id="catalogue">{catalogue}</ul>
    }
}

#[component]
pub fn AdminCasePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let case = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(case, super::load_case);
    let returned = Resource::new(|| (), |_| super::load_returned());
    view! {
        <Title text="Accreditation case" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let done = query.with_untracked(|q| q.get("done"));
                let returned = returned.await.unwrap_or_default();
                match data.await {
                    Ok(case) => view! { <AdminCase case returned done /> }.into_any(),
                    Err(error) => view! { <super::AccreditationProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AdminCase(case: CaseView, returned: Returned, done: Option<String>) -> impl IntoView {
    let errors: Errors = Signal::stored(returned.errors.clone());
    let (id, version) = (case.id, case.version);
    let typed = |k: &str| returned.fields.get(k).cloned().unwrap_or_default();
    let (fee, assessor, note) = (typed("fee-paid-on"), typed("assessor"), typed("note"));
    let (item_text, item_due) = (typed(ITEM_TEXT_FIELD), typed(ITEM_DUE_FIELD));
    let has = |a: Action| case.actions.contains(&a);
    let confirm = has(Action::Confirm).then(|| {
        view! {
            <h2 class="heading-m">"Confirm the application"</h2>
            <StepForm case=id version action=Action::Confirm label="Confirm the application">
                <TextInput id="fee-paid-on" name="fee-paid-on" label="Date the fee was paid" hint="For example, 2026-03-14" kind="date" value=fee errors />
            </StepForm>
        }
    });
    let assign = has(Action::AssignAssessor).then(|| {
        let mut options = vec![(String::new(), "Choose an assessor".to_owned())];
        options.extend(case.assessors.iter().map(|(i, n)| (i.to_string(), n.clone())));
        view! {
            <h2 class="heading-m">{if case.assessor.is_some() { "Reassign the assessor" } else { "Assign an assessor" }}</h2>
            <StepForm case=id version action=Action::AssignAssessor label="Assign">
                <Select id="assessor" name="assessor" label="Assessor" options value=assessor errors />
            </StepForm>
        }
    });
    let decide = (case.stage == Stage::Decision).then(|| {
        let buttons = Outcome::ALL
            .iter()
            .map(|o| {
                view! { <StepForm case=id version action=Action::Decide(*o) label=format!("Decide: {}", o.label()) secondary=*o != Outcome::AccreditedWithConditions /> }
            })
            .collect_view();
        view! {
            <h2 class="heading-m">"Decide"</h2>
            <p class="body">{case.recommendation.map(|r| format!("The assessor recommends: {}.", r.label())).unwrap_or_default()}</p>
            {buttons}
        }
    });
    let plan = (case.stage == Stage::Conditions || !case.items.is_empty()).then(|| {
        let adding = case.stage == Stage::Conditions;
        view! {
            <h2 class="heading-m" id="action-plan">"Action plan"</h2>
            {(!case.items.is_empty()).then(|| items_table(&case.items))}
            {adding.then(|| view! {
                <form method="post" action="/api/accreditation/item" id="item-form" novalidate>
                    <input type="hidden" name="case" value=id.to_string() />
                    <input type="hidden" name="key" value=format!("{id}-{version}-{}", case.items.len()) />
                    <TextArea id=ITEM_TEXT_FIELD name=ITEM_TEXT_FIELD label="What the centre must do" value=item_text errors />
                    <TextInput id=ITEM_DUE_FIELD name=ITEM_DUE_FIELD label="Due by" hint="For example, 2027-01-31" kind="date" value=item_due errors />
                    <button type="submit" class="button button--secondary">"Add to the action plan"</button>
                </form>
            })}
            {has(Action::CloseActionPlan).then(|| view! {
                <StepForm case=id version action=Action::CloseActionPlan label="Close the action plan: the conditions are met" />
            })}
        }
    });
    let membership = (has(Action::Suspend) || has(Action::Reinstate) || has(Action::Remove)).then(|| {
        view! {
            <h2 class="heading-m">"Membership"</h2>
            {has(Action::Suspend).then(|| view! {
                <StepForm case=id version action=Action::Suspend label="Suspend the centre" secondary=true>
                    <TextArea id="note" name="note" label="Why (the centre sees this)" value=note errors />
                </StepForm>
            })}
            {has(Action::Reinstate).then(|| view! { <StepForm case=id version action=Action::Reinstate label="Reinstate the centre" /> })}
            {has(Action::Remove).then(|| view! { <StepForm case=id version action=Action::Remove label="Remove the centre from membership" secondary=true /> })}
        }
    });
    view! {
        <a href="/admin/accreditation" class="back-link">"Back to accreditation"</a>
        <Done done />
        <ErrorSummary errors />
        <h1 class="heading-l">{format!("Accreditation: {}", case.centre_name)}</h1>
        <CaseFacts case=case.clone() />
        {confirm}
        {assign}
        {decide}
        {plan}
        {membership}
        {(!case.visit_report.is_empty()).then(|| view! {
            <h2 class="heading-m">"The assessor's visit report"</h2>
            <p class="body">{case.visit_report.clone()}</p>
        })}
        <h2 class="heading-m">"The self-assessment"</h2>
        <StandardsReadOnly case=case.clone() />
        <History entries=case.history.clone() />
    }
}
