//! Everything a person types into one box, through every parser that takes it: none may panic,
//! and whatever one accepts it accepts again in the form it gives back (the form it is stored
//! and shown in).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shared::referral::{AccessCode, DateOfBirth, EmailAddress, PersonName, PhoneNumber, ReferralReference};
use shared::{Postcode, PostcodeDistrict, Quarter};

fuzz_target!(|input: (String, String, String)| {
    let (text, month, year) = input;
    if let Ok(postcode) = Postcode::parse(&text) {
        assert_eq!(Postcode::parse(postcode.as_str()).as_ref(), Ok(&postcode));
    }
    if let Ok(district) = PostcodeDistrict::parse(&text) {
        assert_eq!(PostcodeDistrict::parse(district.as_str()).as_ref(), Ok(&district));
    }
    let _ = shared::search::SearchLocation::parse(&text);
    if let Ok(reference) = ReferralReference::parse(&text) {
        assert_eq!(ReferralReference::parse(reference.as_str()).as_ref(), Ok(&reference));
    }
    let _ = AccessCode::parse(&text);
    if let Ok(quarter) = Quarter::parse(&text) {
        assert_eq!(Quarter::parse(&quarter.to_string()), Ok(quarter));
    }
    if let Ok(n) = shared::returns::figures::parse_figure(&text) {
        assert_eq!(shared::returns::figures::parse_figure(&n.to_string()), Ok(n));
    }
    let _ = shared::returns::lifecycle::parse_amend_reason(&text);
    let _ = shared::centre_profile::ClockTime::parse(&text);
    let _ = shared::centre_profile::parse_languages(&text);
    let _ = (PersonName::parse(&text), EmailAddress::parse(&text), PhoneNumber::parse(&text));
    let today = time::Date::from_calendar_date(2026, time::Month::June, 15).expect("a date");
    let _ = DateOfBirth::parse(&text, &month, &year, today);
});
