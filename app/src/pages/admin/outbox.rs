//! `/admin/outbox`: the emails the service has queued, newest first, and whether each has gone.
//! Until mail delivery is set up, this is where invitation and reset emails can be read.

use super::{AdminError, AdminProblem};
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "admin/outbox")]
pub async fn load_outbox() -> Result<Vec<super::model::OutboxRow>, AdminError> {
    let by = super::admin().await?;
    super::ports()?.administration.outbox(&by).await.map_err(super::unavailable)
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let messages = Resource::new(|| (), |_| load_outbox());
    view! {
        <Title text="Outbox" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match messages.await {
                    Ok(messages) => view! {
                        <a href="/admin" class="back-link">"Back"</a>
                        <h1 class="heading-l">"Outbox"</h1>
                        <p class="body">"Emails the service has queued, newest first. Emails carry links only, never personal details of a referral."</p>
                        {messages.is_empty().then(|| view! { <p class="body">"No emails yet."</p> })}
                        <ol class="list" id="outbox">
                            {messages.into_iter().map(|m| view! {
                                <li class="summary-list__row">
                                    <h2 class="heading-s">{m.subject}</h2>
                                    <p class="body">"To "{m.recipient}", "{m.at}" · "
                                        <strong class="tag tag--grey">{if m.sent { "Sent" } else { "Waiting to send" }}</strong></p>
                                    {if m.body.is_empty() {
                                        view! { <p class="hint">"Its words are not kept once it has gone."</p> }.into_any()
                                    } else {
                                        view! { <pre class="message-body">{m.body}</pre> }.into_any()
                                    }}
                                </li>
                            }).collect_view()}
                        </ol>
                    }
                    .into_any(),
                    Err(e) => view! { <AdminProblem error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
