//! The board's inputs kept between views. Reading them whole (thousands of returns' figures,
//! tens of thousands of referrals' times) is most of a view's cost, yet most changes touch one
//! quarter: a referral arriving or answered, a return submitted or amended. So the two large
//! sources are kept per quarter, each with an exact state of its rows (counts and sums that any
//! change alters, whatever the clock says), and only a changed quarter is read again; the small
//! sources (centres, registers, targets) are read again whenever one of them changes. Several
//! servers on one database each keep their own.

use super::{Store, StoreError, on_read};
use shared::Quarter;
use shared::board::compute::{BoardInput, CentreFact, InspectionFact, ReferralFact, ReturnFact, TrainingFact};
use shared::board::targets::TargetFrom;
use std::collections::HashMap;
use std::sync::Arc;

/// The sources read whole.
struct Small {
    centres: Vec<CentreFact>,
    training: Vec<TrainingFact>,
    inspections: Vec<InspectionFact>,
    targets: Vec<TargetFrom>,
}

/// How many centres there are and when each small source last changed.
type SmallState = (i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>);

/// A quarter's rows of a large source: how many, and a sum any change to one of them alters.
type PartState = (i64, i64);

#[derive(Default)]
pub(crate) struct BoardCache {
    /// Whole inputs per trend window (its last quarter), with the parts they were made of.
    inputs: Vec<(Quarter, Parts, Arc<BoardInput>)>,
    small: Option<(SmallState, Arc<Small>)>,
    returns: HashMap<Quarter, (PartState, Arc<Vec<ReturnFact>>)>,
    referrals: HashMap<Quarter, (PartState, Arc<Vec<ReferralFact>>)>,
}

/// The parts an input was made of (held, so none can be freed and another take its place).
#[derive(Clone)]
struct Parts {
    small: Arc<Small>,
    returns: Vec<Arc<Vec<ReturnFact>>>,
    referrals: Vec<Arc<Vec<ReferralFact>>>,
}

impl Parts {
    fn same(&self, other: &Parts) -> bool {
        fn all<T>(a: &[Arc<T>], b: &[Arc<T>]) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
        }
        Arc::ptr_eq(&self.small, &other.small)
            && all(&self.returns, &other.returns)
            && all(&self.referrals, &other.referrals)
    }
}

/// How many trend windows are kept whole (the quarters a board member looks at most).
const CACHED_WINDOWS: usize = 4;

/// How many quarters of each large source are kept (the windows above overlap).
const CACHED_QUARTERS: usize = 16;

impl Store {
    /// Everything the board's figures for the trend window `quarters` (oldest first) come from,
    /// reused where its sources have not changed (checked on every view: three queries over
    /// indexes).
    pub async fn board_input(&self, quarters: &[Quarter], now: i64) -> Result<Arc<BoardInput>, StoreError> {
        let Some(&last) = quarters.last() else { return Err(StoreError::CorruptRow("no quarter".into())) };
        let small = self.board_small(now).await?;
        // The two large sources at once (each on its own connection): a server just started
        // reads both whole.
        let (returns, referrals) = tokio::try_join!(
            self.board_returns_by_quarter(quarters),
            self.board_referrals_by_quarter(quarters, &small.centres)
        )?;
        let parts = Parts { returns, referrals, small };
        let cached = self.board.lock().ok().and_then(|c| {
            c.inputs.iter().find(|(q, p, _)| *q == last && p.same(&parts)).map(|(_, _, input)| input.clone())
        });
        if let Some(input) = cached {
            return Ok(input);
        }
        let input = Arc::new(BoardInput {
            centres: parts.small.centres.clone(),
            returns: parts.returns.iter().flat_map(|r| r.iter().cloned()).collect(),
            referrals: parts.referrals.iter().flat_map(|r| r.iter().copied()).collect(),
            training: parts.small.training.clone(),
            inspections: parts.small.inspections.clone(),
            targets: parts.small.targets.clone(),
        });
        if let Ok(mut cache) = self.board.lock() {
            cache.inputs.retain(|(q, _, _)| *q != last);
            cache.inputs.insert(0, (last, parts, input.clone()));
            cache.inputs.truncate(CACHED_WINDOWS);
        }
        Ok(input)
    }

    /// Forgets everything kept (the benchmark's first view of a server just started).
    pub fn forget_board(&self) {
        if let Ok(mut cache) = self.board.lock() {
            *cache = BoardCache::default();
        }
    }

    /// The small sources, read again when one of them changed. A change to the centres (their
    /// ids and nations label every return and referral) drops the large sources' parts too.
    async fn board_small(&self, now: i64) -> Result<Arc<Small>, StoreError> {
        let state: SmallState = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM centres), (SELECT MAX(at) FROM accreditation_steps), \
                 (SELECT MAX(recorded_at) FROM training_events), (SELECT MAX(recorded_at) FROM inspections), \
                 (SELECT MAX(set_at) FROM board_targets)",
            )
            .fetch_one(pool)
            .await
        })?;
        let kept =
            self.board.lock().ok().and_then(|c| c.small.as_ref().filter(|(s, _)| *s == state).map(|(_, k)| k.clone()));
        if let Some(small) = kept {
            return Ok(small);
        }
        let (centres, training, inspections, targets) = tokio::try_join!(
            self.board_centres(),
            self.board_training(),
            self.board_inspections(),
            self.board_targets()
        )?;
        let small = Arc::new(Small { centres, training, inspections, targets });
        let latest = [state.1, state.2, state.3, state.4].into_iter().flatten().max();
        let settled = latest.is_none_or(|at| now - at >= 2);
        if let Ok(mut cache) = self.board.lock() {
            if cache.small.as_ref().is_none_or(|(s, _)| s.0 != state.0) {
                cache.returns.clear();
                cache.referrals.clear();
            }
            cache.small = settled.then(|| (state, small.clone()));
        }
        Ok(small)
    }

    /// Each quarter's submitted returns, read again for a quarter whose returns changed (any
    /// write raises a return's version).
    async fn board_returns_by_quarter(&self, quarters: &[Quarter]) -> Result<Vec<Arc<Vec<ReturnFact>>>, StoreError> {
        let (Some(first), Some(last)) = (quarters.first(), quarters.last()) else { return Ok(Vec::new()) };
        // "2026-Q3" codes sort as the quarters do.
        let rows: Vec<(String, i64, i64)> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT quarter, COUNT(*), CAST(SUM(version) AS BIGINT) FROM statistics_returns \
                 WHERE quarter >= $1 AND quarter <= $2 AND state <> 'draft' GROUP BY quarter",
            )
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(pool)
            .await
        })?;
        let states: HashMap<String, PartState> = rows.into_iter().map(|(q, n, sum)| (q, (n, sum))).collect();
        let state_of = |q: &Quarter| states.get(&q.to_string()).copied().unwrap_or((0, 0));
        let mut parts: Vec<Option<Arc<Vec<ReturnFact>>>> = self.board.lock().map_or_else(
            |_| vec![None; quarters.len()],
            |c| {
                quarters
                    .iter()
                    .map(|q| c.returns.get(q).filter(|(s, _)| *s == state_of(q)).map(|(_, p)| p.clone()))
                    .collect()
            },
        );
        // The quarters not kept, read in one go (a server just started reads them all).
        let missing: Vec<Quarter> = quarters.iter().zip(&parts).filter(|(_, p)| p.is_none()).map(|(q, _)| *q).collect();
        if let (Some(&from), Some(&to)) = (missing.first(), missing.last()) {
            let mut read: HashMap<Quarter, Vec<ReturnFact>> = HashMap::new();
            for fact in self.board_returns(from, to).await? {
                read.entry(fact.quarter).or_default().push(fact);
            }
            let mut cache = self.board.lock().ok();
            for (q, part) in quarters.iter().zip(parts.iter_mut()).filter(|(_, p)| p.is_none()) {
                let fresh = Arc::new(read.remove(q).unwrap_or_default());
                if let Some(cache) = cache.as_mut() {
                    keep(&mut cache.returns, quarters, *q, (state_of(q), fresh.clone()));
                }
                *part = Some(fresh);
            }
        }
        Ok(parts.into_iter().flatten().collect())
    }

    /// Each quarter's Safe Referrals (by the UK day they arrived), read again for a quarter
    /// with a referral arrived, answered or erased since.
    async fn board_referrals_by_quarter(
        &self,
        quarters: &[Quarter],
        centres: &[CentreFact],
    ) -> Result<Vec<Arc<Vec<ReferralFact>>>, StoreError> {
        let bounds: Vec<i64> = quarters
            .iter()
            .map(|q| shared::uk_time::uk_day_start(q.start()))
            .chain(quarters.last().map(|q| shared::uk_time::uk_day_start(q.end().next_day().unwrap_or(q.end()))))
            .collect();
        if bounds.len() < 2 {
            return Ok(Vec::new());
        }
        // Each quarter's state from the arrival index alone (a range each: no sorting), all in
        // one statement: one round trip to the database, not one per quarter.
        let sql = (1..bounds.len())
            .map(|i| {
                format!(
                    "SELECT {i}, COUNT(*), CAST(COALESCE(SUM(first_response_at), 0) AS BIGINT) FROM referrals \
                     WHERE submitted_at >= ${i} AND submitted_at < ${} AND state = 'submitted'",
                    i + 1
                )
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        let rows: Vec<(i32, i64, i64)> = on_read!(self, |pool| {
            bounds.iter().fold(sqlx::query_as(&sql), |q, b| q.bind(*b)).fetch_all(pool).await
        })?;
        let states: HashMap<usize, PartState> = rows
            .into_iter()
            .filter_map(|(i, n, sum)| Some((usize::try_from(i).ok()?.checked_sub(1)?, (n, sum))))
            .collect();
        let state_of = |i: usize| states.get(&i).copied().unwrap_or((0, 0));
        let mut parts: Vec<Option<Arc<Vec<ReferralFact>>>> = self.board.lock().map_or_else(
            |_| vec![None; quarters.len()],
            |c| {
                quarters
                    .iter()
                    .enumerate()
                    .map(|(i, q)| c.referrals.get(q).filter(|(s, _)| *s == state_of(i)).map(|(_, p)| p.clone()))
                    .collect()
            },
        );
        let missing: Vec<usize> = parts.iter().enumerate().filter(|(_, p)| p.is_none()).map(|(i, _)| i).collect();
        if let (Some(&first), Some(&last)) = (missing.first(), missing.last()) {
            let nations: HashMap<u32, shared::Nation> = centres.iter().map(|c| (c.id, c.nation)).collect();
            let mut read: Vec<Vec<ReferralFact>> = vec![Vec::new(); quarters.len()];
            for (centre, received_at, first_response_at) in
                self.board_referrals(bounds[first], bounds[last + 1]).await?
            {
                // The quarter it arrived in: the last whose start is not after it.
                let i = bounds.partition_point(|&b| b <= received_at).saturating_sub(1);
                if let (Some(slot), Some(&nation)) = (read.get_mut(i), nations.get(&centre)) {
                    slot.push(ReferralFact { centre, nation, received_at, first_response_at });
                }
            }
            let mut cache = self.board.lock().ok();
            for (i, part) in parts.iter_mut().enumerate().filter(|(_, p)| p.is_none()) {
                let fresh = Arc::new(std::mem::take(&mut read[i]));
                if let Some(cache) = cache.as_mut() {
                    keep(&mut cache.referrals, quarters, quarters[i], (state_of(i), fresh.clone()));
                }
                *part = Some(fresh);
            }
        }
        Ok(parts.into_iter().flatten().collect())
    }
}

/// Keeps `q`'s part, making room by dropping quarters outside the window being read.
fn keep<T>(parts: &mut HashMap<Quarter, T>, window: &[Quarter], q: Quarter, part: T) {
    if parts.len() >= CACHED_QUARTERS {
        parts.retain(|k, _| window.contains(k));
    }
    parts.insert(q, part);
}
