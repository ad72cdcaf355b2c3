//! A submitted return's history as its page shows it: each amendment's who, when and why, and
//! the figures and answers it changed.

use super::{ReturnService, port_error};
use crate::store::ReturnRecord;
use app::pages::returns::model::AmendmentView;
use app::ports::PortError;
use shared::Centre;
use shared::referral::Fields;
use shared::returns::Figures;
use shared::returns::questions::ExtraQuestion;

impl ReturnService {
    pub(super) async fn amendments(
        &self,
        centre: &Centre,
        record: &ReturnRecord,
        questions: &[ExtraQuestion],
    ) -> Result<Vec<AmendmentView>, PortError> {
        let rows = self.store.amendments(record.id).await.map_err(port_error)?;
        let people = self.store.centre_people(&centre.slug).await.map_err(port_error)?;
        Ok(rows
            .into_iter()
            .map(|a| {
                let before: Figures = serde_json::from_str(&a.before).unwrap_or_default();
                let after: Figures = serde_json::from_str(&a.after).unwrap_or_default();
                let changes = after
                    .0
                    .iter()
                    .filter_map(|(k, &n)| {
                        let was = before.get(*k);
                        (was != n).then_some((*k, was, n))
                    })
                    .collect();
                let by = a
                    .actor
                    .and_then(|id| people.iter().find(|(p, _, _)| *p == id).map(|(_, name, _)| name.clone()))
                    .unwrap_or_else(|| "A former member of staff".to_owned());
                let answers_before: Fields = serde_json::from_str(&a.answers_before).unwrap_or_default();
                let answers_after: Fields = serde_json::from_str(&a.answers_after).unwrap_or_default();
                let words =
                    |q: &ExtraQuestion, f: &Fields| q.answer(f).map(|answer| q.words(&answer)).unwrap_or_default();
                let answers = questions
                    .iter()
                    .filter_map(|q| {
                        let (was, now) = (words(q, &answers_before), words(q, &answers_after));
                        (was != now).then(|| (q.text.clone(), was, now))
                    })
                    .collect();
                AmendmentView { at: crate::platform::clock::utc_time(a.at), by, reason: a.reason, changes, answers }
            })
            .collect())
    }
}
