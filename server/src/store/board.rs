//! What the board's indicators are worked out from: codes, counts and dates only. No sealed
//! answer is opened and no referral is read as a referral (only when it arrived and when the
//! centre first answered), so nothing here writes a referral-read audit entry.

use super::{Store, StoreError, on_read, on_write};
use shared::board::compute::{CentreFact, InspectionFact, ReturnFact, TrainingFact};
use shared::board::indicators::Indicator;
use shared::board::registers::Audience;
use shared::board::targets::{Target, TargetFrom};
use shared::returns::{FigureKey, Measure, Service};
use shared::{AccreditationStatus, Nation, Quarter, ReferralSource, ServiceType};
use std::collections::HashMap;
use time::Date;

fn date(text: &str, what: &str) -> Result<Date, StoreError> {
    shared::IsoDate::parse(text).map(|d| d.date()).map_err(|_| StoreError::CorruptRow(format!("{what} date")))
}

fn nation(code: &str) -> Result<Nation, StoreError> {
    Nation::from_code(code).map_err(|_| StoreError::CorruptRow("centre nation".into()))
}

/// Stages of a case still working towards a decision.
const UNDER_WAY: &str = "('applied', 'self_assessment', 'submitted', 'desk_review', 'queries', 'visit', 'decision')";

type CentreRow = (i64, String, String, String, Option<String>, Option<String>, Option<String>, bool);

impl Store {
    /// Every centre that has ever been a member, with its membership dates.
    pub async fn board_centres(&self) -> Result<Vec<CentreFact>, StoreError> {
        let sql = format!(
            "SELECT c.id, c.nation, c.service, c.accreditation_status, c.renewal_due, c.joined_on, c.left_on, \
             EXISTS (SELECT 1 FROM accreditation_cases a WHERE a.centre_id = c.id AND a.superseded_by IS NULL \
             AND a.stage IN {UNDER_WAY}) FROM centres c"
        );
        let rows: Vec<CentreRow> = on_read!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)?;
        rows.into_iter()
            .map(|(id, n, service, status, renewal_due, joined_on, left_on, case_under_way)| {
                Ok(CentreFact {
                    id: u32::try_from(id).map_err(|_| StoreError::CorruptRow("centre id".into()))?,
                    nation: nation(&n)?,
                    service: ServiceType::from_code(&service)
                        .map_err(|_| StoreError::CorruptRow("centre service".into()))?,
                    status: AccreditationStatus::from_code(&status)
                        .map_err(|_| StoreError::CorruptRow("accreditation status".into()))?,
                    renewal_due: renewal_due.as_deref().map(|d| date(d, "renewal")).transpose()?,
                    // A member since before these records began.
                    joined_on: joined_on.as_deref().map(|d| date(d, "joined")).transpose()?.unwrap_or(Date::MIN),
                    left_on: left_on.as_deref().map(|d| date(d, "left")).transpose()?,
                    case_under_way,
                })
            })
            .collect()
    }

    /// The submitted returns of `first` to `last`, summed over each return's services.
    pub async fn board_returns(&self, first: Quarter, last: Quarter) -> Result<Vec<ReturnFact>, StoreError> {
        // "2026-Q3" codes sort as the quarters do.
        let rows: Vec<(i64, String, String, String, i64)> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT c.id, c.nation, r.quarter, r.figures, r.submitted_at FROM statistics_returns r \
                 JOIN centres c ON c.slug = r.centre_slug \
                 WHERE r.state <> 'draft' AND r.figures IS NOT NULL AND r.submitted_at IS NOT NULL \
                 AND r.quarter >= $1 AND r.quarter <= $2",
            )
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(pool)
            .await
        })?;
        // Read the stored maps as codes (thousands of rows): each wanted figure's codes, once.
        let codes = |m: Measure| Service::ALL.map(|s| FigureKey::new(s, m).code());
        let sources: Vec<[String; 2]> = ReferralSource::ALL.iter().map(|&s| codes(Measure::Source(s))).collect();
        let [children, families, volunteers, paid] =
            [Measure::Children, Measure::Families, Measure::Volunteers, Measure::PaidStaff].map(codes);
        rows.into_iter()
            .map(|(id, n, quarter, figures, submitted_at)| {
                // Keys borrowed from the row's text: no allocation per figure.
                let map: HashMap<&str, u32> = serde_json::from_str(&figures)
                    .map_err(|e| StoreError::CorruptRow(format!("return figures: {e}")))?;
                let sum = |keys: &[String; 2]| {
                    keys.iter().filter_map(|k| map.get(k.as_str())).fold(0u32, |a, b| a.saturating_add(*b))
                };
                let mut by_source = [0u32; 8];
                for (slot, keys) in by_source.iter_mut().zip(&sources) {
                    *slot = sum(keys);
                }
                Ok(ReturnFact {
                    centre: u32::try_from(id).map_err(|_| StoreError::CorruptRow("centre id".into()))?,
                    nation: nation(&n)?,
                    quarter: Quarter::parse(&quarter).map_err(|_| StoreError::CorruptRow("return quarter".into()))?,
                    submitted_on: shared::uk_time::uk_date(submitted_at),
                    by_source,
                    children: sum(&children),
                    families: sum(&families),
                    volunteers: sum(&volunteers),
                    paid_staff: sum(&paid),
                })
            })
            .collect()
    }

    /// Safe Referrals sent between `from` and `to` (Unix seconds): to which centre (its id), when,
    /// and when first answered. Numbers only (tens of thousands of rows), read from the index and
    /// sent one row per centre (`at,first;at,first;…`): on SQLite every row crosses from the
    /// database's thread to this one with a wake-up, which cost more than the reading itself.
    pub async fn board_referrals(&self, from: i64, to: i64) -> Result<Vec<(u32, i64, Option<i64>)>, StoreError> {
        let sql = format!(
            "SELECT c.id, {} FROM referrals r JOIN centres c ON c.slug = r.centre_slug \
             WHERE r.submitted_at >= $1 AND r.submitted_at < $2 AND r.state = 'submitted' GROUP BY c.id",
            match self.backend() {
                super::Backend::Postgres => {
                    "string_agg(r.submitted_at::text || ',' || COALESCE(r.first_response_at::text, ''), ';')"
                }
                super::Backend::Sqlite =>
                    "group_concat(r.submitted_at || ',' || COALESCE(r.first_response_at, ''), ';')",
            }
        );
        let rows: Vec<(i64, String)> =
            on_read!(self, |pool| sqlx::query_as(&sql).bind(from).bind(to).fetch_all(pool).await)?;
        let corrupt = || StoreError::CorruptRow("board referral".into());
        let mut referrals = Vec::new();
        for (id, list) in rows {
            let centre = u32::try_from(id).map_err(|_| StoreError::CorruptRow("centre id".into()))?;
            for one in list.split(';') {
                let (at, first) = one.split_once(',').ok_or_else(corrupt)?;
                let at = at.parse().map_err(|_| corrupt())?;
                let first = if first.is_empty() { None } else { Some(first.parse().map_err(|_| corrupt())?) };
                referrals.push((centre, at, first));
            }
        }
        Ok(referrals)
    }

    pub async fn board_training(&self) -> Result<Vec<TrainingFact>, StoreError> {
        self.training_register()
            .await?
            .into_iter()
            .map(|t| {
                Ok(TrainingFact {
                    held_on: date(&t.held_on, "training")?,
                    audience: Audience::from_code(&t.audience)
                        .ok_or_else(|| StoreError::CorruptRow("training audience".into()))?,
                    attendees: u32::try_from(t.attendees).unwrap_or(0),
                })
            })
            .collect()
    }

    pub async fn board_inspections(&self) -> Result<Vec<InspectionFact>, StoreError> {
        let rows: Vec<(String, String, i64)> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT c.nation, i.inspected_on, i.stars FROM inspections i JOIN centres c ON c.slug = i.centre_slug",
            )
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(n, on, stars)| {
                Ok(InspectionFact {
                    nation: nation(&n)?,
                    inspected_on: date(&on, "inspection")?,
                    stars: u8::try_from(stars).unwrap_or(0),
                })
            })
            .collect()
    }

    pub async fn board_targets(&self) -> Result<Vec<TargetFrom>, StoreError> {
        let rows: Vec<(String, String, f64, f64)> = on_read!(self, |pool| {
            sqlx::query_as("SELECT indicator, from_quarter, target, red FROM board_targets").fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|(indicator, from, value, red)| {
                Some(TargetFrom {
                    indicator: Indicator::from_code(&indicator)?,
                    from: Quarter::parse(&from).ok()?,
                    target: Target { value, red },
                })
            })
            .collect())
    }

    /// When a centre joined NACCC (demo data; NACCC's new centres get it as they are added).
    pub async fn set_joined(&self, slug: &str, on: Date) -> Result<(), StoreError> {
        on_write!(self, |pool| {
            sqlx::query("UPDATE centres SET joined_on = $2 WHERE slug = $1")
                .bind(slug)
                .bind(on.to_string())
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// When anything the board's figures come from last changed (Unix seconds).
    pub async fn board_changed_at(&self) -> Result<Option<i64>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_scalar(
                "SELECT MAX(t) FROM (\
                 SELECT MAX(updated_at) AS t FROM statistics_returns \
                 UNION ALL SELECT MAX(submitted_at) FROM referrals \
                 UNION ALL SELECT MAX(first_response_at) FROM referrals \
                 UNION ALL SELECT MAX(at) FROM accreditation_steps \
                 UNION ALL SELECT MAX(recorded_at) FROM training_events \
                 UNION ALL SELECT MAX(recorded_at) FROM inspections \
                 UNION ALL SELECT MAX(set_at) FROM board_targets) AS changes",
            )
            .fetch_one(pool)
            .await
        })?)
    }
}
