//! The return's form: for each service the centre offers, its figures in four groups, each
//! computed figure with what the system worked out and each compared one with last quarter's,
//! and a note box where a reason or explanation may be needed. A plain form (it works without
//! JavaScript); with JavaScript the shared checks run before it is sent.

use super::model::ReturnView;
use super::quarter_words;
use crate::components::form::{TextArea, TextInput};
use crate::pages::staff::Returned;
use crate::pages::staff_checks::{StaffCheck, StaffRule};
use leptos::prelude::*;
use shared::ReferralSource;
use shared::referral::FieldError;
use shared::returns::checks::COMPARED;
use shared::returns::lifecycle::AMEND_REASON_FIELD;
use shared::returns::{FigureKey, Measure, ReturnState, Service};

/// The groups of figures, as the return asks for them.
fn groups() -> Vec<(&'static str, Vec<Measure>)> {
    let mut referrals = vec![Measure::Referrals];
    referrals.extend(ReferralSource::ALL.map(Measure::Source));
    vec![
        ("Referrals received", referrals),
        ("What happened to referrals", vec![Measure::Accepted, Measure::Rejected, Measure::NoShow]),
        ("People", vec![Measure::Children, Measure::Families, Measure::Volunteers, Measure::PaidStaff]),
        ("Sessions", vec![Measure::SessionsAvailable, Measure::SessionsBooked]),
    ]
}

/// Whether a figure has a note box: it may need a reason (computed) or an explanation (queried).
fn has_note(measure: Measure) -> bool {
    measure.is_computed() || COMPARED.contains(&measure) || measure == Measure::NoShow
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[component]
pub fn ReturnFormView(view: ReturnView, returned: Returned, done: Option<String>) -> impl IntoView {
    let typed = if returned.fields.is_empty() { view.fields.clone() } else { returned.fields.clone() };
    let errors: Signal<Vec<FieldError>> = Signal::stored(returned.errors.clone());
    let amending = view.state.is_submitted();
    let rule = StaffRule::Return { context: view.context.clone(), amending };
    let value = move |name: &str| typed.get(name).cloned().unwrap_or_default();
    let services = view.context.services.clone();
    let sections = services.iter().map(|&service| service_section(service, &view, &value, errors)).collect_view();
    let asked = questions(&view, &value, errors);
    let done = done.and_then(|d| match d.as_str() {
        "saved" => Some("Draft saved. You can come back to it at any time before you submit it."),
        "submitted" => Some("Return submitted. Thank you: NACCC can now see your figures."),
        _ => None,
    });
    let title = format!("Statistics return: {}", quarter_words(view.quarter));
    view! {
        <a href="/centre/returns" class="back-link">"Back to returns"</a>
        {done.map(|d| view! { <div class="notice" role="status" id="return-done"><p class="body">{d}</p></div> })}
        <h1 class="heading-l">{title}</h1>
        <dl class="summary-list" id="return-facts">
            <div class="summary-list__row"><dt class="summary-list__key">"Centre"</dt><dd class="summary-list__value">{view.centre.clone()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Return"</dt><dd class="summary-list__value" id="return-state">{view.state.label()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Due"</dt><dd class="summary-list__value">{view.due.to_string()}" ("{view.standing.label()}")"</dd></div>
            {view.submitted_on.map(|d| view! { <div class="summary-list__row"><dt class="summary-list__key">"Submitted"</dt><dd class="summary-list__value">{d.to_string()}</dd></div> })}
        </dl>
        <p class="body">"Figures marked “worked out from your referrals” come from the referrals your centre received through Safe Referral and their cases. If yours differ (for example, referrals that came by phone), change the figure and say why. Do not name anyone in a note."</p>
        <StaffCheck rule errors=returned.errors.clone()>
            <form method="post" action="/api/centre/return/save" id="return-form" novalidate>
                <input type="hidden" name="quarter" value=view.quarter.to_string() />
                <input type="hidden" name="version" value=view.version.map(|v| v.to_string()).unwrap_or_default() />
                {sections}
                {asked}
                {amending.then(|| view! {
                    <TextArea id=AMEND_REASON_FIELD name=AMEND_REASON_FIELD label="Why are you amending this return?"
                        hint="NACCC keeps every amendment with who made it, when and why" value=value(AMEND_REASON_FIELD) errors />
                })}
                <div class="button-group">
                    <button type="submit" name="intent" value="submit" class="button" data-check="">
                        {if amending { "Submit the amended return" } else { "Submit return" }}
                    </button>
                    {(view.state == ReturnState::Draft).then(|| view! {
                        <button type="submit" name="intent" value="save" class="button button--secondary">"Save draft"</button>
                    })}
                </div>
            </form>
        </StaffCheck>
        <Amendments view=view.clone() />
    }
}

fn service_section(
    service: Service,
    view: &ReturnView,
    value: &dyn Fn(&str) -> String,
    errors: Signal<Vec<FieldError>>,
) -> AnyView {
    let groups = groups()
        .into_iter()
        .map(|(title, measures)| {
            let fields = measures
                .into_iter()
                .map(|measure| figure(FigureKey::new(service, measure), view, value, errors))
                .collect_view();
            view! {
                <fieldset class="fieldset">
                    <legend class="fieldset__legend heading-s">{format!("{}: {}", service.label(), title.to_lowercase())}</legend>
                    {fields}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="return-service" aria-labelledby=format!("{}-heading", service.code())>
            <h2 class="heading-m" id=format!("{}-heading", service.code())>{service.label()}</h2>
            {groups}
        </section>
    }
    .into_any()
}

fn figure(
    key: FigureKey,
    view: &ReturnView,
    value: &dyn Fn(&str) -> String,
    errors: Signal<Vec<FieldError>>,
) -> AnyView {
    let mut hints = Vec::new();
    if key.measure.is_computed()
        && let Some(n) = view.context.computed.0.get(&key)
    {
        hints.push(format!("Worked out from your referrals: {n}."));
    }
    if let Some(n) = view.context.previous.as_ref().and_then(|p| p.0.get(&key)) {
        hints.push(format!("Last quarter: {n}."));
    }
    if key.measure == Measure::Referrals {
        hints.push("The sources below must add up to this.".to_owned());
    }
    let hint = (!hints.is_empty()).then(|| hints.join(" "));
    let note = has_note(key.measure).then(|| {
        view! {
            <TextArea id=key.note_code() name=key.note_code() label=format!("Note on {} (if needed)", key.measure.label())
                hint="Needed if you change a figure worked out from your referrals, or it is far from last quarter's"
                value=value(&key.note_code()) errors />
        }
    });
    let (id, label, typed) = (key.code(), capitalised(key.measure.label()), value(&key.code()));
    let input = match hint {
        Some(hint) => {
            view! { <TextInput id=id.clone() name=id label hint value=typed errors class="input input--width-4" /> }
                .into_any()
        }
        None => view! { <TextInput id=id.clone() name=id label value=typed errors class="input input--width-4" /> }
            .into_any(),
    };
    view! { {input} {note} }.into_any()
}

/// The questions NACCC added for the quarter, after the figures.
fn questions(view: &ReturnView, value: &dyn Fn(&str) -> String, errors: Signal<Vec<FieldError>>) -> Option<AnyView> {
    use crate::components::choices::{Choice, Choices};
    use shared::returns::questions::QuestionKind;
    let asked = &view.context.questions;
    if asked.is_empty() {
        return None;
    }
    let items = asked
        .iter()
        .map(|q| {
            let legend = if q.required { q.text.clone() } else { format!("{} (optional)", q.text) };
            let hint = (!q.hint.is_empty()).then(|| q.hint.clone());
            match q.kind {
                QuestionKind::WholeNumber => {
                    let (id, typed) = (q.field(), value(&q.field()));
                    match hint {
                        Some(hint) => view! {
                            <TextInput id=id.clone() name=id label=legend hint value=typed errors class="input input--width-4" />
                        }
                        .into_any(),
                        None => view! {
                            <TextInput id=id.clone() name=id label=legend value=typed errors class="input input--width-4" />
                        }
                        .into_any(),
                    }
                }
                kind => {
                    let several = kind == QuestionKind::SeveralChoices;
                    let chosen = value(&q.field());
                    let options = q
                        .options()
                        .into_iter()
                        .enumerate()
                        .map(|(i, label)| {
                            if several {
                                let field = q.choice_field(i);
                                Choice { id: field.clone(), chosen: !value(&field).is_empty(), name: field, value: "yes".into(), label }
                            } else {
                                let id = if i == 0 { q.field() } else { format!("{}-{}", q.field(), i + 1) };
                                let v = q.choice_value(i);
                                Choice { id, name: q.field(), chosen: chosen.trim() == v, value: v, label }
                            }
                        })
                        .collect();
                    match hint {
                        Some(hint) => view! { <Choices id=q.field() legend hint several options errors /> }.into_any(),
                        None => view! { <Choices id=q.field() legend several options errors /> }.into_any(),
                    }
                }
            }
        })
        .collect_view();
    Some(
        view! {
            <section class="return-questions" aria-labelledby="questions-heading">
                <h2 class="heading-m" id="questions-heading">"Questions from NACCC for this quarter"</h2>
                <p class="body">"Answer about the families and children your centre worked with this quarter. Do not name anyone."</p>
                {items}
            </section>
        }
        .into_any(),
    )
}

#[component]
fn Amendments(view: ReturnView) -> impl IntoView {
    if view.amendments.is_empty() && view.queries.is_empty() {
        return ().into_any();
    }
    let queries = view
        .queries
        .iter()
        .map(|q| {
            let why = view.fields.get(&q.key().note_code()).cloned().unwrap_or_default();
            view! { <li>{q.describe()}". Explained: "{why}</li> }
        })
        .collect_view();
    let amendments = view
        .amendments
        .into_iter()
        .map(|a| {
            let changes = a
                .changes
                .iter()
                .map(|(k, before, after)| format!("{}, {}: {before} → {after}", k.service.label(), k.measure.label()))
                .chain(a.answers.iter().map(|(question, before, after)| {
                    let word = |w: &str| if w.is_empty() { "no answer".to_owned() } else { w.to_owned() };
                    format!("{question}: {} → {}", word(before), word(after))
                }))
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <tr><td>{a.at}</td><td>{a.by}</td><td>{a.reason}</td><td>{if changes.is_empty() { "No figure changed".to_owned() } else { changes }}</td></tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="heading-m">"Queries and history"</h2>
        <ul class="list" id="return-queries">{queries}</ul>
        <div class="table-wrap">
            <table class="table" id="return-amendments">
                <caption class="visually-hidden">"Amendments, oldest first"</caption>
                <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"Why"</th><th scope="col">"What changed"</th></tr></thead>
                <tbody>{amendments}</tbody>
            </table>
        </div>
    }
    .into_any()
}
