use super::*;

fn d(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}

fn contact() -> Contact {
    Contact {
        referrer_visit: d("2026-01-03"),
        other_party_visit: d("2026-01-05"),
        first_session: d("2026-01-10"),
        sessions: Vec::new(),
        reviews_held: 0,
    }
}

/// A case at each stage, with what that stage needs for every allowed action to succeed.
fn at(stage: Stage) -> CaseState {
    match stage {
        Stage::Submitted => CaseState::Submitted,
        Stage::AwaitingOtherParty => CaseState::AwaitingOtherParty,
        Stage::Screening => CaseState::Screening,
        Stage::Accepted => CaseState::Accepted,
        Stage::WaitingList => CaseState::WaitingList,
        Stage::PreVisits => {
            CaseState::PreVisits { referrer: Some(d("2026-01-03")), other_party: Some(d("2026-01-05")) }
        }
        Stage::Active => CaseState::Active(contact()),
        Stage::Review => CaseState::Review(contact()),
        Stage::Declined => CaseState::Declined(DeclineReason::NoCapacity),
        Stage::Redirected => CaseState::Redirected,
        Stage::Closed => CaseState::Closed { outcome: CloseOutcome::MovedOn, contact: None },
    }
}

const KINDS: [ActionKind; 12] = ActionKind::ALL;

fn action(kind: ActionKind) -> CaseAction {
    match kind {
        ActionKind::AwaitOtherParty => CaseAction::AwaitOtherParty,
        ActionKind::StartScreening => CaseAction::StartScreening,
        ActionKind::Accept => CaseAction::Accept,
        ActionKind::Decline => CaseAction::Decline(DeclineReason::OutsideArea),
        ActionKind::Redirect => CaseAction::Redirect,
        ActionKind::AddToWaitingList => CaseAction::AddToWaitingList,
        ActionKind::BookPreVisit => CaseAction::BookPreVisit { party: Party::Referrer, date: d("2026-01-02") },
        ActionKind::StartContact => CaseAction::StartContact { first_session: d("2026-01-10") },
        ActionKind::RecordSession => {
            CaseAction::RecordSession(Session { date: d("2026-02-01"), attendance: Attendance::Attended })
        }
        ActionKind::StartReview => CaseAction::StartReview,
        ActionKind::ContinueAfterReview => CaseAction::ContinueAfterReview,
        ActionKind::Close => CaseAction::Close(CloseOutcome::Withdrawn),
    }
}

/// Where each allowed action leads.
fn leads_to(from: Stage, kind: ActionKind) -> Stage {
    match kind {
        ActionKind::AwaitOtherParty => Stage::AwaitingOtherParty,
        ActionKind::StartScreening => Stage::Screening,
        ActionKind::Accept => Stage::Accepted,
        ActionKind::Decline => Stage::Declined,
        ActionKind::Redirect => Stage::Redirected,
        ActionKind::AddToWaitingList => Stage::WaitingList,
        ActionKind::BookPreVisit => Stage::PreVisits,
        ActionKind::StartContact | ActionKind::ContinueAfterReview => Stage::Active,
        ActionKind::RecordSession => from,
        ActionKind::StartReview => Stage::Review,
        ActionKind::Close => Stage::Closed,
    }
}

const ALLOWED: [(Stage, ActionKind); 20] = [
    (Stage::Submitted, ActionKind::AwaitOtherParty),
    (Stage::Submitted, ActionKind::StartScreening),
    (Stage::AwaitingOtherParty, ActionKind::StartScreening),
    (Stage::Screening, ActionKind::Accept),
    (Stage::Screening, ActionKind::Decline),
    (Stage::Screening, ActionKind::Redirect),
    (Stage::Accepted, ActionKind::AddToWaitingList),
    (Stage::Accepted, ActionKind::BookPreVisit),
    (Stage::Accepted, ActionKind::Close),
    (Stage::WaitingList, ActionKind::BookPreVisit),
    (Stage::WaitingList, ActionKind::Close),
    (Stage::PreVisits, ActionKind::BookPreVisit),
    (Stage::PreVisits, ActionKind::StartContact),
    (Stage::PreVisits, ActionKind::Close),
    (Stage::Active, ActionKind::RecordSession),
    (Stage::Active, ActionKind::StartReview),
    (Stage::Active, ActionKind::Close),
    (Stage::Review, ActionKind::RecordSession),
    (Stage::Review, ActionKind::ContinueAfterReview),
    (Stage::Review, ActionKind::Close),
    // Declined, Redirected and Closed allow nothing.
];

#[test]
fn every_allowed_transition_succeeds_and_every_other_is_refused() {
    let today = d("2027-01-01").date();
    let mut allowed_seen = 0;
    for stage in Stage::ALL {
        for kind in KINDS {
            let expected = ALLOWED.contains(&(stage, kind));
            assert_eq!(stage.allows(kind), expected, "{stage:?} {kind:?} in the table");
            let result = at(stage).apply(action(kind), today);
            if expected {
                allowed_seen += 1;
                let next = result.unwrap_or_else(|e| panic!("{stage:?} {kind:?}: {e}"));
                assert_eq!(next.stage(), leads_to(stage, kind), "{stage:?} {kind:?}");
            } else {
                assert_eq!(
                    result,
                    Err(TransitionError::NotAllowed { from: stage, action: kind }),
                    "{stage:?} {kind:?}"
                );
            }
        }
    }
    assert_eq!(allowed_seen, 20, "20 allowed transitions out of 11 × 12");
}

#[test]
fn pre_visits_are_per_party_and_never_on_the_day_of_the_first_session() {
    let today = d("2027-01-01").date();
    let one = CaseState::Accepted
        .apply(CaseAction::BookPreVisit { party: Party::OtherParty, date: d("2026-01-05") }, today)
        .unwrap();
    assert_eq!(one, CaseState::PreVisits { referrer: None, other_party: Some(d("2026-01-05")) });
    assert_eq!(
        one.apply(CaseAction::StartContact { first_session: d("2026-01-10") }, today),
        Err(TransitionError::PreVisitMissing(Party::Referrer))
    );
    let both = one.apply(CaseAction::BookPreVisit { party: Party::Referrer, date: d("2026-01-03") }, today).unwrap();
    for (first, error) in [
        ("2026-01-05", TransitionError::SameDayAsPreVisit),
        ("2026-01-03", TransitionError::SameDayAsPreVisit),
        ("2026-01-04", TransitionError::BeforePreVisit),
    ] {
        assert_eq!(both.apply(CaseAction::StartContact { first_session: d(first) }, today), Err(error), "{first}");
    }
    let active = both.apply(CaseAction::StartContact { first_session: d("2026-01-06") }, today).unwrap();
    assert_eq!(active.stage(), Stage::Active);
}

#[test]
fn sessions_and_reviews_follow_the_calendar() {
    let active = CaseState::Active(contact());
    let session = |date: &str| CaseAction::RecordSession(Session { date: d(date), attendance: Attendance::NoShow });
    let today = d("2026-03-01").date();
    assert_eq!(active.apply(session("2026-01-09"), today), Err(TransitionError::BeforeFirstSession));
    assert_eq!(active.apply(session("2026-03-02"), today), Err(TransitionError::SessionInFuture));
    let recorded = active.apply(session("2026-02-14"), today).unwrap();
    assert_eq!(recorded.contact().unwrap().sessions.len(), 1);
    // The first review is due 3 months after the first session, the next at 6.
    assert_eq!(contact().review_due(), d("2026-04-10").date());
    assert_eq!(recorded.apply(CaseAction::StartReview, d("2026-04-09").date()), Err(TransitionError::ReviewNotDue));
    let review = recorded.apply(CaseAction::StartReview, d("2026-04-10").date()).unwrap();
    let continued = review.apply(CaseAction::ContinueAfterReview, d("2026-04-11").date()).unwrap();
    assert_eq!(continued.contact().unwrap().review_due(), d("2026-07-10").date());
    let closed = continued.apply(CaseAction::Close(CloseOutcome::MovedOn), d("2026-05-01").date()).unwrap();
    assert_eq!(closed.contact().unwrap().sessions.len(), 1, "a closed case keeps its sessions for the statistics");
    assert_eq!(closed.public_status(), PublicStatus::ContactEnded);
}

#[test]
fn months_are_calendar_months() {
    assert_eq!(add_months(d("2026-11-30").date(), 3), d("2027-02-28").date());
    assert_eq!(add_months(d("2028-11-30").date(), 3), d("2029-02-28").date());
    assert_eq!(add_months(d("2027-11-30").date(), 3), d("2028-02-29").date());
    assert_eq!(add_months(d("2026-01-31").date(), 6), d("2026-07-31").date());
}

#[test]
fn the_referrer_is_told_each_stage_in_plain_words() {
    use PublicStatus as P;
    let told: Vec<P> = Stage::ALL.iter().map(|s| at(*s).public_status()).collect();
    assert_eq!(
        told,
        [
            P::SentToCentre,
            P::AwaitingOtherParent,
            P::BeingConsidered,
            P::BeingConsidered,
            P::WaitingList,
            P::PreVisitBooked,
            P::ContactUnderway,
            P::ContactUnderway,
            P::NotAccepted,
            P::NotAccepted,
            P::ContactEnded,
        ]
    );
}

#[test]
fn a_case_survives_the_round_trip_through_storage() {
    for stage in Stage::ALL {
        let state = at(stage);
        let json = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<CaseState>(&json).unwrap(), state);
    }
}
