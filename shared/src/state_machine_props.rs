//! Properties of the three lifecycles (a centre's case, a statistics return, an accreditation
//! case) over any sequence of steps, whoever tries them and whenever: a step either gives the
//! next state or leaves the state as it was; what is closed stays closed; a case never holds
//! contact without both pre-visits before it.

use crate::IsoDate;
use crate::accreditation::lifecycle::{Action, Actor, Stage as AccreditationStage, TransitionError as NotNow};
use crate::referral::case::{
    ActionKind, Attendance, CaseAction, CaseState, CloseOutcome, DeclineReason, Party, Session, Stage, TransitionError,
};
use crate::returns::lifecycle::{LifecycleError, ReturnAction, ReturnState};
use proptest::prelude::*;
use time::{Date, Duration, Month};

fn day(n: i64) -> Date {
    Date::from_calendar_date(2026, Month::January, 5).expect("a date") + Duration::days(n)
}

fn case_action() -> impl Strategy<Value = CaseAction> {
    let date = || (0i64..400).prop_map(|n| IsoDate::from(day(n)));
    prop_oneof![
        Just(CaseAction::AwaitOtherParty),
        Just(CaseAction::StartScreening),
        Just(CaseAction::Accept),
        Just(CaseAction::Decline(DeclineReason::NoCapacity)),
        Just(CaseAction::Redirect),
        Just(CaseAction::AddToWaitingList),
        (any::<bool>(), date()).prop_map(|(referrer, date)| CaseAction::BookPreVisit {
            party: if referrer { Party::Referrer } else { Party::OtherParty },
            date,
        }),
        date().prop_map(|first_session| CaseAction::StartContact { first_session }),
        date().prop_map(|date| CaseAction::RecordSession(Session { date, attendance: Attendance::Attended })),
        Just(CaseAction::StartReview),
        Just(CaseAction::ContinueAfterReview),
        Just(CaseAction::Close(CloseOutcome::MovedOn)),
    ]
}

/// Half the steps are what the stage allows (chosen by `pick`), so runs reach contact and
/// reviews rather than stopping at the first refusal.
fn guided(state: &CaseState, action: CaseAction, pick: u8, date: IsoDate) -> CaseAction {
    let allowed: Vec<ActionKind> = ActionKind::ALL.into_iter().filter(|k| state.stage().allows(*k)).collect();
    if pick.is_multiple_of(2) || allowed.is_empty() {
        return action;
    }
    match allowed[usize::from(pick / 2) % allowed.len()] {
        ActionKind::AwaitOtherParty => CaseAction::AwaitOtherParty,
        ActionKind::StartScreening => CaseAction::StartScreening,
        ActionKind::Accept => CaseAction::Accept,
        ActionKind::Decline => CaseAction::Decline(DeclineReason::OutsideArea),
        ActionKind::Redirect => CaseAction::Redirect,
        ActionKind::AddToWaitingList => CaseAction::AddToWaitingList,
        ActionKind::BookPreVisit => {
            let party = if pick % 4 == 1 { Party::Referrer } else { Party::OtherParty };
            CaseAction::BookPreVisit { party, date }
        }
        ActionKind::StartContact => CaseAction::StartContact { first_session: date },
        ActionKind::RecordSession => CaseAction::RecordSession(Session { date, attendance: Attendance::NoShow }),
        ActionKind::StartReview => CaseAction::StartReview,
        ActionKind::ContinueAfterReview => CaseAction::ContinueAfterReview,
        ActionKind::Close => CaseAction::Close(CloseOutcome::Withdrawn),
    }
}

fn accreditation_action() -> impl Strategy<Value = Action> {
    prop::sample::select(Action::ALL.to_vec())
}

fn actor() -> impl Strategy<Value = Actor> {
    prop::sample::select(vec![Actor::Centre, Actor::Assessor, Actor::Naccc, Actor::System])
}

proptest! {
    #[test]
    fn a_case_stays_whole_whatever_is_tried(
        steps in prop::collection::vec((case_action(), any::<u8>(), 0i64..400, 0i64..400), 0..40),
    ) {
        let mut state = CaseState::Submitted;
        for (action, pick, date, today) in steps {
            let action = guided(&state, action, pick, IsoDate::from(day(date)));
            let (from, kind) = (state.stage(), action.kind());
            match state.apply(action, day(today)) {
                Ok(next) => {
                    prop_assert!(from.allows(kind) && from.is_open(), "{from:?} allowed {kind:?}");
                    prop_assert_ne!(next.stage(), Stage::Submitted, "never back to the start");
                    if let Some(c) = next.contact() {
                        prop_assert!(c.first_session > c.referrer_visit && c.first_session > c.other_party_visit);
                        prop_assert!(c.sessions.iter().all(|s| s.date >= c.first_session));
                        prop_assert!(c.sessions.windows(2).all(|w| w[0].date <= w[1].date));
                    }
                    // Nothing recorded about contact is ever lost by a later step.
                    if let (Some(before), Some(after)) = (state.contact(), next.contact()) {
                        prop_assert_eq!(after.first_session, before.first_session);
                        prop_assert!(after.sessions.len() >= before.sessions.len());
                        prop_assert!(after.reviews_held >= before.reviews_held);
                    }
                    prop_assert!(state.contact().is_none() || next.contact().is_some(), "contact kept on closing");
                    state = next;
                }
                Err(TransitionError::NotAllowed { from: f, action: a }) => {
                    prop_assert_eq!((f, a), (from, kind));
                    prop_assert!(!from.allows(kind));
                }
                // A rule about dates is only reached once the stage allows the step.
                Err(_) => prop_assert!(from.allows(kind)),
            }
        }
    }

    #[test]
    fn a_return_is_submitted_once_then_only_amended(actions in prop::collection::vec(any::<bool>(), 0..20)) {
        let mut state = ReturnState::Draft;
        let mut submitted = false;
        for submit in actions {
            let action = if submit { ReturnAction::Submit } else { ReturnAction::Amend };
            match state.apply(action) {
                Ok(next) => {
                    prop_assert_eq!(action == ReturnAction::Submit, !submitted, "submitted exactly once");
                    submitted = true;
                    prop_assert!(next.is_submitted());
                    prop_assert_eq!(next.next_action(), ReturnAction::Amend);
                    state = next;
                }
                Err(LifecycleError::AlreadySubmitted) => prop_assert!(submitted && submit),
                Err(LifecycleError::NotSubmitted) => prop_assert!(!submitted && !submit),
            }
            prop_assert_eq!(state.is_submitted(), submitted);
        }
    }

    #[test]
    fn an_accreditation_step_is_taken_only_by_whoever_it_belongs_to(
        steps in prop::collection::vec((accreditation_action(), actor()), 0..60),
    ) {
        let mut stage = AccreditationStage::Applied;
        for (action, by) in steps {
            match stage.apply(action, by) {
                Ok(next) => {
                    prop_assert_eq!(action.actor(), by);
                    prop_assert!(!stage.is_closed(), "nothing follows the end of a case");
                    prop_assert!(stage.actions().contains(&action));
                    // Accreditation is given only by a decision, conditions met, or reinstatement.
                    if next == AccreditationStage::Accredited {
                        prop_assert!(matches!(
                            stage,
                            AccreditationStage::Decision | AccreditationStage::Conditions | AccreditationStage::Suspended
                        ));
                    }
                    stage = next;
                }
                Err(NotNow::NotYours) => prop_assert_ne!(action.actor(), by),
                Err(NotNow::NotNow) => {
                    prop_assert_eq!(action.actor(), by);
                    prop_assert!(!stage.actions().contains(&action));
                }
            }
        }
    }
}
