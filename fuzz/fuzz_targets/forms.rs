//! Whatever a browser (or anyone) posts to a public form: the wizard's pages and the other
//! party's part applied to a draft and checked, the whole referral checked, the contact form,
//! the centre search. Keys come mostly from the forms' real names, so values reach the rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shared::referral::{DraftAnswers, Fields, JoinAnswers, JoinStep, Step};

const NAMES: &[&str] = &[
    "kind", "name", "organisation", "email", "phone", "contact_method", "messages_ok", "postcode", "town",
    "share_address", "parental_responsibility", "language", "interpreter", "access_needs", "dob_day", "dob_month",
    "dob_year", "attending", "details", "proceedings", "order_allows_contact", "case_number", "social_services",
    "child_offence_conviction", "abduction_risk", "drugs_or_alcohol", "mental_health", "other_concerns",
    "other_details", "passports", "needs", "notes", "start_day", "start_month", "start_year", "joiner", "number",
    "contact-name", "contact-reply", "contact-email", "contact-phone", "contact-messages-ok", "contact-message",
];

fuzz_target!(|input: (Vec<(u8, String, String)>, u8)| {
    let (pairs, pick) = input;
    let fields: Fields = pairs
        .into_iter()
        .map(|(which, raw_key, value)| {
            let key = NAMES.get(usize::from(which)).map_or(raw_key, |k| (*k).to_owned());
            (key, value)
        })
        .collect();
    let today = time::Date::from_calendar_date(2026, time::Month::June, 15).expect("a date");
    let centre = [None, Some(shared::ServiceType::Supported), Some(shared::ServiceType::SupportedAndSupervised)]
        [usize::from(pick % 3)];

    let mut draft = DraftAnswers::default();
    for step in Step::ALL {
        step.apply(&mut draft, &fields);
        let _ = step.errors(&draft, centre, today);
    }
    draft.put_child(1 + usize::from(pick % 4), &fields);
    let _ = draft.check_size();
    let _ = shared::referral::submission::validate_referral(&draft, centre, today);
    let _ = shared::referral::submission::screening_so_far(&draft);

    let mut part = JoinAnswers::default();
    for step in JoinStep::ALL {
        step.apply(&mut part, &fields);
        let _ = step.errors(&part, today);
    }

    let _ = shared::contact::parse(&fields);
    let text = |k: &str| fields.get(k).cloned();
    let search = shared::search::SearchParams {
        postcode: text("postcode"),
        q: text("name"),
        service: text("kind"),
        online: text("messages_ok"),
        day: text("number"),
        access: text("attending"),
        page: text("dob_day"),
    };
    let _ = shared::search::CentreSearch::parse(&search);
});
