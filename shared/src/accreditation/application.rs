//! A candidate's application: what contact, where, and the working agreement signed (by whom and
//! when). NACCC records the fee as paid when it confirms the application.

use super::catalogue::{Services, Venue};
use crate::IsoDate;
use crate::referral::{FieldError, Fields};
use serde::{Deserialize, Serialize};
use time::Date;

pub const SERVICES_FIELD: &str = "services";
pub const VENUE_FIELD: &str = "venue";
pub const SIGNED_BY_FIELD: &str = "signed-by";
pub const SIGNED_ON_FIELD: &str = "signed-on";
/// The longest name kept for whoever signed the working agreement.
pub const MAX_SIGNATORY: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub services: Services,
    pub venue: Venue,
    /// Who signed NACCC's working agreement for the centre.
    pub signed_by: String,
    pub signed_on: IsoDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ApplicationError {
    #[error("choose the contact you are applying to be accredited for")]
    NoServices,
    #[error("say whether the centre has a fixed venue")]
    NoVenue,
    #[error("enter the name of the person who signed the working agreement")]
    NoSignatory,
    #[error("the name must be {MAX_SIGNATORY} characters or fewer")]
    SignatoryTooLong,
    #[error("enter the date the working agreement was signed, like 2026-03-14")]
    SignedOnFormat,
    #[error("the working agreement cannot be signed on a date in the future")]
    SignedInFuture,
}

/// Reads an application form; `today` (the UK date) refuses an agreement signed in the future.
pub fn parse_application(fields: &Fields, today: Date) -> Result<Application, Vec<FieldError>> {
    let get = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
    let mut errors = Vec::new();
    let services = Services::from_code(get(SERVICES_FIELD).trim());
    if services.is_none() {
        errors.push(FieldError::new(SERVICES_FIELD, &ApplicationError::NoServices));
    }
    let venue = Venue::from_code(get(VENUE_FIELD).trim());
    if venue.is_none() {
        errors.push(FieldError::new(VENUE_FIELD, &ApplicationError::NoVenue));
    }
    let name = get(SIGNED_BY_FIELD).trim();
    if name.is_empty() {
        errors.push(FieldError::new(SIGNED_BY_FIELD, &ApplicationError::NoSignatory));
    } else if name.chars().count() > MAX_SIGNATORY {
        errors.push(FieldError::new(SIGNED_BY_FIELD, &ApplicationError::SignatoryTooLong));
    }
    let signed_on = match IsoDate::parse(get(SIGNED_ON_FIELD)) {
        Ok(d) if d.date() > today => {
            errors.push(FieldError::new(SIGNED_ON_FIELD, &ApplicationError::SignedInFuture));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(FieldError::new(SIGNED_ON_FIELD, &ApplicationError::SignedOnFormat));
            None
        }
    };
    match (services, venue, signed_on) {
        (Some(services), Some(venue), Some(signed_on)) if errors.is_empty() => {
            Ok(Application { services, venue, signed_by: name.to_owned(), signed_on })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn form(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_complete_application_is_read() {
        let f =
            form(&[("services", "both"), ("venue", "fixed"), ("signed-by", " Ann Lee "), ("signed-on", "2026-03-01")]);
        let a = parse_application(&f, date!(2026 - 03 - 01)).unwrap();
        assert_eq!(a.services, Services::Both);
        assert_eq!(a.signed_by, "Ann Lee");
    }

    #[test]
    fn every_problem_is_named_at_its_field() {
        let errors = parse_application(&form(&[("services", "all"), ("signed-on", "1/3/2026")]), date!(2026 - 03 - 01))
            .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["services", "venue", "signed-by", "signed-on"]);
        let future =
            form(&[("services", "supported"), ("venue", "community"), ("signed-by", "A"), ("signed-on", "2026-03-02")]);
        let errors = parse_application(&future, date!(2026 - 03 - 01)).unwrap_err();
        assert_eq!(errors[0].message, "The working agreement cannot be signed on a date in the future");
        let long = form(&[
            ("services", "supported"),
            ("venue", "fixed"),
            ("signed-by", &"a".repeat(101)),
            ("signed-on", "2026-03-01"),
        ]);
        assert_eq!(parse_application(&long, date!(2026 - 03 - 01)).unwrap_err()[0].field, "signed-by");
    }
}
