//! Accreditation on real databases: a case from application to accreditation with conditions,
//! each step for its own people only (an assessor sees only assigned cases, a centre only its
//! own); suspension takes a centre out of the search; reminders sent once. Evidence files are in
//! `accreditation_evidence.rs`.

mod common;

use app::pages::accreditation::model::{CentreAccreditation, StepOutcome, Viewer};
use app::ports::Accreditation;
use common::TestDb;
use common::accreditation::*;
use common::staff::{NOW, setup};
use server::accreditation::AccreditationService;
use shared::account::Role;
use shared::accreditation::{Action, Outcome, Stage};
use shared::referral::Fields;

async fn a_case_runs_from_application_to_accreditation_with_conditions(db: &TestDb) {
    let (_b, clock) = setup(db).await;
    let s = service(db, clock.clone());
    let manager = staff(db, Role::CentreManager).await;
    let coordinator = staff(db, Role::CentreCoordinator).await;
    let assessor = staff(db, Role::Assessor).await;
    let admin = staff(db, Role::NacccAdmin).await;
    let board = staff(db, Role::Board).await;

    // The application is checked, and a second one while the first runs makes nothing new.
    let bad = s.apply(&manager, None, &fields(&[("services", "supported")])).await.unwrap();
    assert!(matches!(bad, StepOutcome::Rejected(ref e) if e.len() == 3), "{bad:?}");
    assert!(matches!(s.centre_case(&manager).await.unwrap(), Some(CentreAccreditation::Apply { .. })));
    assert_eq!(s.centre_case(&coordinator).await.unwrap(), None, "only managers run accreditation");
    let case = confirmed_case(&s, &manager, &admin).await;
    assert_eq!(s.apply(&manager, None, &fields(APPLICATION)).await.unwrap(), StepOutcome::Done);
    let count: Vec<i64> = db.raw_column("SELECT COUNT(*) FROM accreditation_cases").await;
    assert_eq!(count, [1]);
    let view = case_of(&s, &manager).await;
    assert_eq!((view.stage, view.viewer), (Stage::SelfAssessment, Viewer::Centre));
    assert!(
        view.clocks.iter().any(|c| c.label.contains("completes accreditation by") && c.date == "2027-05-18"),
        "{:?}",
        view.clocks
    );
    assert_eq!(view.sections.len(), 10, "supported contact at a venue: the National Standards");

    // Nobody else sees it: not another centre, not an unassigned assessor, not the board.
    for outsider in [other_manager(manager.id), assessor.clone(), board.clone(), coordinator.clone()] {
        assert_eq!(s.case(&outsider, case).await.unwrap(), None, "{:?}", outsider.scope);
        assert_eq!(
            s.step(&outsider, case, view.version, Action::Submit, &Fields::new()).await.unwrap(),
            StepOutcome::NotFound
        );
    }
    let denied: Vec<i64> = db
        .raw_column("SELECT COUNT(*) FROM audit_log WHERE action = 'accreditation.read' AND outcome = 'denied'")
        .await;
    assert!(denied[0] >= 4);

    // Submitting needs every standard answered; partly met needs notes.
    let early = step(&s, &manager, case, Action::Submit, &[]).await;
    assert!(matches!(early, StepOutcome::Rejected(ref e) if e[0].message.contains("30 still to answer")), "{early:?}");
    let partly =
        s.save_section(&manager, case, "national-1", &fields(&[("rating-national-1-1", "partly_met")])).await.unwrap();
    assert!(matches!(partly, StepOutcome::Rejected(ref e) if e[0].field == "notes-national-1-1"));
    answer_everything(&s, &manager, case).await;
    // The centre cannot take NACCC's steps.
    assert_eq!(step(&s, &manager, case, Action::Confirm, &[]).await, StepOutcome::NotFound);
    assert_eq!(step(&s, &manager, case, Action::Submit, &[]).await, StepOutcome::Done);
    assert_eq!(
        s.save_section(&manager, case, "national-1", &fields(&[("rating-national-1-1", "met")])).await.unwrap(),
        StepOutcome::Conflict,
        "a sent self-assessment is fixed"
    );

    // NACCC assigns the assessor, who now sees it (and only it).
    let refused = step(&s, &admin, case, Action::AssignAssessor, &[("assessor", &manager.id.to_string())]).await;
    assert!(matches!(refused, StepOutcome::Rejected(_)), "only an assessor can be assigned");
    assert_eq!(
        step(&s, &admin, case, Action::AssignAssessor, &[("assessor", &assessor.id.to_string())]).await,
        StepOutcome::Done
    );
    let seen = s.case(&assessor, case).await.unwrap().expect("assigned");
    assert_eq!((seen.stage, seen.viewer), (Stage::DeskReview, Viewer::Assessor));
    assert_eq!(s.assessor_cases(&assessor).await.unwrap().len(), 1);

    // The assessor agrees all but one, queries that one; the centre sees the query once sent.
    let keys: Vec<String> = seen.sections.iter().flat_map(|s| s.standards.iter().map(|st| st.key.clone())).collect();
    assert_eq!(s.review(&assessor, case, &keys[1], None, "").await.unwrap(), StepOutcome::Done);
    assert_eq!(s.review(&assessor, case, &keys[0], Some("Which policy?"), "q1").await.unwrap(), StepOutcome::Done);
    assert_eq!(s.review(&assessor, case, &keys[0], Some("Which policy?"), "q1").await.unwrap(), StepOutcome::Done);
    // The rest section by section (twice: the same answer); the queried standard stays open.
    let sections: Vec<String> = keys.iter().filter_map(|k| k.rsplit_once('.').map(|(p, _)| p.to_owned())).collect();
    assert_eq!(s.agree_section(&manager, case, &sections[0]).await.unwrap(), StepOutcome::NotFound);
    assert_eq!(s.agree_section(&assessor, case, "national/99").await.unwrap(), StepOutcome::NotFound);
    for section in sections.iter().chain(sections.iter()) {
        assert_eq!(s.agree_section(&assessor, case, section).await.unwrap(), StepOutcome::Done);
    }
    let reviewed = s.case(&assessor, case).await.unwrap().expect("assigned");
    let agreed: Vec<bool> = reviewed.sections.iter().flat_map(|s| s.standards.iter().map(|st| st.agreed)).collect();
    assert!(!agreed[0] && agreed[1..].iter().all(|a| *a), "all but the queried standard: {agreed:?}");
    assert_eq!(s.review(&manager, case, &keys[0], None, "").await.unwrap(), StepOutcome::NotFound);
    let unsent = case_of(&s, &manager).await;
    assert!(unsent.sections[0].standards[0].queries.is_empty(), "a draft query is the assessor's own");
    let early = step(&s, &assessor, case, Action::CompleteDeskReview, &[]).await;
    assert!(matches!(early, StepOutcome::Rejected(_)), "{early:?}");
    assert_eq!(step(&s, &assessor, case, Action::RaiseQueries, &[]).await, StepOutcome::Done);
    let asked = case_of(&s, &manager).await;
    assert_eq!(asked.stage, Stage::Queries);
    let query = asked.sections[0].standards[0].queries.clone();
    assert_eq!(query.len(), 1, "the same form sent twice asks once");
    assert!(matches!(step(&s, &manager, case, Action::AnswerQueries, &[]).await, StepOutcome::Rejected(_)));
    assert_eq!(
        s.reply(&manager, case, query[0].id, "Safeguarding policy v3, attached.").await.unwrap(),
        StepOutcome::Done
    );
    assert_eq!(step(&s, &manager, case, Action::AnswerQueries, &[]).await, StepOutcome::Done);
    assert_eq!(s.review(&assessor, case, &keys[0], None, "").await.unwrap(), StepOutcome::Done);
    assert_eq!(step(&s, &assessor, case, Action::CompleteDeskReview, &[]).await, StepOutcome::Done);

    // The visit, then the recommendation; NACCC decides.
    let no_visit = step(&s, &assessor, case, Action::Recommend, &[("outcome", "conditions")]).await;
    assert!(matches!(no_visit, StepOutcome::Rejected(ref e) if e[0].message.contains("visit")), "{no_visit:?}");
    let future =
        s.record_visit(&assessor, case, &fields(&[("visit-on", "2027-01-01"), ("visit-report", "x")])).await.unwrap();
    assert!(matches!(future, StepOutcome::Rejected(_)));
    let visit = fields(&[("visit-on", "2026-11-17"), ("visit-report", "Well run; two volunteers untrained.")]);
    assert_eq!(s.record_visit(&assessor, case, &visit).await.unwrap(), StepOutcome::Done);
    assert_eq!(step(&s, &assessor, case, Action::Recommend, &[("outcome", "conditions")]).await, StepOutcome::Done);
    assert_eq!(step(&s, &assessor, case, Action::Decide(Outcome::Accredited), &[]).await, StepOutcome::NotFound);
    assert_eq!(step(&s, &admin, case, Action::Decide(Outcome::AccreditedWithConditions), &[]).await, StepOutcome::Done);

    let slug = server::seed::demo_staff_centre().unwrap();
    let profile = db.store.centre_profile(&slug).await.unwrap().unwrap();
    assert_eq!(profile.accreditation.status, shared::AccreditationStatus::AccreditedWithConditions);
    assert_eq!(profile.accreditation.renewal_due.map(|d| d.to_string()).as_deref(), Some("2029-11-18"));

    // The action plan: an item, answered by the centre, then closed by NACCC.
    let closed_early = step(&s, &admin, case, Action::CloseActionPlan, &[]).await;
    assert!(matches!(closed_early, StepOutcome::Rejected(ref e) if e[0].message.contains("at least one")));
    let item = fields(&[("item-text", "Train the two volunteers in safeguarding"), ("item-due", "2027-02-01")]);
    assert_eq!(s.add_item(&admin, case, &item, "item-1").await.unwrap(), StepOutcome::Done);
    assert_eq!(s.add_item(&admin, case, &item, "item-1").await.unwrap(), StepOutcome::Done);
    let plan = case_of(&s, &manager).await.items;
    assert_eq!(plan.len(), 1, "the same form sent twice adds one item");
    assert!(matches!(step(&s, &admin, case, Action::CloseActionPlan, &[]).await, StepOutcome::Rejected(_)));
    assert_eq!(
        s.answer_item(&manager, case, plan[0].id, "Both trained on 20 January.").await.unwrap(),
        StepOutcome::Done
    );
    assert_eq!(step(&s, &admin, case, Action::CloseActionPlan, &[]).await, StepOutcome::Done);
    let profile = db.store.centre_profile(&slug).await.unwrap().unwrap();
    assert_eq!(profile.accreditation.status, shared::AccreditationStatus::Accredited);

    // A step sent twice (the page's old version) is the same success, recorded once.
    let version = s.case(&admin, case).await.unwrap().unwrap().version;
    assert_eq!(
        s.step(&admin, case, version - 1, Action::CloseActionPlan, &Fields::new()).await.unwrap(),
        StepOutcome::Done
    );
    let closes: Vec<i64> =
        db.raw_column("SELECT COUNT(*) FROM accreditation_steps WHERE action = 'close_action_plan'").await;
    assert_eq!(closes, [1]);

    // An old page's step that someone else's step overtook is told so, not "done".
    let stale = s.step(&admin, case, 1, Action::Decide(Outcome::NotAccredited), &Fields::new()).await.unwrap();
    assert_eq!(stale, StepOutcome::Conflict);
    // Another case's (or no) query and action item cannot be answered through this case.
    assert_eq!(s.reply(&manager, case, 999_999, "x").await.unwrap(), StepOutcome::Conflict);
    assert_eq!(s.answer_item(&manager, case, 999_999, "x").await.unwrap(), StepOutcome::Conflict);

    // Suspended: out of the search (and so of the wizard); reinstated: back.
    let listed = |centres: Vec<shared::Centre>| centres.iter().any(|c| c.slug == slug);
    assert!(listed(db.store.all_centres().await.unwrap()));
    assert_eq!(
        step(&s, &admin, case, Action::Suspend, &[("note", "Working outside the standards")]).await,
        StepOutcome::Done
    );
    assert!(!listed(db.store.all_centres().await.unwrap()));
    assert!(!db.store.directory().await.unwrap().iter().any(|c| c.slug == slug), "the cached directory is renewed");
    assert_eq!(step(&s, &admin, case, Action::Reinstate, &[]).await, StepOutcome::Done);
    assert!(listed(db.store.all_centres().await.unwrap()));

    let history = case_of(&s, &manager).await.history;
    let labels: Vec<&str> = history.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(labels.first(), Some(&"Applied"));
    assert!(labels.contains(&"Accredited with conditions") && labels.contains(&"Suspended"), "{labels:?}");
    assert!(history.iter().all(|h| !h.by.is_empty() && h.at.ends_with("UTC")));
}

/// Takes a confirmed case straight through review to accredited with conditions, with one action
/// due `item_due`.
async fn with_conditions(s: &AccreditationService, db: &TestDb, case: i64, item_due: &str) {
    let manager = staff(db, Role::CentreManager).await;
    let assessor = staff(db, Role::Assessor).await;
    let admin = staff(db, Role::NacccAdmin).await;
    answer_everything(s, &manager, case).await;
    assert_eq!(step(s, &manager, case, Action::Submit, &[]).await, StepOutcome::Done);
    assert_eq!(
        step(s, &admin, case, Action::AssignAssessor, &[("assessor", &assessor.id.to_string())]).await,
        StepOutcome::Done
    );
    let view = s.case(&assessor, case).await.unwrap().unwrap();
    for key in view.sections.iter().flat_map(|s| s.standards.iter().map(|st| st.key.clone())) {
        assert_eq!(s.review(&assessor, case, &key, None, "").await.unwrap(), StepOutcome::Done);
    }
    assert_eq!(step(s, &assessor, case, Action::CompleteDeskReview, &[]).await, StepOutcome::Done);
    let visit = fields(&[("visit-on", "2026-11-17"), ("visit-report", "Fine.")]);
    assert_eq!(s.record_visit(&assessor, case, &visit).await.unwrap(), StepOutcome::Done);
    assert_eq!(step(s, &assessor, case, Action::Recommend, &[("outcome", "conditions")]).await, StepOutcome::Done);
    assert_eq!(step(s, &admin, case, Action::Decide(Outcome::AccreditedWithConditions), &[]).await, StepOutcome::Done);
    let item = fields(&[("item-text", "Renew the fire risk assessment"), ("item-due", item_due)]);
    assert_eq!(s.add_item(&admin, case, &item, "item").await.unwrap(), StepOutcome::Done);
}

const DAY: i64 = 86_400;

async fn reminders_are_sent_once_and_renewals_fall_due(db: &TestDb) {
    let (_b, clock) = setup(db).await;
    let s = service(db, clock.clone());
    let manager = staff(db, Role::CentreManager).await;
    let admin = staff(db, Role::NacccAdmin).await;
    let case = confirmed_case(&s, &manager, &admin).await;
    // NOW is 2026-11-18: the action falls due 2027-01-31, the renewal 2029-11-18.
    with_conditions(&s, db, case, "2027-01-31").await;
    let reminders =
        || async { db.raw_column::<i64>("SELECT COUNT(*) FROM outbox WHERE kind = 'accreditation.reminder'").await[0] };
    let upkeep = |s: AccreditationService| async move { s.upkeep("https://hub.example").await.unwrap() };
    assert_eq!(upkeep(s.clone()).await, server::accreditation::reminders::Upkeep::default());

    // 14 days before the action falls due: reminded once, however often the job runs.
    clock.set(NOW + 59 * DAY); // 2027-01-16
    assert_eq!(upkeep(s.clone()).await.reminders, 0);
    clock.set(NOW + 60 * DAY); // 2027-01-17
    assert_eq!(upkeep(s.clone()).await.reminders, 1);
    assert_eq!(upkeep(s.clone()).await.reminders, 0);
    assert_eq!(reminders().await, 1);
    let recipient: Vec<String> =
        db.raw_column("SELECT recipient FROM outbox WHERE kind = 'accreditation.reminder'").await;
    assert_eq!(recipient[0], format!("centre:{}", server::seed::demo_staff_centre().unwrap()));

    // Answered, the plan closed: twelve months before the renewal it falls due and is reminded.
    let item = case_of(&s, &manager).await.items[0].id;
    assert_eq!(s.answer_item(&manager, case, item, "Done.").await.unwrap(), StepOutcome::Done);
    assert_eq!(step(&s, &admin, case, Action::CloseActionPlan, &[]).await, StepOutcome::Done);
    clock.set(NOW + (2 * 365) * DAY); // 2028-11-17
    assert_eq!(upkeep(s.clone()).await, server::accreditation::reminders::Upkeep::default());
    clock.set(NOW + (2 * 365 + 1) * DAY); // 2028-11-18
    let done = upkeep(s.clone()).await;
    assert_eq!((done.renewals_due, done.reminders), (1, 1));
    assert_eq!(case_of(&s, &manager).await.stage, Stage::RenewalDue);
    assert_eq!(upkeep(s.clone()).await, server::accreditation::reminders::Upkeep::default());
    // Three months before: the second reminder.
    clock.set(NOW + (3 * 365 - 91) * DAY); // 2029-08-19
    assert_eq!(upkeep(s.clone()).await.reminders, 1);
    assert_eq!(reminders().await, 3);
    let bodies: Vec<String> = db.raw_column("SELECT body FROM outbox WHERE kind = 'accreditation.reminder'").await;
    assert!(bodies.iter().all(|b| b.contains("https://hub.example/centre/accreditation")), "{bodies:?}");
}

#[test]
fn reminders_on_sqlite() {
    common::run(async { reminders_are_sent_once_and_renewals_fall_due(&TestDb::sqlite().await).await });
}

#[test]
fn reminders_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            reminders_are_sent_once_and_renewals_fall_due(&db).await;
        }
    });
}

#[test]
fn case_flow_on_sqlite() {
    common::run(async { a_case_runs_from_application_to_accreditation_with_conditions(&TestDb::sqlite().await).await });
}

#[test]
fn case_flow_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            a_case_runs_from_application_to_accreditation_with_conditions(&db).await;
        }
    });
}
