//! The public contact form: a name, a safe way to reply (or none), and a message. Checked by the
//! browser as people type and by the server on receipt; how many a sender may send is here too,
//! so the page can say it and the server enforce it from one value.

use crate::language::{Locale, Welsh};
use crate::referral::{EmailAddress, FieldError, Fields, PersonName, PhoneNumber};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The longest message, in characters (as long as any answer a form takes).
pub const MESSAGE_MAX: usize = crate::referral::draft::MAX_ANSWER_LEN;
/// [`MESSAGE_MAX`] as people read it (a test keeps the two the same).
pub const MESSAGE_MAX_WORDS: &str = "2,000";
/// How many messages one address may send in [`SENDER_WINDOW`].
pub const MESSAGES_PER_SENDER: i64 = 5;
/// The window [`MESSAGES_PER_SENDER`] counts over.
pub const SENDER_WINDOW: crate::durations::Lifetime = crate::durations::Lifetime::hours(1);

/// The form's fields, as named in the page.
pub const NAME: &str = "contact-name";
pub const REPLY: &str = "contact-reply";
pub const EMAIL: &str = "contact-email";
pub const PHONE: &str = "contact-phone";
pub const MESSAGES_OK: &str = "contact-messages-ok";
pub const MESSAGE: &str = "contact-message";

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error("enter your name, or the name you would like us to use")]
    NameMissing,
    #[error("your name must be 100 characters or fewer")]
    NameTooLong,
    #[error("choose how we should reply")]
    ReplyMissing,
    #[error("enter an email address in the correct format, like name@example.com")]
    EmailInvalid,
    #[error("enter a UK phone number, like 07700 900 982, or an international number starting with +")]
    PhoneInvalid,
    #[error("say whether we may leave a message on this phone")]
    MessagesOkMissing,
    #[error("enter your message")]
    MessageMissing,
    #[error("your message must be {} characters or fewer", MESSAGE_MAX_WORDS)]
    MessageTooLong,
}

impl Welsh for ContactError {
    fn welsh(&self) -> Cow<'static, str> {
        match self {
            Self::NameMissing => Cow::Borrowed("rhowch eich enw, neu'r enw yr hoffech chi i ni ei ddefnyddio"),
            Self::NameTooLong => Cow::Borrowed("rhaid i'ch enw fod yn 100 nod neu lai"),
            Self::ReplyMissing => Cow::Borrowed("dewiswch sut dylen ni ateb"),
            Self::EmailInvalid => crate::referral::PersonError::EmailInvalid.welsh(),
            Self::PhoneInvalid => crate::referral::PersonError::PhoneInvalid.welsh(),
            Self::MessagesOkMissing => Cow::Borrowed("dywedwch a gawn ni adael neges ar y ffôn hwn"),
            Self::MessageMissing => Cow::Borrowed("rhowch eich neges"),
            Self::MessageTooLong => Cow::Owned(format!("rhaid i'ch neges fod yn {MESSAGE_MAX_WORDS} nod neu lai")),
        }
    }
}

/// Why a different message under a form already sent (the page kept after Back, say) goes back
/// to the page. Only the server can tell, so it is not among the browser's [`ContactError`]s
/// (whose words ship in the wizard's island).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this form was sent before: press Send message to send this message as a new one")]
pub struct AlreadySent;

impl Welsh for AlreadySent {
    fn welsh(&self) -> Cow<'static, str> {
        Cow::Borrowed(
            "mae'r ffurflen hon wedi'i hanfon o'r blaen: pwyswch Anfon neges i anfon y neges hon fel un newydd",
        )
    }
}

/// Whether `key` is a contact form's own key (32 hexadecimal digits, as the page is given).
pub fn is_form_key(key: &str) -> bool {
    key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit())
}

/// How NACCC may reply, safely.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    Email(EmailAddress),
    Phone {
        number: PhoneNumber,
        messages_ok: bool,
    },
    /// The sender asked for no reply (a message may still be useful: a broken page, say).
    None,
}

impl Reply {
    /// In words for NACCC's staff.
    pub fn words(&self) -> String {
        match self {
            Self::Email(address) => format!("Email {}", address.as_str()),
            Self::Phone { number, messages_ok: true } => format!("Phone {} (a message may be left)", number.as_str()),
            Self::Phone { number, messages_ok: false } => format!("Phone {} (do not leave a message)", number.as_str()),
            Self::None => "No reply wanted".to_owned(),
        }
    }
}

/// A checked message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactMessage {
    pub name: PersonName,
    pub reply: Reply,
    pub message: String,
}

/// The message's text: trimmed, not empty, at most [`MESSAGE_MAX`] characters, line breaks kept,
/// other control characters dropped.
fn message_text(raw: &str) -> Result<String, ContactError> {
    let text: String = raw.trim().chars().filter(|c| *c == '\n' || !c.is_control()).collect();
    if text.trim().is_empty() {
        Err(ContactError::MessageMissing)
    } else if text.chars().count() > MESSAGE_MAX {
        Err(ContactError::MessageTooLong)
    } else {
        Ok(text)
    }
}

/// Checks the form: the message, or every problem in the page's order.
pub fn parse(fields: &Fields) -> Result<ContactMessage, Vec<FieldError>> {
    let get = |k: &str| fields.get(k).map(String::as_str).unwrap_or("");
    let mut errors = Vec::new();
    let name = match PersonName::parse(get(NAME)) {
        Ok(name) => Some(name),
        Err(crate::referral::PersonError::NameTooLong) => {
            errors.push(FieldError::bilingual(NAME, &ContactError::NameTooLong));
            None
        }
        Err(_) => {
            errors.push(FieldError::bilingual(NAME, &ContactError::NameMissing));
            None
        }
    };
    let reply = match get(REPLY) {
        "email" => match EmailAddress::parse(get(EMAIL)) {
            Ok(address) => Some(Reply::Email(address)),
            Err(_) => {
                errors.push(FieldError::bilingual(EMAIL, &ContactError::EmailInvalid));
                None
            }
        },
        "phone" => {
            let number = PhoneNumber::parse(get(PHONE))
                .map_err(|_| errors.push(FieldError::bilingual(PHONE, &ContactError::PhoneInvalid)))
                .ok();
            let messages_ok = match get(MESSAGES_OK) {
                "yes" => Some(true),
                "no" => Some(false),
                _ => {
                    errors.push(FieldError::bilingual(format!("{MESSAGES_OK}-yes"), &ContactError::MessagesOkMissing));
                    None
                }
            };
            number.zip(messages_ok).map(|(number, messages_ok)| Reply::Phone { number, messages_ok })
        }
        "none" => Some(Reply::None),
        _ => {
            errors.push(FieldError::bilingual(format!("{REPLY}-email"), &ContactError::ReplyMissing));
            None
        }
    };
    let message = message_text(get(MESSAGE)).map_err(|e| errors.push(FieldError::bilingual(MESSAGE, &e))).ok();
    match (name, reply, message) {
        (Some(name), Some(reply), Some(message)) if errors.is_empty() => Ok(ContactMessage { name, reply, message }),
        _ => Err(errors),
    }
}

/// "5 messages in 1 hour": the limit in words, from the values the server enforces.
pub fn limit_words() -> String {
    limit_words_in(Locale::English)
}

/// The limit in words in `locale` ("5 neges mewn 1 awr": a noun after a number stays singular).
pub fn limit_words_in(locale: Locale) -> String {
    match locale {
        Locale::English => format!("{} messages in {}", MESSAGES_PER_SENDER, SENDER_WINDOW.words()),
        Locale::Welsh => format!("{} neges mewn {}", MESSAGES_PER_SENDER, SENDER_WINDOW.words_in(locale)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn every_problem_reads_in_welsh_with_the_same_limits() {
        use ContactError::*;
        let all = [
            NameMissing,
            NameTooLong,
            ReplyMissing,
            EmailInvalid,
            PhoneInvalid,
            MessagesOkMissing,
            MessageMissing,
            MessageTooLong,
        ];
        for e in all {
            let (english, welsh) = (e.to_string(), e.welsh());
            assert!(!welsh.trim().is_empty() && welsh != english, "{english}");
            for n in ["100", MESSAGE_MAX_WORDS] {
                assert_eq!(english.contains(n), welsh.contains(n), "{english} / {welsh}");
            }
        }
        assert_ne!(AlreadySent.to_string(), AlreadySent.welsh());
        let errors = parse(&form(&[(REPLY, "email"), (EMAIL, "nope")])).unwrap_err();
        assert!(errors.iter().all(|e| !e.welsh.is_empty()), "{errors:?}");
        assert_eq!(errors[0].message_in(Locale::Welsh), "Rhowch eich enw, neu'r enw yr hoffech chi i ni ei ddefnyddio");
    }

    #[test]
    fn a_complete_message_with_each_way_to_reply() {
        let email = parse(&form(&[
            (NAME, "  Sam   Jones "),
            (REPLY, "email"),
            (EMAIL, "sam@example.com"),
            (MESSAGE, "  Where is my nearest centre?\nThanks "),
        ]))
        .unwrap();
        assert_eq!(email.name.as_str(), "Sam Jones");
        assert_eq!(email.message, "Where is my nearest centre?\nThanks");
        assert_eq!(email.reply.words(), "Email sam@example.com");
        let phone = parse(&form(&[
            (NAME, "Sam"),
            (REPLY, "phone"),
            (PHONE, "07700 900 982"),
            (MESSAGES_OK, "no"),
            (MESSAGE, "Call me"),
        ]))
        .unwrap();
        assert_eq!(phone.reply.words(), "Phone 07700900982 (do not leave a message)");
        let none =
            parse(&form(&[(NAME, "Sam"), (REPLY, "none"), (EMAIL, "not checked"), (MESSAGE, "A link is broken")]));
        assert_eq!(none.unwrap().reply, Reply::None);
    }

    #[test]
    fn every_problem_is_reported_against_its_field_in_page_order() {
        let errors = parse(&form(&[])).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [NAME, "contact-reply-email", MESSAGE]);
        assert_eq!(errors[1].message, "Choose how we should reply");
        let errors = parse(&form(&[
            (NAME, &"x".repeat(101)),
            (REPLY, "phone"),
            (PHONE, "call me"),
            (MESSAGE, &"y".repeat(MESSAGE_MAX + 1)),
        ]))
        .unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "Your name must be 100 characters or fewer",
                "Enter a UK phone number, like 07700 900 982, or an international number starting with +",
                "Say whether we may leave a message on this phone",
                "Your message must be 2,000 characters or fewer",
            ]
        );
        let blank = parse(&form(&[(NAME, "Sam"), (REPLY, "email"), (EMAIL, "sam@example"), (MESSAGE, " \u{7} \n ")]));
        let messages: Vec<String> = blank.unwrap_err().into_iter().map(|e| e.message).collect();
        assert_eq!(
            messages,
            ["Enter an email address in the correct format, like name@example.com", "Enter your message"]
        );
    }

    #[test]
    fn only_the_pages_own_keys_are_form_keys() {
        assert!(is_form_key("0123456789abcdef0123456789ABCDEF"));
        for bad in ["", "../../etc", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdeg", "é"] {
            assert!(!is_form_key(bad), "{bad}");
        }
    }

    #[test]
    fn the_limit_is_said_from_the_values_enforced() {
        assert_eq!(limit_words(), "5 messages in 1 hour");
        assert_eq!(limit_words_in(Locale::Welsh), "5 neges mewn 1 awr");
        assert_eq!(MESSAGE_MAX_WORDS.replace(',', ""), MESSAGE_MAX.to_string());
    }
}
