//! The contact form behind the app's `Enquiries` port: a message is checked by
//! `shared::contact`, limited per sender address (counted in the database first, so messages
//! sent in parallel cannot pass the limit), sealed whole and kept once per form with a notice to
//! NACCC's administrators (no personal data in it); NACCC's administrators read them (each view
//! audit-logged) and mark them handled. Retention erases handled messages.

use crate::platform::crypto::{FieldCipher, FieldLocation};
use crate::store::{Actor, AuditEvent, CONTACT_SENDER, Message, Outcome, Store, StoreError};
use app::pages::contact::model::{ContactInbox, ContactLine, Received};
use app::ports::{Clock, Enquiries, PortError, StaffUser};
use async_trait::async_trait;
use shared::account::Role;
use shared::contact::ContactMessage;
use shared::referral::Fields;
use std::sync::Arc;

/// What the notice to NACCC says: that there is a message, never what it says or who sent it.
pub const NOTICE_KIND: &str = "contact.received";

#[derive(Clone)]
pub struct ContactService {
    pub store: Store,
    pub cipher: FieldCipher,
    pub clock: Arc<dyn Clock>,
    pub public_url: Arc<str>,
    /// How long a handled message is kept.
    pub kept: shared::durations::Lifetime,
}

fn port_error(error: StoreError) -> PortError {
    tracing::error!(%error, "contact store failed");
    match error {
        StoreError::CorruptRow(_) => PortError::CorruptData,
        _ => PortError::Unavailable,
    }
}

/// Where a refused form's answers are kept while they wait for the page (the session store).
const TYPED_AT: FieldLocation<'static> = FieldLocation { table: "sessions", column: "contact-typed", row: "" };

/// Where a message's sealed content belongs: its table, column and form (the row's identity
/// before it has an id).
fn location(form_key: &str) -> FieldLocation<'_> {
    FieldLocation { table: "contact_messages", column: "sealed", row: form_key }
}

impl ContactService {
    fn open(&self, form_key: &str, sealed: &[u8]) -> Result<ContactMessage, StoreError> {
        let json = self
            .cipher
            .open(location(form_key), sealed)
            .map_err(|_| StoreError::CorruptRow("contact message".into()))?;
        serde_json::from_slice(&json).map_err(|e| StoreError::CorruptRow(format!("contact message: {e}")))
    }
}

#[async_trait]
impl Enquiries for ContactService {
    fn form_key(&self) -> String {
        crate::platform::secrets::new_token()
    }

    fn seal_typed(&self, typed: &[u8]) -> Option<String> {
        self.cipher.seal(TYPED_AT, typed).ok().map(hex::encode)
    }

    fn open_typed(&self, sealed: &str) -> Option<Vec<u8>> {
        self.cipher.open(TYPED_AT, &hex::decode(sealed).ok()?).ok()
    }

    async fn receive(&self, fields: &Fields, key: &str, sender: &str) -> Result<Received, PortError> {
        let message = match shared::contact::parse(fields) {
            Ok(message) => message,
            Err(errors) => return Ok(Received::Refused(errors)),
        };
        // The same form again (a second press, a retry): already kept, nothing more to do. A
        // different message under a form already sent (the page kept after Back, say) is not
        // lost quietly: it goes back to the page, which has a new key, to be sent again.
        if let Some(sealed) = self.store.contact_sealed(key).await.map_err(port_error)? {
            let kept = self.open(key, &sealed).map_err(port_error)?;
            if kept == message {
                return Ok(Received::Received);
            }
            let resend =
                shared::referral::FieldError::bilingual(shared::contact::MESSAGE, &shared::contact::AlreadySent);
            return Ok(Received::Refused(vec![resend]));
        }
        let now = self.clock.now();
        // Counted per IPv4 address or IPv6 /64, as the public rate limit is.
        let who = sender.parse().map_or_else(|_| sender.to_owned(), |ip| crate::web::edge::limit_key(ip).to_string());
        let attempt = self.store.attempt(CONTACT_SENDER, &format!("contact:{who}"), now).await.map_err(port_error)?;
        if !attempt.allowed {
            return Ok(Received::TooMany);
        }
        let json = serde_json::to_vec(&message).map_err(|_| PortError::Unavailable)?;
        let sealed = self.cipher.seal(location(key), &json).map_err(|_| PortError::Unavailable)?;
        let body = format!(
            "A message has come through the contact form.\n\nRead it at {}/admin/messages (sign in first).",
            self.public_url
        );
        let notice = Message { kind: NOTICE_KIND, subject: "A new message from the contact form", body: &body };
        self.store.receive_contact(key, &sealed, &notice, now).await.map_err(port_error)?;
        Ok(Received::Received)
    }

    async fn inbox(&self, user: &StaffUser) -> Result<Option<ContactInbox>, PortError> {
        if user.scope.role() != Role::NacccAdmin {
            return Ok(None);
        }
        let rows = self.store.contact_messages().await.map_err(port_error)?;
        let mut messages = Vec::with_capacity(rows.len());
        for row in rows {
            let message = self.open(&row.form_key, &row.sealed).map_err(port_error)?;
            messages.push(ContactLine {
                id: row.id,
                received: shared::uk_time::uk_date_time_words(row.received_at),
                name: message.name.as_str().to_owned(),
                reply: message.reply.words(),
                message: message.message,
                handled: row.handled_at.map(|at| {
                    let by = row.handled_by.clone().unwrap_or_else(|| "someone since removed".to_owned());
                    format!("Handled {} by {by}", shared::uk_time::uk_date_time_words(at))
                }),
            });
        }
        let event = AuditEvent {
            actor: Actor::User(user.id),
            action: "contact.read",
            object: None,
            outcome: Outcome::Ok,
            detail: format!("messages={}", messages.len()),
        };
        self.store.record(&event, self.clock.now()).await.map_err(port_error)?;
        Ok(Some(ContactInbox { messages, kept: self.kept.words() }))
    }

    async fn mark(&self, user: &StaffUser, id: i64, handled: bool) -> Result<Option<bool>, PortError> {
        if user.scope.role() != Role::NacccAdmin {
            return Ok(None);
        }
        let now = self.clock.now();
        let found = self.store.set_contact_handled(id, handled, user.id, now).await.map_err(port_error)?;
        if found {
            let event = AuditEvent {
                actor: Actor::User(user.id),
                action: if handled { "contact.handled" } else { "contact.reopened" },
                object: Some(id.to_string()),
                outcome: Outcome::Ok,
                detail: String::new(),
            };
            self.store.record(&event, now).await.map_err(port_error)?;
        }
        Ok(Some(found))
    }
}
