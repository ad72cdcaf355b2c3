//! Who is referring, and each adult's part: how to reach them safely, an address that can be
//! hidden from the other party, parental responsibility, language and access needs.

use super::answer::{DraftError, MAX_ANSWER_LEN};
use super::people::{DateOfBirth, EmailAddress, PersonName, PhoneNumber, SafeContact};
use super::screening::Answer;
use crate::postcode::Postcode;
use serde::{Deserialize, Serialize};
use time::Date;

/// Who is making the referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReferrerKind {
    /// The parent the children live with.
    ResidentParent,
    /// The parent the children do not live with.
    NonResidentParent,
    Solicitor,
    Cafcass,
    CafcassCymru,
    Court,
    LocalAuthority,
    Mediator,
    OtherCentre,
}

impl ReferrerKind {
    pub const ALL: [Self; 9] = [
        Self::ResidentParent,
        Self::NonResidentParent,
        Self::Solicitor,
        Self::Cafcass,
        Self::CafcassCymru,
        Self::Court,
        Self::LocalAuthority,
        Self::Mediator,
        Self::OtherCentre,
    ];

    /// The value of the radio button and of the stored draft.
    pub fn code(self) -> &'static str {
        match self {
            Self::ResidentParent => "resident_parent",
            Self::NonResidentParent => "non_resident_parent",
            Self::Solicitor => "solicitor",
            Self::Cafcass => "cafcass",
            Self::CafcassCymru => "cafcass_cymru",
            Self::Court => "court",
            Self::LocalAuthority => "local_authority",
            Self::Mediator => "mediator",
            Self::OtherCentre => "other_centre",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    pub fn is_parent(self) -> bool {
        matches!(self, Self::ResidentParent | Self::NonResidentParent)
    }
}

/// One adult's answers exactly as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AdultForm {
    pub name: String,
    pub dob_day: String,
    pub dob_month: String,
    pub dob_year: String,
    /// "phone", "email" or "post".
    pub contact_method: String,
    pub phone: String,
    pub email: String,
    /// "yes" or "no": may the centre leave a message on this phone?
    pub messages_ok: String,
    pub address_line_1: String,
    pub address_line_2: String,
    pub town: String,
    pub postcode: String,
    /// "yes" only if this address may be shown to the other party; anything else keeps it hidden.
    pub share_address: String,
    /// "yes", "no" or "dont_know".
    pub parental_responsibility: String,
    pub language: String,
    /// "yes" if an interpreter is needed.
    pub interpreter: String,
    pub access_needs: String,
}

/// Which field of an adult's form a problem belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdultField {
    Name,
    DateOfBirth,
    ContactMethod,
    Phone,
    Email,
    MessagesOk,
    Address,
    Postcode,
    ParentalResponsibility,
    Language,
    AccessNeeds,
}

impl AdultField {
    /// The input's id within an adult's page, after the page's prefix (`resident-`, `other-`, …).
    pub fn input_suffix(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::DateOfBirth => "dob-day",
            Self::ContactMethod => "contact_method",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::MessagesOk => "messages_ok",
            Self::Address => "address_line_1",
            Self::Postcode => "postcode",
            Self::ParentalResponsibility => "parental_responsibility",
            Self::Language => "language",
            Self::AccessNeeds => "access_needs",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Address {
    pub line_1: String,
    pub line_2: String,
    pub town: String,
    pub postcode: Postcode,
    /// Hidden from the other party unless the person said it may be shared.
    pub shared_with_other_party: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adult {
    pub name: PersonName,
    pub date_of_birth: DateOfBirth,
    pub contact: SafeContact,
    pub address: Option<Address>,
    pub parental_responsibility: Answer,
    pub language: String,
    pub interpreter: bool,
    pub access_needs: String,
}

pub use super::answer::AdultError;

fn yes(s: &str) -> bool {
    s.trim() == "yes"
}

fn bounded(text: &str, field: AdultField, errors: &mut Vec<(AdultField, DraftError)>) -> String {
    let text = text.trim();
    if text.chars().count() > MAX_ANSWER_LEN {
        errors.push((field, DraftError::AnswerTooLong));
    }
    text.to_owned()
}

impl AdultForm {
    /// The problems as an adult's page shows them; `prefix` names the page's inputs.
    pub fn field_errors(&self, prefix: &str, today: Date) -> Vec<super::field::FieldError> {
        match self.validate(today) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .map(|(f, e)| super::field::FieldError::bilingual(format!("{prefix}-{}", f.input_suffix()), &e))
                .collect(),
        }
    }

    /// Checks one adult's answers against `today`; every problem is reported with its field.
    pub fn validate(&self, today: Date) -> Result<Adult, Vec<(AdultField, DraftError)>> {
        let mut errors: Vec<(AdultField, DraftError)> = Vec::new();
        let name = PersonName::parse(&self.name).map_err(|e| errors.push((AdultField::Name, e.into()))).ok();
        let dob = DateOfBirth::parse(&self.dob_day, &self.dob_month, &self.dob_year, today)
            .map_err(|e| errors.push((AdultField::DateOfBirth, e.into())))
            .ok();
        let address = self.address(&mut errors);
        let contact = match self.contact_method.trim() {
            "phone" => {
                let number =
                    PhoneNumber::parse(&self.phone).map_err(|e| errors.push((AdultField::Phone, e.into()))).ok();
                let messages_ok = match self.messages_ok.trim() {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => {
                        errors.push((AdultField::MessagesOk, AdultError::MessagesOkMissing.into()));
                        None
                    }
                };
                number.zip(messages_ok).map(|(number, messages_ok)| SafeContact::Phone { number, messages_ok })
            }
            "email" => EmailAddress::parse(&self.email)
                .map(|address| SafeContact::Email { address })
                .map_err(|e| errors.push((AdultField::Email, e.into())))
                .ok(),
            "post" => {
                if address.is_none()
                    && !errors.iter().any(|(f, _)| matches!(f, AdultField::Address | AdultField::Postcode))
                {
                    errors.push((AdultField::Address, AdultError::AddressNeededForPost.into()));
                }
                Some(SafeContact::Post)
            }
            _ => {
                errors.push((AdultField::ContactMethod, AdultError::ContactMethodMissing.into()));
                None
            }
        };
        let parental_responsibility = match self.parental_responsibility.trim() {
            "yes" => Some(Answer::Yes),
            "no" => Some(Answer::No),
            "dont_know" => Some(Answer::DontKnow),
            _ => {
                errors.push((AdultField::ParentalResponsibility, AdultError::ParentalResponsibilityMissing.into()));
                None
            }
        };
        let language = bounded(&self.language, AdultField::Language, &mut errors);
        let access_needs = bounded(&self.access_needs, AdultField::AccessNeeds, &mut errors);
        match (name, dob, contact, parental_responsibility) {
            (Some(name), Some(date_of_birth), Some(contact), Some(parental_responsibility)) if errors.is_empty() => {
                Ok(Adult {
                    name,
                    date_of_birth,
                    contact,
                    address,
                    parental_responsibility,
                    language,
                    interpreter: yes(&self.interpreter),
                    access_needs,
                })
            }
            _ => Err(errors),
        }
    }

    /// The address if one was given: all of line 1, town and postcode, or none of them.
    fn address(&self, errors: &mut Vec<(AdultField, DraftError)>) -> Option<Address> {
        let parts = [&self.address_line_1, &self.address_line_2, &self.town, &self.postcode];
        if parts.iter().all(|p| p.trim().is_empty()) {
            return None;
        }
        let line_1 = bounded(&self.address_line_1, AdultField::Address, errors);
        let line_2 = bounded(&self.address_line_2, AdultField::Address, errors);
        let town = bounded(&self.town, AdultField::Address, errors);
        if line_1.is_empty() || town.is_empty() {
            errors.push((AdultField::Address, AdultError::AddressIncomplete.into()));
        }
        let postcode = Postcode::parse(&self.postcode)
            .map_err(|_| errors.push((AdultField::Postcode, AdultError::PostcodeInvalid.into())))
            .ok()?;
        (!line_1.is_empty() && !town.is_empty()).then(|| Address {
            line_1,
            line_2,
            town,
            postcode,
            shared_with_other_party: yes(&self.share_address),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);

    fn form() -> AdultForm {
        AdultForm {
            name: "Sam Taylor".into(),
            dob_day: "12".into(),
            dob_month: "6".into(),
            dob_year: "1990".into(),
            contact_method: "phone".into(),
            phone: "07700 900 982".into(),
            messages_ok: "no".into(),
            parental_responsibility: "yes".into(),
            ..Default::default()
        }
    }

    #[test]
    fn referrer_kinds_round_trip() {
        for k in ReferrerKind::ALL {
            assert_eq!(ReferrerKind::from_code(k.code()), Some(k));
        }
        assert!(ReferrerKind::ResidentParent.is_parent() && !ReferrerKind::Cafcass.is_parent());
        assert_eq!(ReferrerKind::from_code("grandparent"), None);
    }

    #[test]
    fn a_valid_adult_reached_safely_by_phone() {
        let adult = form().validate(TODAY).unwrap();
        assert_eq!(
            adult.contact,
            SafeContact::Phone { number: PhoneNumber::parse("07700900982").unwrap(), messages_ok: false }
        );
        assert_eq!(adult.address, None);
        assert_eq!(adult.parental_responsibility, Answer::Yes);
    }

    #[test]
    fn an_address_is_hidden_unless_sharing_is_chosen() {
        let mut f = form();
        f.address_line_1 = "1 Safe Street".into();
        f.town = "Derby".into();
        f.postcode = "de1 1aa".into();
        let hidden = f.validate(TODAY).unwrap().address.unwrap();
        assert!(!hidden.shared_with_other_party);
        assert_eq!(hidden.postcode.as_str(), "DE1 1AA");
        f.share_address = "yes".into();
        assert!(f.validate(TODAY).unwrap().address.unwrap().shared_with_other_party);
    }

    #[test]
    fn missing_or_wrong_answers_are_reported_per_field() {
        let mut f = form();
        f.contact_method = "phone".into();
        f.phone = "call me".into();
        f.messages_ok = String::new();
        f.parental_responsibility = String::new();
        f.postcode = "nowhere".into();
        let fields: Vec<AdultField> = f.validate(TODAY).unwrap_err().into_iter().map(|(field, _)| field).collect();
        assert_eq!(
            fields,
            vec![
                AdultField::Address,
                AdultField::Postcode,
                AdultField::Phone,
                AdultField::MessagesOk,
                AdultField::ParentalResponsibility
            ]
        );
    }

    #[test]
    fn post_needs_an_address_and_email_a_real_address() {
        let mut f = form();
        f.contact_method = "post".into();
        assert_eq!(
            f.validate(TODAY).unwrap_err(),
            vec![(AdultField::Address, DraftError::Adult(AdultError::AddressNeededForPost))]
        );
        f.contact_method = "email".into();
        f.email = "sam@".into();
        assert_eq!(f.validate(TODAY).unwrap_err()[0].0, AdultField::Email);
        f.contact_method = String::new();
        assert_eq!(
            f.validate(TODAY).unwrap_err(),
            vec![(AdultField::ContactMethod, DraftError::Adult(AdultError::ContactMethodMissing))]
        );
    }
}
