//! Finding centres: the query a person types (every part optional and untrusted), its validation,
//! and the ranking (filters, then nearest first). Pure, so the browser and the server agree.

use crate::centre::{Centre, Weekday};
use crate::geo::LatLon;
use crate::postcode::{Postcode, PostcodeDistrict, PostcodeError};
use serde::{Deserialize, Serialize};

/// Results per page.
pub const PAGE_SIZE: usize = 20;
/// Longest centre name or town we search for.
pub const MAX_TEXT_LEN: usize = 100;

/// The search form's fields exactly as they arrive in the URL (`/find-a-centre?postcode=…`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchParams {
    pub postcode: Option<String>,
    pub q: Option<String>,
    pub service: Option<String>,
    pub online: Option<String>,
    pub day: Option<String>,
    pub access: Option<String>,
    pub page: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceFilter {
    Supported,
    Supervised,
}

impl ServiceFilter {
    pub fn code(self) -> &'static str {
        match self {
            Self::Supported => "supported",
            Self::Supervised => "supervised",
        }
    }
}

/// Where the person is: a full postcode or just its district (`NG1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchLocation {
    Postcode(Postcode),
    District(PostcodeDistrict),
}

impl SearchLocation {
    pub fn parse(input: &str) -> Result<Self, PostcodeError> {
        match Postcode::parse(input) {
            Ok(postcode) => Ok(Self::Postcode(postcode)),
            Err(PostcodeError::InvalidFormat) => PostcodeDistrict::parse(input).map(Self::District),
            Err(other) => Err(other),
        }
    }

    pub fn district(&self) -> PostcodeDistrict {
        match self {
            Self::Postcode(p) => p.district(),
            Self::District(d) => d.clone(),
        }
    }
}

/// Which field of the search form a problem belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchField {
    Postcode,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SearchError {
    #[error("not a UK postcode")]
    InvalidPostcode,
    #[error("postcode too long")]
    PostcodeTooLong,
    #[error("name or town too long")]
    TextTooLong,
    /// A well-formed postcode whose district we have no location for.
    #[error("unknown postcode district")]
    UnknownPostcode,
}

impl SearchError {
    pub fn field(self) -> SearchField {
        match self {
            Self::InvalidPostcode | Self::PostcodeTooLong | Self::UnknownPostcode => SearchField::Postcode,
            Self::TextTooLong => SearchField::Text,
        }
    }
}

/// A validated search. Unknown filter values are ignored (the default applies), never an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CentreSearch {
    pub location: Option<SearchLocation>,
    /// Lower-cased words that must all appear in the centre's name or town.
    pub words: Vec<String>,
    pub service: Option<ServiceFilter>,
    pub online_only: bool,
    pub day: Option<Weekday>,
    pub wheelchair: bool,
    /// 1-based page number as asked for; clamped when results are paged.
    pub page: usize,
}

impl CentreSearch {
    pub fn parse(params: &SearchParams) -> Result<Self, Vec<SearchError>> {
        let mut errors = Vec::new();
        let non_empty = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);

        let location = match non_empty(&params.postcode) {
            None => None,
            Some(raw) => match SearchLocation::parse(&raw) {
                Ok(location) => Some(location),
                Err(PostcodeError::TooLong) => {
                    errors.push(SearchError::PostcodeTooLong);
                    None
                }
                Err(_) => {
                    errors.push(SearchError::InvalidPostcode);
                    None
                }
            },
        };
        let words = match non_empty(&params.q) {
            Some(text) if text.chars().count() > MAX_TEXT_LEN => {
                errors.push(SearchError::TextTooLong);
                Vec::new()
            }
            Some(text) => text.split_whitespace().map(fold).collect(),
            None => Vec::new(),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let flag = |v: &Option<String>, yes: &str| v.as_deref().is_some_and(|s| s.trim() == yes);
        Ok(Self {
            location,
            words,
            service: match params.service.as_deref().map(str::trim) {
                Some("supported") => Some(ServiceFilter::Supported),
                Some("supervised") => Some(ServiceFilter::Supervised),
                _ => None,
            },
            online_only: flag(&params.online, "yes"),
            day: params.day.as_deref().and_then(|d| Weekday::from_code(d.trim()).ok()),
            wheelchair: flag(&params.access, "wheelchair"),
            page: params.page.as_deref().and_then(|p| p.trim().parse().ok()).filter(|p| *p >= 1).unwrap_or(1),
        })
    }

    /// Whether a centre passes every filter and matches the words.
    pub fn matches(&self, centre: &Centre) -> bool {
        let service_ok = match self.service {
            None => true,
            Some(ServiceFilter::Supported) => centre.service.offers_supported(),
            Some(ServiceFilter::Supervised) => centre.service.offers_supervised(),
        };
        let haystack = || fold(&format!("{} {}", centre.name, centre.town));
        service_ok
            && (!self.online_only || centre.accepts_online_referrals)
            && self.day.is_none_or(|day| centre.opening_days.contains(day))
            && (!self.wheelchair || centre.wheelchair_access)
            && (self.words.is_empty() || {
                let haystack = haystack();
                self.words.iter().all(|w| haystack.contains(w.as_str()))
            })
    }

    /// Filters `centres`, orders them (nearest first from `origin`, else by name) and returns the
    /// asked-for page of results.
    /// Only the page's centres are cloned, so ranking the whole directory stays cheap.
    pub fn run(&self, centres: &[Centre], origin: Option<LatLon>) -> SearchResults {
        let mut hits: Vec<(&Centre, Option<f64>)> = centres
            .iter()
            .filter(|c| self.matches(c))
            .map(|centre| (centre, origin.zip(centre.location).map(|(o, at)| o.miles_to(at))))
            .collect();
        hits.sort_by(|(a, a_miles), (b, b_miles)| match (a_miles, b_miles) {
            (Some(x), Some(y)) => x.total_cmp(y).then_with(|| a.name.cmp(&b.name)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.name.cmp(&b.name),
        });
        let total = hits.len();
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let page = self.page.min(pages);
        let shown = (page - 1) * PAGE_SIZE..page * PAGE_SIZE;
        let elsewhere =
            hits.iter().enumerate().filter(|(i, _)| !shown.contains(i)).filter_map(|(_, (c, _))| c.location).collect();
        let hits = hits
            .into_iter()
            .skip((page - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .map(|(centre, miles)| SearchHit { centre: centre.clone(), miles })
            .collect();
        SearchResults { hits, origin, elsewhere, total, page, pages }
    }
}

/// Lower-case with common accents folded, so `Môn` matches `mon`.
fn fold(text: &str) -> String {
    text.chars().map(|c| crate::centre::fold_accent(c).to_ascii_lowercase()).collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub centre: Centre,
    /// Distance from the searched postcode, when there was one.
    pub miles: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// Where distances are measured from (the searched postcode's district), if anywhere.
    pub origin: Option<LatLon>,
    /// Where the matching centres on other pages are (those whose location is known), for a map.
    pub elsewhere: Vec<LatLon>,
    /// Matching centres on all pages.
    pub total: usize,
    /// The page shown, 1-based, within 1..=pages.
    pub page: usize,
    pub pages: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::centre::{CentreName, Nation, OpeningDays, ServiceType, Slug};

    fn params(pairs: &[(&str, &str)]) -> SearchParams {
        let mut p = SearchParams::default();
        for (k, v) in pairs {
            let v = Some((*v).to_owned());
            match *k {
                "postcode" => p.postcode = v,
                "q" => p.q = v,
                "service" => p.service = v,
                "online" => p.online = v,
                "day" => p.day = v,
                "access" => p.access = v,
                "page" => p.page = v,
                _ => unreachable!(),
            }
        }
        p
    }

    fn centre(name: &str, town: &str, service: ServiceType, lat: f64, lon: f64) -> Centre {
        let name = CentreName::parse(name).unwrap();
        Centre {
            slug: Slug::from_name(&name).unwrap(),
            name,
            service,
            nation: Nation::England,
            region: CentreName::parse("East Midlands").unwrap(),
            town: CentreName::parse(town).unwrap(),
            postcode: Postcode::parse("NG1 5FW").unwrap(),
            accepts_online_referrals: service == ServiceType::Supported,
            opening_days: [Weekday::Sat].into_iter().collect::<OpeningDays>(),
            location: Some(LatLon::new(lat, lon).unwrap()),
            wheelchair_access: service != ServiceType::Candidate,
        }
    }

    fn centres() -> Vec<Centre> {
        vec![
            centre("Derby Child Contact Centre", "Derby", ServiceType::Supported, 52.92, -1.47),
            centre("Nottingham Child Contact Centre", "Nottingham", ServiceType::SupportedAndSupervised, 52.95, -1.15),
            centre("Leeds Supervised Contact Service", "Leeds", ServiceType::Supervised, 53.80, -1.55),
            centre("Cyswllt Teulu Ynys Môn", "Llangefni", ServiceType::Candidate, 53.26, -4.31),
        ]
    }

    fn names(results: &SearchResults) -> Vec<&str> {
        results.hits.iter().map(|h| h.centre.name.as_str()).collect()
    }

    #[test]
    fn an_empty_search_lists_everything_by_name() {
        let search = CentreSearch::parse(&SearchParams::default()).unwrap();
        let results = search.run(&centres(), None);
        assert_eq!(results.total, 4);
        assert_eq!(names(&results)[0], "Cyswllt Teulu Ynys Môn");
        assert!(results.hits.iter().all(|h| h.miles.is_none()));
    }

    #[test]
    fn nearest_first_from_a_location() {
        let search = CentreSearch::parse(&params(&[("postcode", "ng1 5fw")])).unwrap();
        assert_eq!(search.location, Some(SearchLocation::Postcode(Postcode::parse("NG1 5FW").unwrap())));
        let nottingham = LatLon::new(52.9548, -1.1484).unwrap();
        let results = search.run(&centres(), Some(nottingham));
        assert_eq!(names(&results)[..2], ["Nottingham Child Contact Centre", "Derby Child Contact Centre"]);
        let miles: Vec<f64> = results.hits.iter().map(|h| h.miles.unwrap()).collect();
        assert!(miles.windows(2).all(|w| w[0] <= w[1]), "{miles:?}");
    }

    #[test]
    fn filters_combine() {
        let run = |pairs: &[(&str, &str)]| CentreSearch::parse(&params(pairs)).unwrap().run(&centres(), None);
        assert_eq!(
            names(&run(&[("service", "supervised")])),
            ["Leeds Supervised Contact Service", "Nottingham Child Contact Centre"]
        );
        assert_eq!(names(&run(&[("service", "supported"), ("online", "yes")])), ["Derby Child Contact Centre"]);
        assert_eq!(run(&[("day", "sat")]).total, 4);
        assert_eq!(run(&[("day", "mon")]).total, 0);
        assert_eq!(run(&[("access", "wheelchair")]).total, 3);
        assert_eq!(names(&run(&[("q", "  NOTTINGHAM child ")])), ["Nottingham Child Contact Centre"]);
        assert_eq!(names(&run(&[("q", "ynys mon")])), ["Cyswllt Teulu Ynys Môn"], "accents fold");
        assert_eq!(names(&run(&[("q", "llangefni")])), ["Cyswllt Teulu Ynys Môn"], "town matches");
    }

    #[test]
    fn unknown_filter_values_are_ignored() {
        let search = CentreSearch::parse(&params(&[
            ("service", "both"),
            ("online", "maybe"),
            ("day", "someday"),
            ("access", "lift"),
            ("page", "-3"),
        ]))
        .unwrap();
        assert_eq!(search, CentreSearch::parse(&SearchParams::default()).unwrap());
    }

    #[test]
    fn bad_postcodes_and_long_text_are_errors_for_their_field() {
        let errors =
            CentreSearch::parse(&params(&[("postcode", "not a postcode"), ("q", &"x".repeat(101))])).unwrap_err();
        assert_eq!(errors, vec![SearchError::InvalidPostcode, SearchError::TextTooLong]);
        assert_eq!(errors[0].field(), SearchField::Postcode);
        assert_eq!(errors[1].field(), SearchField::Text);
        let errors = CentreSearch::parse(&params(&[("postcode", &"N".repeat(5000))])).unwrap_err();
        assert_eq!(errors, vec![SearchError::PostcodeTooLong]);
        let district = CentreSearch::parse(&params(&[("postcode", "bt7")])).unwrap();
        assert_eq!(district.location.unwrap().district().as_str(), "BT7");
    }

    #[test]
    fn pages_of_twenty_clamped_to_the_last() {
        let many: Vec<Centre> =
            (0..45).map(|i| centre(&format!("Centre {i:02}"), "Derby", ServiceType::Supported, 52.9, -1.4)).collect();
        let page = |p: &str| CentreSearch::parse(&params(&[("page", p)])).unwrap().run(&many, None);
        let first = page("1");
        assert_eq!((first.total, first.pages, first.page, first.hits.len()), (45, 3, 1, 20));
        assert_eq!(first.hits[0].centre.name.as_str(), "Centre 00");
        let last = page("3");
        assert_eq!((last.page, last.hits.len()), (3, 5));
        assert_eq!(page("99").page, 3);
        assert_eq!(page("abc").page, 1);
    }
}
