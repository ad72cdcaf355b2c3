//! NACCC's registers for the board: training delivered and Young People's Board inspections
//! (each recorded once per form), and the targets. Read back as the registers' pages list them;
//! `board.rs` reads them as the indicators' facts.

use super::{Store, StoreError, on_read, on_write};
use shared::board::registers::{Inspection, TrainingEvent};
use shared::board::targets::TargetFrom;

/// One training event as NACCC's register lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TrainingRow {
    pub id: i64,
    pub held_on: String,
    pub course: String,
    pub audience: String,
    pub attendees: i64,
}

/// One inspection as NACCC's register lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InspectionRow {
    pub id: i64,
    pub centre_name: String,
    pub inspected_on: String,
    pub stars: i64,
}

impl Store {
    pub async fn training_register(&self) -> Result<Vec<TrainingRow>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT id, held_on, course, audience, attendees FROM training_events ORDER BY held_on DESC, id DESC",
            )
            .fetch_all(pool)
            .await
        })?)
    }

    pub async fn inspection_register(&self) -> Result<Vec<InspectionRow>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT i.id, c.name AS centre_name, i.inspected_on, i.stars FROM inspections i \
                 JOIN centres c ON c.slug = i.centre_slug ORDER BY i.inspected_on DESC, i.id DESC",
            )
            .fetch_all(pool)
            .await
        })?)
    }

    /// Records a training event once per form; whether it is recorded (false: the form already
    /// recorded a different one).
    pub async fn record_training(
        &self,
        e: &TrainingEvent,
        by: Option<i64>,
        form_key: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let n = on_write!(self, |pool| {
            sqlx::query(
                "INSERT INTO training_events (held_on, course, audience, attendees, recorded_by, recorded_at, form_key) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (form_key) DO NOTHING",
            )
            .bind(e.held_on.to_string())
            .bind(&e.course)
            .bind(e.audience.code())
            .bind(i64::from(e.attendees))
            .bind(by)
            .bind(now)
            .bind(form_key)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        if n == 1 {
            return Ok(true);
        }
        // The same form again: the same success only if it recorded this very event.
        let same: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar(
                "SELECT id FROM training_events WHERE form_key = $1 AND held_on = $2 AND course = $3 \
                 AND audience = $4 AND attendees = $5",
            )
            .bind(form_key)
            .bind(e.held_on.to_string())
            .bind(&e.course)
            .bind(e.audience.code())
            .bind(i64::from(e.attendees))
            .fetch_optional(pool)
            .await
        })?;
        Ok(same.is_some())
    }

    /// Records an inspection of a member centre once per form; false if there is no such centre.
    pub async fn record_inspection(
        &self,
        centre: &str,
        i: &Inspection,
        by: Option<i64>,
        form_key: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let n = on_write!(self, |pool| {
            sqlx::query(
                "INSERT INTO inspections (centre_slug, inspected_on, stars, recorded_by, recorded_at, form_key) \
                 SELECT slug, $2, $3, $4, $5, $6 FROM centres WHERE slug = $1 AND membership <> 'removed' \
                 ON CONFLICT (form_key) DO NOTHING",
            )
            .bind(centre)
            .bind(i.inspected_on.to_string())
            .bind(i64::from(i.stars))
            .bind(by)
            .bind(now)
            .bind(form_key)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        if n == 1 {
            return Ok(true);
        }
        let repeated: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar(
                "SELECT id FROM inspections WHERE form_key = $1 AND centre_slug = $2 AND inspected_on = $3 AND stars = $4",
            )
            .bind(form_key)
            .bind(centre)
            .bind(i.inspected_on.to_string())
            .bind(i64::from(i.stars))
            .fetch_optional(pool)
            .await
        })?;
        Ok(repeated.is_some())
    }

    /// Whether a form (by its key) has recorded an inspection.
    pub async fn inspection_form_used(&self, form_key: &str) -> Result<bool, StoreError> {
        let id: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar("SELECT id FROM inspections WHERE form_key = $1")
                .bind(form_key)
                .fetch_optional(pool)
                .await
        })?;
        Ok(id.is_some())
    }

    /// Sets `indicator`'s target from `from` on (replacing one set from the same quarter).
    pub async fn set_target(&self, t: &TargetFrom, by: Option<i64>, now: i64) -> Result<(), StoreError> {
        on_write!(self, |pool| {
            sqlx::query(
                "INSERT INTO board_targets (indicator, from_quarter, target, red, set_by, set_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (indicator, from_quarter) DO UPDATE SET \
                 target = excluded.target, red = excluded.red, set_by = excluded.set_by, set_at = excluded.set_at",
            )
            .bind(t.indicator.code())
            .bind(t.from.to_string())
            .bind(t.target.value)
            .bind(t.target.red)
            .bind(by)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }
}
