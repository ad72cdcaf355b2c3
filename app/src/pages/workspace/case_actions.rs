//! The case page's server functions and forms: act on the case (each allowed action with its
//! required fields), add a note, assign it. Each works as a plain form (redirects back, problems
//! kept with what was typed) and, with JavaScript, checks the shared rules before sending.

use super::{WorkspaceError, text};
use crate::components::form::{Checkboxes, DateInput, Errors, Radios, TextArea};
use crate::pages::staff::Returned;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use shared::referral::FieldError;
use shared::referral::Fields;
use shared::referral::case::{ActionKind, Attendance, CaseState, CloseOutcome, DeclineReason, Party};
use shared::referral::case_form::needs_confirmation;

#[cfg(feature = "ssr")]
async fn outcome(
    reference: &str,
    page_query: &str,
    outcome: crate::ports::CaseOutcome,
    f: Fields,
) -> Result<(), WorkspaceError> {
    use crate::ports::CaseOutcome;
    let page = format!("/centre/referrals/{reference}");
    match outcome {
        CaseOutcome::Done => {
            leptos_axum::redirect(&format!("{page}?done={page_query}"));
            Ok(())
        }
        CaseOutcome::Rejected(errors) => crate::pages::staff::refuse_form(&page, f, errors)
            .await
            .map_err(super::unavailable)?
            .map_err(WorkspaceError::Rejected),
        CaseOutcome::NotFound => Err(super::not_found()),
        // A plain form goes back to the page, which shows the case as it now is.
        CaseOutcome::Conflict if crate::request::is_plain_form() => {
            let conflict = vec![FieldError::new("case-action", &text::CONFLICT)];
            crate::pages::staff::refuse_form(&page, f, conflict).await.map_err(super::unavailable)?.ok();
            Ok(())
        }
        CaseOutcome::Conflict => {
            crate::error::set_status(http::StatusCode::CONFLICT);
            Err(WorkspaceError::Conflict)
        }
    }
}

#[cfg(feature = "ssr")]
fn parse_reference(raw: &str) -> Result<shared::referral::ReferralReference, WorkspaceError> {
    shared::referral::ReferralReference::parse(raw).map_err(|_| super::not_found())
}

#[server(endpoint = "centre/case/act")]
pub async fn act_on_case(
    #[server(default)] reference: String,
    #[server(default)] action: String,
    #[server(default)] version: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = super::centre_user().await?;
    let r = parse_reference(&reference)?;
    // A missing or unreadable version is an old page: it cannot match the case.
    let seen = version.trim().parse::<i64>().unwrap_or(-1);
    let done = super::ports()?.cases.act(&user, &r, seen, &action, &f).await.map_err(super::unavailable)?;
    // Kept with a refused plain form, so only that action's form shows what was typed.
    let mut kept = f;
    kept.insert("action".to_owned(), action.clone());
    outcome(r.as_str(), &action, done, kept).await
}

#[server(endpoint = "centre/case/note")]
pub async fn add_note(
    #[server(default)] reference: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = super::centre_user().await?;
    let r = parse_reference(&reference)?;
    let note = f.get("note").cloned().unwrap_or_default();
    let key = f.get("key").and_then(|k| shared::referral::case_form::NoteKey::parse(k));
    let done = super::ports()?.cases.note(&user, &r, &note, key.as_ref()).await.map_err(super::unavailable)?;
    // A refused note is never kept in the session store (it is only refused when empty, or longer
    // than the box lets anyone type).
    let mut kept = f;
    kept.remove("note");
    outcome(r.as_str(), "note", done, kept).await
}

#[server(endpoint = "centre/case/assign")]
pub async fn assign_case(
    #[server(default)] reference: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = super::centre_user().await?;
    let r = parse_reference(&reference)?;
    let to = f.get("assignee").and_then(|v| v.parse::<i64>().ok());
    let done = super::ports()?.cases.assign(&user, &r, to).await.map_err(super::unavailable)?;
    outcome(r.as_str(), "assigned", done, f).await
}

/// What a refused plain form left for the case page, once.
#[server(endpoint = "centre/case/returned")]
pub async fn load_returned() -> Result<Returned, WorkspaceError> {
    super::centre_user().await?;
    crate::pages::staff::take_returned().await.map_err(super::unavailable)
}

/// The actions the case's stage allows, in the order a coordinator usually takes them.
pub fn allowed(state: &CaseState) -> Vec<ActionKind> {
    ActionKind::ALL_CODED.iter().copied().filter(|a| state.stage().allows(*a)).collect()
}

fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|v| (code(*v), label(*v))).collect()
}

/// One form per allowed action, each with what it needs.
#[component]
pub fn CaseActions(
    reference: String,
    state: CaseState,
    /// The case's version this page shows (posted back as `version`).
    version: i64,
    returned: Returned,
    errors: Errors,
    act: ServerAction<ActOnCase>,
) -> impl IntoView {
    let returned_action = returned.fields.get("action").cloned().unwrap_or_default();
    let forms = allowed(&state)
        .into_iter()
        .map(|kind| {
            let code = kind.code();
            let mine = returned_action == code;
            let fields_typed = returned.fields.clone();
            let typed = move |k: &str| if mine { fields_typed.get(k).cloned().unwrap_or_default() } else { String::new() };
            let reference = reference.clone();
            let id = move |name: &str| shared::referral::case_form::field_id(kind, name);
            let fields = match kind {
                ActionKind::Decline => view! {
                    <Radios id=id("reason") name="reason" legend="Why is the centre declining it?"
                        options=options(DeclineReason::ALL_CODED, DeclineReason::code, text::decline_reason) value=typed("reason") errors />
                }.into_any(),
                ActionKind::Close => view! {
                    <Radios id=id("outcome") name="outcome" legend="How did it end?"
                        options=options(CloseOutcome::ALL_CODED, CloseOutcome::code, text::outcome) value=typed("outcome") errors />
                }.into_any(),
                ActionKind::BookPreVisit => view! {
                    <Radios id=id("party") name="party" legend="Who is the pre-visit for?" hint="Each parent visits separately"
                        options=options(Party::ALL_CODED, Party::code, text::party) value=typed("party") errors />
                    <DateInput id=id("date") names=["date-day", "date-month", "date-year"] legend="Date of the pre-visit"
                        hint="For example, 27 3 2026" values=[typed("date-day"), typed("date-month"), typed("date-year")] errors />
                }.into_any(),
                ActionKind::StartContact => view! {
                    <DateInput id=id("date") names=["date-day", "date-month", "date-year"] legend="Date of the first contact session"
                        hint="After both pre-visits, and never on the same day as one" values=[typed("date-day"), typed("date-month"), typed("date-year")] errors />
                }.into_any(),
                ActionKind::RecordSession => view! {
                    <DateInput id=id("date") names=["date-day", "date-month", "date-year"] legend="Date of the session"
                        hint="For example, 27 3 2026" values=[typed("date-day"), typed("date-month"), typed("date-year")] errors />
                    <Radios id=id("attendance") name="attendance" legend="Attendance" inline=true
                        options=options(Attendance::ALL_CODED, Attendance::code, text::attendance) value=typed("attendance") errors />
                }.into_any(),
                _ => ().into_any(),
            };
            let confirm = needs_confirmation(kind).then(|| view! {
                <Checkboxes id=id("confirm") legend="Confirm" items=vec![(id("confirm"), "confirm", "I have checked: this ends the case and cannot be undone", false)] errors />
            });
            let class = if needs_confirmation(kind) { "button button--warning" } else { "button" };
            view! {
                <ActionForm action=act attr:id=format!("action-{code}")>
                    <h3 class="heading-s">{text::action(kind)}</h3>
                    <input type="hidden" name="reference" value=reference />
                    <input type="hidden" name="action" value=code />
                    <input type="hidden" name="version" value=version.to_string() />
                    {fields}
                    {confirm}
                    <button type="submit" class=class data-check="">{text::action(kind)}</button>
                </ActionForm>
            }
        })
        .collect_view();
    view! { <div class="case-actions">{forms}</div> }
}

/// Adding a note.
#[component]
pub fn NoteForm(
    reference: String,
    key: String,
    errors: Errors,
    action: ServerAction<AddNote>,
    typed: String,
) -> impl IntoView {
    view! {
        <ActionForm action>
            <input type="hidden" name="reference" value=reference />
            <input type="hidden" name="f[key]" value=key />
            <TextArea id="case-note" name="note" label="Add a note" hint="Only your centre's staff can read notes" value=typed errors />
            <button type="submit" class="button button--secondary">"Add note"</button>
        </ActionForm>
    }
}
