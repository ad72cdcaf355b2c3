//! `/contact`: a message to NACCC — a name, a safe way to reply (or none) and the message —
//! checked by `shared::contact` in the browser and again on the server, kept once per form, at
//! most a few an hour from one address. `/contact/sent` thanks the sender. NACCC's
//! administrators read the messages at `/admin/messages` (`inbox.rs`).

pub mod inbox;
pub mod model;

use crate::components::form::{Errors, Radios, TextArea, TextInput};
use crate::messages::{Locale, use_locale};
use crate::pages::refer::checks::{WizardCheck, WizardRule};
use crate::pages::staff::Returned;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};
use shared::contact::{EMAIL, MESSAGE, MESSAGES_OK, NAME, PHONE, REPLY};
use shared::referral::{FieldError, Fields};

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
    let l = use_locale();
    let data = Resource::new(|| (), |_| load_contact_form());
    view! {
        <Title text=l.pick("Contact NACCC", "Cysylltu â NACCC") />
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(form) => view! { <ContactFormView form /> }.into_any(),
                    Err(_) => view! {
                        <h1 class="heading-l">
                            {l.pick(
                                "Sorry, there is a problem with the service",
                                "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth",
                            )}
                        </h1>
                        <p class="body">
                            {l.pick(
                                "Try again later, or call the information line.",
                                "Rhowch gynnig arall arni yn nes ymlaen, neu ffoniwch y llinell wybodaeth.",
                            )}
                        </p>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ContactFormView(form: ContactForm) -> impl IntoView {
    let l = use_locale();
    let ContactForm { key, returned, too_many } = form;
    // The server's problems, in the page's language (English where a rule has no Welsh yet).
    let problems = FieldError::in_locale(returned.errors.clone(), l);
    let errors: Errors = Signal::stored(problems.clone());
    let typed = |k: &str| returned.fields.get(k).cloned().unwrap_or_default();
    let [name, reply, email, phone, messages_ok, message] =
        [NAME, REPLY, EMAIL, PHONE, MESSAGES_OK, MESSAGE].map(typed);
    let replies = vec![
        ("email", l.pick("By email", "Drwy e-bost")),
        ("phone", l.pick("By phone", "Dros y ffôn")),
        ("none", l.pick("I do not need a reply", "Does dim angen ateb arna i")),
    ];
    let yes_no = vec![("yes", l.pick("Yes", "Ie")), ("no", l.pick("No", "Na"))];
    let limit = match l {
        Locale::English => format!(
            "One person can send {}. Try again later, or call the information line.",
            shared::contact::limit_words()
        ),
        Locale::Welsh => format!(
            "Gall un person anfon {}. Rhowch gynnig arall arni yn nes ymlaen, neu ffoniwch y llinell wybodaeth.",
            shared::contact::limit_words_in(l)
        ),
    };
    let message_hint = match l {
        Locale::English => format!("Up to {} characters.", shared::contact::MESSAGE_MAX_WORDS),
        Locale::Welsh => format!("Hyd at {} nod.", shared::contact::MESSAGE_MAX_WORDS),
    };
    view! {
        <h1 class="heading-xl">{l.pick("Contact NACCC", "Cysylltu â NACCC")}</h1>
        <p class="lead">
            {l.pick(
                "Send us a message. We usually reply within 2 working days.",
                "Anfonwch neges aton ni. Rydyn ni fel arfer yn ateb o fewn 2 ddiwrnod gwaith.",
            )}
        </p>
        <div class="notice notice--warning">
            <p class="body">
                {l.pick(
                    "If you or a child are in danger now, call 999. This form is not watched all the time.",
                    "Os ydych chi neu blentyn mewn perygl nawr, ffoniwch 999. Does neb yn gwylio'r ffurflen hon drwy'r amser.",
                )}
            </p>
        </div>
        <p class="body">
            {l.pick(
                "For questions about a referral you have sent, contact the centre, or give us your reference number. Do not write anything you would not want someone else to see.",
                "Os oes gennych chi gwestiynau am atgyfeiriad rydych chi wedi'i anfon, cysylltwch â'r ganolfan, neu rhowch eich cyfeirnod i ni. Peidiwch ag ysgrifennu unrhyw beth na fyddech chi eisiau i rywun arall ei weld.",
            )}
        </p>
        {too_many.then(move || view! {
            <div class="error-summary" role="alert" tabindex="-1" id="too-many">
                <h2 class="error-summary__title">
                    {l.pick("You cannot send another message just now", "Allwch chi ddim anfon neges arall ar hyn o bryd")}
                </h2>
                <p class="body">{limit}</p>
            </div>
        })}
        <WizardCheck rule=WizardRule::Contact errors=problems locale=l>
            <form method="post" action="/api/contact/send" id="contact-form" novalidate>
                <input type="hidden" name="key" value=key />
                <TextInput
                    id=NAME
                    name=NAME
                    label=l.pick("Your name", "Eich enw")
                    hint=l.pick("Or the name you would like us to use", "Neu'r enw yr hoffech chi i ni ei ddefnyddio")
                    value=name
                    errors
                    autocomplete="name"
                />
                <Radios
                    id=format!("{REPLY}-email")
                    name=REPLY
                    legend=l.pick("How should we reply?", "Sut dylen ni ateb?")
                    hint=l.pick(
                        "Choose a way that is safe for you. Only NACCC will see it.",
                        "Dewiswch ffordd sy'n ddiogel i chi. Dim ond NACCC fydd yn ei gweld.",
                    )
                    options=replies
                    value=reply
                    errors
                />
                <TextInput
                    id=EMAIL
                    name=EMAIL
                    label=l.pick("Email address (if you chose email)", "Cyfeiriad e-bost (os dewisoch chi e-bost)")
                    kind="email"
                    value=email
                    errors
                    autocomplete="email"
                />
                <TextInput
                    id=PHONE
                    name=PHONE
                    label=l.pick("Phone number (if you chose phone)", "Rhif ffôn (os dewisoch chi ffôn)")
                    kind="tel"
                    value=phone
                    errors
                    autocomplete="tel"
                    class="input input--width-20"
                />
                <Radios
                    id=format!("{MESSAGES_OK}-yes")
                    name=MESSAGES_OK
                    legend=l.pick(
                        "If you chose phone: may we leave a message?",
                        "Os dewisoch chi ffôn: gawn ni adael neges?",
                    )
                    options=yes_no
                    value=messages_ok
                    errors
                    inline=true
                />
                <TextArea
                    id=MESSAGE
                    name=MESSAGE
                    label=l.pick("Your message", "Eich neges")
                    hint=message_hint
                    value=message
                    errors
                />
                <button type="submit" class="button" data-check="">{l.pick("Send message", "Anfon neges")}</button>
            </form>
        </WizardCheck>
        <p class="body">
            <a href="/information/privacy">
                {l.pick(
                    "How we use the information you send",
                    "Sut rydyn ni'n defnyddio'r wybodaeth rydych chi'n ei hanfon",
                )}
            </a>
        </p>
    }
}

#[component]
pub fn ContactSentPage() -> impl IntoView {
    let l = use_locale();
    view! {
        <Title text=l.pick("Message sent", "Neges wedi'i hanfon") />
        <div class="panel panel--confirmation">
            <h1 class="panel__title">{l.pick("Message sent", "Neges wedi'i hanfon")}</h1>
        </div>
        <p class="body">
            {l.pick(
                "Thank you. Someone at NACCC will read your message. If you asked for a reply, we will use the way you chose.",
                "Diolch. Bydd rhywun yn NACCC yn darllen eich neges. Os gofynnoch chi am ateb, byddwn ni'n defnyddio'r ffordd a ddewisoch chi.",
            )}
        </p>
        <p class="body">
            {l.pick(
                "If you need to talk to someone sooner, call the information line: 0115 948 4557, 9am to 1pm, Monday to Friday.",
                "Os oes angen i chi siarad â rhywun yn gynt, ffoniwch y llinell wybodaeth: 0115 948 4557, 9yb i 1yp, dydd Llun i ddydd Gwener.",
            )}
        </p>
        <p class="body"><a href="/">{l.pick("Back to the home page", "Yn ôl i'r hafan")}</a></p>
    }
}
