//! The accreditation clocks' upkeep, hourly: a renewal coming within its window moves the case to
//! "renewal due" (the system's step), and each reminder the shared rule says is due
//! (`shared::accreditation::dates::reminders_due`: renewal 12 and 3 months ahead, a candidate's
//! deadline a month ahead, an action 14 days before it falls due) is emailed to the centre once,
//! through the outbox. Emails carry a link, never details.

use super::{AccreditationService, port_error};
use crate::store::{CaseRow, Message, StepEffects};
use app::ports::PortError;
use shared::accreditation::dates::{CaseClocks, Reminder, reminders_due, renewal_falls_due};
use shared::accreditation::{Action, Actor, Stage};
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(60 * 60);

fn date(text: &str) -> Option<time::Date> {
    shared::IsoDate::parse(text).ok().map(|d| d.date())
}

/// What the upkeep did: renewals moved to due, reminders queued.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Upkeep {
    pub renewals_due: usize,
    pub reminders: usize,
}

fn words(reminder: Reminder, case: &CaseRow, url: &str) -> (String, String) {
    let page = format!("{url}/centre/accreditation");
    match reminder {
        Reminder::Renewal { months_before } => (
            "Your NACCC accreditation is due for renewal".to_owned(),
            format!(
                "Your centre's accreditation is due for renewal on {} ({} from now). Start your re-accreditation with NACCC in good time.\nSign in to see it: {page}",
                case.renewal_due.clone().unwrap_or_default(),
                shared::durations::Months(months_before).words()
            ),
        ),
        Reminder::CandidateDeadline => (
            "Your accreditation deadline is a month away".to_owned(),
            format!(
                "Candidates complete accreditation within {} of NACCC confirming their application. Your deadline is a month away or has passed: send your self-assessment soon.\nSign in to see it: {page}",
                shared::durations::CANDIDATE_COMPLETION.words()
            ),
        ),
        Reminder::ActionItem { .. } => (
            "An action in your accreditation plan falls due soon".to_owned(),
            format!(
                "An action in your centre's accreditation action plan falls due within {} (or has). Say what the centre has done.\nSign in to see it: {page}",
                shared::durations::ACTION_ITEM_REMINDER.words()
            ),
        ),
    }
}

impl AccreditationService {
    /// One round of upkeep over every current case.
    pub async fn upkeep(&self, public_url: &str) -> Result<Upkeep, PortError> {
        let today = self.clock.today();
        let now = self.clock.now();
        let mut done = Upkeep::default();
        for case in self.store.accreditation_cases(None).await.map_err(port_error)? {
            let stage = case.stage().map_err(port_error)?;
            let items = if matches!(stage, Stage::Conditions | Stage::Accredited | Stage::RenewalDue) {
                self.store.action_items(case.id).await.map_err(port_error)?
            } else {
                Vec::new()
            };
            let clocks = CaseClocks {
                stage,
                candidate_confirmed_on: (case.kind == "candidate")
                    .then(|| case.confirmed_on.as_deref().and_then(date))
                    .flatten(),
                renewal_due: case.renewal_due.as_deref().and_then(date),
                open_items: items
                    .iter()
                    .filter(|i| i.response.is_none())
                    .filter_map(|i| date(&i.due_on).map(|d| (i.id, d)))
                    .collect(),
            };
            if renewal_falls_due(&clocks, today)
                && let Ok(to) = stage.apply(Action::RenewalFallsDue, Actor::System)
            {
                let moved = self
                    .store
                    .apply_step(
                        case.id,
                        case.version,
                        Action::RenewalFallsDue.code(),
                        stage,
                        to,
                        &StepEffects::default(),
                        None,
                        "",
                        now,
                    )
                    .await
                    .map_err(port_error)?;
                if moved {
                    done.renewals_due += 1;
                    self.audit(None, "accreditation.renewal_due", case.id, crate::store::Outcome::Ok).await;
                }
            }
            for reminder in reminders_due(&clocks, today) {
                let (subject, body) = words(reminder, &case, public_url.trim_end_matches('/'));
                let message = Message { kind: "accreditation.reminder", subject: &subject, body: &body };
                if self
                    .store
                    .remind_centre(case.id, &reminder.key(), &case.centre_slug, &message, now)
                    .await
                    .map_err(port_error)?
                {
                    done.reminders += 1;
                }
            }
        }
        Ok(done)
    }
}

/// Runs the upkeep every hour.
pub fn spawn_upkeep(service: AccreditationService, public_url: String) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        loop {
            every.tick().await;
            match service.upkeep(&public_url).await {
                Ok(Upkeep { renewals_due: 0, reminders: 0 }) => {}
                Ok(done) => {
                    tracing::info!(renewals_due = done.renewals_due, reminders = done.reminders, "accreditation upkeep")
                }
                Err(error) => tracing::warn!(?error, "accreditation upkeep failed; will retry"),
            }
        }
    })
}
