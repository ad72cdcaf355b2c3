//! A case as its viewer sees it: the standards it is assessed against with the centre's answers,
//! evidence, the assessor's agreement and queries (queries the assessor has not sent yet are the
//! assessor's own), the clocks, the action plan and the history.

use super::{AccreditationService, port_error, steps};
use crate::store::CaseRow;
use app::pages::accreditation::model::{
    CaseSummary, CaseView, ClockView, EvidenceFile, HistoryEntry, ItemView, Overview, ReviewQuery, SectionView,
    StandardView, Viewer,
};
use app::ports::PortError;
use shared::accreditation::catalogue::{SetText, sets_for};
use shared::accreditation::dates::{Clock, complete_by, confirm_by};
use shared::accreditation::{Action, Outcome, Services, Stage, StandardKey, Venue};
use time::Date;

fn date(text: &str) -> Option<Date> {
    shared::IsoDate::parse(text).ok().map(|d| d.date())
}

/// The sets of the catalogue `case` is assessed against, in order.
pub(super) fn case_sets<'a>(case: &CaseRow, sets: &'a [SetText]) -> impl Iterator<Item = &'a SetText> + 'a {
    let wanted = match (Services::from_code(&case.services), Venue::from_code(&case.venue)) {
        (Some(s), Some(v)) => sets_for(s, v),
        _ => Vec::new(),
    };
    sets.iter().filter(move |s| wanted.contains(&s.set))
}

/// `national-3` for `national/3.2`: the section a standard belongs to.
pub(super) fn section_id(key: &StandardKey) -> Option<String> {
    let set = key.set()?;
    let section = key.number().split_once('.')?.0;
    Some(format!("{}-{section}", set.code()))
}

fn clock(label: &str, deadline: Date, today: Date) -> ClockView {
    let c = Clock::at(deadline, today);
    ClockView { label: label.to_owned(), date: deadline.to_string(), words: c.words(), overdue: c.is_overdue() }
}

/// The clocks running on a case today.
pub(super) fn clocks(case: &CaseRow, stage: Stage, today: Date) -> Vec<ClockView> {
    let mut out = Vec::new();
    let candidate = case.kind == "candidate";
    if let (Stage::Applied, Some(applied)) = (stage, date(&case.applied_on)) {
        out.push(clock("NACCC confirms the application by", confirm_by(applied), today));
    }
    let under_way = matches!(
        stage,
        Stage::SelfAssessment | Stage::Submitted | Stage::DeskReview | Stage::Queries | Stage::Visit | Stage::Decision
    );
    if let (true, true, Some(confirmed)) = (candidate, under_way, case.confirmed_on.as_deref().and_then(date)) {
        out.push(clock("The candidate completes accreditation by", complete_by(confirmed), today));
    }
    if let (Stage::Accredited | Stage::Conditions | Stage::RenewalDue, Some(due)) =
        (stage, case.renewal_due.as_deref().and_then(date))
    {
        out.push(clock("Renewal due", due, today));
    }
    out
}

pub(super) async fn case_view(
    service: &AccreditationService,
    case: &CaseRow,
    viewer: Viewer,
) -> Result<CaseView, PortError> {
    let store = &service.store;
    let stage = case.stage().map_err(port_error)?;
    let today = service.clock.today();
    let sets = service.standards(case.standards_version).await?;
    let answers = store.self_answers(case.id).await.map_err(port_error)?;
    let files = store.evidence_files(case.id).await.map_err(port_error)?;
    let agreed = store.agreed_standards(case.id).await.map_err(port_error)?;
    let queries = store.review_queries(case.id).await.map_err(port_error)?;
    let mut sections = Vec::new();
    for set in case_sets(case, &sets) {
        for section in &set.sections {
            let standards = section
                .standards
                .iter()
                .map(|st| {
                    let key = StandardKey::new(set.set, &st.number);
                    let answer = answers.iter().find(|a| a.key == key);
                    StandardView {
                        key: key.to_string(),
                        number: st.number.clone(),
                        title: st.title.clone(),
                        text: st.text.clone(),
                        guidance: st.guidance.clone(),
                        rating: answer.and_then(|a| a.rating),
                        notes: answer.map(|a| a.notes.clone()).unwrap_or_default(),
                        files: files
                            .iter()
                            .filter(|f| f.standard_key == key.as_str())
                            .map(|f| EvidenceFile { id: f.id, name: f.file_name.clone(), size_bytes: f.size_bytes })
                            .collect(),
                        agreed: agreed.iter().any(|a| a == key.as_str()),
                        queries: queries
                            .iter()
                            .filter(|q| q.standard_key == key.as_str())
                            // A draft query is the assessor's own until sent.
                            .filter(|q| q.sent_at.is_some() || viewer != Viewer::Centre)
                            .map(|q| ReviewQuery {
                                id: q.id,
                                query: q.query.clone(),
                                sent: q.sent_at.is_some(),
                                reply: q.reply.clone(),
                            })
                            .collect(),
                    }
                })
                .collect();
            sections.push(SectionView {
                id: format!("{}-{}", set.set.code(), section.number),
                set_title: set.title.clone(),
                number: section.number,
                title: section.title.clone(),
                standards,
            });
        }
    }
    let items = store
        .action_items(case.id)
        .await
        .map_err(port_error)?
        .into_iter()
        .map(|i| ItemView {
            id: i.id,
            overdue: i.response.is_none() && date(&i.due_on).is_some_and(|d| d < today),
            text: i.text,
            due: i.due_on,
            response: i.response,
        })
        .collect();
    let history = store
        .accreditation_steps(case.id)
        .await
        .map_err(port_error)?
        .into_iter()
        .map(|s| HistoryEntry {
            label: if s.action == "apply" {
                "Applied".to_owned()
            } else {
                Action::from_code(&s.action).map_or_else(|| s.action.clone(), |a| a.label().to_owned())
            },
            by: s.by_name.unwrap_or_else(|| "Contact Hub".to_owned()),
            at: crate::platform::clock::utc_time(s.at),
            note: s.note,
        })
        .collect();
    let assessors = if viewer == Viewer::Naccc {
        store
            .all_users()
            .await
            .map_err(port_error)?
            .into_iter()
            .filter(|u| u.scope == shared::account::Scope::Assessor && !u.disabled)
            .map(|u| (u.id, u.name))
            .collect()
    } else {
        Vec::new()
    };
    Ok(CaseView {
        id: case.id,
        viewer,
        centre_name: case.centre_name.clone(),
        centre_slug: case.centre_slug.clone(),
        stage,
        renewal: case.kind == "renewal",
        services: Services::from_code(&case.services).ok_or(PortError::CorruptData)?,
        venue: Venue::from_code(&case.venue).ok_or(PortError::CorruptData)?,
        signed_by: case.signed_by.clone(),
        signed_on: case.signed_on.clone(),
        applied_on: case.applied_on.clone(),
        assessor: case.assessor_name.clone(),
        visit_on: case.visit_on.clone(),
        visit_report: case.visit_report.clone(),
        // The assessor's recommendation is for NACCC until NACCC has decided.
        recommendation: case
            .recommendation
            .as_deref()
            .and_then(Outcome::from_code)
            .filter(|_| viewer != Viewer::Centre || stage != Stage::Decision),
        decided_on: case.decided_on.clone(),
        renewal_due: case.renewal_due.clone(),
        clocks: clocks(case, stage, today),
        sections,
        items,
        history,
        actions: steps::offered(stage, super::actor_of(viewer)),
        version: case.version,
        assessors,
    })
}

pub(super) fn summary(service: &AccreditationService, case: &CaseRow) -> Result<CaseSummary, PortError> {
    let stage = case.stage().map_err(port_error)?;
    let clocks = clocks(case, stage, service.clock.today());
    Ok(CaseSummary {
        id: case.id,
        centre_name: case.centre_name.clone(),
        stage,
        assessor: case.assessor_name.clone(),
        renewal_due: case.renewal_due.clone(),
        clock: clocks.into_iter().next(),
    })
}

pub(super) async fn overview(service: &AccreditationService) -> Result<Overview, PortError> {
    let store = &service.store;
    let today = service.clock.today();
    let rows = store.accreditation_cases(None).await.map_err(port_error)?;
    let mut cases = Vec::new();
    let mut renewals_due = Vec::new();
    let mut overdue_actions = Vec::new();
    let mut waiting_for_assessor = Vec::new();
    let horizon = today.saturating_add(time::Duration::days(90));
    for row in &rows {
        let s = summary(service, row)?;
        if s.stage == Stage::Submitted {
            waiting_for_assessor.push(s.clone());
        }
        let due = row.renewal_due.as_deref().and_then(date);
        if matches!(s.stage, Stage::Accredited | Stage::Conditions | Stage::RenewalDue)
            && due.is_some_and(|d| d <= horizon)
        {
            renewals_due.push(s.clone());
        }
        if s.stage == Stage::Conditions {
            let items = store.action_items(row.id).await.map_err(port_error)?;
            if items.iter().any(|i| i.response.is_none() && date(&i.due_on).is_some_and(|d| d < today)) {
                overdue_actions.push(s.clone());
            }
        }
        cases.push(s);
    }
    cases.sort_by(|a, b| a.centre_name.cmp(&b.centre_name));
    let (_, catalogue) = service.current_standards().await?;
    Ok(Overview { cases, renewals_due, overdue_actions, waiting_for_assessor, catalogue })
}
