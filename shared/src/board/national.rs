//! The national quarterly statistics NACCC sends the Ministry of Justice and Cafcass: a quarter's
//! submitted returns summed by nation, with the split between supported and supervised contact.
//!
//! Counts of people by nation are the board's own tables for the quarter (`people.rs`: disclosed
//! once, so this file and the board show the same figures and neither undoes the other's
//! suppression). The split by service is given for the whole UK only, where every figure is
//! public: splitting a nation's hidden count by service would add equations an onlooker could
//! use. Volunteers and paid staff are the centres' workforce, not families, and counts of centres
//! are not people: they are shown as they are.

use super::disclosure::Shown;
use super::indicators::{nation_label, source_label};
use super::people::{PeopleCounts, QuarterPeople};
use crate::returns::{Figures, Measure, Service};
use crate::{Nation, Quarter, ReferralSource};
use serde::{Deserialize, Serialize};

/// One submitted return: its centre's nation and its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct NationalReturn {
    pub nation: Nation,
    pub figures: Figures,
}

impl From<&NationalReturn> for PeopleCounts {
    fn from(r: &NationalReturn) -> Self {
        Self {
            nation: r.nation,
            by_source: ReferralSource::ALL.map(|s| r.figures.total(Measure::Source(s))),
            children: r.figures.total(Measure::Children),
            families: r.figures.total(Measure::Families),
        }
    }
}

/// A nation's figure on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NationCell {
    Figure(Shown),
    /// The nation sent no return this quarter.
    NoReturns,
    /// The line is given for the whole UK only.
    UkOnly,
}

impl NationCell {
    pub fn text(&self) -> String {
        match self {
            Self::Figure(shown) => shown.text(),
            Self::NoReturns => NO_RETURNS.to_owned(),
            Self::UkOnly => UK_ONLY.to_owned(),
        }
    }
}

/// One line of a table: what it counts, a figure per nation (in [`Nation::ALL`] order) and the UK's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub label: String,
    pub by_nation: Vec<NationCell>,
    pub uk: Shown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub id: String,
    pub title: String,
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NationalStatistics {
    pub quarter: Quarter,
    pub tables: Vec<Table>,
}

/// Words for a nation that sent no return this quarter.
pub const NO_RETURNS: &str = "no returns";
/// Words for a nation's cell on a line given for the whole UK only.
pub const UK_ONLY: &str = "UK only";

/// The national statistics for `quarter` from its submitted returns.
pub fn national_statistics(quarter: Quarter, returns: &[NationalReturn]) -> NationalStatistics {
    let counts: Vec<PeopleCounts> = returns.iter().map(PeopleCounts::from).collect();
    let people = QuarterPeople::of(&counts);
    let disclosed = |label: &str, pick: &dyn Fn(Option<Nation>) -> Option<Shown>| Line {
        label: label.to_owned(),
        by_nation: Nation::ALL.map(|n| pick(Some(n)).map_or(NationCell::NoReturns, NationCell::Figure)).to_vec(),
        uk: pick(None).unwrap_or(Shown::Count(0)),
    };
    let mut by_source: Vec<Line> = ReferralSource::ALL
        .iter()
        .enumerate()
        .map(|(i, &s)| disclosed(source_label(s), &|n| people.source(i, n)))
        .collect();
    by_source.push(disclosed("All referrals", &|n| people.referrals(n)));
    let seen =
        vec![disclosed("Children seen", &|n| people.children(n)), disclosed("Families seen", &|n| people.families(n))];

    let uk_sum = |service: Service, measure: Measure| -> u64 {
        returns.iter().map(|r| u64::from(r.figures.of(service, measure))).sum()
    };
    let mut by_service = Vec::new();
    for (what, measure) in
        [("Referrals", Measure::Referrals), ("Children seen", Measure::Children), ("Families seen", Measure::Families)]
    {
        for service in Service::ALL {
            by_service.push(Line {
                label: format!("{what}: {}", service.label().to_lowercase()),
                by_nation: vec![NationCell::UkOnly; Nation::ALL.len()],
                uk: Shown::Count(uk_sum(service, measure)),
            });
        }
    }

    let plain = |label: String, value: &dyn Fn(&NationalReturn) -> u32| {
        let of = |n: Nation| -> Option<u64> {
            let mine: Vec<&NationalReturn> = returns.iter().filter(|r| r.nation == n).collect();
            (!mine.is_empty()).then(|| mine.iter().map(|r| u64::from(value(r))).sum())
        };
        Line {
            label,
            by_nation: Nation::ALL
                .map(|n| of(n).map_or(NationCell::NoReturns, |v| NationCell::Figure(Shown::Count(v))))
                .to_vec(),
            uk: Shown::Count(returns.iter().map(|r| u64::from(value(r))).sum()),
        }
    };
    let mut workforce = Vec::new();
    for measure in [Measure::Volunteers, Measure::PaidStaff] {
        let name = if measure == Measure::Volunteers { "Volunteers" } else { "Paid staff" };
        for service in Service::ALL {
            workforce.push(plain(format!("{name}: {}", service.label().to_lowercase()), &|r| {
                r.figures.of(service, measure)
            }));
        }
    }
    let centres = vec![plain("Returns received".to_owned(), &|_| 1)];

    let table = |id: &str, title: &str, lines: Vec<Line>| Table { id: id.into(), title: title.into(), lines };
    NationalStatistics {
        quarter,
        tables: vec![
            table("referrals", "Referrals received, by source", by_source),
            table("seen", "Children and families seen", seen),
            table("services", "Supported and supervised contact (whole UK)", by_service),
            table("workforce", "Volunteers and paid staff", workforce),
            table("returns", "Centres that sent this quarter's return", centres),
        ],
    }
}

/// The statistics as CSV rows (header first): the table, the line, each nation's figure, the UK's.
pub fn csv_rows(stats: &NationalStatistics) -> Vec<Vec<String>> {
    let mut header = vec!["table".to_owned(), "figure".to_owned()];
    header.extend(Nation::ALL.iter().map(|&n| nation_label(n).to_owned()));
    header.push("UK".into());
    let mut out = vec![header];
    for table in &stats.tables {
        for line in &table.lines {
            let mut row = vec![table.title.clone(), line.label.clone()];
            row.extend(line.by_nation.iter().map(NationCell::text));
            row.push(line.uk.text());
            out.push(row);
        }
    }
    out
}

#[cfg(test)]
#[path = "national_tests.rs"]
mod tests;
