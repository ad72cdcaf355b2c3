//! Deterministic demo data: the same 342 centres every time, in the SPEC §2 mix
//! (160 supported, 23 supervised, 137 supported and supervised, 22 candidates) across England,
//! Wales, Northern Ireland and the Channel Islands.

pub mod staff;
mod towns;

pub mod accreditation;
pub mod board;
mod profile;
pub mod returns;

use crate::store::{Store, StoreError};
use rand::{Rng, SeedableRng, seq::SliceRandom};
use rand_chacha::ChaCha8Rng;
use shared::{Centre, CentreName, CentreProfile, LatLon, Nation, Postcode, ServiceType, Slug};
use std::collections::HashSet;
use towns::{TOWNS, Town};

/// Changing the seed changes every demo centre: tests and bookmarks rely on it staying put.
const SEED: u64 = 0x4E41_4343_4320_4855; // "NACCC HU"

pub const SERVICE_MIX: [(ServiceType, usize); 4] = [
    (ServiceType::Supported, 160),
    (ServiceType::Supervised, 23),
    (ServiceType::SupportedAndSupervised, 137),
    (ServiceType::Candidate, 22),
];

pub const NATION_MIX: [(Nation, usize); 4] =
    [(Nation::England, 300), (Nation::Wales, 26), (Nation::NorthernIreland, 12), (Nation::ChannelIslands, 4)];

/// Over 50 supported centres take Safe Referrals online (SPEC §2).
const ONLINE_REFERRAL_CENTRES: usize = 62;

const SAINTS: [&str; 10] = ["Andrew", "Mary", "John", "Peter", "Paul", "Mark", "Luke", "Michael", "George", "Stephen"];
const NAMED: [&str; 10] = [
    "Rainbow",
    "Little Acorns",
    "Safe Steps",
    "Kaleidoscope",
    "Footprints",
    "Bridges",
    "Harbour",
    "Stepping Stones",
    "Sunflower",
    "Lighthouse",
];

/// Builds the demo centres. Pure and deterministic: the same list on every machine.
pub fn demo_centres() -> Vec<CentreProfile> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);

    let mut services: Vec<ServiceType> = SERVICE_MIX.iter().flat_map(|(s, n)| std::iter::repeat_n(*s, *n)).collect();
    services.shuffle(&mut rng);

    let places: Vec<&Town> = NATION_MIX.iter().flat_map(|(nation, n)| places_in(*nation, *n)).collect();

    let mut used_names = HashSet::new();
    let mut per_town = std::collections::HashMap::<&str, usize>::new();
    let mut centres: Vec<CentreProfile> = places
        .into_iter()
        .zip(services)
        .filter_map(|(town, service)| {
            let nth = per_town.entry(town.district).or_default();
            let name = centre_name(town, service, *nth, &mut rng, &mut used_names);
            *nth += 1;
            let centre = build_centre(town, &name, service, &mut rng)?;
            Some(profile::with_profile(centre, town, &mut rng))
        })
        .collect();

    // Online referrals: a fixed number of the centres offering supported contact.
    let mut supported: Vec<usize> =
        (0..centres.len()).filter(|i| centres[*i].centre.service.offers_supported()).collect();
    supported.shuffle(&mut rng);
    for i in supported.into_iter().take(ONLINE_REFERRAL_CENTRES) {
        centres[i].centre.accepts_online_referrals = true;
    }
    centres
}

/// `count` town slots in `nation`: every town once, then towns with weight ≥ 2 again, and so on.
fn places_in(nation: Nation, count: usize) -> Vec<&'static Town> {
    let towns: Vec<&Town> = TOWNS.iter().filter(|t| t.nation == nation).collect();
    let mut places = Vec::with_capacity(count);
    let mut round = 1u8;
    while places.len() < count && !towns.is_empty() {
        let mut this_round: Vec<&Town> = towns.iter().copied().filter(|t| t.weight >= round).collect();
        if this_round.is_empty() {
            this_round = towns.clone(); // weights exhausted: go round everyone again
        }
        places.extend(this_round.into_iter().take(count - places.len()));
        round = round.saturating_add(1);
    }
    places
}

fn centre_name(
    town: &Town,
    service: ServiceType,
    nth: usize,
    rng: &mut ChaCha8Rng,
    used: &mut HashSet<String>,
) -> String {
    let candidates = |rng: &mut ChaCha8Rng| -> String {
        match (nth, service) {
            (0, ServiceType::Supervised) => format!("{} Supervised Contact Service", town.name),
            (0, _) => format!("{} Child Contact Centre", town.name),
            (1, _) if town.nation == Nation::Wales => format!("Cyswllt Teulu {}", town.name),
            (1, _) => format!("{} Family Contact Centre", town.name),
            _ => match rng.random_range(0..3) {
                0 => format!("St {}'s Child Contact Centre, {}", SAINTS[rng.random_range(0..SAINTS.len())], town.name),
                1 => format!("{} Child Contact Centre, {}", NAMED[rng.random_range(0..NAMED.len())], town.name),
                _ => format!("{} Methodist Church Contact Centre", town.name),
            },
        }
    };
    for _ in 0..20 {
        let name = candidates(rng);
        if used.insert(name.clone()) {
            return name;
        }
    }
    // Same town name in two places (Bangor, Gwynedd and Bangor, County Down): say which.
    let name = format!("{} ({})", candidates(rng), town.region);
    used.insert(name.clone());
    name
}

fn build_centre(town: &Town, name: &str, service: ServiceType, rng: &mut ChaCha8Rng) -> Option<Centre> {
    const INWARD: &[u8] = b"ABDEFGHJLNPQRSTUWXY";
    let postcode = format!(
        "{} {}{}{}",
        town.district,
        rng.random_range(1..10),
        char::from(INWARD[rng.random_range(0..INWARD.len())]),
        char::from(INWARD[rng.random_range(0..INWARD.len())]),
    );
    let name = CentreName::parse(name).ok()?;
    let postcode = Postcode::parse(&postcode).ok()?;
    // Centres in one town are spread around its district centre (±0.6 miles or so).
    let location = crate::platform::postcodes::locate(&postcode.district()).and_then(|at| {
        LatLon::new(at.lat() + rng.random_range(-0.008..0.008), at.lon() + rng.random_range(-0.012..0.012)).ok()
    });
    Some(Centre {
        slug: Slug::from_name(&name).ok()?,
        name,
        service,
        nation: town.nation,
        region: CentreName::parse(town.region).ok()?,
        town: CentreName::parse(town.name).ok()?,
        postcode,
        accepts_online_referrals: false,
        // Set from the opening times by `profile::with_profile`.
        opening_days: Default::default(),
        location,
        wheelchair_access: rng.random_bool(0.8),
    })
}

/// Loads (or refreshes) the demo centres in `store`. Returns how many there are.
/// The centre the demo centre coordinator and manager work at: the first, by name, that takes
/// online referrals (so demo referrals can reach it).
pub fn demo_staff_centre() -> Option<shared::Slug> {
    let mut centres: Vec<_> =
        demo_centres().into_iter().map(|p| p.centre).filter(|c| c.accepts_online_referrals).collect();
    centres.sort_by_key(|c| c.name.to_string());
    centres.into_iter().next().map(|c| c.slug)
}

pub async fn seed_demo_data(store: &Store) -> Result<usize, StoreError> {
    let centres = demo_centres();
    store.save_centres(&centres).await?;
    Ok(centres.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_the_published_mix() {
        let centres: Vec<Centre> = demo_centres().into_iter().map(|p| p.centre).collect();
        assert_eq!(centres.len(), 342);
        for (service, expected) in SERVICE_MIX {
            assert_eq!(centres.iter().filter(|c| c.service == service).count(), expected, "{service:?}");
        }
        for (nation, expected) in NATION_MIX {
            assert_eq!(centres.iter().filter(|c| c.nation == nation).count(), expected, "{nation:?}");
        }
        let online: Vec<_> = centres.iter().filter(|c| c.accepts_online_referrals).collect();
        assert_eq!(online.len(), ONLINE_REFERRAL_CENTRES);
        assert!(online.iter().all(|c| c.service.offers_supported()));
        assert!(centres.iter().all(|c| !c.opening_days.is_empty()));
        assert!(centres.iter().all(|c| c.location.is_some()), "every demo town's district is in the table");
    }

    #[test]
    fn is_deterministic_with_unique_names_and_slugs() {
        let a = demo_centres();
        assert_eq!(a, demo_centres());
        let names: HashSet<_> = a.iter().map(|p| p.centre.name.as_str()).collect();
        let slugs: HashSet<_> = a.iter().map(|p| p.centre.slug.as_str()).collect();
        assert_eq!(names.len(), a.len());
        assert_eq!(slugs.len(), a.len());
    }

    #[test]
    fn postcodes_are_in_the_towns_district() {
        for c in demo_centres().into_iter().map(|p| p.centre) {
            let town = TOWNS.iter().find(|t| t.name == c.town.as_str() && t.nation == c.nation).unwrap();
            assert_eq!(c.postcode.district().as_str(), town.district, "{}", c.name);
        }
    }
}
