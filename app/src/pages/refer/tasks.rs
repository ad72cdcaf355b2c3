//! `/refer/tasks`: the task list: every part of the referral, how far each has got, and the way
//! to check and send once all are done.

use super::WizardProblem;
use super::api::{SaveForLater, load_wizard};
use super::text;
use crate::messages::{Locale, use_locale};
use leptos::prelude::*;
use leptos_meta::Title;
use shared::referral::{Step, StepStatus, steps_for};

/// (English heading, Welsh heading, its pages).
const SECTIONS: [(&str, &str, &[Step]); 4] = [
    ("About the referral", "Am yr atgyfeiriad", &[Step::Who, Step::Referrer, Step::Service]),
    ("The family", "Y teulu", &[Step::Children, Step::ResidentParent, Step::OtherParent, Step::Others]),
    ("Safety", "Diogelwch", &[Step::Court, Step::Safety]),
    ("Practical needs and sending", "Anghenion ymarferol ac anfon", &[Step::Practical, Step::Consent]),
];

#[component]
pub fn TasksPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_wizard());
    let l = use_locale();
    let later = ServerAction::<SaveForLater>::new();
    view! {
        <Title text=l.pick("Your referral", "Eich atgyfeiriad") />
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                let view = match data.await {
                    Ok(view) => view,
                    Err(error) => return view! { <WizardProblem error /> }.into_any(),
                };
                let today = view.today.date();
                let centre = view.centre_service();
                let applies = steps_for(&view.answers);
                let statuses: Vec<(Step, StepStatus)> =
                    applies.iter().map(|s| (*s, s.status(&view.answers, centre, today))).collect();
                let done = statuses.iter().filter(|(_, st)| *st == StepStatus::Completed).count();
                let total = statuses.len();
                let sections = SECTIONS
                    .iter()
                    .map(|&(english, welsh, steps)| {
                        let items = steps
                            .iter()
                            .filter_map(|step| statuses.iter().find(|(s, _)| s == step))
                            .map(|(step, status)| {
                                let (label, class) = text::status(*status, l);
                                let id = format!("task-{}", step.slug());
                                view! {
                                    <li class="task-list__item">
                                        <a class="task-list__name" href=step.path() aria-describedby=id.clone()>{text::step_title(*step, l)}</a>
                                        <strong class=class id=id>{label}</strong>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <h2 class="heading-m">{l.pick(english, welsh)}</h2>
                            <ul class="task-list">{items}</ul>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="caption">{l.pick("Referral ", "Atgyfeiriad ")}{view.reference.clone()}</p>
                    <h1 class="heading-l">{l.pick("Your referral", "Eich atgyfeiriad")}</h1>
                    <p class="body">{match l {
                        Locale::English => format!("You have completed {done} of {total} parts."),
                        Locale::Welsh => format!("Rydych chi wedi cwblhau {done} o {total} rhan."),
                    }}</p>
                    {sections}
                    <h2 class="heading-m">{l.pick("Check and send", "Gwirio ac anfon")}</h2>
                    <p><a class="button" href="/refer/check">{l.pick("Check your answers", "Gwirio eich atebion")}</a></p>
                    <ActionForm action=later>
                        <button type="submit" class="button button--secondary">{l.pick("Save and come back later", "Cadw a dod yn ôl yn nes ymlaen")}</button>
                    </ActionForm>
                }
                .into_any()
            })}
        </Suspense>
    }
}
