//! Postcode district → location, offline, from the table shipped in `data/postcode_districts.csv`
//! (derived from OS Code-Point Open by `tools/postcodes/build_districts.py`; see README for the
//! attribution). Loaded once, on first use.

use shared::{LatLon, PostcodeDistrict};
use std::{collections::HashMap, sync::LazyLock};

const TABLE: &str = include_str!("../../data/postcode_districts.csv");

static DISTRICTS: LazyLock<HashMap<String, LatLon>> = LazyLock::new(|| parse_table(TABLE));

/// Parses `district,lat,lon` lines, skipping comments, the header and any malformed line (the file
/// is generated and tested, so a bad line is a bug the tests catch, not a reason to crash).
fn parse_table(text: &str) -> HashMap<String, LatLon> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("district,"))
        .filter_map(|line| {
            let mut fields = line.split(',');
            let district = PostcodeDistrict::parse(fields.next()?).ok()?;
            let lat = fields.next()?.parse().ok()?;
            let lon = fields.next()?.parse().ok()?;
            Some((district.as_str().to_owned(), LatLon::new(lat, lon).ok()?))
        })
        .collect()
}

/// The centre of a postcode district, if it is in the table.
pub fn locate(district: &PostcodeDistrict) -> Option<LatLon> {
    DISTRICTS.get(district.as_str()).copied()
}

/// The offline postcode table as the app's port.
#[derive(Clone, Copy, Default)]
pub struct PostcodeTable;

impl app::ports::PostcodeLocator for PostcodeTable {
    fn locate(&self, district: &PostcodeDistrict) -> Option<LatLon> {
        locate(district)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(district: &str) -> LatLon {
        locate(&PostcodeDistrict::parse(district).unwrap()).unwrap_or_else(|| panic!("{district} missing"))
    }

    #[test]
    fn every_line_of_the_table_is_valid() {
        let data_lines = TABLE.lines().filter(|l| !l.starts_with('#') && !l.starts_with("district,")).count();
        assert_eq!(DISTRICTS.len(), data_lines, "no line was skipped as malformed");
        assert!(DISTRICTS.len() > 2900);
    }

    #[test]
    fn covers_the_four_nations_and_the_islands() {
        let nottingham = at("NG1");
        assert!((nottingham.lat() - 52.95).abs() < 0.05 && (nottingham.lon() + 1.15).abs() < 0.05);
        for district in ["EC1A", "W1A", "CF10", "LL57", "BT1", "BT48", "JE2", "GY1", "IM1", "TR18", "KW1"] {
            at(district);
        }
        assert!(locate(&PostcodeDistrict::parse("AA99").unwrap()).is_none());
    }

    #[test]
    fn distances_between_districts_are_plausible() {
        // Nottingham to Derby is about 14 miles; Cardiff to Belfast about 244.
        let miles = at("NG1").miles_to(at("DE1"));
        assert!((12.0..16.0).contains(&miles), "{miles}");
        let miles = at("CF10").miles_to(at("BT1"));
        assert!((235.0..255.0).contains(&miles), "{miles}");
    }
}
