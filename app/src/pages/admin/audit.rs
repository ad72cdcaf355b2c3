//! `/admin/audit`: the audit log, newest first, filtered by action, who, outcome and dates. The
//! filters are a plain GET form, so a filtered view is a link an administrator can keep.

use super::model::AuditRow;
use super::{AdminError, AdminProblem};
use crate::components::form::ErrorSummary;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};
use shared::referral::FieldError;
use shared::staff_admin::{AuditOutcome, AuditQuery};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub rows: Vec<AuditRow>,
    pub errors: Vec<FieldError>,
    /// The id to ask for older entries from, when there may be more.
    pub older: Option<i64>,
}

#[server(endpoint = "admin/audit")]
pub async fn load_audit(#[server(default)] query: AuditQuery) -> Result<AuditView, AdminError> {
    super::admin().await?;
    let filter = match query.parse() {
        Ok(f) => f,
        Err(errors) => return Ok(AuditView { errors, ..Default::default() }),
    };
    let rows = super::ports()?.administration.audit_log(&filter).await.map_err(super::unavailable)?;
    let full_page = rows.len() >= 50;
    let older = if full_page { rows.last().map(|r| r.id) } else { None };
    Ok(AuditView { rows, errors: Vec::new(), older })
}

fn query_from_url() -> AuditQuery {
    let q = use_query_map();
    let get = |k: &str| q.with(|q| q.get(k).unwrap_or_default());
    AuditQuery {
        action: get("action"),
        actor: get("actor"),
        outcome: get("outcome"),
        from: get("from"),
        to: get("to"),
        before: get("before"),
    }
}

fn older_link(q: &AuditQuery, before: i64) -> String {
    let pairs = [("action", &q.action), ("actor", &q.actor), ("outcome", &q.outcome), ("from", &q.from), ("to", &q.to)];
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("before", &before.to_string());
    for (k, v) in pairs.into_iter().filter(|(_, v)| !v.is_empty()) {
        query.append_pair(k, v);
    }
    format!("/admin/audit?{}", query.finish())
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let data = Resource::new(query_from_url, load_audit);
    view! {
        <Title text="Audit log" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let q = query_from_url();
                let view = match data.await {
                    Ok(v) => v,
                    Err(e) => return view! { <AdminProblem error=e /> }.into_any(),
                };
                let errors = Signal::stored(view.errors.clone());
                let field = |id: &'static str, name: &'static str, label: &'static str, hint: &'static str, kind: &'static str, value: String| {
                    let message = FieldError::for_field(&view.errors, id).map(str::to_owned);
                    let class = if message.is_some() { "form-group form-group--error" } else { "form-group" };
                    let described = if message.is_some() { format!("{id}-hint {id}-error") } else { format!("{id}-hint") };
                    view! {
                        <div class=class>
                            <label class="label" for=id>{label}</label>
                            <div class="hint" id=format!("{id}-hint")>{hint}</div>
                            {message.map(|m| view! { <p class="error-message" id=format!("{id}-error")><span class="visually-hidden">"Error: "</span>{m}</p> })}
                            <input class="input" id=id name=name type=kind value=value aria-describedby=described spellcheck="false" />
                        </div>
                    }
                };
                let outcome = q.outcome.clone();
                view! {
                    <a href="/admin" class="back-link">"Back"</a>
                    <ErrorSummary errors />
                    <h1 class="heading-l">"Audit log"</h1>
                    <p class="body">"Every sign-in, refusal, change to an account and read of a referral, newest first. Entries never hold personal details, and cannot be changed or deleted."</p>
                    <form method="get" action="/admin/audit" class="filters" role="search" aria-label="Filter the audit log">
                        {field("audit-action", "action", "Action", "Like staff.sign_in or admin.user", "text", q.action.clone())}
                        {field("audit-actor", "actor", "Who", "user:12, anonymous or system", "text", q.actor.clone())}
                        <div class="form-group">
                            <label class="label" for="audit-outcome">"Outcome"</label>
                            <select class="select" id="audit-outcome" name="outcome">
                                <option value="" selected=outcome.is_empty()>"Any"</option>
                                {AuditOutcome::ALL.into_iter().map(|o| view! {
                                    <option value=o.code() selected=outcome == o.code()>{o.label()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        {field("audit-from", "from", "From", "First day (UTC)", "date", q.from.clone())}
                        {field("audit-to", "to", "To", "Last day (UTC)", "date", q.to.clone())}
                        <div class="form-group"><button type="submit" class="button">"Filter"</button></div>
                    </form>
                    <div class="table-wrap">
                        <table class="table" id="audit-entries">
                            <caption class="visually-hidden">"Audit log entries"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"When"</th>
                                    <th scope="col">"Who"</th>
                                    <th scope="col">"Action"</th>
                                    <th scope="col">"About"</th>
                                    <th scope="col">"Outcome"</th>
                                    <th scope="col">"Detail"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {view.rows.iter().cloned().map(|r| {
                                    let who = match r.actor.strip_prefix("user:") {
                                        Some(id) => view! { <a href=format!("/admin/users/{id}")>{r.actor.clone()}</a> }.into_any(),
                                        None => r.actor.clone().into_any(),
                                    };
                                    view! {
                                        <tr>
                                            <td>{r.at}</td>
                                            <td>{who}</td>
                                            <td>{r.action}</td>
                                            <td>{r.object.unwrap_or_default()}</td>
                                            <td>{r.outcome}</td>
                                            <td>{r.detail}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {(view.rows.is_empty() && view.errors.is_empty()).then(|| view! { <p class="body">"No entries match."</p> })}
                    {view.older.map(|before| view! { <p><a href=older_link(&q, before)>"Older entries"</a></p> })}
                }
                .into_any()
            })}
        </Suspense>
    }
}
