//! Each quarter's counts of people — referrals by source, children and families, by nation —
//! disclosed once. The board's figures (`compute.rs`) and the national statistics
//! (`national.rs`) both read them from here, so the two show the same figures and neither can be
//! set beside the other to undo a suppression.

use super::compute::ReturnFact;
use super::disclosure::{self, Disclosed, Shown};
use super::indicators::Indicator;
use crate::referral_source::ReferralSource;
use crate::{Nation, Quarter};
use std::collections::BTreeMap;

/// One return's counts of people, as the tables need them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeopleCounts {
    pub nation: Nation,
    /// In `ReferralSource::ALL` order.
    pub by_source: [u32; 8],
    pub children: u32,
    pub families: u32,
}

impl From<&ReturnFact> for PeopleCounts {
    fn from(r: &ReturnFact) -> Self {
        Self { nation: r.nation, by_source: r.by_source, children: r.children, families: r.families }
    }
}

/// One quarter's counts of people by nation, disclosed. A nation with no returns is left out
/// (its figures are "no data", a known zero that must not be used to protect anything).
#[derive(Debug, Clone, PartialEq)]
pub struct QuarterPeople {
    /// The nations with returns: the columns of `referrals`, the entries of the lists.
    pub present: Vec<Nation>,
    /// Sources × `present`, each source's UK total and the UK total public.
    pub referrals: Disclosed,
    /// Per nation in `present`, and the UK total (public).
    pub children: (Vec<Shown>, Shown),
    pub families: (Vec<Shown>, Shown),
}

impl QuarterPeople {
    pub fn of(returns: &[PeopleCounts]) -> Self {
        let present: Vec<Nation> = Nation::ALL.into_iter().filter(|n| returns.iter().any(|r| r.nation == *n)).collect();
        let column = |n: Nation| present.iter().position(|x| *x == n);
        let mut cells = vec![vec![0u64; present.len()]; ReferralSource::ALL.len()];
        let mut children = vec![0u64; present.len()];
        let mut families = vec![0u64; present.len()];
        let mut centres = vec![0usize; present.len()];
        for r in returns {
            let Some(n) = column(r.nation) else { continue };
            if let Some(c) = centres.get_mut(n) {
                *c += 1;
            }
            for (row, count) in cells.iter_mut().zip(r.by_source) {
                if let Some(cell) = row.get_mut(n) {
                    *cell += u64::from(count);
                }
            }
            if let Some(c) = children.get_mut(n) {
                *c += u64::from(r.children);
            }
            if let Some(f) = families.get_mut(n) {
                *f += u64::from(r.families);
            }
        }
        // Each source's UK total is a whole-UK figure, as is the UK total.
        let public = disclosure::Public { total: true, row_totals: true };
        let few: Vec<bool> = centres.iter().map(|&c| c < disclosure::FEW_CENTRES).collect();
        let by_nation = disclosure::FewCentres { rows: &[], columns: &few };
        Self {
            referrals: disclosure::disclose_table(&cells, public, by_nation),
            children: disclosure::disclose_list_few(&children, true, &few),
            families: disclosure::disclose_list_few(&families, true, &few),
            present,
        }
    }

    fn column(&self, nation: Nation) -> Option<usize> {
        self.present.iter().position(|x| *x == nation)
    }

    /// A nation's figure of a list (`None`: it sent no returns), or the UK's.
    fn pick(&self, (list, total): &(Vec<Shown>, Shown), nation: Option<Nation>) -> Option<Shown> {
        match nation {
            None => Some(*total),
            Some(n) => self.column(n).and_then(|i| list.get(i)).copied(),
        }
    }

    /// All referrals: one nation's, or the UK's.
    pub fn referrals(&self, nation: Option<Nation>) -> Option<Shown> {
        match nation {
            None => Some(self.referrals.total),
            Some(n) => self.column(n).and_then(|i| self.referrals.column_totals.get(i)).copied(),
        }
    }

    pub fn children(&self, nation: Option<Nation>) -> Option<Shown> {
        self.pick(&self.children, nation)
    }

    pub fn families(&self, nation: Option<Nation>) -> Option<Shown> {
        self.pick(&self.families, nation)
    }

    /// Referrals from one source (index in `ReferralSource::ALL`): one nation's, or the UK's.
    pub fn source(&self, source: usize, nation: Option<Nation>) -> Option<Shown> {
        match nation {
            None => self.referrals.row_totals.get(source).copied(),
            Some(n) => {
                self.column(n).and_then(|i| self.referrals.cells.get(source).and_then(|row| row.get(i))).copied()
            }
        }
    }
}

/// Every quarter of a trend's people counts, disclosed once per quarter.
pub(super) struct PeopleTables(BTreeMap<Quarter, QuarterPeople>);

impl PeopleTables {
    pub(super) fn new(returns: &BTreeMap<Quarter, Vec<&ReturnFact>>, quarters: &[Quarter]) -> Self {
        Self(
            quarters
                .iter()
                .map(|&q| {
                    let of_q: Vec<PeopleCounts> =
                        returns.get(&q).into_iter().flatten().map(|r| PeopleCounts::from(*r)).collect();
                    (q, QuarterPeople::of(&of_q))
                })
                .collect(),
        )
    }

    /// The whole UK's figure or one nation's, as disclosed (`None`: the nation sent no returns).
    pub(super) fn value(&self, indicator: Indicator, q: Quarter, nation: Option<Nation>) -> Option<Shown> {
        let people = self.0.get(&q)?;
        match indicator {
            Indicator::Referrals => people.referrals(nation),
            Indicator::Children => people.children(nation),
            Indicator::Families => people.families(nation),
            _ => None,
        }
    }

    /// Referrals from one source, as disclosed.
    pub(super) fn source(&self, q: Quarter, source: usize, nation: Option<Nation>) -> Option<Shown> {
        self.0.get(&q)?.source(source, nation)
    }
}
