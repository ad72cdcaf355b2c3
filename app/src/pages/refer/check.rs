//! `/refer/check` (check your answers, with change links back, and send) and `/refer/supervised`
//! (screening says supervised contact and the chosen centre does not offer it).

use super::WizardProblem;
use super::answers::summary_rows;
use super::send_api::{CheckView, SubmitReferral, load_check};
use super::text;
use crate::components::form::ErrorSummary;
use crate::messages::{Locale, use_locale};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use shared::referral::{FieldError, Light, Route, Step, steps_for};

#[component]
pub fn CheckPage() -> impl IntoView {
    let l = use_locale();
    let query = use_query_map();
    let invalid = move || query.with(|q| q.get("invalid").is_some());
    let data = Resource::new(invalid, |_| load_check());
    view! {
        <Title text=l.pick("Check your answers", "Gwirio eich atebion") />
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <CheckAnswers view /> }.into_any(),
                    Err(error) => view! { <WizardProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CheckAnswers(view: CheckView) -> impl IntoView {
    let l = use_locale();
    let action = ServerAction::<SubmitReferral>::new();
    // Each page with problems, linked to its section below (which has its change links).
    let problems: Vec<FieldError> = view
        .problems
        .iter()
        .filter_map(|(slug, errors)| {
            let step = Step::from_slug(slug)?;
            let first = errors.first()?;
            Some(FieldError {
                field: format!("section-{slug}"),
                ..first.titled(text::step_title(step, Locale::English), text::step_title(step, Locale::Welsh))
            })
        })
        .collect();
    let ready = problems.is_empty();
    let errors = Signal::stored(FieldError::in_locale(problems, l));
    let route = view.screening.as_ref().zip(view.centre_service()).map(|(s, centre)| s.route(centre));
    let notice = match route {
        Some(Route::ToCentreSupervised) => Some(view! {
            <div class="inset"><p>
                {l.pick("Because of your answers about safety, the centre will offer ", "Oherwydd eich atebion am ddiogelwch, bydd y ganolfan yn cynnig ")}
                <strong>{l.pick("supervised contact", "cyswllt dan oruchwyliaeth")}</strong>
                {l.pick(", where a trained worker is always with the children.", ", lle mae gweithiwr hyfforddedig gyda'r plant bob amser.")}
            </p></div>
        }.into_any()),
        Some(Route::FindSupervisedCentre) => Some(view! {
            <div class="inset"><p>
                {l.pick(
                    "Your answers about safety mean the children need supervised contact, which this centre does not offer. ",
                    "Mae eich atebion am ddiogelwch yn golygu bod angen cyswllt dan oruchwyliaeth ar y plant, ac nid yw'r ganolfan hon yn cynnig hynny. ",
                )}
                <a href="/refer/supervised">{l.pick("See what you can do", "Gweld beth allwch chi ei wneud")}</a>
            </p></div>
        }.into_any()),
        _ => None,
    };
    let sections = steps_for(&view.answers)
        .into_iter()
        .map(|step| {
            let rows = summary_rows(step, &view, l)
                .into_iter()
                .map(|(question, answer, link)| {
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{question.clone()}</dt>
                            <dd class="summary-list__value">{answer}</dd>
                            <dd class="summary-list__actions">
                                <a href=link>{l.pick("Change", "Newid")}<span class="visually-hidden">" "{question}</span></a>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2 class="heading-m" id=format!("section-{}", step.slug()) tabindex="-1">{text::step_title(step, l)}</h2>
                <dl class="summary-list">{rows}</dl>
            }
        })
        .collect_view();
    view! {
        <a href="/refer/tasks" class="back-link">{l.pick("Back", "Yn ôl")}</a>
        <ErrorSummary errors />
        <p class="caption">{l.pick("Referral ", "Atgyfeiriad ")}{view.reference.clone()}</p>
        <h1 class="heading-l">{l.pick("Check your answers before sending your referral", "Gwirio eich atebion cyn anfon eich atgyfeiriad")}</h1>
        {notice}
        {sections}
        {if ready {
            view! {
                <h2 class="heading-m">{l.pick("Now send your referral", "Anfon eich atgyfeiriad nawr")}</h2>
                <p class="body">{l.pick(
                    "By sending it you confirm that what you have told us is true. The centre will be told at once.",
                    "Drwy ei anfon, rydych chi'n cadarnhau bod yr hyn rydych chi wedi'i ddweud wrthon ni yn wir. Bydd y ganolfan yn cael gwybod ar unwaith.",
                )}</p>
                <ActionForm action>
                    <input type="hidden" name="key" value=view.submission_key.clone() />
                    <button type="submit" class="button">{l.pick("Send referral", "Anfon yr atgyfeiriad")}</button>
                </ActionForm>
            }
            .into_any()
        } else {
            view! { <p class="body">{l.pick(
                "Some parts are not finished yet. Use the links above to complete them, then send your referral.",
                "Mae rhai rhannau heb eu gorffen eto. Defnyddiwch y dolenni uchod i'w cwblhau, yna anfonwch eich atgyfeiriad.",
            )}</p> }.into_any()
        }}
    }
}

#[component]
pub fn SupervisedPage() -> impl IntoView {
    let l = use_locale();
    let data = Resource::new(|| (), |_| load_check());
    view! {
        <Title text=l.pick("The children need supervised contact", "Mae angen cyswllt dan oruchwyliaeth ar y plant") />
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                let view = match data.await {
                    Ok(view) => view,
                    Err(error) => return view! { <WizardProblem error /> }.into_any(),
                };
                let reasons = view
                    .screening
                    .as_ref()
                    .filter(|s| s.light == Light::Red)
                    .map(|s| s.reasons.iter().map(|r| view! { <li>{text::reason(*r, l)}</li> }).collect_view());
                let centre = view.centre.clone();
                let centre_name = centre
                    .as_ref()
                    .map_or(l.pick("The centre you chose", "'r ganolfan a ddewisoch chi").to_owned(), |c| format!(" {}", c.name));
                let cannot_take = match l {
                    Locale::English => format!(
                        "{} offers supported contact only, so it cannot take this referral. Your answers are saved.",
                        centre_name.trim_start()
                    ),
                    // "Mae'r ganolfan…" but "Mae Canolfan X…".
                    Locale::Welsh => format!(
                        "Mae{centre_name} yn cynnig cyswllt gyda chymorth yn unig, felly does dim modd iddi dderbyn yr atgyfeiriad hwn. Mae eich atebion wedi'u cadw."
                    ),
                };
                let search = centre
                    .as_ref()
                    .map_or("/find-a-centre?service=supervised".to_owned(), |c| format!("/find-a-centre?service=supervised&q={}", c.town));
                view! {
                    <a href="/refer/safety" class="back-link">{l.pick("Back", "Yn ôl")}</a>
                    <h1 class="heading-l">{l.pick("The children need supervised contact", "Mae angen cyswllt dan oruchwyliaeth ar y plant")}</h1>
                    {match l {
                        Locale::English => view! {
                            <p class="body">"From what you have told us, the children need "<strong>"supervised contact"</strong>
                                ": one-to-one, with a trained worker always there. This is to keep the children safe. It does not mean anyone is being blamed."</p>
                        }.into_any(),
                        Locale::Welsh => view! {
                            <p class="body">"O'r hyn rydych chi wedi'i ddweud wrthon ni, mae angen "<strong>"cyswllt dan oruchwyliaeth"</strong>
                                " ar y plant: un i un, gyda gweithiwr hyfforddedig yno bob amser. Mae hyn er mwyn cadw'r plant yn ddiogel. Nid yw'n golygu bod unrhyw un yn cael y bai."</p>
                        }.into_any(),
                    }}
                    <p class="body">{l.pick("You told us that:", "Dyma beth ddywedoch chi wrthon ni:")}</p>
                    <ul class="list list--bullet">{reasons}</ul>
                    <p class="body">{cannot_take}</p>
                    <h2 class="heading-m">{l.pick("What you can do", "Beth allwch chi ei wneud")}</h2>
                    <ol class="list list--number">
                        <li>
                            <a href=search>{l.pick("Find a centre that offers supervised contact", "Dewch o hyd i ganolfan sy'n cynnig cyswllt dan oruchwyliaeth")}</a>
                            {l.pick(", open its page and choose “", ", agorwch ei thudalen a dewiswch “")}
                            {crate::messages::use_messages().start_referral}
                            {l.pick("”. Your referral will move there, with your answers.", "”. Bydd eich atgyfeiriad yn symud yno, gyda'ch atebion.")}
                        </li>
                        <li>
                            {l.pick("If an answer was wrong, ", "Os oedd ateb yn anghywir, ")}
                            <a href="/refer/safety?change=1">{l.pick("change your answers about safety", "newidiwch eich atebion am ddiogelwch")}</a>
                            "."
                        </li>
                        <li>{l.pick(
                            "You can also talk it through with the NACCC information line, or with a solicitor or Cafcass if they are involved.",
                            "Gallwch chi hefyd siarad am y peth gyda llinell wybodaeth NACCC, neu gyda chyfreithiwr neu Cafcass os ydyn nhw'n rhan o'r achos.",
                        )}</li>
                    </ol>
                }
                .into_any()
            })}
        </Suspense>
    }
}
