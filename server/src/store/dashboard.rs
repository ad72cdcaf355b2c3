//! What the live centre dashboard reads beyond a return's own rows: each sent referral's stage
//! and times (codes and times only), and every centre's referrals received per quarter for the
//! national median.

use super::{Store, StoreError, on_read};
use shared::Quarter;
use shared::referral::case::Stage;
use shared::returns::dashboard::ReferralTimes;
use shared::returns::{FigureKey, Measure, Service};
use std::collections::{BTreeMap, HashMap};

/// Each quarter's national referral counts with the state of the returns they came from (how
/// many, and the sum of their versions). Several servers on one database each keep their own.
pub(crate) type NationalCache = HashMap<Quarter, ((i64, i64), Vec<u32>)>;

/// How many quarters are kept: a dashboard shows eight, and the window moves each quarter.
const KEPT_QUARTERS: usize = 16;

impl Store {
    /// The stage and times of each of `centre`'s sent referrals.
    pub async fn referral_times(&self, centre: &str) -> Result<Vec<ReferralTimes>, StoreError> {
        let rows: Vec<(Option<String>, i64, Option<i64>)> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT stage, submitted_at, first_response_at FROM referrals \
                 WHERE state = 'submitted' AND centre_slug = $1",
            )
            .bind(centre)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(stage, received_at, first_response_at)| {
                let stage = stage
                    .as_deref()
                    .and_then(Stage::from_code)
                    .ok_or_else(|| StoreError::CorruptRow("referral stage".into()))?;
                Ok(ReferralTimes { stage, received_at, first_response_at })
            })
            .collect()
    }

    /// For each quarter from `first` to `last`, every centre's referrals received as its
    /// submitted return says (drafts are not counted). Every dashboard view and live update asks
    /// for eight quarters of every centre's returns, thousands of stored figure maps, which
    /// change rarely: each quarter is kept, with a count of its returns and the sum of their
    /// versions (every write raises a return's version), and read again only when that changed.
    pub async fn national_referrals(
        &self,
        first: Quarter,
        last: Quarter,
    ) -> Result<BTreeMap<Quarter, Vec<u32>>, StoreError> {
        let rows: Vec<(String, i64, i64)> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT quarter, COUNT(*), CAST(SUM(version) AS BIGINT) FROM statistics_returns \
                 WHERE state <> 'draft' AND figures IS NOT NULL AND quarter >= $1 AND quarter <= $2 \
                 GROUP BY quarter",
            )
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(pool)
            .await
        })?;
        let mut national = BTreeMap::new();
        let mut stale = Vec::new();
        {
            let kept = self.national.lock().ok();
            for (quarter, count, versions) in rows {
                let quarter = Quarter::parse(&quarter).map_err(|_| StoreError::CorruptRow("return quarter".into()))?;
                let state = (count, versions);
                match kept.as_ref().and_then(|k| k.get(&quarter)).filter(|(s, _)| *s == state) {
                    Some((_, counts)) => {
                        national.insert(quarter, counts.clone());
                    }
                    None => stale.push((quarter, state)),
                }
            }
        }
        stale.sort_unstable_by_key(|(q, _)| *q);
        let (Some(&(from, _)), Some(&(to, _))) = (stale.first(), stale.last()) else { return Ok(national) };
        // Read after the state: if a return changes in between, what is kept is newer than the
        // state kept with it, and the next view reads that quarter again.
        let mut read = self.read_national_referrals(from, to).await?;
        let mut kept = self.national.lock().ok();
        for (quarter, state) in stale {
            let counts = read.remove(&quarter).unwrap_or_default();
            if let Some(kept) = kept.as_mut() {
                if kept.len() >= KEPT_QUARTERS {
                    kept.retain(|q, _| (first..=last).contains(q));
                }
                kept.insert(quarter, (state, counts.clone()));
            }
            national.insert(quarter, counts);
        }
        Ok(national)
    }

    /// Forgets the national counts kept (the benchmark's first view of a server just started).
    pub fn forget_national(&self) {
        if let Ok(mut kept) = self.national.lock() {
            kept.clear();
        }
    }

    /// Every centre's referrals received per quarter from `first` to `last`, read whole.
    async fn read_national_referrals(
        &self,
        first: Quarter,
        last: Quarter,
    ) -> Result<BTreeMap<Quarter, Vec<u32>>, StoreError> {
        // "2026-Q3" codes sort as the quarters do.
        let rows: Vec<(String, String)> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT quarter, figures FROM statistics_returns \
                 WHERE state <> 'draft' AND figures IS NOT NULL AND quarter >= $1 AND quarter <= $2",
            )
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(pool)
            .await
        })?;
        // Only the referrals-received figures are wanted: read the stored map as codes, not as
        // parsed figure keys (thousands of rows on every dashboard).
        let keys: Vec<String> = Service::ALL.map(|s| FigureKey::new(s, Measure::Referrals).code()).to_vec();
        let mut national: BTreeMap<Quarter, Vec<u32>> = BTreeMap::new();
        for (quarter, figures) in rows {
            let quarter = Quarter::parse(&quarter).map_err(|_| StoreError::CorruptRow("return quarter".into()))?;
            let figures: BTreeMap<String, u32> =
                serde_json::from_str(&figures).map_err(|e| StoreError::CorruptRow(format!("return figures: {e}")))?;
            let referrals = keys.iter().filter_map(|k| figures.get(k)).sum();
            national.entry(quarter).or_default().push(referrals);
        }
        Ok(national)
    }
}
