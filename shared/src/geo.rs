//! Places on the Earth and the distance between them, for "nearest centre first".

use serde::{Deserialize, Serialize};

/// Mean Earth radius in miles (IUGG mean radius 6,371.0088 km).
const EARTH_RADIUS_MILES: f64 = 3958.7613;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GeoError {
    #[error("latitude must be between -90 and 90 degrees")]
    Latitude,
    #[error("longitude must be between -180 and 180 degrees")]
    Longitude,
}

/// A WGS84 latitude and longitude in degrees; both finite and in range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "(f64, f64)", into = "(f64, f64)")]
pub struct LatLon {
    lat: f64,
    lon: f64,
}

impl LatLon {
    pub fn new(lat: f64, lon: f64) -> Result<Self, GeoError> {
        if !(-90.0..=90.0).contains(&lat) {
            return Err(GeoError::Latitude); // also rejects NaN
        }
        if !(-180.0..=180.0).contains(&lon) {
            return Err(GeoError::Longitude);
        }
        Ok(Self { lat, lon })
    }

    pub fn lat(self) -> f64 {
        self.lat
    }

    pub fn lon(self) -> f64 {
        self.lon
    }

    /// Great-circle distance in miles (haversine): well within 0.5% for the UK.
    pub fn miles_to(self, other: LatLon) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let d_lat = lat2 - lat1;
        let d_lon = (other.lon - self.lon).to_radians();
        let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_MILES * h.sqrt().min(1.0).asin()
    }
}

impl TryFrom<(f64, f64)> for LatLon {
    type Error = GeoError;
    fn try_from((lat, lon): (f64, f64)) -> Result<Self, Self::Error> {
        Self::new(lat, lon)
    }
}

impl From<LatLon> for (f64, f64) {
    fn from(value: LatLon) -> Self {
        (value.lat, value.lon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn place(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    #[test]
    fn known_distances() {
        let nottingham = place(52.9548, -1.1484);
        let london = place(51.5074, -0.1278);
        let belfast = place(54.5973, -5.9301);
        // Published great-circle distances: Nottingham–London ≈ 108 miles, London–Belfast ≈ 322 miles.
        assert!((nottingham.miles_to(london) - 108.0).abs() < 2.0, "{}", nottingham.miles_to(london));
        assert!((london.miles_to(belfast) - 322.0).abs() < 2.0, "{}", london.miles_to(belfast));
        assert_eq!(nottingham.miles_to(nottingham), 0.0);
    }

    #[test]
    fn rejects_out_of_range_and_nan() {
        assert_eq!(LatLon::new(90.1, 0.0), Err(GeoError::Latitude));
        assert_eq!(LatLon::new(f64::NAN, 0.0), Err(GeoError::Latitude));
        assert_eq!(LatLon::new(0.0, -180.5), Err(GeoError::Longitude));
        assert_eq!(LatLon::new(0.0, f64::INFINITY), Err(GeoError::Longitude));
    }

    fn uk() -> impl Strategy<Value = LatLon> {
        (49.0f64..61.0, -8.5f64..2.0).prop_map(|(lat, lon)| place(lat, lon))
    }

    proptest! {
        #[test]
        fn distance_is_a_metric(a in uk(), b in uk(), c in uk()) {
            let ab = a.miles_to(b);
            prop_assert!(ab >= 0.0 && ab.is_finite());
            prop_assert!((ab - b.miles_to(a)).abs() < 1e-9);
            prop_assert!(a.miles_to(c) <= ab + b.miles_to(c) + 1e-9);
            // The corners of this box (49°N 2°E to 61°N 8.5°W) are about 860 miles apart.
            prop_assert!(ab < 900.0);
        }
    }
}
