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
        let parts = Parts {
            returns: self.board_returns_by_quarter(quarters).await?,
            referrals: self.board_referrals_by_quarter(quarters, &small.centres).await?,
            small,
        };
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
        let small = Arc::new(Small {
            centres: self.board_centres().await?,
            training: self.board_training().await?,
            inspections: self.board_inspections().await?,
            targets: self.board_targets().await?,
        });
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
                "SELECT r.quarter, COUNT(*), CAST(SUM(r.version) AS BIGINT) FROM statistics_returns r \
                 WHERE r.state <> 'draft' AND r.figures IS NOT NULL AND r.submitted_at IS NOT NULL \
                 AND r.quarter >= $1 AND r.quarter <= $2 GROUP BY r.quarter",
            )
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(pool)
            .await
        })?;
        let states: HashMap<String, PartState> = rows.into_iter().map(|(q, n, sum)| (q, (n, sum))).collect();
        let mut parts = Vec::with_capacity(quarters.len());
        for &q in quarters {
            let state = states.get(&q.to_string()).copied().unwrap_or((0, 0));
            let kept = self
                .board
                .lock()
                .ok()
                .and_then(|c| c.returns.get(&q).filter(|(s, _)| *s == state).map(|(_, p)| p.clone()));
            let part = match kept {
                Some(part) => part,
                None => {
                    let part = Arc::new(self.board_returns(q, q).await?);
                    if let Ok(mut cache) = self.board.lock() {
                        keep(&mut cache.returns, quarters, q, (state, part.clone()));
                    }
                    part
                }
            };
            parts.push(part);
        }
        Ok(parts)
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
        let (Some(&from), Some(&to)) = (bounds.first(), bounds.last()) else { return Ok(Vec::new()) };
        // The quarter each referral is in, worked out in the database over the arrival index
        // (the bounds are numbers made here, never anything sent).
        let which: String =
            bounds[1..].iter().enumerate().map(|(i, b)| format!("WHEN submitted_at < {b} THEN {i} ")).collect();
        let sql = format!(
            "SELECT CAST(CASE {which}ELSE -1 END AS BIGINT) AS part, COUNT(*), \
             CAST(COALESCE(SUM(first_response_at), 0) AS BIGINT) FROM referrals \
             WHERE submitted_at >= $1 AND submitted_at < $2 AND state = 'submitted' GROUP BY part"
        );
        let rows: Vec<(i64, i64, i64)> =
            on_read!(self, |pool| sqlx::query_as(&sql).bind(from).bind(to).fetch_all(pool).await)?;
        let states: HashMap<i64, PartState> = rows.into_iter().map(|(i, n, sum)| (i, (n, sum))).collect();
        let nations: HashMap<u32, shared::Nation> = centres.iter().map(|c| (c.id, c.nation)).collect();
        let mut parts = Vec::with_capacity(quarters.len());
        for (i, &q) in quarters.iter().enumerate() {
            let state = states.get(&(i as i64)).copied().unwrap_or((0, 0));
            let kept = self
                .board
                .lock()
                .ok()
                .and_then(|c| c.referrals.get(&q).filter(|(s, _)| *s == state).map(|(_, p)| p.clone()));
            let part = match kept {
                Some(part) => part,
                None => {
                    let facts: Vec<ReferralFact> = self
                        .board_referrals(bounds[i], bounds[i + 1])
                        .await?
                        .into_iter()
                        .filter_map(|(centre, received_at, first_response_at)| {
                            Some(ReferralFact {
                                centre,
                                nation: *nations.get(&centre)?,
                                received_at,
                                first_response_at,
                            })
                        })
                        .collect();
                    let part = Arc::new(facts);
                    if let Ok(mut cache) = self.board.lock() {
                        keep(&mut cache.referrals, quarters, q, (state, part.clone()));
                    }
                    part
                }
            };
            parts.push(part);
        }
        Ok(parts)
    }
}

/// Keeps `q`'s part, making room by dropping quarters outside the window being read.
fn keep<T>(parts: &mut HashMap<Quarter, T>, window: &[Quarter], q: Quarter, part: T) {
    if parts.len() >= CACHED_QUARTERS {
        parts.retain(|k, _| window.contains(k));
    }
    parts.insert(q, part);
}
