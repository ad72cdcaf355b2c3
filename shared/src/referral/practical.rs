//! The smaller pages of a referral: the professional who refers, the service asked for, other
//! people who will come, practical needs, and consent.

use super::answer::MAX_ANSWER_LEN;
use super::field::{FieldError, ticked};
use super::people::{EmailAddress, PersonName, PhoneNumber};
use crate::Weekday;
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

/// Longest organisation name we keep.
pub const MAX_ORGANISATION_LEN: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PracticalError {
    #[error("enter the name of your organisation")]
    OrganisationMissing,
    #[error("the organisation must be {MAX_ORGANISATION_LEN} characters or fewer")]
    OrganisationTooLong,
    #[error("choose the kind of contact the family needs")]
    ServiceMissing,
    #[error("say whether anyone else will come to the centre")]
    OthersMissing,
    #[error("tell us who else will come and how they know the children")]
    OthersDetailsMissing,
    #[error("select at least one day the children could come")]
    DaysMissing,
    #[error("the start date must be a real date")]
    StartNotReal,
    #[error("the start date must be today or in the future")]
    StartInPast,
    #[error("the start date must be within the next year")]
    StartTooLate,
    #[error("confirm that what you have told us is true")]
    TruthMissing,
    #[error("confirm that the centre may use this information to arrange contact")]
    SharingMissing,
    #[error("the answer must be {MAX_ANSWER_LEN} characters or fewer")]
    AnswerTooLong,
}

fn bounded(raw: &str, id: &str, errors: &mut Vec<FieldError>) -> String {
    let text = raw.trim();
    if text.chars().count() > MAX_ANSWER_LEN {
        errors.push(FieldError::bilingual(id, &PracticalError::AnswerTooLong));
    }
    text.to_owned()
}

fn done<T>(value: T, errors: Vec<FieldError>) -> Result<T, Vec<FieldError>> {
    if errors.is_empty() { Ok(value) } else { Err(errors) }
}

/// The professional making a referral (a parent's own details are on their adult page).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferrerForm {
    pub name: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Professional {
    pub name: PersonName,
    pub organisation: String,
    pub email: EmailAddress,
    pub phone: Option<PhoneNumber>,
}

impl ReferrerForm {
    pub fn validate(&self) -> Result<Professional, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name =
            PersonName::parse(&self.name).map_err(|e| errors.push(FieldError::bilingual("referrer-name", &e))).ok();
        let organisation = self.organisation.trim().to_owned();
        if organisation.is_empty() {
            errors.push(FieldError::bilingual("referrer-organisation", &PracticalError::OrganisationMissing));
        } else if organisation.chars().count() > MAX_ORGANISATION_LEN {
            errors.push(FieldError::bilingual("referrer-organisation", &PracticalError::OrganisationTooLong));
        }
        let email =
            EmailAddress::parse(&self.email).map_err(|e| errors.push(FieldError::bilingual("referrer-email", &e))).ok();
        let phone = if self.phone.trim().is_empty() {
            None
        } else {
            PhoneNumber::parse(&self.phone).map_err(|e| errors.push(FieldError::bilingual("referrer-phone", &e))).ok()
        };
        match (name, email) {
            (Some(name), Some(email)) if errors.is_empty() => Ok(Professional { name, organisation, email, phone }),
            _ => Err(errors),
        }
    }
}

/// The kind of contact asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContactService {
    /// Several families in a room, staff and volunteers keeping a watchful eye.
    Supported,
    /// One-to-one, observed and recorded, for children who need a safe setting.
    Supervised,
    /// The children are handed from one parent to the other at the centre.
    Handover,
}

impl ContactService {
    pub const ALL: [Self; 3] = [Self::Supported, Self::Supervised, Self::Handover];

    pub fn code(self) -> &'static str {
        match self {
            Self::Supported => "supported",
            Self::Supervised => "supervised",
            Self::Handover => "handover",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// Whether a centre of this type offers it (handover is part of supported services).
    pub fn offered_by(self, centre: crate::ServiceType) -> bool {
        match self {
            Self::Supervised => centre.offers_supervised(),
            Self::Supported | Self::Handover => centre.offers_supported(),
        }
    }
}

/// Other people who will come to the centre (grandparents, a new partner, …).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OtherPeopleForm {
    /// yes / no
    pub attending: String,
    pub details: String,
}

impl OtherPeopleForm {
    /// Who else will come, if anyone.
    pub fn validate(&self) -> Result<Option<String>, Vec<FieldError>> {
        let mut errors = Vec::new();
        let details = bounded(&self.details, "others-details", &mut errors);
        let value = match self.attending.trim() {
            "yes" if details.is_empty() => {
                errors.push(FieldError::bilingual("others-details", &PracticalError::OthersDetailsMissing));
                None
            }
            "yes" => Some(details),
            "no" => None,
            _ => {
                errors.push(FieldError::bilingual("others-attending", &PracticalError::OthersMissing));
                None
            }
        };
        done(value, errors)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PracticalForm {
    pub day_mon: String,
    pub day_tue: String,
    pub day_wed: String,
    pub day_thu: String,
    pub day_fri: String,
    pub day_sat: String,
    pub day_sun: String,
    /// The earliest the family could start, if there is one (day, month, year).
    pub start_day: String,
    pub start_month: String,
    pub start_year: String,
    /// Times that suit, school pick-ups, travel: anything the centre should know.
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PracticalNeeds {
    pub days: Vec<Weekday>,
    pub earliest_start: Option<crate::IsoDate>,
    pub notes: String,
}

impl PracticalForm {
    pub fn validate(&self, today: Date) -> Result<PracticalNeeds, Vec<FieldError>> {
        let mut errors = Vec::new();
        let days: Vec<Weekday> = [
            (&self.day_mon, Weekday::Mon),
            (&self.day_tue, Weekday::Tue),
            (&self.day_wed, Weekday::Wed),
            (&self.day_thu, Weekday::Thu),
            (&self.day_fri, Weekday::Fri),
            (&self.day_sat, Weekday::Sat),
            (&self.day_sun, Weekday::Sun),
        ]
        .into_iter()
        .filter(|(raw, _)| ticked(raw))
        .map(|(_, day)| day)
        .collect();
        if days.is_empty() {
            errors.push(FieldError::bilingual("practical-day_mon", &PracticalError::DaysMissing));
        }
        let earliest_start = self.start(today, &mut errors).map(crate::IsoDate::from);
        let notes = bounded(&self.notes, "practical-notes", &mut errors);
        done(PracticalNeeds { days, earliest_start, notes }, errors)
    }

    fn start(&self, today: Date, errors: &mut Vec<FieldError>) -> Option<Date> {
        let parts = [&self.start_day, &self.start_month, &self.start_year];
        if parts.iter().all(|p| p.trim().is_empty()) {
            return None;
        }
        let number = |s: &str| s.trim().parse::<i32>().ok();
        let date = match (number(&self.start_day), number(&self.start_month), number(&self.start_year)) {
            (Some(d), Some(m), Some(y)) => u8::try_from(m)
                .ok()
                .and_then(|m| Month::try_from(m).ok())
                .zip(u8::try_from(d).ok())
                .and_then(|(month, day)| Date::from_calendar_date(y, month, day).ok()),
            _ => None,
        };
        let problem = match date {
            None => Some(PracticalError::StartNotReal),
            Some(d) if d < today => Some(PracticalError::StartInPast),
            Some(d) if d > today + Duration::days(366) => Some(PracticalError::StartTooLate),
            Some(_) => None,
        };
        match problem {
            Some(p) => {
                errors.push(FieldError::bilingual("practical-start-day", &p));
                None
            }
            None => date,
        }
    }
}

/// The two statements a referrer must confirm before sending.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsentForm {
    pub truth: String,
    pub sharing: String,
}

impl ConsentForm {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if !ticked(&self.truth) {
            errors.push(FieldError::bilingual("consent-truth", &PracticalError::TruthMissing));
        }
        if !ticked(&self.sharing) {
            errors.push(FieldError::bilingual("consent-sharing", &PracticalError::SharingMissing));
        }
        done((), errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);

    fn ids(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_professional_needs_a_name_organisation_and_email() {
        assert_eq!(
            ids(ReferrerForm::default().validate().unwrap_err()),
            ["referrer-name", "referrer-organisation", "referrer-email"]
        );
        let ok = ReferrerForm {
            name: "Priya Shah".into(),
            organisation: "Shah & Co Solicitors".into(),
            email: "priya@shah.example".into(),
            phone: String::new(),
        };
        assert_eq!(ok.validate().unwrap().phone, None);
        let bad_phone = ReferrerForm { phone: "ring me".into(), ..ok };
        assert_eq!(ids(bad_phone.validate().unwrap_err()), ["referrer-phone"]);
    }

    #[test]
    fn services_and_what_centres_offer() {
        use crate::ServiceType;
        assert!(!ContactService::Supervised.offered_by(ServiceType::Supported));
        assert!(ContactService::Handover.offered_by(ServiceType::SupportedAndSupervised));
        assert!(!ContactService::Handover.offered_by(ServiceType::Supervised));
        for s in ContactService::ALL {
            assert_eq!(ContactService::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn other_people_need_details_when_coming() {
        let f = |a: &str, d: &str| OtherPeopleForm { attending: a.into(), details: d.into() }.validate();
        assert_eq!(f("no", "").unwrap(), None);
        assert_eq!(ids(f("", "").unwrap_err()), ["others-attending"]);
        assert_eq!(ids(f("yes", " ").unwrap_err()), ["others-details"]);
        assert_eq!(f("yes", "Grandma Jean").unwrap().as_deref(), Some("Grandma Jean"));
    }

    #[test]
    fn practical_needs_a_day_and_a_sensible_start() {
        let mut f = PracticalForm { day_sat: "yes".into(), ..Default::default() };
        assert_eq!(f.validate(TODAY).unwrap().days, vec![Weekday::Sat]);
        for (d, m, y, want) in [
            ("31", "2", "2027", PracticalError::StartNotReal),
            ("1", "1", "2026", PracticalError::StartInPast),
            ("1", "1", "2029", PracticalError::StartTooLate),
            ("x", "", "", PracticalError::StartNotReal),
        ] {
            (f.start_day, f.start_month, f.start_year) = (d.into(), m.into(), y.into());
            assert_eq!(f.validate(TODAY).unwrap_err(), vec![FieldError::bilingual("practical-start-day", &want)]);
        }
        (f.start_day, f.start_month, f.start_year) = ("5".into(), "1".into(), "2027".into());
        assert_eq!(f.validate(TODAY).unwrap().earliest_start, Some(date!(2027 - 01 - 05).into()));
        assert_eq!(ids(PracticalForm::default().validate(TODAY).unwrap_err()), ["practical-day_mon"]);
    }

    #[test]
    fn both_statements_must_be_confirmed() {
        assert_eq!(ids(ConsentForm::default().validate().unwrap_err()), ["consent-truth", "consent-sharing"]);
        assert!(ConsentForm { truth: "yes".into(), sharing: "yes".into() }.validate().is_ok());
    }
}
