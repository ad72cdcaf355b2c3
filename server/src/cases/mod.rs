//! The centre workspace behind the app's `CentreReferrals` port. The caller's centre comes from
//! their account (a user without one sees nothing) and every store query is made with it, so no
//! reference, however guessed, reaches another centre's referral. Each read of a referral is
//! audit-logged; each change goes into the case's history, tells the referrer's status page, and
//! announces itself to the centre's open inboxes.

pub mod advice;
pub mod news;
pub mod retention;

use crate::platform::crypto::FieldCipher;
use crate::store::{Actor, AuditEvent, CaseChange, Outcome, Store, StoreError};
use app::pages::workspace::model::{CaseView, HistoryEntry, InboxView, NoteView};
use app::ports::{CaseOutcome, CentreReferrals, Clock, PortError, StaffUser};
use async_trait::async_trait;
use news::CaseChanges;
use shared::Slug;
use shared::referral::inbox::InboxQuery;
use shared::referral::{Fields, ReferralReference};
use std::sync::Arc;

#[derive(Clone)]
pub struct CaseService {
    pub store: Store,
    pub cipher: FieldCipher,
    pub clock: Arc<dyn Clock>,
    pub changes: CaseChanges,
    /// Where the site is reached from outside, for the link in the referrer's emails.
    pub public_url: Arc<str>,
}

fn port_error(error: StoreError) -> PortError {
    tracing::error!(%error, "case store failed");
    match error {
        StoreError::CorruptRow(_) | StoreError::Crypto(_) => PortError::CorruptData,
        _ => PortError::Unavailable,
    }
}

/// Names for history and notes: the service itself (no one), someone of the centre's (marked if
/// their account is disabled), or someone no longer at the centre.
fn name_of(people: &[(i64, String, bool)], id: Option<i64>) -> String {
    let Some(id) = id else { return "NACCC".to_owned() };
    match people.iter().find(|(p, _, _)| *p == id) {
        Some((_, name, false)) => name.clone(),
        Some((_, name, true)) => format!("{name} (no longer active)"),
        None => "A former member of staff".to_owned(),
    }
}

impl CaseService {
    async fn audit(&self, user: &StaffUser, action: &'static str, reference: &ReferralReference, outcome: Outcome) {
        let event = AuditEvent {
            actor: Actor::User(user.id),
            action,
            object: Some(reference.as_str().to_owned()),
            outcome,
            detail: String::new(),
        };
        if let Err(error) = self.store.record(&event, self.clock.now()).await {
            tracing::error!(%error, action, "audit entry not written");
        }
    }

    /// The caller's centre: only centre staff have one.
    fn centre(user: &StaffUser) -> Option<&Slug> {
        user.scope.centre()
    }

    /// A case's page as the centre sees it (the caller has checked who may read it, and logged it).
    pub(crate) async fn view_of(
        &self,
        centre: &Slug,
        reference: &ReferralReference,
        record: crate::store::CaseRecord,
    ) -> Result<CaseView, PortError> {
        let people = self.store.centre_people(centre).await.map_err(port_error)?;
        let staff = crate::store::active_staff(&people);
        let history = self
            .store
            .case_events(record.id)
            .await
            .map_err(port_error)?
            .into_iter()
            .map(|e| HistoryEntry {
                at: crate::platform::clock::utc_time(e.at),
                who: name_of(&people, e.actor),
                action: e.action,
                from: e.from_stage,
                to: e.to_stage,
                detail: e.detail,
            })
            .collect();
        let notes = self
            .store
            .case_notes(&self.cipher, record.id, reference)
            .await
            .map_err(port_error)?
            .into_iter()
            .map(|(at, author, text)| NoteView {
                at: crate::platform::clock::utc_time(at),
                who: name_of(&people, author),
                text,
            })
            .collect();
        let screening = shared::referral::screening_so_far(&record.answers);
        Ok(CaseView {
            reference: record.row.reference.clone(),
            centre: centre.to_string(),
            submitted_on: record.row.submitted_on,
            light: record.row.light,
            service: record.row.service,
            state: record.state,
            answers: record.answers,
            screening,
            other_part: record.other_part,
            history,
            notes,
            assigned_to: record.row.assigned_to,
            staff,
            today: self.clock.today().into(),
            version: record.version,
            note_key: crate::platform::secrets::new_token(),
        })
    }
}

#[async_trait]
impl CentreReferrals for CaseService {
    async fn inbox(&self, user: &StaffUser, query: &InboxQuery) -> Result<Option<InboxView>, PortError> {
        let Some(centre) = Self::centre(user) else { return Ok(None) };
        let rows = self.store.inbox_rows(centre).await.map_err(port_error)?;
        let staff = self.store.centre_staff(centre).await.map_err(port_error)?;
        let today = self.clock.today();
        let page = query.parse().select(rows, self.clock.now(), today);
        Ok(Some(InboxView { centre: centre.to_string(), page, staff, today: today.into(), me: user.id }))
    }

    async fn case(&self, user: &StaffUser, reference: &ReferralReference) -> Result<Option<CaseView>, PortError> {
        let Some(centre) = Self::centre(user) else { return Ok(None) };
        let Some(record) = self.store.case_record(&self.cipher, centre, reference).await.map_err(port_error)? else {
            self.audit(user, "referral.read", reference, Outcome::Denied).await;
            return Ok(None);
        };
        self.audit(user, "referral.read", reference, Outcome::Ok).await;
        self.view_of(centre, reference, record).await.map(Some)
    }

    async fn act(
        &self,
        user: &StaffUser,
        reference: &ReferralReference,
        seen_version: i64,
        action: &str,
        fields: &Fields,
    ) -> Result<CaseOutcome, PortError> {
        let Some(centre) = Self::centre(user) else { return Ok(CaseOutcome::NotFound) };
        let Some(record) = self.store.case_record(&self.cipher, centre, reference).await.map_err(port_error)? else {
            self.audit(user, "referral.change", reference, Outcome::Denied).await;
            return Ok(CaseOutcome::NotFound);
        };
        // Acted on from a page that is out of date: the coordinator looks again first.
        if record.version != seen_version {
            return Ok(CaseOutcome::Conflict);
        }
        let (action, next) = match shared::referral::case_form::act(&record.state, action, fields, self.clock.today()) {
            Ok(done) => done,
            Err(errors) => return Ok(CaseOutcome::Rejected(errors)),
        };
        let detail = case_detail(&action);
        // The referrer hears that there is news when what they are told changes (a link, never
        // the news itself), and only at an address they gave as safe.
        let news = (next.public_status() != record.state.public_status())
            .then(|| shared::referral::status::news_address(&record.answers))
            .flatten();
        // In the language the referral was sent in (Welsh, then English, for a Welsh one). An
        // English one's subject is `status_news_subject`, and a Welsh one's ends with it.
        let (subject, body) =
            shared::referral::news::news_email(reference.as_str(), &self.public_url, record.answers.locale());
        let change = CaseChange {
            from: record.state.stage(),
            state: &next,
            actor: user.id,
            action: action.kind().code(),
            detail: &detail,
            // Queued for "the referrer": their address is looked up, sealed, as it is sent.
            notify: news.as_ref().map(|_| crate::store::Message {
                kind: crate::store::STATUS_NEWS,
                subject: &subject,
                body: &body,
            }),
        };
        let now = self.clock.now();
        if !self.store.change_case(centre, reference, record.version, &change, now).await.map_err(port_error)? {
            return Ok(CaseOutcome::Conflict);
        }
        self.audit(user, "referral.change", reference, Outcome::Ok).await;
        self.changes.announce(centre).await;
        Ok(CaseOutcome::Done)
    }

    async fn note(
        &self,
        user: &StaffUser,
        reference: &ReferralReference,
        text: &str,
        key: Option<&shared::referral::case_form::NoteKey>,
    ) -> Result<CaseOutcome, PortError> {
        use crate::store::NoteAdded;
        let Some(centre) = Self::centre(user) else { return Ok(CaseOutcome::NotFound) };
        let text = match shared::referral::case_form::parse_note(text) {
            Ok(t) => t,
            Err(errors) => return Ok(CaseOutcome::Rejected(errors)),
        };
        let now = self.clock.now();
        let note = crate::store::NewNote { author: user.id, text: &text, key };
        let added = self.store.add_case_note(&self.cipher, centre, reference, &note, now).await.map_err(port_error)?;
        match added {
            NoteAdded::Added => self.audit(user, "referral.note", reference, Outcome::Ok).await,
            // The same form again (a double press): kept once, and nothing more to record.
            NoteAdded::AlreadyAdded => {}
            NoteAdded::NotTheirs => self.audit(user, "referral.note", reference, Outcome::Denied).await,
        }
        Ok(if added == NoteAdded::NotTheirs { CaseOutcome::NotFound } else { CaseOutcome::Done })
    }

    async fn assign(
        &self,
        user: &StaffUser,
        reference: &ReferralReference,
        to: Option<i64>,
    ) -> Result<CaseOutcome, PortError> {
        let Some(centre) = Self::centre(user) else { return Ok(CaseOutcome::NotFound) };
        let assigned = self.store.assign_case(centre, reference, to).await.map_err(port_error)?;
        self.audit(user, "referral.assign", reference, if assigned { Outcome::Ok } else { Outcome::Denied }).await;
        if assigned {
            self.changes.announce(centre).await;
        }
        Ok(if assigned { CaseOutcome::Done } else { CaseOutcome::NotFound })
    }
}

/// What the history records of an action: codes and dates only.
fn case_detail(action: &shared::referral::case::CaseAction) -> String {
    use shared::referral::case::CaseAction as A;
    match action {
        A::Decline(reason) => reason.code().to_owned(),
        A::Close(outcome) => outcome.code().to_owned(),
        A::BookPreVisit { party, date } => format!("{} {}", party.code(), String::from(*date)),
        A::StartContact { first_session } => String::from(*first_session),
        A::RecordSession(s) => format!("{} {}", String::from(s.date), s.attendance.code()),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn history_names_who_acted_even_after_they_left() {
        let people = [(1, "Asha Patel".to_owned(), false), (2, "Ben Okafor".to_owned(), true)];
        assert_eq!(super::name_of(&people, None), "NACCC");
        assert_eq!(super::name_of(&people, Some(1)), "Asha Patel");
        assert_eq!(super::name_of(&people, Some(2)), "Ben Okafor (no longer active)");
        assert_eq!(super::name_of(&people, Some(9)), "A former member of staff");
    }
}
