//! `/centre/referrals/{reference}`: one of the centre's referrals. Both parents' parts (each
//! view of them is audit-logged on the server), screening, the case's stage and what can be done
//! next, notes, assignment and the history. Another centre's reference is simply "not found".

use super::case_actions::{ActOnCase, AddNote, AssignCase, CaseActions, NoteForm, load_returned};
use super::model::CaseView;
use super::{WorkspaceError, WorkspaceProblem, text};
use crate::pages::refer::answers::{adult_rows, summary_rows};
use crate::pages::refer::send_api::CheckView;
use crate::pages::staff_checks::{StaffCheck, StaffRule};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::referral::{DraftAnswers, Step, steps_for};

#[server(endpoint = "centre/case")]
pub async fn load_case(#[server(default)] reference: String) -> Result<CaseView, WorkspaceError> {
    let user = super::centre_user().await?;
    let reference = shared::referral::ReferralReference::parse(&reference).map_err(|_| super::not_found())?;
    let case = super::ports()?.cases.case(&user, &reference).await.map_err(super::unavailable)?;
    case.ok_or_else(super::not_found)
}

fn done_message(code: &str) -> Option<String> {
    match code {
        "note" => Some("Note added.".to_owned()),
        "assigned" => Some("Assignment saved.".to_owned()),
        "advice-asked" => Some("NACCC's safeguarding lead has been asked for advice.".to_owned()),
        "advice-closed" => Some("Advice request closed: NACCC can no longer read this referral.".to_owned()),
        code => shared::referral::case::ActionKind::from_code(code).map(|a| format!("Done: {}.", text::action(a))),
    }
}

/// Rows of answers for the page, without change links.
pub(crate) fn answers(reference: &str, today: shared::IsoDate, answers: &DraftAnswers, steps: Vec<Step>) -> AnyView {
    let check = CheckView {
        reference: reference.to_owned(),
        answers: answers.clone(),
        centre: None,
        today,
        problems: Vec::new(),
        screening: None,
        submission_key: String::new(),
    };
    steps
        .into_iter()
        .map(|step| {
            let rows = summary_rows(step, &check, shared::Locale::English)
                .into_iter()
                .map(|(q, a, _)| view! {
                    <div class="summary-list__row"><dt class="summary-list__key">{q}</dt><dd class="summary-list__value">{a}</dd></div>
                })
                .collect_view();
            view! {
                <h3 class="heading-s">{crate::pages::refer::text::step_title(step, shared::Locale::English)}</h3>
                <dl class="summary-list">{rows}</dl>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let reference = move || params.with(|p| p.get("reference").unwrap_or_default());
    let data = Resource::new(reference, load_case);
    let advice = Resource::new(reference, crate::pages::safeguarding::load_case_advice);
    let returned = Resource::new(|| (), |_| load_returned());
    view! {
        <Title text="Referral" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                // Every resource is awaited before any early answer: one left running would finish
                // (and audit-log a refusal) after the page was sent.
                let returned = returned.await.unwrap_or_default();
                let advice = advice.await.unwrap_or_default();
                let view = match data.await {
                    Ok(v) => v,
                    Err(error) => return view! { <WorkspaceProblem error /> }.into_any(),
                };
                let done = query.with_untracked(|q| q.get("done")).and_then(|d| done_message(&d));
                view! { <Case view returned done advice /> }.into_any()
            })}
        </Suspense>
    }
}

/// The case. Each action is checked in the browser by the shared rules before it is sent; the
/// server's refusals (a plain post comes back here) show in the same summary.
#[component]
fn Case(
    view: CaseView,
    returned: crate::pages::staff::Returned,
    done: Option<String>,
    advice: crate::pages::safeguarding::model::CaseAdvice,
) -> impl IntoView {
    let act = ServerAction::<ActOnCase>::new();
    let note = ServerAction::<AddNote>::new();
    let assign = ServerAction::<AssignCase>::new();
    let errors = Signal::stored(returned.errors.clone());
    let stage = view.state.stage();
    let contact = view.state.contact().cloned();
    let typed_note = returned.fields.get("note").cloned().unwrap_or_default();
    let typed_reason = returned.fields.get(shared::referral::advice::REASON_FIELD).cloned().unwrap_or_default();
    let staff = view.staff.clone();
    let assigned_name = view
        .assigned_to
        .and_then(|id| staff.iter().find(|(s, _)| *s == id))
        .map_or("Nobody".to_owned(), |(_, n)| n.clone());
    let first = answers(&view.reference, view.today, &view.answers, steps_for(&view.answers));
    let other = view.other_part.clone().map(|part| {
        let as_draft = DraftAnswers {
            court: part.court.clone(),
            safety: part.safety.clone(),
            practical: part.practical.clone(),
            consent: part.consent.clone(),
            ..Default::default()
        };
        let parent = adult_rows(&part.parent, "", shared::Locale::English)
            .into_iter()
            .map(|(q, a, _)| view! {
                <div class="summary-list__row"><dt class="summary-list__key">{q}</dt><dd class="summary-list__value">{a}</dd></div>
            })
            .collect_view();
        view! {
            <h3 class="heading-s">"About them"</h3>
            <dl class="summary-list">{parent}</dl>
            {answers(&view.reference, view.today, &as_draft, vec![Step::Court, Step::Safety, Step::Practical, Step::Consent])}
        }
    });
    let reasons = view.screening.as_ref().map(|s| {
        s.reasons
            .iter()
            .map(|r| view! { <li>{crate::pages::refer::text::reason(*r, shared::Locale::English)}</li> })
            .collect_view()
    });
    let history = view
        .history
        .iter()
        .map(|h| {
            view! {
                <li><strong>{text::action_code(&h.action)}</strong>" → "{text::stage_code(&h.to)}
                    {Some(text::history_detail(&h.action, &h.detail)).filter(|d| !d.is_empty()).map(|d| format!(" ({d})"))}
                    <br /><span class="hint">{h.at.clone()}" · "{h.who.clone()}</span></li>
            }
        })
        .collect_view();
    let notes = view
        .notes
        .iter()
        .map(|n| view! { <li><p class="body">{n.text.clone()}</p><span class="hint">{n.at.clone()}" · "{n.who.clone()}</span></li> })
        .collect_view();
    let assignees: Vec<(String, String)> = std::iter::once((String::new(), "Nobody".to_owned()))
        .chain(staff.iter().map(|(id, n)| (id.to_string(), n.clone())))
        .collect();
    let current = view.assigned_to.map(|id| id.to_string()).unwrap_or_default();
    let (for_actions, for_assign, for_note) = (view.reference.clone(), view.reference.clone(), view.reference.clone());
    view! {
        <a href="/centre/referrals" class="back-link">"Back to referrals"</a>
        <StaffCheck rule=StaffRule::CaseAction { state: view.state.clone() } errors=returned.errors.clone()>
        {done.map(|m| view! { <div class="notification" role="status"><p>{m}</p></div> })}
        <p class="caption">"Received "{String::from(view.submitted_on)}</p>
        <h1 class="heading-l">"Referral "{view.reference.clone()}</h1>
        <dl class="summary-list" id="case-summary">
            <div class="summary-list__row"><dt class="summary-list__key">"Stage"</dt><dd class="summary-list__value" id="case-stage">{text::stage(stage)}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Screening"</dt><dd class="summary-list__value">{text::light(view.light)}<ul class="list">{reasons}</ul></dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Contact asked for"</dt><dd class="summary-list__value">{text::service(view.service)}</dd></div>
            // A family who referred in Welsh may want to be answered in Welsh.
            <div class="summary-list__row"><dt class="summary-list__key">"Referred in"</dt><dd class="summary-list__value" id="case-language">{match view.answers.locale() {
                shared::Locale::English => "English",
                shared::Locale::Welsh => "Welsh (Cymraeg): the family's emails from this service are in Welsh and English",
            }}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Assigned to"</dt><dd class="summary-list__value">{assigned_name}</dd></div>
            {contact.map(|c| view! {
                <div class="summary-list__row"><dt class="summary-list__key">"Contact"</dt><dd class="summary-list__value">
                    "First session "{c.first_session.words()}", "{shared::durations::count(i64::try_from(c.sessions.len()).unwrap_or(i64::MAX), "session", "sessions")}" recorded, next review due "{shared::IsoDate::from(c.review_due()).words()}
                </dd></div>
            })}
        </dl>
        <h2 class="heading-m" id="case-action" tabindex="-1">"What happens next"</h2>
        <CaseActions reference=for_actions state=view.state.clone() version=view.version returned=returned.clone() errors act />
        {(!stage.is_open()).then(|| view! { <p class="body">"This case has ended. Its history is kept below."</p> })}
        <h2 class="heading-m">"Assigned to"</h2>
        <ActionForm action=assign>
            <input type="hidden" name="reference" value=for_assign />
            <crate::components::form::Select id="case-assignee" name="assignee" label="Coordinator" options=assignees value=current errors />
            <button type="submit" class="button button--secondary">"Save"</button>
        </ActionForm>
        <h2 class="heading-m">"The referral"</h2>
        {first}
        <h2 class="heading-m">"The other parent's part"</h2>
        {match other {
            Some(part) => part.into_any(),
            None => view! { <p class="body">"Not received. The other parent adds their part with an invitation code from the referrer."</p> }.into_any(),
        }}
        <h2 class="heading-m">"Notes"</h2>
        <ul class="list">{notes}</ul>
        <NoteForm reference=for_note key=view.note_key.clone() errors action=note typed=typed_note />
        <crate::pages::safeguarding::CaseAdviceSection reference=view.reference.clone() advice errors typed=typed_reason />
        <h2 class="heading-m">"History"</h2>
        <ol class="timeline" id="case-history">
            <li><strong>"Received"</strong><br /><span class="hint">{String::from(view.submitted_on)}</span></li>
            {history}
        </ol>
        </StaffCheck>
    }
}
