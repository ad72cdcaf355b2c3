//! The public-page details of a demo centre: venue, opening times, access, languages, accreditation.

use super::towns::Town;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use shared::{
    AccreditationStatus, AccreditationSummary, Centre, CentreProfile, IsoDate, Nation, OpeningTimes, ProfileText,
    ServiceType,
};
use time::{Date, Month};

const VENUES: [&str; 6] =
    ["Church Hall", "Methodist Church", "Family Centre", "Community Centre", "Children's Centre", "Baptist Church"];
const STREETS: [&str; 8] = [
    "Church Street",
    "High Street",
    "Station Road",
    "Victoria Road",
    "Park Lane",
    "Mill Lane",
    "Chapel Street",
    "Market Place",
];
const LANGUAGES: [&str; 10] = [
    "Polish",
    "Urdu",
    "Punjabi",
    "Bengali",
    "Arabic",
    "Romanian",
    "British Sign Language",
    "Portuguese",
    "Somali",
    "Gujarati",
];

pub(super) fn with_profile(mut centre: Centre, town: &Town, rng: &mut ChaCha8Rng) -> CentreProfile {
    let opening_times = opening_times(centre.service, rng);
    centre.opening_days = opening_times.days();
    let street = format!(
        "{} {}, {} {}",
        town.name,
        VENUES[rng.random_range(0..VENUES.len())],
        rng.random_range(1..120),
        STREETS[rng.random_range(0..STREETS.len())]
    );
    let accessibility = if centre.wheelchair_access {
        "Step-free access to every contact room. Accessible toilet and baby changing. Parking at the door."
    } else {
        "The contact rooms are up one flight of stairs and there is no lift. Call the centre to talk about access needs."
    };
    let mut languages = vec!["English".to_owned()];
    if centre.nation == Nation::Wales {
        languages.push("Welsh".to_owned());
    }
    for _ in 0..rng.random_range(0..3) {
        let language = LANGUAGES[rng.random_range(0..LANGUAGES.len())].to_owned();
        if !languages.contains(&language) {
            languages.push(language);
        }
    }
    let description = match centre.service {
        ServiceType::Supported => {
            "Supported contact in a friendly, safe place. Several families share the room, with trained volunteers nearby. Toys, games and a garden for children of all ages."
        }
        ServiceType::Supervised => {
            "Supervised contact for children who have been harmed or are at risk of harm. One family at a time, watched closely by trained staff who write a report after each session."
        }
        ServiceType::SupportedAndSupervised => {
            "Supported contact with trained volunteers on hand, and supervised contact with trained staff for families who need it. Handovers can be arranged so parents do not meet."
        }
        ServiceType::Candidate => {
            "A new centre working towards NACCC accreditation. It offers supported contact with trained volunteers while it completes the process."
        }
    };
    let accreditation = accreditation(centre.service, rng);
    CentreProfile {
        centre,
        street: ProfileText::parse(&street).unwrap_or_default(),
        description: ProfileText::parse(description).unwrap_or_default(),
        opening_times,
        accessibility: ProfileText::parse(accessibility).unwrap_or_default(),
        languages,
        accreditation,
    }
}

/// Most supported centres open on Saturdays; supervised services also run on weekdays.
fn opening_times(service: ServiceType, rng: &mut ChaCha8Rng) -> OpeningTimes {
    let patterns: &[&str] = if service.offers_supervised() {
        &[
            "mon 09:30-16:30; wed 09:30-16:30; fri 09:30-16:30",
            "tue 10:00-17:00; thu 10:00-17:00; sat 10:00-14:00",
            "mon 09:00-17:00; tue 09:00-17:00; wed 09:00-17:00; thu 09:00-17:00; fri 09:00-17:00",
            "wed 13:00-18:00; sat 10:00-16:00",
            "sat 10:00-16:00; sun 11:00-15:00",
        ]
    } else {
        &[
            "sat 10:00-12:30",
            "sat 10:00-13:00",
            "sat 13:30-16:00",
            "sat 10:00-12:00; sun 14:00-16:00",
            "sun 13:00-15:30",
            "wed 16:00-18:00; sat 10:00-12:00",
            "fri 16:00-18:30; sat 10:30-13:00",
        ]
    };
    OpeningTimes::parse(patterns[rng.random_range(0..patterns.len())]).unwrap_or_default()
}

fn accreditation(service: ServiceType, rng: &mut ChaCha8Rng) -> AccreditationSummary {
    if service == ServiceType::Candidate {
        return AccreditationSummary {
            status: AccreditationStatus::Candidate,
            last_accredited: None,
            renewal_due: None,
        };
    }
    let status = if rng.random_bool(0.08) {
        AccreditationStatus::AccreditedWithConditions
    } else {
        AccreditationStatus::Accredited
    };
    // Accredited some time in 2023–2025; renewal on a three-year cycle.
    let year = rng.random_range(2023..=2025);
    let month = Month::try_from(rng.random_range(1..=12u8)).unwrap_or(Month::January);
    let day = rng.random_range(1..=28u8);
    let accredited = Date::from_calendar_date(year, month, day).ok();
    let renewal = accredited.and_then(|d| d.replace_year(d.year() + 3).ok());
    AccreditationSummary {
        status,
        last_accredited: accredited.map(IsoDate::from),
        renewal_due: renewal.map(IsoDate::from),
    }
}
