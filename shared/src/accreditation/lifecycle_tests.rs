use super::*;

/// Every allowed step, once: (from, action, to).
const ALLOWED: [(Stage, Action, Stage); 22] = [
    (Stage::Applied, Action::Confirm, Stage::SelfAssessment),
    (Stage::SelfAssessment, Action::Submit, Stage::Submitted),
    (Stage::Submitted, Action::AssignAssessor, Stage::DeskReview),
    (Stage::DeskReview, Action::AssignAssessor, Stage::DeskReview),
    (Stage::Queries, Action::AssignAssessor, Stage::Queries),
    (Stage::Visit, Action::AssignAssessor, Stage::Visit),
    (Stage::DeskReview, Action::RaiseQueries, Stage::Queries),
    (Stage::Queries, Action::AnswerQueries, Stage::DeskReview),
    (Stage::DeskReview, Action::CompleteDeskReview, Stage::Visit),
    (Stage::Visit, Action::Recommend, Stage::Decision),
    (Stage::Decision, Action::Decide(Outcome::Accredited), Stage::Accredited),
    (Stage::Decision, Action::Decide(Outcome::AccreditedWithConditions), Stage::Conditions),
    (Stage::Decision, Action::Decide(Outcome::NotAccredited), Stage::NotAccredited),
    (Stage::Conditions, Action::CloseActionPlan, Stage::Accredited),
    (Stage::Accredited, Action::RenewalFallsDue, Stage::RenewalDue),
    (Stage::Conditions, Action::RenewalFallsDue, Stage::RenewalDue),
    (Stage::RenewalDue, Action::StartReaccreditation, Stage::SelfAssessment),
    (Stage::Accredited, Action::Suspend, Stage::Suspended),
    (Stage::Conditions, Action::Suspend, Stage::Suspended),
    (Stage::RenewalDue, Action::Suspend, Stage::Suspended),
    (Stage::Suspended, Action::Reinstate, Stage::Accredited),
    (Stage::Suspended, Action::Remove, Stage::Removed),
];

const ACTORS: [Actor; 4] = [Actor::Centre, Actor::Assessor, Actor::Naccc, Actor::System];

fn allowed(from: Stage, action: Action) -> Option<Stage> {
    ALLOWED.iter().find(|(f, a, _)| *f == from && *a == action).map(|(_, _, to)| *to)
}

#[test]
fn every_allowed_step_goes_where_it_should_for_its_actor_only() {
    for stage in Stage::ALL {
        for action in Action::ALL {
            for actor in ACTORS {
                let got = stage.apply(action, actor);
                match (allowed(stage, action), actor == action.actor()) {
                    (Some(to), true) => assert_eq!(got, Ok(to), "{stage:?} {action:?}"),
                    (_, false) => assert_eq!(got, Err(TransitionError::NotYours), "{stage:?} {action:?} by {actor:?}"),
                    (None, true) => assert_eq!(got, Err(TransitionError::NotNow), "{stage:?} {action:?}"),
                }
            }
        }
    }
}

#[test]
fn the_steps_belong_to_the_right_people() {
    assert_eq!(Action::Submit.actor(), Actor::Centre);
    assert_eq!(Action::AnswerQueries.actor(), Actor::Centre);
    assert_eq!(Action::RaiseQueries.actor(), Actor::Assessor);
    assert_eq!(Action::Recommend.actor(), Actor::Assessor);
    assert_eq!(Action::Decide(Outcome::Accredited).actor(), Actor::Naccc);
    assert_eq!(Action::Confirm.actor(), Actor::Naccc);
    assert_eq!(Action::RenewalFallsDue.actor(), Actor::System);
}

#[test]
fn closed_stages_allow_nothing() {
    for stage in [Stage::NotAccredited, Stage::Removed] {
        assert!(stage.is_closed());
        assert!(stage.actions().is_empty(), "{stage:?}");
    }
}

#[test]
fn a_candidate_reaches_accreditation_only_through_every_stage() {
    let path = [
        (Action::Confirm, Actor::Naccc),
        (Action::Submit, Actor::Centre),
        (Action::AssignAssessor, Actor::Naccc),
        (Action::RaiseQueries, Actor::Assessor),
        (Action::AnswerQueries, Actor::Centre),
        (Action::CompleteDeskReview, Actor::Assessor),
        (Action::Recommend, Actor::Assessor),
        (Action::Decide(Outcome::AccreditedWithConditions), Actor::Naccc),
        (Action::CloseActionPlan, Actor::Naccc),
    ];
    let mut stage = Stage::Applied;
    for (action, actor) in path {
        stage = stage.apply(action, actor).unwrap();
    }
    assert_eq!(stage, Stage::Accredited);
    // A candidate cannot be decided straight from its application.
    assert_eq!(Stage::Applied.apply(Action::Decide(Outcome::Accredited), Actor::Naccc), Err(TransitionError::NotNow));
}

#[test]
fn codes_round_trip() {
    for s in Stage::ALL {
        assert_eq!(Stage::from_code(s.code()), Some(s));
    }
    for a in Action::ALL {
        assert_eq!(Action::from_code(a.code()), Some(a));
    }
    for o in Outcome::ALL {
        assert_eq!(Outcome::from_code(o.code()), Some(o));
    }
    assert_eq!(Stage::from_code("accredited "), None);
}

#[test]
fn membership_and_public_status_follow_the_stage() {
    use crate::AccreditationStatus as S;
    assert!(!Stage::Suspended.is_member());
    assert!(!Stage::Removed.is_member());
    assert!(Stage::Applied.is_member());
    assert_eq!(Stage::SelfAssessment.public_status(false), S::Candidate);
    assert_eq!(Stage::SelfAssessment.public_status(true), S::Accredited);
    assert_eq!(Stage::Conditions.public_status(false), S::AccreditedWithConditions);
    assert_eq!(Stage::NotAccredited.public_status(true), S::Candidate);
    assert_eq!(Stage::Suspended.public_status(true), S::Suspended);
}

#[test]
fn a_reinstated_case_returns_to_where_it_was_suspended_from() {
    assert_eq!(reinstated_to(Some(Stage::Conditions)), Stage::Conditions);
    assert_eq!(reinstated_to(Some(Stage::RenewalDue)), Stage::RenewalDue);
    assert_eq!(reinstated_to(Some(Stage::Accredited)), Stage::Accredited);
    assert_eq!(reinstated_to(None), Stage::Accredited);
}
