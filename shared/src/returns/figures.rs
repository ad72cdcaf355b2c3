//! The figures of a centre's quarterly statistics return: what is counted, for which service, and
//! how a typed figure becomes a number.

use crate::ReferralSource;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The service a figure counts: a centre offering both splits every figure between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Service {
    Supported,
    Supervised,
}

impl Service {
    pub const ALL: [Self; 2] = [Self::Supported, Self::Supervised];

    pub fn code(self) -> &'static str {
        match self {
            Self::Supported => "supported",
            Self::Supervised => "supervised",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Supported => "Supported contact",
            Self::Supervised => "Supervised contact",
        }
    }

    /// The services a centre of this type returns figures for (a candidate returns as supported).
    pub fn of_centre(centre: crate::ServiceType) -> Vec<Self> {
        let mut services = Vec::new();
        if centre.offers_supported() || !centre.offers_supervised() {
            services.push(Self::Supported);
        }
        if centre.offers_supervised() {
            services.push(Self::Supervised);
        }
        services
    }
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Measure {
    /// Referrals received in the quarter, from every source.
    Referrals,
    /// Referrals received from one source; the sources add up to [`Measure::Referrals`].
    Source(ReferralSource),
    Accepted,
    Rejected,
    /// Referrals accepted whose family never came (closed as a no-show).
    NoShow,
    Children,
    Families,
    Volunteers,
    PaidStaff,
    SessionsAvailable,
    SessionsBooked,
}

impl Measure {
    /// Every measure, in the order the return asks for them.
    pub fn all() -> Vec<Self> {
        let mut all = vec![Self::Referrals];
        all.extend(ReferralSource::ALL.map(Self::Source));
        all.extend([
            Self::Accepted,
            Self::Rejected,
            Self::NoShow,
            Self::Children,
            Self::Families,
            Self::Volunteers,
            Self::PaidStaff,
            Self::SessionsAvailable,
            Self::SessionsBooked,
        ]);
        all
    }

    pub fn code(self) -> String {
        match self {
            Self::Referrals => "referrals".into(),
            Self::Source(source) => format!("source-{}", source.code().replace('_', "-")),
            Self::Accepted => "accepted".into(),
            Self::Rejected => "rejected".into(),
            Self::NoShow => "no-show".into(),
            Self::Children => "children".into(),
            Self::Families => "families".into(),
            Self::Volunteers => "volunteers".into(),
            Self::PaidStaff => "paid-staff".into(),
            Self::SessionsAvailable => "sessions-available".into(),
            Self::SessionsBooked => "sessions-booked".into(),
        }
    }

    /// The figure's name in a sentence ("referrals from solicitors").
    pub fn label(self) -> &'static str {
        match self {
            Self::Referrals => "referrals received",
            Self::Source(ReferralSource::Online) => "referrals made online (Safe Referral)",
            Self::Source(ReferralSource::SelfReferral) => "self-referrals by a parent",
            Self::Source(ReferralSource::Cafcass) => "referrals from Cafcass or Cafcass Cymru",
            Self::Source(ReferralSource::Solicitor) => "referrals from solicitors",
            Self::Source(ReferralSource::LocalAuthority) => "referrals from local authorities or children's services",
            Self::Source(ReferralSource::FamilyMediation) => "referrals from family mediation",
            Self::Source(ReferralSource::Court) => "referrals from courts",
            Self::Source(ReferralSource::Other) => "referrals from other sources",
            Self::Accepted => "referrals accepted",
            Self::Rejected => "referrals rejected",
            Self::NoShow => "no-shows",
            Self::Children => "children seen",
            Self::Families => "families seen",
            Self::Volunteers => "volunteers",
            Self::PaidStaff => "paid staff",
            Self::SessionsAvailable => "sessions available",
            Self::SessionsBooked => "sessions booked",
        }
    }

    /// Whether the system works this figure out from the centre's cases (the manager confirms or
    /// corrects it). The others only the centre knows.
    pub fn is_computed(self) -> bool {
        matches!(
            self,
            Self::Source(ReferralSource::Online)
                | Self::Accepted
                | Self::Rejected
                | Self::NoShow
                | Self::Children
                | Self::Families
                | Self::SessionsBooked
        )
    }
}

/// One figure of a return: a measure for a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FigureKey {
    pub service: Service,
    pub measure: Measure,
}

impl FigureKey {
    pub fn new(service: Service, measure: Measure) -> Self {
        Self { service, measure }
    }

    /// Every figure a return for these services asks for, in order.
    pub fn all(services: &[Service]) -> Vec<Self> {
        services.iter().flat_map(|&s| Measure::all().into_iter().map(move |m| Self::new(s, m))).collect()
    }

    /// The form field's name and id, and the key in stored JSON: `supported-source-online`.
    pub fn code(self) -> String {
        format!("{}-{}", self.service.code(), self.measure.code())
    }

    pub fn parse(code: &str) -> Option<Self> {
        Service::ALL
            .into_iter()
            .flat_map(|s| Measure::all().into_iter().map(move |m| Self::new(s, m)))
            .find(|k| k.code() == code)
    }

    /// The field holding the reason for a correction or the explanation of a query.
    pub fn note_code(self) -> String {
        format!("why-{}", self.code())
    }
}

impl fmt::Display for FigureKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl Serialize for FigureKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for FigureKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Self::parse(&code).ok_or_else(|| serde::de::Error::custom("unknown return figure"))
    }
}

/// The largest figure a return accepts: more than any centre could count in a quarter.
pub const MAX_FIGURE: u32 = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FigureError {
    #[error("enter a number")]
    Missing,
    #[error("enter a whole number, like 12")]
    NotWholeNumber,
    #[error("the number cannot be below 0")]
    Negative,
    #[error("the number must be {MAX_FIGURE} or less")]
    TooLarge,
}

/// A figure as typed: digits, with spaces and thousands commas allowed ("1,200").
pub fn parse_figure(input: &str) -> Result<u32, FigureError> {
    let text: String = input.trim().chars().filter(|c| *c != ',' && !c.is_whitespace()).collect();
    if text.is_empty() {
        return Err(FigureError::Missing);
    }
    let (negative, digits) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FigureError::NotWholeNumber);
    }
    if negative {
        return Err(if digits.bytes().all(|b| b == b'0') {
            FigureError::NotWholeNumber
        } else {
            FigureError::Negative
        });
    }
    // Longer than any allowed figure: too large, without overflowing.
    if digits.trim_start_matches('0').len() > 6 {
        return Err(FigureError::TooLarge);
    }
    let n: u32 = digits.parse().map_err(|_| FigureError::NotWholeNumber)?;
    if n > MAX_FIGURE { Err(FigureError::TooLarge) } else { Ok(n) }
}

/// Checked figures of a return, every key present.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures(pub BTreeMap<FigureKey, u32>);

impl Figures {
    pub fn get(&self, key: FigureKey) -> u32 {
        self.0.get(&key).copied().unwrap_or(0)
    }

    pub fn of(&self, service: Service, measure: Measure) -> u32 {
        self.get(FigureKey::new(service, measure))
    }

    /// A measure summed over the services the return has.
    pub fn total(&self, measure: Measure) -> u32 {
        self.0.iter().filter(|(k, _)| k.measure == measure).map(|(_, v)| *v).sum()
    }

    pub fn services(&self) -> Vec<Service> {
        let mut services: Vec<Service> = self.0.keys().map(|k| k.service).collect();
        services.dedup();
        services
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_parse_as_people_type_them() {
        assert_eq!(parse_figure("12"), Ok(12));
        assert_eq!(parse_figure(" 1,200 "), Ok(1200));
        assert_eq!(parse_figure("0"), Ok(0));
        assert_eq!(parse_figure("007"), Ok(7));
        assert_eq!(parse_figure(""), Err(FigureError::Missing));
        assert_eq!(parse_figure("  "), Err(FigureError::Missing));
        assert_eq!(parse_figure("-3"), Err(FigureError::Negative));
        assert_eq!(parse_figure("\u{2212}3"), Err(FigureError::Negative));
        assert_eq!(parse_figure("-0"), Err(FigureError::NotWholeNumber));
        for bad in ["1.5", "12a", "twelve", "1e3", "+4", "½", "-", "١٢"] {
            assert_eq!(parse_figure(bad), Err(FigureError::NotWholeNumber), "{bad}");
        }
        assert_eq!(parse_figure("100000"), Ok(MAX_FIGURE));
        assert_eq!(parse_figure("100001"), Err(FigureError::TooLarge));
        assert_eq!(parse_figure("99999999999999999999999"), Err(FigureError::TooLarge));
    }

    #[test]
    fn keys_round_trip_and_are_unique() {
        let all = FigureKey::all(&Service::ALL);
        let codes: std::collections::HashSet<String> = all.iter().map(|k| k.code()).collect();
        assert_eq!(codes.len(), all.len());
        for key in all {
            assert_eq!(FigureKey::parse(&key.code()), Some(key));
        }
        assert_eq!(FigureKey::parse("supported-source-facebook"), None);
        assert_eq!(
            FigureKey::new(Service::Supervised, Measure::Source(ReferralSource::SelfReferral)).code(),
            "supervised-source-self-referral"
        );
    }

    #[test]
    fn a_centre_returns_for_the_services_it_offers() {
        use crate::ServiceType as T;
        assert_eq!(Service::of_centre(T::Supported), vec![Service::Supported]);
        assert_eq!(Service::of_centre(T::Supervised), vec![Service::Supervised]);
        assert_eq!(Service::of_centre(T::SupportedAndSupervised), vec![Service::Supported, Service::Supervised]);
        assert_eq!(Service::of_centre(T::Candidate), vec![Service::Supported]);
    }
}
