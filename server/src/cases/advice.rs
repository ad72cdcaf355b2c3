//! Safeguarding advice behind the app's `SafeguardingAdvice` port. A centre's staff ask on their
//! own case (the centre is in every statement); a NACCC administrator reads the case only if
//! `shared::referral::advice::lead_may_read` (a safeguarding lead, the request open), and each
//! read is audit-logged as a read of the referral resting on that request. Reasons and notes are
//! sealed, bound to the referral.

use super::{CaseService, port_error};
use crate::platform::crypto::FieldLocation;
use crate::store::{AdviceAsked, AdviceRow, AuditEvent, Outcome};
use app::pages::safeguarding::model::{
    AdviceNoteView, AdviceOutcome, AdviceSummary, AdviceView, CaseAdvice, LeadCaseView,
};
use app::ports::{PortError, SafeguardingAdvice, StaffUser};
use async_trait::async_trait;
use shared::account::{Role, Scope};
use shared::referral::advice::{NOTE_FIELD, REASON_FIELD, lead_may_read, parse_note, parse_reason};
use shared::referral::{FieldError, ReferralReference};

fn reason_at(reference: &str) -> FieldLocation<'_> {
    FieldLocation { table: "advice_requests", column: "reason", row: reference }
}

fn note_at(reference: &str) -> FieldLocation<'_> {
    FieldLocation { table: "advice_notes", column: "note", row: reference }
}

impl CaseService {
    async fn advice_audit(
        &self,
        user: &StaffUser,
        action: &'static str,
        object: &str,
        detail: String,
        outcome: Outcome,
    ) {
        let event = AuditEvent {
            actor: crate::store::Actor::User(user.id),
            action,
            object: Some(object.to_owned()),
            outcome,
            detail,
        };
        if let Err(error) = self.store.record(&event, self.clock.now()).await {
            tracing::error!(%error, action, "audit entry not written");
        }
    }

    async fn is_lead(&self, user: &StaffUser) -> Result<bool, PortError> {
        if user.scope != Scope::NacccAdmin {
            return Ok(false);
        }
        self.store.is_safeguarding_lead(user.id).await.map_err(port_error)
    }

    async fn advice_view(&self, row: &AdviceRow) -> Result<AdviceView, PortError> {
        // Erased with the case's personal data (retention): nothing left to open.
        let reason = if row.reason.is_empty() {
            "Erased with the case's personal data.".to_owned()
        } else {
            self.cipher.open_string(reason_at(&row.reference), &row.reason).map_err(|_| PortError::CorruptData)?
        };
        let notes = self
            .store
            .advice_notes(row.id)
            .await
            .map_err(port_error)?
            .into_iter()
            .map(|(at, by, sealed)| {
                Ok(AdviceNoteView {
                    at: crate::platform::clock::utc_time(at),
                    by: by.map_or_else(|| "NACCC".to_owned(), |n| format!("{n}, NACCC")),
                    text: self
                        .cipher
                        .open_string(note_at(&row.reference), &sealed)
                        .map_err(|_| PortError::CorruptData)?,
                })
            })
            .collect::<Result<Vec<_>, PortError>>()?;
        Ok(AdviceView {
            id: row.id,
            reason,
            asked_by: row.asked_by_name.clone().unwrap_or_else(|| "A former member of staff".to_owned()),
            asked_at: crate::platform::clock::utc_time(row.asked_at),
            open: row.closed_at.is_none(),
            notes,
        })
    }
}

#[async_trait]
impl SafeguardingAdvice for CaseService {
    async fn ask(
        &self,
        user: &StaffUser,
        reference: &ReferralReference,
        reason: &str,
        key: &str,
    ) -> Result<AdviceOutcome, PortError> {
        let Some(centre) = user.scope.centre() else { return Ok(AdviceOutcome::NotFound) };
        let reason = match parse_reason(reason) {
            Ok(r) => r,
            Err(e) => return Ok(AdviceOutcome::Rejected(vec![FieldError::new(REASON_FIELD, &e)])),
        };
        let sealed =
            self.cipher.seal_str(reason_at(reference.as_str()), &reason).map_err(|_| PortError::Unavailable)?;
        if key.trim().is_empty() || key.len() > 100 {
            return Ok(AdviceOutcome::NotFound);
        }
        let key = format!("{}:{key}", user.id);
        match self
            .store
            .ask_advice(centre.as_str(), reference.as_str(), &sealed, user.id, &key, self.clock.now())
            .await
            .map_err(port_error)?
        {
            AdviceAsked::Asked => {
                self.advice_audit(user, "advice.ask", reference.as_str(), String::new(), Outcome::Ok).await;
                Ok(AdviceOutcome::Done)
            }
            AdviceAsked::AlreadyOpen => Ok(AdviceOutcome::Rejected(vec![FieldError::new(
                REASON_FIELD,
                &"NACCC is already advising on this case: add to it by closing that request and asking again",
            )])),
            AdviceAsked::NotTheirs => {
                self.advice_audit(user, "advice.ask", reference.as_str(), String::new(), Outcome::Denied).await;
                Ok(AdviceOutcome::NotFound)
            }
        }
    }

    async fn for_case(&self, user: &StaffUser, reference: &ReferralReference) -> Result<Option<CaseAdvice>, PortError> {
        let Some(centre) = user.scope.centre() else { return Ok(None) };
        let rows = self.store.advice_for_case(centre.as_str(), reference.as_str()).await.map_err(port_error)?;
        let mut requests = Vec::new();
        for row in &rows {
            requests.push(self.advice_view(row).await?);
        }
        Ok(Some(CaseAdvice { requests, key: crate::platform::secrets::new_token() }))
    }

    async fn close(&self, user: &StaffUser, request: i64) -> Result<AdviceOutcome, PortError> {
        let Some(row) = self.store.advice_request(request).await.map_err(port_error)? else {
            return Ok(AdviceOutcome::NotFound);
        };
        let centre_asked = user.scope.centre().is_some_and(|c| c.as_str() == row.centre_slug);
        if !centre_asked && !self.is_lead(user).await? {
            self.advice_audit(user, "advice.close", &row.reference, format!("advice:{request}"), Outcome::Denied).await;
            return Ok(AdviceOutcome::NotFound);
        }
        // Closed now, or already: the same answer; only a real close is recorded.
        if self.store.close_advice(request, user.id, self.clock.now()).await.map_err(port_error)? {
            self.advice_audit(user, "advice.close", &row.reference, format!("advice:{request}"), Outcome::Ok).await;
        }
        Ok(AdviceOutcome::Done)
    }

    async fn open_requests(&self, user: &StaffUser) -> Result<Option<Vec<AdviceSummary>>, PortError> {
        if !self.is_lead(user).await? {
            return Ok(None);
        }
        let rows = self.store.open_advice_requests().await.map_err(port_error)?;
        Ok(Some(
            rows.into_iter()
                .map(|r| AdviceSummary {
                    id: r.id,
                    reference: r.reference,
                    centre: r.centre_slug,
                    asked_at: crate::platform::clock::utc_time(r.asked_at),
                })
                .collect(),
        ))
    }

    async fn lead_case(&self, user: &StaffUser, request: i64) -> Result<Option<LeadCaseView>, PortError> {
        let row = self.store.advice_request(request).await.map_err(port_error)?;
        let lead = self.is_lead(user).await?;
        let Some(row) =
            row.filter(|r| lead_may_read(user.scope.role() == Role::NacccAdmin, lead, r.closed_at.is_none()))
        else {
            self.advice_audit(
                user,
                "referral.read",
                &format!("advice:{request}"),
                format!("advice:{request}"),
                Outcome::Denied,
            )
            .await;
            return Ok(None);
        };
        let (Ok(reference), Ok(centre)) =
            (ReferralReference::parse(&row.reference), shared::Slug::parse(&row.centre_slug))
        else {
            return Err(PortError::CorruptData);
        };
        let Some(record) = self.store.case_record(&self.cipher, &centre, &reference).await.map_err(port_error)? else {
            return Ok(None);
        };
        // A read of the referral, resting on this request.
        self.advice_audit(user, "referral.read", reference.as_str(), format!("advice:{request}"), Outcome::Ok).await;
        let request = self.advice_view(&row).await?;
        Ok(Some(LeadCaseView {
            request,
            reference: reference.to_string(),
            centre: centre.to_string(),
            submitted_on: record.row.submitted_on,
            today: self.clock.today().into(),
            answers: record.answers,
            note_key: crate::platform::secrets::new_token(),
        }))
    }

    async fn add_note(
        &self,
        user: &StaffUser,
        request: i64,
        text: &str,
        key: &str,
    ) -> Result<AdviceOutcome, PortError> {
        let row = self.store.advice_request(request).await.map_err(port_error)?;
        let lead = self.is_lead(user).await?;
        let Some(row) =
            row.filter(|r| lead_may_read(user.scope.role() == Role::NacccAdmin, lead, r.closed_at.is_none()))
        else {
            self.advice_audit(user, "advice.note", &format!("advice:{request}"), String::new(), Outcome::Denied).await;
            return Ok(AdviceOutcome::NotFound);
        };
        let note = match parse_note(text) {
            Ok(n) => n,
            Err(e) => return Ok(AdviceOutcome::Rejected(vec![FieldError::new(NOTE_FIELD, &e)])),
        };
        let sealed = self.cipher.seal_str(note_at(&row.reference), &note).map_err(|_| PortError::Unavailable)?;
        if key.trim().is_empty() || key.len() > 100 {
            return Ok(AdviceOutcome::NotFound);
        }
        let key = format!("{}:{key}", user.id);
        if !self.store.add_advice_note(request, &sealed, user.id, &key, self.clock.now()).await.map_err(port_error)? {
            return Ok(AdviceOutcome::NotFound);
        }
        self.advice_audit(user, "advice.note", &row.reference, format!("advice:{request}"), Outcome::Ok).await;
        Ok(AdviceOutcome::Done)
    }
}
