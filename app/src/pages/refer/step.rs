//! `/refer/{step}`: one question page of the referral. Saved on every "continue"; with problems it
//! comes back with an error summary (checked first in the browser when JavaScript runs).

use super::WizardProblem;
use super::api::{SaveStep, WizardView, load_wizard};
use super::checks::{WizardCheck, WizardRule};
use super::fields::{
    adult_fields, consent_fields, court_fields, others_fields, practical_fields, referrer_fields, safety_fields,
};
use super::text;
use crate::components::form::{Errors, Radios};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::referral::{ContactService, ReferrerKind, Step};

#[component]
pub fn StepPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.with(|p| p.get("step").unwrap_or_default());
    let invalid = move || query.with(|q| q.get("invalid").is_some());
    let change = move || query.with(|q| q.get("change").is_some());
    let data = Resource::new(move || (slug(), invalid()), |_| load_wizard());
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let result = data.await;
                match (Step::from_slug(&slug()), result) {
                    (None, _) => view! { <crate::pages::error::NotFoundPage /> }.into_any(),
                    (Some(Step::Children), _) => view! { <crate::pages::error::NotFoundPage /> }.into_any(),
                    (Some(step), Ok(view)) => view! {
                        <Title text=text::step_title(step) />
                        <StepForm step view invalid=invalid() change=change() />
                    }
                    .into_any(),
                    (Some(_), Err(error)) => view! { <WizardProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StepForm(step: Step, view: WizardView, invalid: bool, change: bool) -> impl IntoView {
    let action = ServerAction::<SaveStep>::new();
    let today = view.today.date();
    let centre = view.centre_service();
    let on_load = if invalid { step.errors(&view.answers, centre, today) } else { Vec::new() };
    let errors: Errors = Signal::stored(on_load.clone());
    let rule = WizardRule::Step { step, answers: view.answers.clone(), centre, today: view.today };
    let kind = ReferrerKind::from_code(&view.answers.referrer_kind);
    let back = if change {
        "/refer/check".to_owned()
    } else {
        shared::referral::steps_for(&view.answers)
            .into_iter()
            .take_while(|s| *s != step)
            .last()
            .map_or("/refer/tasks".to_owned(), |s| s.path())
    };
    let title = text::step_title(step);
    view! {
        <a href=back class="back-link">"Back"</a>
        <WizardCheck rule errors=on_load>
        <p class="caption">"Referral "{view.reference.clone()}</p>
        <h1 class="heading-l">{title}</h1>
        <ActionForm action>
            <input type="hidden" name="step" value=step.slug() />
            {change.then(|| view! { <input type="hidden" name="change" value="1" /> })}
            {step_fields(step, &view, kind, errors)}
            <div class="button-group">
                <button type="submit" class="button" data-check="">"Save and continue"</button>
                <button type="submit" class="button button--secondary" name="intent" value="later">"Save and come back later"</button>
            </div>
        </ActionForm>
        </WizardCheck>
        <p><a href="/refer/tasks">"See all the parts of your referral"</a></p>
    }
}

fn step_fields(step: Step, view: &WizardView, kind: Option<ReferrerKind>, errors: Errors) -> AnyView {
    let a = view.answers.clone();
    match step {
        Step::Who => {
            let options = ReferrerKind::ALL.iter().map(|k| (k.code(), text::referrer_kind(*k))).collect();
            view! {
                <Radios id="who-kind" name="kind" legend="Who is making this referral?"
                    hint="Either parent can refer. Professionals refer for a family they work with."
                    options value=a.referrer_kind errors />
            }
            .into_any()
        }
        Step::Referrer => referrer_fields(a.referrer, errors).into_any(),
        Step::Service => service_fields(view, errors).into_any(),
        Step::ResidentParent => {
            let you = kind == Some(ReferrerKind::ResidentParent);
            view! {
                {you.then(|| view! { <p class="inset">"This is you: give your own details."</p> })}
                {adult_fields("resident", a.resident_parent, errors)}
            }
            .into_any()
        }
        Step::OtherParent => {
            let you = kind == Some(ReferrerKind::NonResidentParent);
            view! {
                {if you {
                    view! { <p class="inset">"This is you: give your own details."</p> }.into_any()
                } else {
                    view! { <p class="inset">"Give what you know. The other parent can add their own part later, and will never see yours."</p> }.into_any()
                }}
                {adult_fields("other", a.other_parent, errors)}
            }
            .into_any()
        }
        Step::Others => others_fields(a.others, errors).into_any(),
        Step::Court => court_fields(a.court, errors).into_any(),
        Step::Safety => safety_fields(a.safety, errors).into_any(),
        Step::Practical => practical_fields(a.practical, errors).into_any(),
        Step::Consent => consent_fields(a.consent, errors).into_any(),
        Step::Children => ().into_any(),
    }
}

fn service_fields(view: &WizardView, errors: Errors) -> impl IntoView {
    let centre = view.centre.clone();
    let offered: Vec<(&'static str, &'static str)> = ContactService::ALL
        .into_iter()
        .filter(|s| centre.as_ref().is_none_or(|c| s.offered_by(c.service)))
        .map(|s| (s.code(), text::service(s).0))
        .collect();
    let hints = ContactService::ALL
        .into_iter()
        .map(|s| view! { <li><strong>{text::service(s).0}": "</strong>{text::service(s).1}</li> })
        .collect_view();
    view! {
        {match centre {
            Some(c) => view! {
                <p class="body">"The centre: "<strong>{c.name}</strong>", "{c.town}". "
                    <a id="service-centre" href="/find-a-centre">"Choose a different centre"</a></p>
            }.into_any(),
            None => view! {
                <p class="body">"You have not chosen a centre yet. "
                    <a id="service-centre" href="/find-a-centre">"Find a centre"</a>
                    " and choose “"{crate::messages::use_messages().start_referral}"” on its page."</p>
            }.into_any(),
        }}
        <ul class="list">{hints}</ul>
        <Radios id="service-kind" name="kind" legend="What kind of contact does the family need?"
            hint="Only the kinds this centre offers are listed. If you are not sure, the centre will talk it through with you."
            options=offered value=view.answers.service.clone() errors />
    }
}
