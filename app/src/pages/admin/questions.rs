//! `/admin/returns/questions?quarter=2026-Q4`: the questions NACCC adds to a quarter's
//! statistics return (a whole number, yes or no, one choice or several; optional or required),
//! for example the planned ethnicity and presenting-issue questions. They can be added and
//! removed until the first return of the quarter is submitted; then every centre has been asked
//! the same. The centres' answers download as CSV (`/admin/returns/answers.csv?quarter=…`).

use super::{AdminError, AdminProblem};
use crate::components::form::{Checkboxes, Radios, TextArea, TextInput};
use crate::pages::returns::quarter_words;
use crate::pages::staff_checks::{StaffCheck, StaffRule};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};
use shared::Quarter;
use shared::referral::Fields;
use shared::returns::questions::{
    CHOICES_FIELD, ExtraQuestion, HINT_FIELD, KIND_FIELD, MAX_QUESTIONS, QuestionKind, REQUIRED_FIELD, TEXT_FIELD,
};

/// A quarter's questions as the page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionsView {
    pub quarter: Quarter,
    pub questions: Vec<ExtraQuestion>,
    /// A return of the quarter has been submitted: the questions can no longer change.
    pub closed: bool,
    /// A fresh key for the add form (the same form sent twice adds one question).
    pub form_key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionOutcome {
    Added,
    Closed,
    Full,
}

/// The quarter asked for, or the one under way.
#[cfg(feature = "ssr")]
fn quarter_or_current(raw: &str) -> Result<Quarter, AdminError> {
    if raw.trim().is_empty() {
        let today = crate::ports::use_ports().map_err(|_| AdminError::Unavailable)?.clock.today();
        return Quarter::containing(today).map_err(|_| AdminError::NotFound);
    }
    Quarter::parse(raw).map_err(|_| {
        crate::error::set_status(http::StatusCode::NOT_FOUND);
        AdminError::NotFound
    })
}

fn page_of(q: Quarter) -> String {
    format!("/admin/returns/questions?quarter={q}")
}

#[server(endpoint = "admin/returns/questions")]
pub async fn load_questions(#[server(default)] quarter: String) -> Result<QuestionsView, AdminError> {
    super::admin().await?;
    let quarter = quarter_or_current(&quarter)?;
    super::ports()?.returns.questions(quarter).await.map_err(super::unavailable)
}

#[server(endpoint = "admin/returns/question/add")]
pub async fn add_question(
    #[server(default)] quarter: String,
    #[server(default)] key: String,
    #[server(default)] f: Fields,
) -> Result<(), AdminError> {
    let by = super::admin().await?;
    let q = quarter_or_current(&quarter)?;
    let page = page_of(q);
    if key.trim().is_empty() || key.len() > 100 {
        crate::error::set_status(http::StatusCode::BAD_REQUEST);
        return Err(AdminError::Rejected(vec![]));
    }
    let question = match shared::returns::questions::parse_question(&f) {
        Ok(question) => question,
        Err(errors) => return super::refuse(&page, f, errors).await,
    };
    let outcome =
        super::ports()?.returns.add_question(&by, q, &question, key.trim()).await.map_err(super::unavailable)?;
    let refused = |message: String| vec![shared::referral::FieldError::new(TEXT_FIELD, &message)];
    match outcome {
        QuestionOutcome::Added => {
            leptos_axum::redirect(&format!("{page}&done=added"));
            Ok(())
        }
        // The form is no longer shown on a fixed quarter: say so in a notice instead.
        QuestionOutcome::Closed => {
            leptos_axum::redirect(&format!("{page}&done=closed"));
            Ok(())
        }
        QuestionOutcome::Full => {
            super::refuse(&page, f, refused(format!("A quarter can have at most {MAX_QUESTIONS} questions"))).await
        }
    }
}

#[server(endpoint = "admin/returns/question/remove")]
pub async fn remove_question(
    #[server(default)] quarter: String,
    #[server(default)] id: String,
) -> Result<bool, AdminError> {
    let by = super::admin().await?;
    let q = quarter_or_current(&quarter)?;
    let Ok(id) = id.trim().parse::<i64>() else {
        crate::error::set_status(http::StatusCode::BAD_REQUEST);
        return Err(AdminError::Rejected(vec![]));
    };
    let removed = super::ports()?.returns.remove_question(&by, q, id).await.map_err(super::unavailable)?;
    if crate::request::is_plain_form() {
        let done = if removed { "removed" } else { "not-removed" };
        leptos_axum::redirect(&format!("{}&done={done}", page_of(q)));
    }
    Ok(removed)
}

#[component]
pub fn QuestionsPage() -> impl IntoView {
    let query = use_query_map();
    let quarter = move || query.with(|q| q.get("quarter").unwrap_or_default());
    let data = Resource::new(quarter, load_questions);
    let returned = Resource::new(|| (), |_| super::load_returned());
    let done = query.with_untracked(|q| q.get("done"));
    view! {
        <Title text="Questions for the statistics return" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let done = done.clone();
                Suspend::new(async move {
                    // Both are awaited before either answer: one left running would finish (and
                    // audit-log a refusal) after the page was sent.
                    let returned = returned.await.unwrap_or_default();
                    match data.await {
                        Ok(view) => {
                            view! { <Questions view returned done /> }.into_any()
                        }
                        Err(e) => view! { <AdminProblem error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn kind_options() -> Vec<(&'static str, &'static str)> {
    QuestionKind::ALL.iter().map(|k| (k.code(), k.label())).collect()
}

#[component]
fn Questions(view: QuestionsView, returned: crate::pages::staff::Returned, done: Option<String>) -> impl IntoView {
    let q = view.quarter;
    let done = done.and_then(|d| match d.as_str() {
        "added" => Some("Question added. Centres see it on this quarter's return."),
        "removed" => Some("Question removed."),
        "not-removed" => {
            Some("That question was not removed: it had gone already, or a centre has submitted its return.")
        }
        "closed" => Some(
            "That question was not added: a centre has submitted this quarter's return, so its questions are fixed.",
        ),
        _ => None,
    });
    let list = view
        .questions
        .iter()
        .map(|question| {
            let choices = (!question.choices.is_empty()).then(|| {
                view! { <ul class="list list--bullet">{question.choices.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul> }
            });
            let remove = (!view.closed).then(|| {
                view! {
                    <form method="post" action="/api/admin/returns/question/remove" class="inline-form">
                        <input type="hidden" name="quarter" value=q.to_string() />
                        <input type="hidden" name="id" value=question.id.to_string() />
                        <button type="submit" class="button button--secondary">"Remove"<span class="visually-hidden">{format!(": {}", question.text)}</span></button>
                    </form>
                }
            });
            view! {
                <li class="question-item">
                    <p class="body"><strong>{question.text.clone()}</strong></p>
                    {(!question.hint.is_empty()).then(|| view! { <p class="hint">{question.hint.clone()}</p> })}
                    <p class="body">{format!("{}; {}", question.kind.label(), if question.required { "required" } else { "optional" })}</p>
                    {choices}
                    {remove}
                </li>
            }
        })
        .collect_view();
    let errors = Signal::stored(returned.errors.clone());
    let fields = returned.fields.clone();
    let typed = move |k: &str| fields.get(k).cloned().unwrap_or_default();
    let add = (!view.closed).then(|| {
        view! {
            <h2 class="heading-m">"Add a question"</h2>
            <StaffCheck rule=StaffRule::Question errors=returned.errors.clone()>
                <form method="post" action="/api/admin/returns/question/add" id="question-form" novalidate>
                    <input type="hidden" name="quarter" value=q.to_string() />
                    <input type="hidden" name="key" value=view.form_key.clone() />
                    <TextArea id=TEXT_FIELD name=TEXT_FIELD label="Question" hint="As centres will read it. Ask about numbers of families or children, never about a named person." value=typed(TEXT_FIELD) errors />
                    <TextInput id=HINT_FIELD name=HINT_FIELD label="Hint (optional)" value=typed(HINT_FIELD) errors />
                    <Radios id=KIND_FIELD name=KIND_FIELD legend="What kind of answer does it take?" options=kind_options() value=typed(KIND_FIELD) errors />
                    <TextArea id=CHOICES_FIELD name=CHOICES_FIELD label="Answers to choose from" hint="For choice questions only: one on each line" value=typed(CHOICES_FIELD) errors />
                    <Checkboxes id="question-required" legend="Must centres answer it?" items=vec![("question-required".to_owned(), REQUIRED_FIELD, "Yes, centres must answer it", !typed(REQUIRED_FIELD).is_empty())] errors />
                    <button type="submit" class="button" data-check="">"Add question"</button>
                </form>
            </StaffCheck>
        }
    });
    let previous = q.previous().map(page_of);
    let next = q.next().map(page_of);
    view! {
        <a href=format!("/admin/returns?quarter={q}") class="back-link">"Back to the returns"</a>
        {done.map(|d| view! { <div class="notice" role="status" id="questions-done"><p class="body">{d}</p></div> })}
        <h1 class="heading-l">{format!("Questions for the return: {}", quarter_words(q))}</h1>
        <nav class="pagination" aria-label="Quarters">
            {previous.map(|h| view! { <a href=h>"Previous quarter"</a> })}" "
            {next.map(|h| view! { <a href=h>"Next quarter"</a> })}" "
            <a href=format!("/admin/returns/answers.csv?quarter={q}") download="">"Download the centres' answers (CSV)"</a>
        </nav>
        <p class="body" id="questions-state">{if view.closed {
            "A centre has submitted this quarter's return, so its questions are fixed: every centre is asked the same.".to_owned()
        } else {
            format!("Centres answer these questions with their figures. You can add or remove questions until the first centre submits this quarter's return; at most {MAX_QUESTIONS}.")
        }}</p>
        {if view.questions.is_empty() {
            view! { <p class="body" id="no-questions">"No questions have been added for this quarter."</p> }.into_any()
        } else {
            view! { <ol class="list list--number" id="questions">{list}</ol> }.into_any()
        }}
        {add}
    }
}
