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
use crate::messages::{Locale, use_locale};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::referral::{ContactService, FieldError, ReferrerKind, Step};

#[component]
pub fn StepPage() -> impl IntoView {
    let l = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.with(|p| p.get("step").unwrap_or_default());
    let invalid = move || query.with(|q| q.get("invalid").is_some());
    let change = move || query.with(|q| q.get("change").is_some());
    let data = Resource::new(move || (slug(), invalid()), |_| load_wizard());
    view! {
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                let result = data.await;
                match (Step::from_slug(&slug()), result) {
                    (None, _) => view! { <crate::pages::error::NotFoundPage /> }.into_any(),
                    (Some(Step::Children), _) => view! { <crate::pages::error::NotFoundPage /> }.into_any(),
                    (Some(step), Ok(view)) => view! {
                        <Title text=text::step_title(step, l) />
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
    let l = use_locale();
    let action = ServerAction::<SaveStep>::new();
    let today = view.today.date();
    let centre = view.centre_service();
    let on_load =
        if invalid { FieldError::in_locale(step.errors(&view.answers, centre, today), l) } else { Vec::new() };
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
    let title = text::step_title(step, l);
    view! {
        <a href=back class="back-link">{l.pick("Back", "Yn ôl")}</a>
        <WizardCheck rule errors=on_load locale=l>
        <p class="caption">{l.pick("Referral ", "Atgyfeiriad ")}{view.reference.clone()}</p>
        <h1 class="heading-l">{title}</h1>
        <ActionForm action>
            <input type="hidden" name="step" value=step.slug() />
            {change.then(|| view! { <input type="hidden" name="change" value="1" /> })}
            {step_fields(step, &view, kind, errors, l)}
            <div class="button-group">
                <button type="submit" class="button" data-check="">{l.pick("Save and continue", "Cadw a pharhau")}</button>
                <button type="submit" class="button button--secondary" name="intent" value="later">
                    {l.pick("Save and come back later", "Cadw a dod yn ôl yn nes ymlaen")}
                </button>
            </div>
        </ActionForm>
        </WizardCheck>
        <p><a href="/refer/tasks">{l.pick("See all the parts of your referral", "Gweld holl rannau eich atgyfeiriad")}</a></p>
    }
}

fn step_fields(step: Step, view: &WizardView, kind: Option<ReferrerKind>, errors: Errors, l: Locale) -> AnyView {
    let a = view.answers.clone();
    match step {
        Step::Who => {
            let options = ReferrerKind::ALL.iter().map(|k| (k.code(), text::referrer_kind(*k, l))).collect();
            view! {
                <Radios id="who-kind" name="kind" legend=l.pick("Who is making this referral?", "Pwy sy'n gwneud yr atgyfeiriad hwn?")
                    hint=l.pick(
                        "Either parent can refer. Professionals refer for a family they work with.",
                        "Gall y naill riant neu'r llall atgyfeirio. Mae gweithwyr proffesiynol yn atgyfeirio ar ran teulu maen nhw'n gweithio gydag ef.",
                    )
                    options value=a.referrer_kind errors />
            }
            .into_any()
        }
        Step::Referrer => referrer_fields(a.referrer, errors).into_any(),
        Step::Service => service_fields(view, errors, l).into_any(),
        Step::ResidentParent => {
            let you = kind == Some(ReferrerKind::ResidentParent);
            view! {
                {you.then(|| view! {
                    <p class="inset">{l.pick("This is you: give your own details.", "Chi yw'r person hwn: rhowch eich manylion eich hun.")}</p>
                })}
                {adult_fields("resident", a.resident_parent, errors)}
            }
            .into_any()
        }
        Step::OtherParent => {
            let you = kind == Some(ReferrerKind::NonResidentParent);
            view! {
                {if you {
                    view! {
                        <p class="inset">{l.pick("This is you: give your own details.", "Chi yw'r person hwn: rhowch eich manylion eich hun.")}</p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="inset">
                            {l.pick(
                                "Give what you know. The other parent can add their own part later, and will never see yours.",
                                "Rhowch yr hyn rydych chi'n ei wybod. Gall y rhiant arall ychwanegu ei ran ei hun yn nes ymlaen. Fydd y rhiant arall byth yn gweld eich rhan chi.",
                            )}
                        </p>
                    }
                    .into_any()
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

fn service_fields(view: &WizardView, errors: Errors, l: Locale) -> impl IntoView {
    let centre = view.centre.clone();
    let offered: Vec<(&'static str, &'static str)> = ContactService::ALL
        .into_iter()
        .filter(|s| centre.as_ref().is_none_or(|c| s.offered_by(c.service)))
        .map(|s| (s.code(), text::service(s, l).0))
        .collect();
    let hints = ContactService::ALL
        .into_iter()
        .map(move |s| {
            let (name, description) = text::service(s, l);
            view! { <li><strong>{name}": "</strong>{description}</li> }
        })
        .collect_view();
    view! {
        {match centre {
            Some(c) => view! {
                <p class="body">{l.pick("The centre: ", "Y ganolfan: ")}<strong>{c.name}</strong>", "{c.town}". "
                    <a id="service-centre" href="/find-a-centre">{l.pick("Choose a different centre", "Dewis canolfan wahanol")}</a></p>
            }.into_any(),
            None => view! {
                <p class="body">{l.pick("You have not chosen a centre yet. ", "Dydych chi ddim wedi dewis canolfan eto. ")}
                    <a id="service-centre" href="/find-a-centre">{l.pick("Find a centre", "Dewch o hyd i ganolfan")}</a>
                    {l.pick(" and choose “", " a dewiswch “")}{crate::messages::use_messages().start_referral}
                    {l.pick("” on its page.", "” ar ei thudalen.")}</p>
            }.into_any(),
        }}
        <ul class="list">{hints}</ul>
        <Radios id="service-kind" name="kind" legend=l.pick("What kind of contact does the family need?", "Pa fath o gyswllt sydd ei angen ar y teulu?")
            hint=l.pick(
                "Only the kinds this centre offers are listed. If you are not sure, the centre will talk it through with you.",
                "Dim ond y mathau o gyswllt mae'r ganolfan hon yn eu cynnig sydd yn y rhestr. Os nad ydych chi'n siŵr, bydd y ganolfan yn trafod hyn gyda chi.",
            )
            options=offered value=view.answers.service.clone() errors />
    }
}
