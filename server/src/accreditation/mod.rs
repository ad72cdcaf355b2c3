//! Accreditation behind the app's `Accreditation` port. Who may see a case is decided here, once
//! (`viewer`): a centre's manager their own centre's case, an assessor only the cases assigned to
//! them, NACCC every case; anyone else is told "not found" and the attempt is audit-logged. Every
//! step is `shared::accreditation::Stage::apply` for the viewer's part, checked again here, and
//! written by `Store::apply_step` at the version the page showed.

pub mod catalogue;
pub mod evidence;
pub mod reminders;
mod steps;
mod view;

use crate::store::{Actor, AuditEvent, CaseRow, NewCase, Outcome, Store, StoreError};
use app::pages::accreditation::model::{CaseSummary, CaseView, CentreAccreditation, Overview, StepOutcome, Viewer};
use app::ports::{Accreditation, Clock, PortError, StaffUser};
use async_trait::async_trait;
use shared::account::{Role, Scope};
use shared::accreditation::application::parse_application;
use shared::accreditation::assessment::{AnswerError, parse_item, parse_section, parse_text};
use shared::accreditation::catalogue::SetText;
use shared::accreditation::dates::RenewalCycle;
use shared::accreditation::{Action, Stage, StandardKey};
use shared::referral::{FieldError, Fields};
use std::sync::Arc;

#[derive(Clone)]
pub struct AccreditationService {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub cycle: RenewalCycle,
    pub evidence: evidence::EvidenceStore,
}

pub(crate) fn port_error(error: StoreError) -> PortError {
    tracing::error!(%error, "accreditation store failed");
    match error {
        StoreError::CorruptRow(_) => PortError::CorruptData,
        _ => PortError::Unavailable,
    }
}

/// One problem at one field.
pub(crate) fn problem(field: &str, message: &impl std::fmt::Display) -> StepOutcome {
    StepOutcome::Rejected(vec![FieldError::new(field, message)])
}

impl AccreditationService {
    pub(crate) async fn audit(&self, user: Option<&StaffUser>, action: &'static str, case: i64, outcome: Outcome) {
        let event = AuditEvent {
            actor: user.map_or(Actor::System, |u| Actor::User(u.id)),
            action,
            object: Some(format!("accreditation:{case}")),
            outcome,
            detail: String::new(),
        };
        if let Err(error) = self.store.record(&event, self.clock.now()).await {
            tracing::error!(%error, action, "audit entry not written");
        }
    }

    /// How `user` sees `case`, or `None` (not theirs: audit-logged as denied).
    pub(crate) async fn viewer(&self, user: &StaffUser, case: &CaseRow) -> Option<Viewer> {
        let viewer = match &user.scope {
            Scope::NacccAdmin => Some(Viewer::Naccc),
            Scope::Assessor if case.assessor_id == Some(user.id) => Some(Viewer::Assessor),
            scope @ Scope::Centre { .. }
                if scope.role() == Role::CentreManager
                    && scope.centre().map(|s| s.as_str()) == Some(&case.centre_slug) =>
            {
                Some(Viewer::Centre)
            }
            _ => None,
        };
        if viewer.is_none() {
            self.audit(Some(user), "accreditation.read", case.id, Outcome::Denied).await;
        }
        viewer
    }

    /// The case if `user` may see it, with how they see it.
    pub(crate) async fn open(&self, user: &StaffUser, case_id: i64) -> Result<Option<(CaseRow, Viewer)>, PortError> {
        let Some(case) = self.store.accreditation_case(case_id).await.map_err(port_error)? else { return Ok(None) };
        Ok(self.viewer(user, &case).await.map(|v| (case, v)))
    }

    pub(crate) async fn standards(&self, version: i64) -> Result<Vec<SetText>, PortError> {
        let body = self.store.standards_version(version).await.map_err(port_error)?.ok_or(PortError::CorruptData)?;
        catalogue::read(&body).map_err(|error| {
            tracing::error!(%error, "stored standards unreadable");
            PortError::CorruptData
        })
    }

    pub(crate) async fn current_standards(&self) -> Result<(i64, Vec<SetText>), PortError> {
        let (id, body) =
            self.store.current_standards(&catalogue::shipped(), self.clock.now()).await.map_err(port_error)?;
        let sets = catalogue::read(&body).map_err(|error| {
            tracing::error!(%error, "stored standards unreadable");
            PortError::CorruptData
        })?;
        Ok((id, sets))
    }

    /// The keys of every standard `case` is assessed against.
    pub(crate) async fn case_keys(&self, case: &CaseRow) -> Result<Vec<StandardKey>, PortError> {
        let sets = self.standards(case.standards_version).await?;
        Ok(view::case_sets(case, &sets)
            .flat_map(|set| set.standards().map(move |(_, st)| StandardKey::new(set.set, &st.number)))
            .collect())
    }

    fn today_iso(&self) -> String {
        self.clock.today().to_string()
    }
}

fn actor_of(viewer: Viewer) -> shared::accreditation::Actor {
    match viewer {
        Viewer::Centre => shared::accreditation::Actor::Centre,
        Viewer::Assessor => shared::accreditation::Actor::Assessor,
        Viewer::Naccc => shared::accreditation::Actor::Naccc,
    }
}

#[async_trait]
impl Accreditation for AccreditationService {
    async fn centre_case(&self, user: &StaffUser) -> Result<Option<CentreAccreditation>, PortError> {
        let Some(slug) = user.scope.centre() else { return Ok(None) };
        if user.scope.role() != Role::CentreManager {
            return Ok(None);
        }
        let Some(centre_id) = self.store.centre_id(slug.as_str()).await.map_err(port_error)? else { return Ok(None) };
        match self.store.centre_case(centre_id).await.map_err(port_error)? {
            Some(case) => {
                let view = self.case(user, case.id).await?;
                Ok(view.map(|v| CentreAccreditation::Case(Box::new(v))))
            }
            None => {
                let profile = self.store.centre_profile(slug).await.map_err(port_error)?;
                let centre_name = profile.map(|p| p.centre.name.to_string()).unwrap_or_default();
                Ok(Some(CentreAccreditation::Apply { centre_name }))
            }
        }
    }

    async fn apply(&self, user: &StaffUser, centre: Option<&str>, fields: &Fields) -> Result<StepOutcome, PortError> {
        let slug = match (&user.scope, centre) {
            (Scope::NacccAdmin, Some(slug)) => slug.to_owned(),
            (scope @ Scope::Centre { .. }, None) if scope.role() == Role::CentreManager => {
                scope.centre().map(|s| s.to_string()).unwrap_or_default()
            }
            _ => return Ok(StepOutcome::NotFound),
        };
        let Some(centre_id) = self.store.centre_id(&slug).await.map_err(port_error)? else {
            return Ok(StepOutcome::NotFound);
        };
        let application = match parse_application(fields, self.clock.today()) {
            Ok(a) => a,
            Err(errors) => return Ok(StepOutcome::Rejected(errors)),
        };
        let (version, _) = self.current_standards().await?;
        let case = NewCase {
            centre_id,
            standards_version: version,
            renewal: false,
            services: application.services.code(),
            venue: application.venue.code(),
            signed_by: &application.signed_by,
            signed_on: application.signed_on.to_string(),
            applied_on: self.today_iso(),
            stage: Stage::Applied,
        };
        match self.store.create_case(&case, Some(user.id), self.clock.now()).await.map_err(port_error)? {
            Some(id) => {
                self.audit(Some(user), "accreditation.apply", id, Outcome::Ok).await;
                Ok(StepOutcome::Done)
            }
            // A case is under way (this same application sent twice, or another): nothing new.
            None => Ok(StepOutcome::Done),
        }
    }

    async fn case(&self, user: &StaffUser, case_id: i64) -> Result<Option<CaseView>, PortError> {
        let Some((case, viewer)) = self.open(user, case_id).await? else { return Ok(None) };
        view::case_view(self, &case, viewer).await.map(Some)
    }

    async fn save_section(
        &self,
        user: &StaffUser,
        case_id: i64,
        section: &str,
        fields: &Fields,
    ) -> Result<StepOutcome, PortError> {
        let Some((case, Viewer::Centre)) = self.open(user, case_id).await? else { return Ok(StepOutcome::NotFound) };
        if case.stage().map_err(port_error)? != Stage::SelfAssessment {
            return Ok(StepOutcome::Conflict);
        }
        let keys: Vec<StandardKey> = self
            .case_keys(&case)
            .await?
            .into_iter()
            .filter(|k| view::section_id(k).as_deref() == Some(section))
            .collect();
        if keys.is_empty() {
            return Ok(StepOutcome::NotFound);
        }
        let answers = match parse_section(&keys, fields) {
            Ok(a) => a,
            Err(errors) => return Ok(StepOutcome::Rejected(errors)),
        };
        if !self
            .store
            .save_self_answers(case.id, &answers, Some(user.id), self.clock.now())
            .await
            .map_err(port_error)?
        {
            return Ok(StepOutcome::Conflict);
        }
        self.audit(Some(user), "accreditation.self_assessment", case.id, Outcome::Ok).await;
        Ok(StepOutcome::Done)
    }

    async fn step(
        &self,
        user: &StaffUser,
        case_id: i64,
        version: i64,
        action: Action,
        fields: &Fields,
    ) -> Result<StepOutcome, PortError> {
        let Some((case, viewer)) = self.open(user, case_id).await? else { return Ok(StepOutcome::NotFound) };
        steps::take(self, user, &case, viewer, actor_of(viewer), version, action, fields).await
    }

    async fn review(
        &self,
        user: &StaffUser,
        case_id: i64,
        standard: &str,
        query: Option<&str>,
        key: &str,
    ) -> Result<StepOutcome, PortError> {
        let Some((case, Viewer::Assessor)) = self.open(user, case_id).await? else { return Ok(StepOutcome::NotFound) };
        let Ok(standard) = StandardKey::parse(standard) else { return Ok(StepOutcome::NotFound) };
        if !self.case_keys(&case).await?.contains(&standard) {
            return Ok(StepOutcome::NotFound);
        }
        let now = self.clock.now();
        let done = match query {
            None => self.store.agree_standard(case.id, &standard, now).await.map_err(port_error)?,
            Some(text) => {
                let field = format!("query-{}", standard.id());
                let text = match parse_text(text, AnswerError::NoQuery) {
                    Ok(t) => t,
                    Err(e) => return Ok(problem(&field, &e)),
                };
                self.store.add_query(case.id, &standard, &text, key, now).await.map_err(port_error)?
            }
        };
        if !done {
            return Ok(StepOutcome::Conflict);
        }
        self.audit(Some(user), "accreditation.review", case.id, Outcome::Ok).await;
        Ok(StepOutcome::Done)
    }

    async fn agree_section(&self, user: &StaffUser, case_id: i64, section: &str) -> Result<StepOutcome, PortError> {
        let Some((case, Viewer::Assessor)) = self.open(user, case_id).await? else { return Ok(StepOutcome::NotFound) };
        // `national/3` names the standards `national/3.1`, `national/3.2` …
        let prefix = format!("{}.", section.trim());
        let keys: Vec<StandardKey> =
            self.case_keys(&case).await?.into_iter().filter(|k| k.as_str().starts_with(&prefix)).collect();
        if keys.is_empty() {
            return Ok(StepOutcome::NotFound);
        }
        if case.stage().map_err(port_error)? != shared::accreditation::Stage::DeskReview {
            return Ok(StepOutcome::Conflict);
        }
        self.store.agree_unqueried(case.id, &keys, self.clock.now()).await.map_err(port_error)?;
        self.audit(Some(user), "accreditation.review", case.id, Outcome::Ok).await;
        Ok(StepOutcome::Done)
    }

    async fn reply(
        &self,
        user: &StaffUser,
        case_id: i64,
        query_id: i64,
        reply: &str,
    ) -> Result<StepOutcome, PortError> {
        let Some((case, Viewer::Centre)) = self.open(user, case_id).await? else { return Ok(StepOutcome::NotFound) };
        let text = match parse_text(reply, AnswerError::NoReply) {
            Ok(t) => t,
            Err(e) => return Ok(problem(&format!("reply-{query_id}"), &e)),
        };
        if !self.store.reply_to_query(case.id, query_id, &text, self.clock.now()).await.map_err(port_error)? {
            return Ok(StepOutcome::Conflict);
        }
        self.audit(Some(user), "accreditation.reply", case.id, Outcome::Ok).await;
        Ok(StepOutcome::Done)
    }

    async fn record_visit(&self, user: &StaffUser, case_id: i64, fields: &Fields) -> Result<StepOutcome, PortError> {
        let Some((case, Viewer::Assessor)) = self.open(user, case_id).await? else { return Ok(StepOutcome::NotFound) };
        let get = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
        let mut errors = Vec::new();
        let on = match shared::IsoDate::parse(get("visit-on")) {
            Ok(d) if d.date() > self.clock.today() => {
                errors.push(FieldError::new("visit-on", &"the visit cannot be on a date in the future"));
                None
            }
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FieldError::new("visit-on", &"enter the date of the visit, like 2026-03-14"));
                None
            }
        };
        let report = match parse_text(get("visit-report"), AnswerError::NoReply) {
            Ok(r) => Some(r),
            Err(AnswerError::TooLong) => {
                errors.push(FieldError::new("visit-report", &AnswerError::TooLong));
                None
            }
            Err(_) => {
                errors.push(FieldError::new("visit-report", &"write the report of the visit"));
                None
            }
        };
        let (Some(on), Some(report)) = (on, report) else { return Ok(StepOutcome::Rejected(errors)) };
        if !self.store.record_visit(case.id, &on.to_string(), &report).await.map_err(port_error)? {
            return Ok(StepOutcome::Conflict);
        }
        self.audit(Some(user), "accreditation.visit", case.id, Outcome::Ok).await;
        Ok(StepOutcome::Done)
    }

    async fn add_item(
        &self,
        user: &StaffUser,
        case_id: i64,
        fields: &Fields,
        key: &str,
    ) -> Result<StepOutcome, PortError> {
        let Some((case, Viewer::Naccc)) = self.open(user, case_id).await? else { return Ok(StepOutcome::NotFound) };
        let item = match parse_item(fields, self.clock.today()) {
            Ok(i) => i,
            Err(errors) => return Ok(StepOutcome::Rejected(errors)),
        };
        let added = self
            .store
            .add_action_item(case.id, &item.text, &item.due.to_string(), key, self.clock.now())
            .await
            .map_err(port_error)?;
        if !added {
            return Ok(StepOutcome::Conflict);
        }
        self.audit(Some(user), "accreditation.action_item", case.id, Outcome::Ok).await;
        Ok(StepOutcome::Done)
    }

    async fn answer_item(
        &self,
        user: &StaffUser,
        case_id: i64,
        item: i64,
        response: &str,
    ) -> Result<StepOutcome, PortError> {
        let Some((case, Viewer::Centre)) = self.open(user, case_id).await? else { return Ok(StepOutcome::NotFound) };
        let text = match parse_text(response, AnswerError::NoReply) {
            Ok(t) => t,
            Err(e) => return Ok(problem(&format!("response-{item}"), &e)),
        };
        if !self.store.answer_action_item(case.id, item, &text, self.clock.now()).await.map_err(port_error)? {
            return Ok(StepOutcome::Conflict);
        }
        self.audit(Some(user), "accreditation.action_item_answer", case.id, Outcome::Ok).await;
        Ok(StepOutcome::Done)
    }

    async fn overview(&self, user: &StaffUser) -> Result<Overview, PortError> {
        // Every centre's case, by name: NACCC's alone (the board sees aggregates elsewhere).
        if user.scope.role() != Role::NacccAdmin {
            return Ok(Overview::default());
        }
        view::overview(self).await
    }

    async fn assessor_cases(&self, user: &StaffUser) -> Result<Vec<CaseSummary>, PortError> {
        if user.scope.role() != Role::Assessor {
            return Ok(Vec::new());
        }
        let rows = self.store.accreditation_cases(Some(user.id)).await.map_err(port_error)?;
        rows.iter().map(|row| view::summary(self, row)).collect()
    }
}
