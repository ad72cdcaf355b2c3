//! Delivers the outbox over SMTP (lettre): due messages are claimed (so several instances never
//! send one twice at once), sent, and marked; a failure is retried with back-off from a minute to
//! an hour, and nothing is lost. A centre's messages go to its active staff, each a blind copy;
//! every address is looked up as the message is sent (`Store::addresses_of`). Without SMTP
//! settings (demo mode) mail stays in the outbox, readable at `/admin/outbox`.

use crate::platform::crypto::FieldCipher;
use crate::store::{DueMessage, Recipient, Store, StoreError};
use app::ports::Clock;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;

/// How long a claimed message is left to its sender before another may try.
const CLAIM_SECS: i64 = 5 * 60;
/// How often the outbox is looked at.
const EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// Seconds before trying again after `attempts` failures: 1, 2, 4 … minutes, at most an hour.
pub fn retry_after(attempts: i64) -> i64 {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 6)).unwrap_or(6);
    (60_i64 << doublings).min(3600)
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("SMTP settings: {0}")]
    Settings(String),
    #[error("store: {0}")]
    Store(#[from] StoreError),
}

/// An SMTP transport from a URL: `smtp://host:port` (plain, for a local relay),
/// `smtp://user:pass@host:587?tls=required` (STARTTLS) or `smtps://user:pass@host` (TLS).
pub fn transport(url: &str) -> Result<AsyncSmtpTransport<Tokio1Executor>, MailError> {
    let builder =
        AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| MailError::Settings(e.to_string()))?;
    Ok(builder.timeout(Some(std::time::Duration::from_secs(20))).build())
}

/// What one pass over the outbox did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

/// The email for `message`: to its one recipient, or (for a centre) to each of the centre's
/// staff as a blind copy, so no one's address is shown to the others.
fn email(from: &Mailbox, to: &[String], message: &DueMessage) -> Result<Message, &'static str> {
    let mut builder = Message::builder().from(from.clone()).subject(message.subject.clone());
    // Welsh words (â, ŵ, ŷ …) need the character set named, or a mail reader may take them for
    // ASCII; a message all in ASCII is sent exactly as it always was. (The subject is encoded
    // for itself by lettre.)
    if !message.body.is_ascii() {
        builder = builder
            .header(lettre::message::header::MIME_VERSION_1_0)
            .header(lettre::message::header::ContentType::TEXT_PLAIN);
    }
    let parse = |address: &String| address.parse::<Mailbox>().map_err(|_| "unreadable address");
    match to {
        [one] => builder = builder.to(parse(one)?),
        many => {
            for address in many {
                builder = builder.bcc(parse(address)?);
            }
        }
    }
    builder.body(message.body.clone()).map_err(|_| "unreadable message")
}

/// What is kept of a failure: its kind and SMTP code only, never the server's words (which may
/// repeat an address).
fn failure(error: &lettre::transport::smtp::Error) -> String {
    let code = error.status().map(|c| format!(" ({c})")).unwrap_or_default();
    if error.is_transient() {
        format!("temporary failure{code}")
    } else if error.is_permanent() {
        format!("refused{code}")
    } else if error.is_timeout() {
        "timed out".to_owned()
    } else if error.is_tls() {
        "TLS failed".to_owned()
    } else {
        "could not reach the mail server".to_owned()
    }
}

/// Sends every message due, reading the clock as it goes (a slow server must not make later
/// claims start in the past).
pub async fn deliver_due(
    store: &Store,
    cipher: &FieldCipher,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    clock: &dyn Clock,
) -> Result<Delivered, MailError> {
    let mut done = Delivered::default();
    for message in store.due_messages(clock.now(), 50).await? {
        if !store.claim_message(&message, clock.now() + CLAIM_SECS).await? {
            continue;
        }
        let to = match store.addresses_of(cipher, &message.recipient).await {
            Ok(to) => to,
            Err(error) => {
                // One message whose address cannot be read (its row damaged) does not hold up the rest.
                tracing::warn!(id = message.id, %error, "mail recipient could not be looked up; will retry");
                store
                    .message_failed(message.id, clock.now() + retry_after(message.attempts + 1), "recipient unreadable")
                    .await?;
                done.failed += 1;
                continue;
            }
        };
        // A centre or NACCC may have nobody to tell yet: kept and tried again, never dropped.
        let for_a_centre =
            matches!(Recipient::parse(&message.recipient), Some(Recipient::Centre(_) | Recipient::Naccc));
        if to.is_empty() && !for_a_centre {
            // An erased referral, a removed account: there will never be anyone.
            store.message_dropped(message.id, clock.now()).await?;
            continue;
        }
        if to.is_empty() {
            // Nobody to tell yet (a centre without active staff accounts): kept, and tried again later.
            store.message_failed(message.id, clock.now() + 3600, "no recipients").await?;
            done.failed += 1;
            continue;
        }
        let result = match email(from, &to, &message) {
            Ok(email) => transport.send(email).await.map(|_| ()).map_err(|e| failure(&e)),
            Err(e) => Err(e.to_owned()),
        };
        match result {
            Ok(()) => {
                store.message_sent(message.id, clock.now()).await?;
                done.sent += 1;
            }
            Err(error) => {
                tracing::warn!(id = message.id, attempts = message.attempts + 1, %error, "mail not delivered; will retry");
                store.message_failed(message.id, clock.now() + retry_after(message.attempts + 1), &error).await?;
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// Every few seconds, sends what is due.
pub fn spawn_delivery(
    store: Store,
    cipher: FieldCipher,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    clock: Arc<dyn Clock>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        loop {
            every.tick().await;
            if let Err(error) = deliver_due(&store, &cipher, &transport, &from, clock.as_ref()).await {
                tracing::warn!(%error, "mail delivery pass failed; will retry");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    fn formatted(subject: &str, body: &str) -> String {
        let message = super::DueMessage {
            id: 1,
            recipient: "referrer:NR-7K3M-9QXD".to_owned(),
            subject: subject.to_owned(),
            body: body.to_owned(),
            attempts: 0,
            next_attempt_at: 0,
        };
        let from = "NACCC Contact Hub <no-reply@naccc.org.uk>".parse().unwrap();
        let email = super::email(&from, &["sam@example.com".to_owned()], &message).unwrap();
        String::from_utf8(email.formatted()).unwrap()
    }

    #[test]
    fn welsh_words_are_sent_with_their_character_set() {
        let welsh = formatted("Newyddion", "Byddwn yn cysylltu â chi.");
        assert!(welsh.contains("Content-Type: text/plain; charset=utf-8"), "{welsh}");
        assert!(welsh.contains("MIME-Version: 1.0"), "{welsh}");
        let (subject, body) =
            shared::referral::news::news_email("NR-7K3M-9QXD", "https://hub.example", shared::Locale::English);
        let english = formatted(&subject, &body);
        assert!(!english.contains("Content-Type"), "English is sent as before: {english}");
        assert!(english.contains("Subject: News about referral NR-7K3M-9QXD"), "{english}");
    }

    #[test]
    fn retries_back_off_to_an_hour() {
        assert_eq!(super::retry_after(1), 60);
        assert_eq!(super::retry_after(2), 120);
        assert_eq!(super::retry_after(4), 480);
        assert_eq!(super::retry_after(50), 3600);
    }
}
