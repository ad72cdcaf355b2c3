//! `/refer/check` (check your answers, with change links back, and send) and `/refer/supervised`
//! (screening says supervised contact and the chosen centre does not offer it).

use super::WizardProblem;
use super::send_api::{CheckView, SubmitReferral, load_check};
use super::text;
use crate::components::form::ErrorSummary;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use shared::referral::{
    AdultForm, ContactService, DraftAnswers, FieldError, Light, ReferrerKind, Route, Step, steps_for,
};

#[component]
pub fn CheckPage() -> impl IntoView {
    let query = use_query_map();
    let invalid = move || query.with(|q| q.get("invalid").is_some());
    let data = Resource::new(invalid, |_| load_check());
    view! {
        <Title text="Check your answers" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
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
                message: format!("{}: {}", text::step_title(step), first.message),
                welsh: String::new(),
            })
        })
        .collect();
    let errors = Signal::stored(problems.clone());
    let ready = problems.is_empty();
    let route = view.screening.as_ref().zip(view.centre_service()).map(|(s, centre)| s.route(centre));
    let notice = match route {
        Some(Route::ToCentreSupervised) => Some(view! {
            <div class="inset"><p>"Because of your answers about safety, the centre will offer "<strong>"supervised contact"</strong>", where a trained worker is always with the children."</p></div>
        }.into_any()),
        Some(Route::FindSupervisedCentre) => Some(view! {
            <div class="inset"><p>"Your answers about safety mean the children need supervised contact, which this centre does not offer. "
                <a href="/refer/supervised">"See what you can do"</a></p></div>
        }.into_any()),
        _ => None,
    };
    let sections = steps_for(&view.answers)
        .into_iter()
        .map(|step| {
            let rows = summary_rows(step, &view)
                .into_iter()
                .map(|(question, answer, link)| {
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{question.clone()}</dt>
                            <dd class="summary-list__value">{answer}</dd>
                            <dd class="summary-list__actions">
                                <a href=link>"Change"<span class="visually-hidden">" "{question}</span></a>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2 class="heading-m" id=format!("section-{}", step.slug()) tabindex="-1">{text::step_title(step)}</h2>
                <dl class="summary-list">{rows}</dl>
            }
        })
        .collect_view();
    view! {
        <a href="/refer/tasks" class="back-link">"Back"</a>
        <ErrorSummary errors />
        <p class="caption">"Referral "{view.reference.clone()}</p>
        <h1 class="heading-l">"Check your answers before sending your referral"</h1>
        {notice}
        {sections}
        {if ready {
            view! {
                <h2 class="heading-m">"Now send your referral"</h2>
                <p class="body">"By sending it you confirm that what you have told us is true. The centre will be told at once."</p>
                <ActionForm action>
                    <input type="hidden" name="key" value=view.submission_key.clone() />
                    <button type="submit" class="button">"Send referral"</button>
                </ActionForm>
            }
            .into_any()
        } else {
            view! { <p class="body">"Some parts are not finished yet. Use the links above to complete them, then send your referral."</p> }.into_any()
        }}
    }
}

fn change(step: Step) -> String {
    format!("{}?change=1", step.path())
}

fn or_not_given(s: &str) -> String {
    if s.trim().is_empty() { "Not given".to_owned() } else { s.trim().to_owned() }
}

fn date(d: &str, m: &str, y: &str) -> String {
    if [d, m, y].iter().all(|p| p.trim().is_empty()) {
        "Not given".to_owned()
    } else {
        format!("{} / {} / {}", d.trim(), m.trim(), y.trim())
    }
}

fn ticked(pairs: &[(&str, &str)]) -> String {
    let list: Vec<&str> = pairs.iter().filter(|(v, _)| v.trim() == "yes").map(|(_, label)| *label).collect();
    if list.is_empty() { "None".to_owned() } else { list.join(", ") }
}

/// (question, answer, change link) for each answer on a page.
pub(crate) fn summary_rows(step: Step, view: &CheckView) -> Vec<(String, String, String)> {
    let a: &DraftAnswers = &view.answers;
    let link = change(step);
    let row = |q: &str, v: String| (q.to_owned(), v, link.clone());
    match step {
        Step::Who => vec![row(
            "Who is referring",
            ReferrerKind::from_code(&a.referrer_kind).map_or("Not answered", text::referrer_kind).to_owned(),
        )],
        Step::Referrer => vec![
            row("Your name", or_not_given(&a.referrer.name)),
            row("Organisation", or_not_given(&a.referrer.organisation)),
            row("Email", or_not_given(&a.referrer.email)),
            row("Phone", or_not_given(&a.referrer.phone)),
        ],
        Step::Service => vec![
            row("Centre", view.centre.as_ref().map_or("Not chosen".to_owned(), |c| format!("{}, {}", c.name, c.town))),
            row(
                "Kind of contact",
                ContactService::from_code(&a.service).map_or("Not answered", |s| text::service(s).0).to_owned(),
            ),
        ],
        Step::Children => a
            .children
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let n = i + 1;
                let needs = if c.needs.trim().is_empty() { String::new() } else { format!("; {}", c.needs.trim()) };
                (
                    format!("Child {n}"),
                    format!("{}, born {}{needs}", or_not_given(&c.name), date(&c.dob_day, &c.dob_month, &c.dob_year)),
                    format!("/refer/children/{n}?change=1"),
                )
            })
            .chain(
                a.children
                    .is_empty()
                    .then(|| ("Children".to_owned(), "None added".to_owned(), "/refer/children".to_owned())),
            )
            .collect(),
        Step::ResidentParent => adult_rows(&a.resident_parent, &link),
        Step::OtherParent => adult_rows(&a.other_parent, &link),
        Step::Others => vec![
            row("Anyone else coming", text::answer(&a.others.attending).to_owned()),
            row("Who", or_not_given(&a.others.details)),
        ],
        Step::Court => {
            let c = &a.court;
            vec![
                row("Court proceedings", text::answer(&c.proceedings).to_owned()),
                row(
                    "Orders in force",
                    ticked(&[
                        (&c.order_child_arrangements, "child arrangements order"),
                        (&c.order_prohibited_steps, "prohibited steps order"),
                        (&c.order_non_molestation, "non-molestation order"),
                        (&c.order_occupation, "occupation order"),
                        (&c.order_bail_conditions, "bail conditions"),
                    ]),
                ),
                row("An order says how contact can happen", text::answer(&c.order_allows_contact).to_owned()),
                row("Social services involved", text::answer(&c.social_services).to_owned()),
                row("Case number", or_not_given(&c.case_number)),
                row("More about the case", or_not_given(&c.details)),
            ]
        }
        Step::Safety => {
            let s = &a.safety;
            vec![
                row(
                    "Abuse",
                    ticked(&[
                        (&s.abuse_physical, "physical"),
                        (&s.abuse_psychological, "psychological"),
                        (&s.abuse_emotional, "emotional"),
                        (&s.abuse_sexual, "sexual"),
                        (&s.abuse_financial, "financial"),
                        (&s.abuse_of_children, "of the children"),
                    ]),
                ),
                row("Conviction for an offence against a child", text::answer(&s.child_offence_conviction).to_owned()),
                row("Risk of the children being taken or hidden", text::answer(&s.abduction_risk).to_owned()),
                row("Passports", or_not_given(&s.passports)),
                row("Drugs or alcohol", text::answer(&s.drugs_or_alcohol).to_owned()),
                row("Mental health", text::answer(&s.mental_health).to_owned()),
                row("Other concerns", or_not_given(&s.other_details)),
            ]
        }
        Step::Practical => {
            let p = &a.practical;
            vec![
                row(
                    "Days",
                    ticked(&[
                        (&p.day_mon, "Monday"),
                        (&p.day_tue, "Tuesday"),
                        (&p.day_wed, "Wednesday"),
                        (&p.day_thu, "Thursday"),
                        (&p.day_fri, "Friday"),
                        (&p.day_sat, "Saturday"),
                        (&p.day_sun, "Sunday"),
                    ]),
                ),
                row("Earliest start", date(&p.start_day, &p.start_month, &p.start_year)),
                row("Notes", or_not_given(&p.notes)),
            ]
        }
        Step::Consent => vec![row(
            "Confirmed",
            if a.consent.truth == "yes" && a.consent.sharing == "yes" { "Yes" } else { "Not yet" }.to_owned(),
        )],
    }
}

pub(crate) fn adult_rows(f: &AdultForm, link: &str) -> Vec<(String, String, String)> {
    let row = |q: &str, v: String| (q.to_owned(), v, link.to_owned());
    let contact = match f.contact_method.trim() {
        "phone" => format!(
            "Phone: {} ({})",
            or_not_given(&f.phone),
            if f.messages_ok == "yes" { "messages may be left" } else { "no messages" }
        ),
        "email" => format!("Email: {}", or_not_given(&f.email)),
        "post" => "Post, to the address below".to_owned(),
        _ => "Not answered".to_owned(),
    };
    let address: Vec<&str> = [&f.address_line_1, &f.address_line_2, &f.town, &f.postcode]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let address = if address.is_empty() {
        "Not given".to_owned()
    } else {
        let shared =
            if f.share_address == "yes" { "may be shared with the other parent" } else { "kept from the other parent" };
        format!("{} ({shared})", address.join(", "))
    };
    vec![
        row("Name", or_not_given(&f.name)),
        row("Date of birth", date(&f.dob_day, &f.dob_month, &f.dob_year)),
        row("Safe contact", contact),
        row("Address", address),
        row("Parental responsibility", text::answer(&f.parental_responsibility).to_owned()),
        row(
            "Language",
            format!(
                "{}{}",
                or_not_given(&f.language),
                if f.interpreter == "yes" { ", needs an interpreter" } else { "" }
            ),
        ),
        row("Access needs", or_not_given(&f.access_needs)),
    ]
}

#[component]
pub fn SupervisedPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_check());
    view! {
        <Title text="The children need supervised contact" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let view = match data.await {
                    Ok(view) => view,
                    Err(error) => return view! { <WizardProblem error /> }.into_any(),
                };
                let reasons = view
                    .screening
                    .as_ref()
                    .filter(|s| s.light == Light::Red)
                    .map(|s| s.reasons.iter().map(|r| view! { <li>{text::reason(*r)}</li> }).collect_view());
                let centre = view.centre.clone();
                let centre_name = centre.as_ref().map_or("The centre you chose".to_owned(), |c| c.name.clone());
                let search = centre
                    .as_ref()
                    .map_or("/find-a-centre?service=supervised".to_owned(), |c| format!("/find-a-centre?service=supervised&q={}", c.town));
                view! {
                    <a href="/refer/safety" class="back-link">"Back"</a>
                    <h1 class="heading-l">"The children need supervised contact"</h1>
                    <p class="body">"From what you have told us, the children need "<strong>"supervised contact"</strong>
                        ": one-to-one, with a trained worker always there. This is to keep the children safe. It does not mean anyone is being blamed."</p>
                    <p class="body">"You told us that:"</p>
                    <ul class="list list--bullet">{reasons}</ul>
                    <p class="body">{centre_name}" offers supported contact only, so it cannot take this referral. Your answers are saved."</p>
                    <h2 class="heading-m">"What you can do"</h2>
                    <ol class="list list--number">
                        <li><a href=search>"Find a centre that offers supervised contact"</a>", open its page and choose “"{crate::messages::use_messages().start_referral}"”. Your referral will move there, with your answers."</li>
                        <li>"If an answer was wrong, "<a href="/refer/safety?change=1">"change your answers about safety"</a>"."</li>
                        <li>"You can also talk it through with the NACCC information line, or with a solicitor or Cafcass if they are involved."</li>
                    </ol>
                }
                .into_any()
            })}
        </Suspense>
    }
}
