//! The other party's part: `/refer/join/{step}`, `/refer/join/check` and `/refer/join/sent`.

use super::WizardProblem;
use super::checks::{WizardCheck, WizardRule};
use super::codes::CodePanel;
use super::fields::{adult_fields, consent_fields, court_fields, practical_fields, referrer_fields, safety_fields};
use super::join_api::{JoinView, SaveJoinStep, SubmitJoin, load_join, load_joined};
use super::text;
use crate::components::form::{ErrorSummary, Errors, Radios};
use crate::messages::{Locale, use_locale};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::referral::{FieldError, JoinStep, Joiner};

#[component]
pub fn JoinStepPage() -> impl IntoView {
    let l = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.with(|p| p.get("step").unwrap_or_default());
    let invalid = move || query.with(|q| q.get("invalid").is_some());
    let change = move || query.with(|q| q.get("change").is_some());
    let data = Resource::new(move || (slug(), invalid()), |_| load_join());
    view! {
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                let result = data.await;
                match (JoinStep::from_slug(&slug()), result) {
                    (None, _) => view! { <crate::pages::error::NotFoundPage /> }.into_any(),
                    (Some(step), Ok(view)) => view! {
                        <Title text=text::join_step_title(step, l) />
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
    let l = use_locale();
    let action = ServerAction::<SaveJoinStep>::new();
    let today = view.today.date();
    let on_load = if invalid { FieldError::in_locale(step.errors(&view.answers, today), l) } else { Vec::new() };
    let errors: Errors = Signal::stored(on_load.clone());
    let rule = WizardRule::Join { step, answers: view.answers.clone(), today: view.today };
    let title = text::join_step_title(step, l);
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
        <a href=back class="back-link">{l.pick("Back", "Yn ôl")}</a>
        <WizardCheck rule errors=on_load locale=l>
        <p class="caption">{l.pick("Your part of referral ", "Eich rhan o atgyfeiriad ")}{view.reference.clone()}</p>
        <h1 class="heading-l">{title}</h1>
        {view.own_code.clone().map(|code| view! {
            <p class="body">{l.pick(
                "The invitation code you used no longer works. To come back to your part later, use this reference and code, which only you have:",
                "Nid yw'r cod gwahodd a ddefnyddioch chi'n gweithio mwyach. I ddod yn ôl at eich rhan yn nes ymlaen, defnyddiwch y cyfeirnod a'r cod hwn. Dim ond chi sydd â nhw:",
            )}</p>
            <CodePanel reference=view.reference.clone() code=Some(code) id="own-code" />
        })}
        <ActionForm action>
            <input type="hidden" name="step" value=step.slug() />
            {change.then(|| view! { <input type="hidden" name="change" value="1" /> })}
            {join_fields(step, &view, errors, l)}
            <button type="submit" class="button" data-check="">{l.pick("Save and continue", "Cadw a pharhau")}</button>
        </ActionForm>
        </WizardCheck>
    }
}

fn join_fields(step: JoinStep, view: &JoinView, errors: Errors, l: Locale) -> AnyView {
    let a = view.answers.clone();
    match step {
        JoinStep::Who => view! {
            <Radios id="join-who" name="joiner" legend=l.pick("Who is adding this part?", "Pwy sy'n ychwanegu'r rhan hon?")
                options=vec![(Joiner::Parent.code(), text::joiner(Joiner::Parent, l)), (Joiner::Solicitor.code(), text::joiner(Joiner::Solicitor, l))]
                value=a.joiner errors />
        }
        .into_any(),
        JoinStep::Referrer => referrer_fields(a.referrer, errors).into_any(),
        JoinStep::Parent => view! {
            <p class="inset">{l.pick(
                "The parent's own details. They are never shown to the other parent unless you say so.",
                "Manylion y rhiant ei hun. Fyddan nhw byth yn cael eu dangos i'r rhiant arall oni bai eich bod chi'n dweud.",
            )}</p>
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
    let l = use_locale();
    let query = use_query_map();
    let invalid = move || query.with(|q| q.get("invalid").is_some());
    let data = Resource::new(invalid, |_| load_join());
    let action = ServerAction::<SubmitJoin>::new();
    view! {
        <Title text=l.pick("Check your part", "Gwirio eich rhan") />
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
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
                            ..errors.first()?.titled(
                                text::join_step_title(step, Locale::English),
                                text::join_step_title(step, Locale::Welsh),
                            )
                        })
                    })
                    .collect();
                let problems = FieldError::in_locale(problems, l);
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
                                <dt class="summary-list__key">{text::join_step_title(step, l)}</dt>
                                <dd class="summary-list__value">{if done { l.pick("Done", "Wedi'i wneud") } else { l.pick("Needs answers", "Angen atebion") }}</dd>
                                <dd class="summary-list__actions">
                                    <a href=format!("{}?change=1", step.path())>{l.pick("Change", "Newid")}<span class="visually-hidden">" "{text::join_step_title(step, l)}</span></a>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <ErrorSummary errors />
                    <p class="caption">{l.pick("Your part of referral ", "Eich rhan o atgyfeiriad ")}{view.reference.clone()}</p>
                    <h1 class="heading-l">{l.pick("Check your part before sending it", "Gwiriwch eich rhan cyn ei hanfon")}</h1>
                    <dl class="summary-list">{sections}</dl>
                    {ready.then(|| view! {
                        <ActionForm action>
                            <button type="submit" class="button">{l.pick("Send my part", "Anfon fy rhan")}</button>
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
    let l = use_locale();
    let data = Resource::new(|| (), |_| load_joined());
    view! {
        <Title text=l.pick("Your part has been sent", "Mae eich rhan wedi'i hanfon") />
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(reference) => view! {
                        <div class="panel panel--confirmation">
                            <h1 class="panel__title">{l.pick("Your part has been sent", "Mae eich rhan wedi'i hanfon")}</h1>
                            <div class="panel__body">{l.pick("Referral ", "Atgyfeiriad ")}<strong class="code">{reference}</strong></div>
                        </div>
                        <p class="body">{l.pick(
                            "The centre now has both parts. A coordinator will contact you in the safe way you chose, usually within 5 working days.",
                            "Mae gan y ganolfan y ddwy ran nawr. Bydd cydlynydd yn cysylltu â chi yn y ffordd ddiogel a ddewisoch chi, fel arfer o fewn 5 diwrnod gwaith.",
                        )}</p>
                    }
                    .into_any(),
                    Err(error) => view! { <WizardProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
