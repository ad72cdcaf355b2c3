//! NACCC's questions for a quarter's return: listed, added (once per form) and removed while no
//! return of the quarter has been submitted, every change audit-logged; and the centres' answers
//! as CSV, one row per submitted return and question.

use super::csv::cell;
use super::{ReturnService, port_error};
use crate::store::{Outcome, QuestionAdded};
use app::pages::admin::questions::{QuestionOutcome, QuestionsView};
use app::ports::{PortError, StaffUser};
use shared::Quarter;
use shared::returns::questions::NewQuestion;

impl ReturnService {
    pub(super) async fn questions_of(&self, quarter: Quarter) -> Result<QuestionsView, PortError> {
        Ok(QuestionsView {
            quarter,
            questions: self.store.questions(quarter).await.map_err(port_error)?,
            closed: self.store.questions_closed(quarter).await.map_err(port_error)?,
            form_key: crate::platform::secrets::new_token(),
        })
    }

    pub(super) async fn add_question_to(
        &self,
        by: &StaffUser,
        quarter: Quarter,
        question: &NewQuestion,
        key: &str,
    ) -> Result<QuestionOutcome, PortError> {
        let added =
            self.store.add_question(quarter, question, Some(by.id), key, self.clock.now()).await.map_err(port_error)?;
        let (outcome, audited) = match added {
            QuestionAdded::Added => (QuestionOutcome::Added, Outcome::Ok),
            QuestionAdded::Repeated => return Ok(QuestionOutcome::Added),
            QuestionAdded::Closed => (QuestionOutcome::Closed, Outcome::Denied),
            QuestionAdded::Full => (QuestionOutcome::Full, Outcome::Failed),
        };
        self.audit(by, "return.question.add", quarter.to_string(), audited).await;
        Ok(outcome)
    }

    pub(super) async fn remove_question_from(
        &self,
        by: &StaffUser,
        quarter: Quarter,
        id: i64,
    ) -> Result<bool, PortError> {
        let removed = self.store.remove_question(quarter, id).await.map_err(port_error)?;
        let outcome = if removed { Outcome::Ok } else { Outcome::Failed };
        self.audit(by, "return.question.remove", format!("{quarter}/{id}"), outcome).await;
        Ok(removed)
    }

    /// Every submitted return's answers to `quarter`'s questions: centre, question, answer.
    pub(super) async fn answers_csv_of(&self, by: &StaffUser, quarter: Quarter) -> Result<String, PortError> {
        let questions = self.store.questions(quarter).await.map_err(port_error)?;
        let mut returns = self.store.returns_in(quarter).await.map_err(port_error)?;
        returns.retain(|r| r.state.is_submitted());
        returns.sort_by(|a, b| a.centre.cmp(&b.centre));
        let directory = self.store.directory().await.map_err(port_error)?;
        let mut out = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail.
        let _ = out.write_record(["centre", "centre_name", "quarter", "question", "answer"]);
        let quarter_code = quarter.to_string();
        for r in &returns {
            let name = directory.iter().find(|c| c.slug.as_str() == r.centre).map(|c| c.name.to_string());
            for q in &questions {
                // A submitted return's answers passed the checks; one that cannot be read is left blank.
                let answer = q.answer(&r.fields).map(|a| q.words(&a)).unwrap_or_default();
                let _ = out.write_record([
                    cell(&r.centre),
                    cell(name.as_deref().unwrap_or("")),
                    cell(&quarter_code),
                    cell(&q.text),
                    cell(&answer),
                ]);
            }
        }
        self.audit(by, "return.answers.export", quarter.to_string(), Outcome::Ok).await;
        Ok(String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default())
    }
}
