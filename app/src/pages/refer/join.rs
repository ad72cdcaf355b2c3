//! The other party's part: `/refer/join/{step}`, `/refer/join/check` and `/refer/join/sent`.

use super::WizardProblem;
use super::checks::{WizardCheck, WizardRule};
use super::codes::CodePanel;
use super::fields::{adult_fields, consent_fields, court_fields, practical_fields, referrer_fields, safety_fields};
use super::join_api::{JoinView, SaveJoinStep, SubmitJoin, load_join, load_joined};
use super::text;
use crate::components::form::{ErrorSummary, Errors, Radios};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::referral::{FieldError, JoinStep, Joiner};

#[component]
pub fn JoinStepPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.with(|p| p.get("step").unwrap_or_default());
    let invalid = move || query.with(|q| q.get("invalid").is_some());
    let change = move || query.with(|q| q.get("change").is_some());
    let data = Resource::new(move || (slug(), invalid()), |_| load_join());
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let result = data.await;
                match (JoinStep::from_slug(&slug()), result) {
                    (None, _) => view! { <crate::pages::error::NotFoundPage /> }.into_any(),
                    (Some(step), Ok(view)) => view! {
                        <Title text=text::join_step_title(step) />
                        <JoinForm step view invalid=invalid() change=change() />
                    }
                    .into_any(),
                    (Some(_), Err(error)) => view! { <WizardProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn JoinForm(step: JoinStep, view: JoinView, invalid: bool, change: bool) -> impl IntoView {
    let action = ServerAction::<SaveJoinStep>::new();
    let today = view.today.date();
    let on_load = if invalid { step.errors(&view.answers, today) } else { Vec::new() };
    let errors: Errors = Signal::stored(on_load.clone());
    let rule = WizardRule::Join { step, answers: view.answers.clone(), today: view.today };
    let title = text::join_step_title(step);
    let back = if change {
        "/refer/join/check".to_owned()
    } else {
        view.answers
            .steps()
            .into_iter()
            .take_while(|s| *s != step)
            .last()
            .map_or("/refer/join".to_owned(), |s| s.path())
    };
    view! {
        <a href=back class="back-link">"Back"</a>
        <WizardCheck rule errors=on_load>
        <p class="caption">"Your part of referral "{view.reference.clone()}</p>
        <h1 class="heading-l">{title}</h1>
        {view.own_code.clone().map(|code| view! {
            <p class="body">"The invitation code you used no longer works. To come back to your part later, use this reference and code, which only you have:"</p>
            <CodePanel reference=view.reference.clone() code=Some(code) id="own-code" />
        })}
        <ActionForm action>
            <input type="hidden" name="step" value=step.slug() />
            {change.then(|| view! { <input type="hidden" name="change" value="1" /> })}
            {join_fields(step, &view, errors)}
            <button type="submit" class="button" data-check="">"Save and continue"</button>
        </ActionForm>
        </WizardCheck>
    }
}

fn join_fields(step: JoinStep, view: &JoinView, errors: Errors) -> AnyView {
    let a = view.answers.clone();
    match step {
        JoinStep::Who => view! {
            <Radios id="join-who" name="joiner" legend="Who is adding this part?"
                options=vec![(Joiner::Parent.code(), text::joiner(Joiner::Parent)), (Joiner::Solicitor.code(), text::joiner(Joiner::Solicitor))]
                value=a.joiner errors />
        }
        .into_any(),
        JoinStep::Referrer => referrer_fields(a.referrer, errors).into_any(),
        JoinStep::Parent => view! {
            <p class="inset">"The parent's own details. They are never shown to the other parent unless you say so."</p>
            {adult_fields("parent", a.parent, errors)}
        }
        .into_any(),
        JoinStep::Court => court_fields(a.court, errors).into_any(),
        JoinStep::Safety => safety_fields(a.safety, errors).into_any(),
        JoinStep::Practical => practical_fields(a.practical, errors).into_any(),
        JoinStep::Consent => consent_fields(a.consent, errors).into_any(),
    }
}

#[component]
pub fn JoinCheckPage() -> impl IntoView {
    let query = use_query_map();
    let invalid = move || query.with(|q| q.get("invalid").is_some());
    let data = Resource::new(invalid, |_| load_join());
    let action = ServerAction::<SubmitJoin>::new();
    view! {
        <Title text="Check your part" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let view = match data.await {
                    Ok(view) => view,
                    Err(error) => return view! { <WizardProblem error /> }.into_any(),
                };
                let problems: Vec<FieldError> = view
                    .problems
                    .iter()
                    .filter_map(|(slug, errors)| {
                        let step = JoinStep::from_slug(slug)?;
                        Some(FieldError {
                            field: format!("join-section-{slug}"),
                            message: format!("{}: {}", text::join_step_title(step), errors.first()?.message),
                            welsh: String::new(),
                        })
                    })
                    .collect();
                let ready = problems.is_empty();
                let errors = Signal::stored(problems);
                let sections = view
                    .answers
                    .steps()
                    .into_iter()
                    .map(|step| {
                        let done = !view.problems.iter().any(|(s, _)| s == step.slug());
                        view! {
                            <div class="summary-list__row" id=format!("join-section-{}", step.slug()) tabindex="-1">
                                <dt class="summary-list__key">{text::join_step_title(step)}</dt>
                                <dd class="summary-list__value">{if done { "Done" } else { "Needs answers" }}</dd>
                                <dd class="summary-list__actions">
                                    <a href=format!("{}?change=1", step.path())>"Change"<span class="visually-hidden">" "{text::join_step_title(step)}</span></a>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <ErrorSummary errors />
                    <p class="caption">"Your part of referral "{view.reference.clone()}</p>
                    <h1 class="heading-l">"Check your part before sending it"</h1>
                    <dl class="summary-list">{sections}</dl>
                    {ready.then(|| view! {
                        <ActionForm action>
                            <button type="submit" class="button">"Send my part"</button>
                        </ActionForm>
                    })}
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn JoinSentPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_joined());
    view! {
        <Title text="Your part has been sent" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(reference) => view! {
                        <div class="panel panel--confirmation">
                            <h1 class="panel__title">"Your part has been sent"</h1>
                            <div class="panel__body">"Referral "<strong class="code">{reference}</strong></div>
                        </div>
                        <p class="body">"The centre now has both parts. A coordinator will contact you in the safe way you chose, usually within 5 working days."</p>
                    }
                    .into_any(),
                    Err(error) => view! { <WizardProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
