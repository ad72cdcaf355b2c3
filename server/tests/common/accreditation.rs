//! Helpers for the accreditation tests: the service on a test database, the demo staff, and a
//! case taken to its first stages.

use super::TestDb;
use super::staff::email;
use app::pages::accreditation::model::{CentreAccreditation, StepOutcome};
use app::ports::{Accreditation, StaffUser};
use server::accreditation::AccreditationService;
use server::platform::clock::ManualClock;
use shared::account::{CentreRole, Role, Scope};
use shared::accreditation::{Action, Stage};
use shared::referral::Fields;
use std::sync::Arc;

pub fn fields(pairs: &[(&str, &str)]) -> Fields {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

pub fn service(db: &TestDb, clock: Arc<ManualClock>) -> AccreditationService {
    AccreditationService { store: db.store.clone(), clock, cycle: Default::default(), evidence: db.evidence.clone() }
}

pub async fn staff(db: &TestDb, role: Role) -> StaffUser {
    let u = db.store.user_by_email(&email(role)).await.unwrap().expect("demo user");
    StaffUser { id: u.id, email: u.email, name: u.name, scope: u.scope }
}

/// A manager of another centre (never stored: the service decides by the scope it is given).
pub fn other_manager(id: i64) -> StaffUser {
    let slug = shared::Slug::parse("another-centre").unwrap();
    StaffUser {
        id,
        email: "x@example.org".into(),
        name: "X".into(),
        scope: Scope::Centre { role: CentreRole::Manager, centre: slug },
    }
}

pub async fn case_of(s: &AccreditationService, manager: &StaffUser) -> app::pages::accreditation::model::CaseView {
    match s.centre_case(manager).await.unwrap() {
        Some(CentreAccreditation::Case(case)) => *case,
        other => panic!("no case: {other:?}"),
    }
}

pub async fn step(
    s: &AccreditationService,
    who: &StaffUser,
    case: i64,
    action: Action,
    pairs: &[(&str, &str)],
) -> StepOutcome {
    let version = s.case(who, case).await.unwrap().expect("visible").version;
    s.step(who, case, version, action, &fields(pairs)).await.unwrap()
}

pub const APPLICATION: &[(&str, &str)] =
    &[("services", "supported"), ("venue", "fixed"), ("signed-by", "Ann Lee"), ("signed-on", "2026-11-01")];

/// Applies and confirms for the demo manager's centre; the case id.
pub async fn confirmed_case(s: &AccreditationService, manager: &StaffUser, admin: &StaffUser) -> i64 {
    assert_eq!(s.apply(manager, None, &fields(APPLICATION)).await.unwrap(), StepOutcome::Done);
    let case = case_of(s, manager).await;
    assert_eq!(case.stage, Stage::Applied);
    assert_eq!(step(s, admin, case.id, Action::Confirm, &[("fee-paid-on", "2026-11-10")]).await, StepOutcome::Done);
    case.id
}

pub async fn answer_everything(s: &AccreditationService, manager: &StaffUser, case: i64) {
    let view = s.case(manager, case).await.unwrap().unwrap();
    for section in &view.sections {
        let mut f = Vec::new();
        for st in &section.standards {
            let id = st.key.replace(['/', '.'], "-");
            f.push((format!("rating-{id}"), "met".to_owned()));
            f.push((format!("notes-{id}"), "Policy on file.".to_owned()));
        }
        let f: Fields = f.into_iter().collect();
        assert_eq!(s.save_section(manager, case, &section.id, &f).await.unwrap(), StepOutcome::Done);
    }
}
