//! `/admin/messages`: the messages sent through the contact form, those not yet handled first,
//! for NACCC's administrators; each can be marked handled (and back). Opening the list is
//! audit-logged, as every read of personal data is.

use super::model::{ContactInbox, ContactLine};
use crate::pages::admin::{AdminError, AdminProblem};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "admin/messages")]
pub async fn load_messages() -> Result<ContactInbox, AdminError> {
    let user = crate::pages::admin::admin().await?;
    let inbox = crate::pages::admin::ports()?.enquiries.inbox(&user).await.map_err(crate::pages::admin::unavailable)?;
    inbox.ok_or(AdminError::NotFound)
}

/// Marks message `id` handled (`handled` = "yes") or not; back to the list.
#[server(endpoint = "admin/messages/mark")]
pub async fn mark_message(#[server(default)] id: String, #[server(default)] handled: String) -> Result<(), AdminError> {
    let user = crate::pages::admin::admin().await?;
    let Ok(id) = id.trim().parse::<i64>() else {
        crate::error::set_status(http::StatusCode::NOT_FOUND);
        return Err(AdminError::NotFound);
    };
    let ports = crate::pages::admin::ports()?;
    let handled = handled == "yes";
    match ports.enquiries.mark(&user, id, handled).await.map_err(crate::pages::admin::unavailable)? {
        Some(true) => {
            leptos_axum::redirect(&format!(
                "/admin/messages?marked={}#message-{id}",
                if handled { "handled" } else { "open" }
            ));
            Ok(())
        }
        _ => {
            crate::error::set_status(http::StatusCode::NOT_FOUND);
            Err(AdminError::NotFound)
        }
    }
}

#[component]
pub fn MessagesPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_messages());
    let marked = use_query_map().with_untracked(|q| q.get("marked"));
    view! {
        <Title text="Messages from the contact form" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let marked = marked.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(inbox) => view! { <Messages inbox marked /> }.into_any(),
                        Err(error) => view! { <AdminProblem error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Messages(inbox: ContactInbox, marked: Option<String>) -> impl IntoView {
    let open = inbox.messages.iter().filter(|m| m.handled.is_none()).count();
    let notice = marked.map(|m| {
        let words = if m == "handled" { "Marked as handled." } else { "Marked as not yet handled." };
        view! { <div class="notice" role="status" id="marked"><p class="body">{words}</p></div> }
    });
    let empty = inbox.messages.is_empty().then(|| view! { <p class="body">"No messages."</p> });
    let messages = inbox.messages.into_iter().map(message).collect_view();
    view! {
        <a href="/admin" class="back-link">"NACCC administration"</a>
        {notice}
        <h1 class="heading-l">"Messages from the contact form"</h1>
        <p class="body" id="messages-summary">
            {format!("{open} not yet handled. A handled message is erased {} after it was handled.", inbox.kept)}
        </p>
        {empty}
        <div id="messages">{messages}</div>
    }
}

fn message(m: ContactLine) -> impl IntoView {
    let id = m.id.to_string();
    let (button, value) =
        if m.handled.is_some() { ("Mark as not yet handled", "no") } else { ("Mark as handled", "yes") };
    let state = m.handled.clone().unwrap_or_else(|| "Not yet handled".to_owned());
    let tag = if m.handled.is_some() { "tag tag--green" } else { "tag tag--blue" };
    view! {
        <section class="card" id=format!("message-{id}") aria-labelledby=format!("message-{id}-name")>
            <h2 class="heading-m" id=format!("message-{id}-name")>{m.name.clone()}</h2>
            <dl class="summary-list">
                <div class="summary-list__row"><dt class="summary-list__key">"Received"</dt><dd class="summary-list__value">{m.received.clone()}</dd></div>
                <div class="summary-list__row"><dt class="summary-list__key">"Reply"</dt><dd class="summary-list__value">{m.reply.clone()}</dd></div>
                <div class="summary-list__row"><dt class="summary-list__key">"Status"</dt><dd class="summary-list__value"><span class=tag>{state}</span></dd></div>
            </dl>
            <p class="body message-body">{m.message.clone()}</p>
            <form method="post" action="/api/admin/messages/mark" class="inline-form">
                <input type="hidden" name="id" value=id.clone() />
                <input type="hidden" name="handled" value=value />
                <button type="submit" class="button button--secondary">{button}<span class="visually-hidden">{format!(": message from {}", m.name)}</span></button>
            </form>
        </section>
    }
}
