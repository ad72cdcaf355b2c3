//! `/refer/children` (the list, add another) and `/refer/children/{n}` (one child per page).

use super::WizardProblem;
use super::api::{RemoveChild, SaveChild, SaveStep, load_wizard};
use super::checks::{WizardCheck, WizardRule};
use crate::components::form::{DateInput, TextArea, TextInput};
use crate::messages::{Locale, use_locale};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::referral::draft::MAX_CHILDREN;
use shared::referral::{ChildForm, FieldError, Step};

#[component]
pub fn ChildrenPage() -> impl IntoView {
    let query = use_query_map();
    let invalid = move || query.with(|q| q.get("invalid").is_some());
    let data = Resource::new(invalid, |_| load_wizard());
    let l = use_locale();
    view! {
        <Title text=l.pick("The children", "Y plant") />
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <ChildrenList view invalid=invalid() /> }.into_any(),
                    Err(error) => view! { <WizardProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Continue" is checked in the browser: there is a child, and each is complete.
#[component]
fn ChildrenList(view: super::api::WizardView, invalid: bool) -> impl IntoView {
    let save = ServerAction::<SaveStep>::new();
    let remove = ServerAction::<RemoveChild>::new();
    let l = use_locale();
    let today = view.today.date();
    let on_load =
        if invalid { FieldError::in_locale(Step::Children.errors(&view.answers, None, today), l) } else { Vec::new() };
    let rule = WizardRule::Children { answers: view.answers.clone(), today: view.today };
    let count = view.answers.children.len();
    let rows = view
        .answers
        .children
        .iter()
        .enumerate()
        .map(|(i, child)| {
            let n = i + 1;
            let id = child.id.to_string();
            let name = if child.name.trim().is_empty() { child_title(n, l) } else { child.name.clone() };
            let complete = child.field_errors(today).is_empty();
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{name.clone()}</dt>
                    <dd class="summary-list__value">
                        {if complete {
                            l.pick("Details complete", "Manylion yn gyflawn")
                        } else {
                            l.pick("Details missing or need correcting", "Manylion ar goll neu mae angen eu cywiro")
                        }}
                    </dd>
                    <dd class="summary-list__actions">
                        <a id=format!("child-{n}") href=format!("/refer/children/{n}")>
                            {l.pick("Change", "Newid")}<span class="visually-hidden">" "{name.clone()}</span>
                        </a>
                        <ActionForm action=remove>
                            <input type="hidden" name="child" value=id />
                            <button type="submit" class="link-button">
                                {l.pick("Remove", "Tynnu")}<span class="visually-hidden">" "{name}</span>
                            </button>
                        </ActionForm>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <a href="/refer/service" class="back-link">{l.pick("Back", "Yn ôl")}</a>
        <WizardCheck rule errors=on_load locale=l>
        <p class="caption">{l.pick("Referral ", "Atgyfeiriad ")}{view.reference.clone()}</p>
        <h1 class="heading-l">{l.pick("The children", "Y plant")}</h1>
        {if count == 0 {
            view! {
                <p class="body">
                    {l.pick("Add each child who will come to the centre.", "Ychwanegwch bob plentyn a fydd yn dod i'r ganolfan.")}
                </p>
            }
            .into_any()
        } else {
            view! { <dl class="summary-list">{rows}</dl> }.into_any()
        }}
        {(count < MAX_CHILDREN).then(|| {
            let label = if count == 0 {
                l.pick("Add a child", "Ychwanegu plentyn")
            } else {
                l.pick("Add another child", "Ychwanegu plentyn arall")
            };
            view! {
                <p><a id="add-child" class="button button--secondary" href=format!("/refer/children/{}", count + 1)>{label}</a></p>
            }
        })}
        <ActionForm action=save>
            <input type="hidden" name="step" value="children" />
            <button type="submit" class="button" data-check="">{l.pick("Continue", "Parhau")}</button>
        </ActionForm>
        </WizardCheck>
        <p><a href="/refer/tasks">{l.pick("See all the parts of your referral", "Gweld holl rannau eich atgyfeiriad")}</a></p>
    }
}

#[component]
pub fn ChildPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let number = move || params.with(|p| p.get("n").and_then(|n| n.parse::<usize>().ok()).unwrap_or(0));
    let invalid = move || query.with(|q| q.get("invalid").is_some());
    let change = move || query.with(|q| q.get("change").is_some());
    let data = Resource::new(move || (number(), invalid()), |_| load_wizard());
    let l = use_locale();
    view! {
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                let view = match data.await {
                    Ok(view) => view,
                    Err(error) => return view! { <WizardProblem error /> }.into_any(),
                };
                let n = number();
                let count = view.answers.children.len();
                if n == 0 || n > count + 1 || n > MAX_CHILDREN {
                    return view! { <crate::pages::error::NotFoundPage /> }.into_any();
                }
                let child = view.answers.children.get(n - 1).cloned().unwrap_or_default();
                view! {
                    <Title text=child_title(n, l) />
                    <ChildForm_ n child today=view.today reference=view.reference invalid=invalid() change=change() />
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The child's details, checked in the browser before they are sent.
#[allow(non_snake_case)]
#[component]
fn ChildForm_(
    n: usize,
    child: ChildForm,
    today: shared::IsoDate,
    reference: String,
    invalid: bool,
    change: bool,
) -> impl IntoView {
    let action = ServerAction::<SaveChild>::new();
    let l = use_locale();
    let today = today.date();
    let on_load = if invalid { FieldError::in_locale(child.field_errors(today), l) } else { Vec::new() };
    let errors = Signal::stored(on_load.clone());
    let rule = WizardRule::Child { today: today.into() };
    let title = child_title(n, l);
    view! {
        <a href="/refer/children" class="back-link">{l.pick("Back", "Yn ôl")}</a>
        <WizardCheck rule errors=on_load locale=l>
        <p class="caption">{l.pick("Referral ", "Atgyfeiriad ")}{reference}</p>
        <h1 class="heading-l">{title}</h1>
        <ActionForm action>
            <input type="hidden" name="number" value=n.to_string() />
            {change.then(|| view! { <input type="hidden" name="change" value="1" /> })}
            <TextInput id="child-name" name="name" label=l.pick("The child's full name", "Enw llawn y plentyn")
                value=child.name errors />
            <DateInput id="child-dob" names=["dob_day", "dob_month", "dob_year"] legend=l.pick("Date of birth", "Dyddiad geni")
                hint=l.pick("For example, 3 4 2019", "Er enghraifft, 3 4 2019")
                values=[child.dob_day, child.dob_month, child.dob_year] errors />
            <TextArea id="child-needs" name="needs"
                label=l.pick(
                    "Anything the centre should know to look after them (optional)",
                    "Unrhyw beth y dylai'r ganolfan ei wybod i ofalu amdanyn nhw (dewisol)"
                )
                hint=l.pick(
                    "For example, health needs, allergies, what helps them settle.",
                    "Er enghraifft, anghenion iechyd, alergeddau, beth sy'n eu helpu i setlo."
                )
                value=child.needs errors />
            <div class="button-group">
                <button type="submit" class="button" data-check="">{l.pick("Save and continue", "Cadw a pharhau")}</button>
                <button type="submit" class="button button--secondary" name="intent" value="later">
                    {l.pick("Save and come back later", "Cadw a dod yn ôl yn nes ymlaen")}
                </button>
            </div>
        </ActionForm>
        </WizardCheck>
    }
}

/// "Child 2", for a child not yet named and as a child's page title.
fn child_title(n: usize, l: Locale) -> String {
    match l {
        Locale::English => format!("Child {n}"),
        Locale::Welsh => format!("Plentyn {n}"),
    }
}
