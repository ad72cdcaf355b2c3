//! What the live centre dashboard reads beyond a return's own rows: each sent referral's stage
//! and times (codes and times only), and every centre's referrals received per quarter for the
//! national median.

use super::{Store, StoreError, on_read};
use shared::Quarter;
use shared::referral::case::Stage;
use shared::returns::dashboard::ReferralTimes;
use shared::returns::{FigureKey, Measure, Service};
use std::collections::BTreeMap;

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
    /// submitted return says (drafts are not counted).
    pub async fn national_referrals(
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
