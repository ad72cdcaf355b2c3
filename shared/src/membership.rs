//! Membership of NACCC: whether a centre is a member in good standing (listed, taking referrals),
//! suspended or removed (the accreditation lifecycle moves it), and a new member centre as NACCC
//! adds it (a candidate until accredited).

use crate::referral::{FieldError, Fields};
use crate::{CentreName, Nation, Postcode, Slug};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Membership {
    Member,
    Suspended,
    Removed,
}

impl Membership {
    pub const ALL: [Self; 3] = [Self::Member, Self::Suspended, Self::Removed];

    pub fn code(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Suspended => "suspended",
            Self::Removed => "removed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Member => "Member",
            Self::Suspended => "Suspended",
            Self::Removed => "Removed",
        }
    }
}

pub const NAME_FIELD: &str = "centre-name";
pub const NATION_FIELD: &str = "nation";
pub const REGION_FIELD: &str = "region";
pub const TOWN_FIELD: &str = "town";
pub const POSTCODE_FIELD: &str = "postcode";

/// A member centre as NACCC adds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCentre {
    pub name: CentreName,
    pub slug: Slug,
    pub nation: Nation,
    pub region: CentreName,
    pub town: CentreName,
    pub postcode: Postcode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NewCentreError {
    #[error("enter the centre's name (120 characters or fewer)")]
    Name,
    #[error("choose the nation the centre is in")]
    Nation,
    #[error("enter the region (120 characters or fewer)")]
    Region,
    #[error("enter the town (120 characters or fewer)")]
    Town,
    #[error("enter a full UK postcode, like NG1 5FW")]
    Postcode,
}

/// Reads NACCC's form for a new member centre; its address is made from its name.
pub fn parse_new_centre(fields: &Fields) -> Result<NewCentre, Vec<FieldError>> {
    let get = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
    let mut errors = Vec::new();
    let mut name_of = |field: &str, error: NewCentreError| match CentreName::parse(get(field)) {
        Ok(n) => Some(n),
        Err(_) => {
            errors.push(FieldError::new(field, &error));
            None
        }
    };
    let name = name_of(NAME_FIELD, NewCentreError::Name);
    let region = name_of(REGION_FIELD, NewCentreError::Region);
    let town = name_of(TOWN_FIELD, NewCentreError::Town);
    let nation = Nation::from_code(get(NATION_FIELD).trim()).ok();
    if nation.is_none() {
        errors.push(FieldError::new(NATION_FIELD, &NewCentreError::Nation));
    }
    let postcode = Postcode::parse(get(POSTCODE_FIELD)).ok();
    if postcode.is_none() {
        errors.push(FieldError::new(POSTCODE_FIELD, &NewCentreError::Postcode));
    }
    let slug = name.as_ref().and_then(|n| Slug::from_name(n).ok());
    if name.is_some() && slug.is_none() {
        errors.push(FieldError::new(NAME_FIELD, &NewCentreError::Name));
    }
    match (name, slug, nation, region, town, postcode) {
        (Some(name), Some(slug), Some(nation), Some(region), Some(town), Some(postcode)) if errors.is_empty() => {
            Ok(NewCentre { name, slug, nation, region, town, postcode })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_new_centre_gets_its_address_from_its_name() {
        let f = form(&[
            ("centre-name", "St Anne's Contact Centre"),
            ("nation", "wales"),
            ("region", "South Wales"),
            ("town", "Cardiff"),
            ("postcode", "cf10 1aa"),
        ]);
        let c = parse_new_centre(&f).unwrap();
        assert_eq!(c.slug.as_str(), "st-annes-contact-centre");
        assert_eq!(c.nation, Nation::Wales);
    }

    #[test]
    fn every_problem_is_named_at_its_field() {
        let errors = parse_new_centre(&form(&[("postcode", "nowhere")])).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["centre-name", "region", "town", "nation", "postcode"]);
    }

    #[test]
    fn membership_codes_round_trip() {
        for m in Membership::ALL {
            assert_eq!(Membership::from_code(m.code()), Some(m));
        }
    }
}
