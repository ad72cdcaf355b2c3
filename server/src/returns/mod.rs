//! Quarterly statistics returns behind the app's `StatisticsReturns` port. A centre's return is
//! reached only with the caller's own centre; pre-filled from its cases by the shared rule;
//! checked again here whatever the browser did; every save, submission, amendment and reminder
//! audit-logged.

pub mod csv;
mod dashboard;
mod history;
mod questions;

use crate::cases::news::CaseChanges;
use crate::store::{Actor, AuditEvent, Message, Outcome, ReturnRecord, ReturnWrite, Store, StoreError};
use app::pages::returns::model::{
    ChaseRow, ChaseView, QuarterTotals, ReturnForm, ReturnListRow, ReturnOutcome, ReturnView, ReturnsList,
};
use app::ports::{Clock, PortError, StaffUser, StatisticsReturns};
use async_trait::async_trait;
use shared::referral::{FieldError, Fields};
use shared::returns::lifecycle::{AMEND_REASON_FIELD, is_lapsed, parse_amend_reason, quarters_to};
use shared::returns::{CheckContext, FigureKey, Figures, ReturnState, Schedule, Service, prefill};
use shared::{Centre, Quarter, ServiceType};
use std::collections::HashMap;
use std::sync::Arc;

/// How many quarters a centre's list of returns and the national totals show.
const QUARTERS_SHOWN: usize = 8;

#[derive(Clone)]
pub struct ReturnService {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub schedule: Schedule,
    pub changes: CaseChanges,
    pub public_url: Arc<str>,
}

pub(crate) fn port_error(error: StoreError) -> PortError {
    tracing::error!(%error, "returns store failed");
    match error {
        StoreError::CorruptRow(_) => PortError::CorruptData,
        _ => PortError::Unavailable,
    }
}

/// Only the fields a return has are kept: figures, their notes, the answers to NACCC's questions
/// for the quarter and an amendment's reason.
fn kept_fields(fields: &Fields, context: &CheckContext) -> Fields {
    let mut names: Vec<String> =
        FigureKey::all(&context.services).into_iter().flat_map(|k| [k.code(), k.note_code()]).collect();
    names.extend(context.questions.iter().flat_map(|q| q.fields()));
    names.push(AMEND_REASON_FIELD.to_owned());
    names.into_iter().filter_map(|n| fields.get(&n).map(|v| (n, v.clone()))).collect()
}

/// The fields of a return not yet saved: the computed figures, the rest blank.
fn prefilled_fields(computed: &Figures) -> Fields {
    computed.0.iter().map(|(k, n)| (k.code(), n.to_string())).collect()
}

/// Centres that send returns: members, not candidates.
fn returning(centre: &Centre) -> bool {
    centre.service != ServiceType::Candidate
}

impl ReturnService {
    pub(crate) async fn audit(&self, user: &StaffUser, action: &'static str, object: String, outcome: Outcome) {
        let event =
            AuditEvent { actor: Actor::User(user.id), action, object: Some(object), outcome, detail: String::new() };
        if let Err(error) = self.store.record(&event, self.clock.now()).await {
            tracing::error!(%error, action, "audit entry not written");
        }
    }

    pub(crate) async fn centre_of(&self, user: &StaffUser) -> Result<Option<Centre>, PortError> {
        let Some(slug) = user.scope.centre() else { return Ok(None) };
        let directory = self.store.directory().await.map_err(port_error)?;
        Ok(directory.iter().find(|c| &c.slug == slug).cloned())
    }

    /// When each of `centre`'s returns was submitted.
    fn submitted_on(records: &[ReturnRecord]) -> HashMap<Quarter, time::Date> {
        records.iter().filter_map(|r| r.submitted_at.map(|at| (r.quarter, shared::uk_time::uk_date(at)))).collect()
    }

    /// The check context of `quarter`'s return: the centre's services, the figures computed from
    /// its cases (as stored once submitted), and last quarter's submitted figures.
    async fn context(
        &self,
        centre: &Centre,
        quarter: Quarter,
        record: Option<&ReturnRecord>,
    ) -> Result<CheckContext, PortError> {
        let services = Service::of_centre(centre.service);
        let computed = match record {
            Some(r) if r.state.is_submitted() => r.computed.clone(),
            _ => {
                let facts = self.store.case_facts(centre.slug.as_str()).await.map_err(port_error)?;
                prefill(&facts, quarter, &services)
            }
        };
        let previous = match quarter.previous() {
            Some(p) => {
                self.store.statistics_return(centre.slug.as_str(), p).await.map_err(port_error)?.and_then(|r| r.figures)
            }
            None => None,
        };
        let questions = self.store.questions(quarter).await.map_err(port_error)?;
        Ok(CheckContext { services, computed, previous, questions })
    }
}

#[async_trait]
impl StatisticsReturns for ReturnService {
    async fn centre_returns(&self, user: &StaffUser) -> Result<Option<ReturnsList>, PortError> {
        let Some(centre) = self.centre_of(user).await? else { return Ok(None) };
        let today = self.clock.today();
        let records = self.store.returns_of(centre.slug.as_str()).await.map_err(port_error)?;
        let submitted = Self::submitted_on(&records);
        let Ok(current) = Quarter::containing(today) else { return Ok(None) };
        let mut rows: Vec<ReturnListRow> = quarters_to(current, QUARTERS_SHOWN + 1)
            .into_iter()
            .map(|q| ReturnListRow {
                quarter: q,
                state: records.iter().find(|r| r.quarter == q).map(|r| r.state),
                standing: self.schedule.standing(q, submitted.get(&q).copied(), today),
                due: self.schedule.due(q).into(),
            })
            .collect();
        rows.reverse();
        let lapsed = is_lapsed(self.schedule, |q| submitted.get(&q).copied(), today);
        Ok(Some(ReturnsList { centre: centre.name.to_string(), rows, lapsed }))
    }

    async fn open_return(&self, user: &StaffUser, quarter: Quarter) -> Result<Option<ReturnView>, PortError> {
        let Some(centre) = self.centre_of(user).await? else { return Ok(None) };
        let today = self.clock.today();
        // A quarter that has not begun has nothing to count yet.
        if quarter.start() > today {
            return Ok(None);
        }
        let record = self.store.statistics_return(centre.slug.as_str(), quarter).await.map_err(port_error)?;
        let context = self.context(&centre, quarter, record.as_ref()).await?;
        let submitted_on = record.as_ref().and_then(|r| r.submitted_at).map(shared::uk_time::uk_date);
        let amendments = match &record {
            Some(r) => self.amendments(&centre, r, &context.questions).await?,
            None => Vec::new(),
        };
        self.audit(user, "return.view", format!("{}/{quarter}", centre.slug), Outcome::Ok).await;
        Ok(Some(ReturnView {
            centre: centre.name.to_string(),
            quarter,
            state: record.as_ref().map(|r| r.state).unwrap_or(ReturnState::Draft),
            version: record.as_ref().map(|r| r.version),
            fields: record.as_ref().map(|r| r.fields.clone()).unwrap_or_else(|| prefilled_fields(&context.computed)),
            due: self.schedule.due(quarter).into(),
            standing: self.schedule.standing(quarter, submitted_on, today),
            submitted_on: submitted_on.map(Into::into),
            queries: record.as_ref().map(|r| r.queries.clone()).unwrap_or_default(),
            amendments,
            context,
        }))
    }

    async fn save_return(
        &self,
        user: &StaffUser,
        quarter: Quarter,
        form: &ReturnForm,
    ) -> Result<ReturnOutcome, PortError> {
        let Some(centre) = self.centre_of(user).await? else { return Ok(ReturnOutcome::NotFound) };
        if quarter.start() > self.clock.today() {
            return Ok(ReturnOutcome::NotFound);
        }
        let slug = centre.slug.to_string();
        let object = format!("{slug}/{quarter}");
        let record = self.store.statistics_return(&slug, quarter).await.map_err(port_error)?;
        let context = self.context(&centre, quarter, record.as_ref()).await?;
        let fields = kept_fields(&form.fields, &context);
        let state = record.as_ref().map(|r| r.state).unwrap_or(ReturnState::Draft);
        let asked: Vec<i64> = context.questions.iter().map(|q| q.id).collect();
        // The form must be of the return as it is now (a page opened before a save is stale).
        if form.version != record.as_ref().map(|r| r.version) {
            return self.resent_or_conflict(&slug, quarter, &fields).await;
        }
        let mut write = ReturnWrite {
            centre: &slug,
            quarter,
            seen_version: form.version,
            state,
            fields: &fields,
            computed: &context.computed,
            figures: None,
            queries: &[],
            actor: user.id,
            submitting: false,
            amendment: None,
            questions: &asked,
        };
        if !form.submit {
            if state.is_submitted() {
                let refused = FieldError::new(
                    "return-form",
                    &"A submitted return cannot be saved as a draft: amend it, saying why",
                );
                return Ok(ReturnOutcome::Rejected(vec![refused]));
            }
            let written = self.store.write_return(&write, self.clock.now()).await.map_err(port_error)?;
            if !written {
                return Ok(ReturnOutcome::Conflict);
            }
            self.audit(user, "return.save", object, Outcome::Ok).await;
            return Ok(ReturnOutcome::Saved);
        }
        let checked = shared::returns::check(&fields, &context);
        let mut errors = checked.field_errors();
        let reason = if state.is_submitted() {
            match parse_amend_reason(fields.get(AMEND_REASON_FIELD).map(String::as_str).unwrap_or("")) {
                Ok(reason) => Some(reason),
                Err(e) => {
                    errors.push(FieldError::new(AMEND_REASON_FIELD, &e));
                    None
                }
            }
        } else {
            None
        };
        let (Some(figures), true) = (checked.figures, errors.is_empty()) else {
            self.audit(user, "return.submit", object, Outcome::Failed).await;
            return Ok(ReturnOutcome::Rejected(errors));
        };
        let Ok(next) = state.apply(state.next_action()) else { return Ok(ReturnOutcome::Conflict) };
        let before = record.as_ref().and_then(|r| r.figures.clone()).unwrap_or_default();
        let answers_before = record.as_ref().map(|r| r.fields.clone()).unwrap_or_default();
        // An amendment's reason is kept with the amendment, not in the return's fields.
        let mut kept = fields.clone();
        kept.remove(AMEND_REASON_FIELD);
        write.fields = &kept;
        write.state = next;
        write.figures = Some(&figures);
        write.queries = &checked.queries;
        write.submitting = state == ReturnState::Draft;
        write.amendment = reason.as_deref().map(|r| (r, &before, &answers_before));
        if !self.store.write_return(&write, self.clock.now()).await.map_err(port_error)? {
            return self.resent_or_conflict(&slug, quarter, &kept).await;
        }
        let action = if state.is_submitted() { "return.amend" } else { "return.submit" };
        self.audit(user, action, object, Outcome::Ok).await;
        self.changes.announce(&centre.slug).await;
        Ok(ReturnOutcome::Submitted)
    }

    async fn chase(&self, quarter: Quarter) -> Result<ChaseView, PortError> {
        let today = self.clock.today();
        let directory = self.store.directory().await.map_err(port_error)?;
        let this = self.store.returns_in(quarter).await.map_err(port_error)?;
        let mut lookback: HashMap<(String, Quarter), time::Date> = HashMap::new();
        for q in shared::returns::lifecycle::lookback(today) {
            for r in self.store.returns_in(q).await.map_err(port_error)? {
                if let Some(at) = r.submitted_at {
                    lookback.insert((r.centre.clone(), q), shared::uk_time::uk_date(at));
                }
            }
        }
        let reminded: HashMap<String, i64> =
            self.store.reminders_in(quarter).await.map_err(port_error)?.into_iter().collect();
        let mut rows: Vec<ChaseRow> = directory
            .iter()
            .filter(|c| returning(c))
            .map(|c| {
                let slug = c.slug.to_string();
                let submitted_on =
                    this.iter().find(|r| r.centre == slug).and_then(|r| r.submitted_at).map(shared::uk_time::uk_date);
                ChaseRow {
                    centre: c.name.to_string(),
                    standing: self.schedule.standing(quarter, submitted_on, today),
                    submitted_on: submitted_on.map(Into::into),
                    lapsed: is_lapsed(self.schedule, |q| lookback.get(&(slug.clone(), q)).copied(), today),
                    reminded_on: reminded.get(&slug).map(|&at| shared::uk_time::uk_date(at).into()),
                    slug,
                }
            })
            .collect();
        // The ones to chase first.
        rows.sort_by_key(|r| (!r.standing.is_missing_past_due(), !r.lapsed, r.centre.clone()));
        let submitted = self.store.submitted_returns().await.map_err(port_error)?;
        let mut totals: Vec<QuarterTotals> = Vec::new();
        let last = Quarter::containing(today).ok().and_then(Quarter::previous).unwrap_or(quarter);
        for q in quarters_to(last, QUARTERS_SHOWN).into_iter().rev() {
            let mut sum = Figures::default();
            let mut returns = 0;
            for r in submitted.iter().filter(|r| r.quarter == q) {
                returns += 1;
                for (k, n) in r.figures.iter().flat_map(|f| f.0.iter()) {
                    *sum.0.entry(*k).or_insert(0) += n;
                }
            }
            totals.push(QuarterTotals { quarter: q, returns, totals: sum });
        }
        Ok(ChaseView {
            quarter,
            due: self.schedule.due(quarter).into(),
            rows,
            totals,
            reminder_key: crate::platform::secrets::new_token(),
        })
    }

    async fn remind(
        &self,
        by: &StaffUser,
        quarter: Quarter,
        centre: Option<&str>,
        key: &str,
    ) -> Result<usize, PortError> {
        let chase = self.chase(quarter).await?;
        let late: Vec<String> = chase
            .rows
            .iter()
            .filter(|r| r.standing.is_missing_past_due() && centre.is_none_or(|c| c == r.slug))
            .map(|r| r.slug.clone())
            .collect();
        let subject = format!("Your statistics return for {quarter} is overdue");
        let body = format!(
            "Your centre's statistics return for {quarter} was due on {}. Please check the figures and submit it: {}/centre/returns/{quarter}\n\nA return still missing {} after its due date makes the centre lapsed, which counts against re-accreditation.",
            chase.due,
            self.public_url,
            shared::durations::RETURN_GRACE.words(),
        );
        let message = Message { kind: "return.reminder", subject: &subject, body: &body };
        let queued =
            self.store.remind(quarter, &late, key, by.id, &message, self.clock.now()).await.map_err(port_error)?;
        self.audit(by, "return.remind", format!("{quarter}:{}", centre.unwrap_or("all late")), Outcome::Ok).await;
        Ok(queued)
    }

    async fn returns_csv(&self, by: &StaffUser) -> Result<String, PortError> {
        let directory = self.store.directory().await.map_err(port_error)?;
        let mut submitted = self.store.submitted_returns().await.map_err(port_error)?;
        submitted.sort_by(|a, b| (a.quarter, &a.centre).cmp(&(b.quarter, &b.centre)));
        self.audit(by, "return.export", "all".to_owned(), Outcome::Ok).await;
        Ok(csv::returns(&directory, &submitted))
    }

    async fn dashboard(
        &self,
        user: &StaffUser,
    ) -> Result<Option<app::pages::dashboard::model::DashboardView>, PortError> {
        self.dashboard_of(user).await
    }

    async fn questions(&self, quarter: Quarter) -> Result<app::pages::admin::questions::QuestionsView, PortError> {
        self.questions_of(quarter).await
    }

    async fn add_question(
        &self,
        by: &StaffUser,
        quarter: Quarter,
        question: &shared::returns::questions::NewQuestion,
        key: &str,
    ) -> Result<app::pages::admin::questions::QuestionOutcome, PortError> {
        self.add_question_to(by, quarter, question, key).await
    }

    async fn remove_question(&self, by: &StaffUser, quarter: Quarter, id: i64) -> Result<bool, PortError> {
        self.remove_question_from(by, quarter, id).await
    }

    async fn answers_csv(&self, by: &StaffUser, quarter: Quarter) -> Result<String, PortError> {
        self.answers_csv_of(by, quarter).await
    }
}

impl ReturnService {
    /// The same form sent again after it was applied is the same success; anything else is a
    /// conflict (somebody else changed the return).
    async fn resent_or_conflict(
        &self,
        slug: &str,
        quarter: Quarter,
        fields: &Fields,
    ) -> Result<ReturnOutcome, PortError> {
        let now = self.store.statistics_return(slug, quarter).await.map_err(port_error)?;
        let mut sent = fields.clone();
        sent.remove(AMEND_REASON_FIELD);
        Ok(match now {
            Some(r) if r.fields == sent && r.state.is_submitted() => ReturnOutcome::Submitted,
            Some(r) if r.fields == sent => ReturnOutcome::Saved,
            _ => ReturnOutcome::Conflict,
        })
    }
}
