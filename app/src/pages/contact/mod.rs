//! `/contact`: a message to NACCC — a name, a safe way to reply (or none) and the message —
//! checked by `shared::contact` in the browser and again on the server, kept once per form, at
//! most a few an hour from one address. `/contact/sent` thanks the sender. NACCC's
//! administrators read the messages at `/admin/messages` (`inbox.rs`).

pub mod inbox;
pub mod model;

use crate::components::form::{Errors, Radios, TextArea, TextInput};
use crate::pages::refer::checks::{WizardCheck, WizardRule};
use crate::pages::staff::Returned;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};
use shared::contact::{EMAIL, MESSAGE, MESSAGES_OK, NAME, PHONE, REPLY};
use shared::referral::Fields;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ContactError {
    #[error("the service is unavailable")]
    Unavailable,
    #[error("some answers need correcting")]
    Rejected(Vec<shared::referral::FieldError>),
    #[error("request failed: {0}")]
    Transport(leptos::server_fn::error::ServerFnErrorErr),
}

impl leptos::server_fn::error::FromServerFnError for ContactError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;
    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        Self::Transport(value)
    }
}

#[cfg(feature = "ssr")]
fn unavailable<E>(_: E) -> ContactError {
    crate::error::set_status(http::StatusCode::SERVICE_UNAVAILABLE);
    ContactError::Unavailable
}

/// The form: a new key for it, and what a refused send left (what was typed, its problems, or
/// that the limit was reached).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContactForm {
    pub key: String,
    pub returned: Returned,
    pub too_many: bool,
}

/// Where a refused plain form's answers wait for the page, sealed (the session store is not).
#[cfg(feature = "ssr")]
const TYPED: &str = "contact.typed";

/// A refused plain form goes back to the page with what was typed (sealed in the session until
/// the page takes it, once) and its problems, or that the limit was reached.
#[cfg(feature = "ssr")]
async fn back_to_form(ports: &crate::ports::Ports, returned: Returned, too_many: bool) -> Result<(), ContactError> {
    let json = serde_json::to_vec(&(returned, too_many)).map_err(unavailable)?;
    let sealed = ports.enquiries.seal_typed(&json).ok_or_else(|| unavailable(()))?;
    let session = crate::auth::session().await.map_err(unavailable)?;
    session.insert(TYPED, sealed).await.map_err(unavailable)?;
    leptos_axum::redirect("/contact");
    Ok(())
}

#[server(endpoint = "contact/form")]
pub async fn load_contact_form() -> Result<ContactForm, ContactError> {
    let ports = crate::ports::use_ports().map_err(unavailable)?;
    // What was typed may be on this page: never kept by the browser or a proxy.
    crate::request::no_store();
    let session = crate::auth::session().await.map_err(unavailable)?;
    let typed = session.remove::<String>(TYPED).await.ok().flatten();
    let (returned, too_many) = typed
        .and_then(|sealed| ports.enquiries.open_typed(&sealed))
        .and_then(|json| serde_json::from_slice::<(Returned, bool)>(&json).ok())
        .unwrap_or_default();
    Ok(ContactForm { key: ports.enquiries.form_key(), returned, too_many })
}

#[server(endpoint = "contact/send")]
pub async fn send_message(#[server(default)] key: String, #[server(default)] f: Fields) -> Result<(), ContactError> {
    use model::Received;
    let ports = crate::ports::use_ports().map_err(unavailable)?;
    // Only the form's own fields are kept, whatever else was sent.
    let f: Fields = [NAME, REPLY, EMAIL, PHONE, MESSAGES_OK, MESSAGE]
        .into_iter()
        .filter_map(|k| f.get(k).map(|v| (k.to_owned(), v.clone())))
        .collect();
    let key = key.trim();
    if !shared::contact::is_form_key(key) {
        crate::error::set_status(http::StatusCode::BAD_REQUEST);
        return Err(ContactError::Unavailable);
    }
    match ports.enquiries.receive(&f, key, &crate::request::client_address()).await.map_err(unavailable)? {
        Received::Received => {
            leptos_axum::redirect("/contact/sent");
            Ok(())
        }
        // A plain form goes back to the page; a script's send gets the problems and its status.
        Received::Refused(errors) if crate::request::is_plain_form() => {
            back_to_form(&ports, Returned { fields: f, errors }, false).await
        }
        Received::Refused(errors) => {
            crate::error::set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
            Err(ContactError::Rejected(errors))
        }
        Received::TooMany if crate::request::is_plain_form() => {
            back_to_form(&ports, Returned { fields: f, errors: Vec::new() }, true).await
        }
        Received::TooMany => {
            crate::error::set_status(http::StatusCode::TOO_MANY_REQUESTS);
            Ok(())
        }
    }
}

#[component]
pub fn ContactPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_contact_form());
    view! {
        <Title text="Contact NACCC" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(form) => view! { <ContactFormView form /> }.into_any(),
                    Err(_) => view! {
                        <h1 class="heading-l">"Sorry, there is a problem with the service"</h1>
                        <p class="body">"Try again later, or call the information line."</p>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ContactFormView(form: ContactForm) -> impl IntoView {
    let ContactForm { key, returned, too_many } = form;
    let errors: Errors = Signal::stored(returned.errors.clone());
    let typed = |k: &str| returned.fields.get(k).cloned().unwrap_or_default();
    let [name, reply, email, phone, messages_ok, message] =
        [NAME, REPLY, EMAIL, PHONE, MESSAGES_OK, MESSAGE].map(typed);
    let replies = vec![("email", "By email"), ("phone", "By phone"), ("none", "I do not need a reply")];
    let yes_no = vec![("yes", "Yes"), ("no", "No")];
    view! {
        <h1 class="heading-xl">"Contact NACCC"</h1>
        <p class="lead">"Send us a message. We usually reply within 2 working days."</p>
        <div class="notice notice--warning">
            <p class="body">"If you or a child are in danger now, call 999. This form is not watched all the time."</p>
        </div>
        <p class="body">"For questions about a referral you have sent, contact the centre, or give us your reference number. Do not write anything you would not want someone else to see."</p>
        {too_many.then(|| view! {
            <div class="error-summary" role="alert" tabindex="-1" id="too-many">
                <h2 class="error-summary__title">"You cannot send another message just now"</h2>
                <p class="body">{format!("One person can send {}. Try again later, or call the information line.", shared::contact::limit_words())}</p>
            </div>
        })}
        <WizardCheck rule=WizardRule::Contact errors=returned.errors.clone()>
            <form method="post" action="/api/contact/send" id="contact-form" novalidate>
                <input type="hidden" name="key" value=key />
                <TextInput id=NAME name=NAME label="Your name" hint="Or the name you would like us to use" value=name errors autocomplete="name" />
                <Radios id=format!("{REPLY}-email") name=REPLY legend="How should we reply?" hint="Choose a way that is safe for you. Only NACCC will see it." options=replies value=reply errors />
                <TextInput id=EMAIL name=EMAIL label="Email address (if you chose email)" kind="email" value=email errors autocomplete="email" />
                <TextInput id=PHONE name=PHONE label="Phone number (if you chose phone)" kind="tel" value=phone errors autocomplete="tel" class="input input--width-20" />
                <Radios id=format!("{MESSAGES_OK}-yes") name=MESSAGES_OK legend="If you chose phone: may we leave a message?" options=yes_no value=messages_ok errors inline=true />
                <TextArea id=MESSAGE name=MESSAGE label="Your message" hint=format!("Up to {} characters.", shared::contact::MESSAGE_MAX_WORDS) value=message errors />
                <button type="submit" class="button" data-check="">"Send message"</button>
            </form>
        </WizardCheck>
        <p class="body"><a href="/information/privacy">"How we use the information you send"</a></p>
    }
}

#[component]
pub fn ContactSentPage() -> impl IntoView {
    view! {
        <Title text="Message sent" />
        <div class="panel panel--confirmation">
            <h1 class="panel__title">"Message sent"</h1>
        </div>
        <p class="body">"Thank you. Someone at NACCC will read your message. If you asked for a reply, we will use the way you chose."</p>
        <p class="body">"If you need to talk to someone sooner, call the information line: 0115 948 4557, 9am to 1pm, Monday to Friday."</p>
        <p class="body"><a href="/">"Back to the home page"</a></p>
    }
}
