//! `/refer/tasks`: the task list: every part of the referral, how far each has got, and the way
//! to check and send once all are done.

use super::WizardProblem;
use super::api::{SaveForLater, load_wizard};
use super::text;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::referral::{Step, StepStatus, steps_for};

const SECTIONS: [(&str, &[Step]); 4] = [
    ("About the referral", &[Step::Who, Step::Referrer, Step::Service]),
    ("The family", &[Step::Children, Step::ResidentParent, Step::OtherParent, Step::Others]),
    ("Safety", &[Step::Court, Step::Safety]),
    ("Practical needs and sending", &[Step::Practical, Step::Consent]),
];

#[component]
pub fn TasksPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_wizard());
    let later = ServerAction::<SaveForLater>::new();
    view! {
        <Title text="Your referral" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
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
                    .map(|(heading, steps)| {
                        let items = steps
                            .iter()
                            .filter_map(|step| statuses.iter().find(|(s, _)| s == step))
                            .map(|(step, status)| {
                                let (label, class) = text::status(*status);
                                let id = format!("task-{}", step.slug());
                                view! {
                                    <li class="task-list__item">
                                        <a class="task-list__name" href=step.path() aria-describedby=id.clone()>{text::step_title(*step)}</a>
                                        <strong class=class id=id>{label}</strong>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <h2 class="heading-m">{*heading}</h2>
                            <ul class="task-list">{items}</ul>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="caption">"Referral "{view.reference.clone()}</p>
                    <h1 class="heading-l">"Your referral"</h1>
                    <p class="body">{format!("You have completed {done} of {total} parts.")}</p>
                    {sections}
                    <h2 class="heading-m">"Check and send"</h2>
                    <p><a class="button" href="/refer/check">"Check your answers"</a></p>
                    <ActionForm action=later>
                        <button type="submit" class="button button--secondary">"Save and come back later"</button>
                    </ActionForm>
                }
                .into_any()
            })}
        </Suspense>
    }
}
