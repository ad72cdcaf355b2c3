use super::*;
use time::macros::date;

#[test]
fn months_stay_within_the_month() {
    assert_eq!(add_months(date!(2026 - 08 - 31), 6), date!(2027 - 02 - 28));
    assert_eq!(add_months(date!(2027 - 08 - 31), 6), date!(2028 - 02 - 29));
    assert_eq!(add_months(date!(2026 - 01 - 15), 36), date!(2029 - 01 - 15));
    assert_eq!(add_months(date!(2026 - 03 - 31), -1), date!(2026 - 02 - 28));
    assert_eq!(add_months(date!(2026 - 01 - 10), -12), date!(2025 - 01 - 10));
}

#[test]
fn nacc_confirms_within_14_days_and_the_candidate_completes_within_6_months() {
    assert_eq!(confirm_by(date!(2026 - 03 - 20)), date!(2026 - 04 - 03));
    assert_eq!(complete_by(date!(2026 - 04 - 01)), date!(2026 - 10 - 01));
    assert_eq!(Clock::at(date!(2026 - 04 - 03), date!(2026 - 04 - 03)), Clock::DaysLeft(0));
    assert_eq!(Clock::at(date!(2026 - 04 - 03), date!(2026 - 03 - 30)).words(), "4 days left");
    assert_eq!(Clock::at(date!(2026 - 04 - 03), date!(2026 - 04 - 04)).words(), "1 day overdue");
    assert!(Clock::at(date!(2026 - 04 - 03), date!(2026 - 04 - 04)).is_overdue());
    assert!(!Clock::at(date!(2026 - 04 - 03), date!(2026 - 04 - 03)).is_overdue());
    assert_eq!(Clock::DaysLeft(0).words(), "due today");
}

#[test]
fn the_renewal_cycle_is_three_years_unless_set_between_one_and_ten() {
    let cycle = RenewalCycle::default();
    assert_eq!(cycle.months().0, 36);
    assert_eq!(cycle.renewal_due(date!(2024 - 02 - 29)), date!(2027 - 02 - 28));
    assert_eq!(RenewalCycle::parse(" 24 ").map(|c| c.renewal_due(date!(2026 - 05 - 01))), Ok(date!(2028 - 05 - 01)));
    assert_eq!(RenewalCycle::parse("11"), Err(CycleError::OutOfRange));
    assert_eq!(RenewalCycle::parse("121"), Err(CycleError::OutOfRange));
    assert_eq!(RenewalCycle::parse("three"), Err(CycleError::NotANumber));
    assert_eq!(RenewalCycle::parse("12").map(|c| c.months().0), Ok(12));
}

fn accredited(renewal_due: Date) -> CaseClocks {
    CaseClocks {
        stage: Stage::Accredited,
        candidate_confirmed_on: None,
        renewal_due: Some(renewal_due),
        open_items: vec![],
    }
}

#[test]
fn renewal_reminders_fall_12_and_3_months_before_and_only_the_nearest_is_sent() {
    let due = date!(2029 - 06 - 15);
    assert!(reminders_due(&accredited(due), date!(2028 - 06 - 14)).is_empty());
    assert_eq!(reminders_due(&accredited(due), date!(2028 - 06 - 15)), vec![Reminder::Renewal { months_before: 12 }]);
    assert_eq!(reminders_due(&accredited(due), date!(2029 - 03 - 14)), vec![Reminder::Renewal { months_before: 12 }]);
    assert_eq!(reminders_due(&accredited(due), date!(2029 - 03 - 15)), vec![Reminder::Renewal { months_before: 3 }]);
    // Not for a case that is no longer accredited.
    let suspended = CaseClocks { stage: Stage::Suspended, ..accredited(due) };
    assert!(reminders_due(&suspended, date!(2029 - 03 - 15)).is_empty());
    assert_eq!(Reminder::Renewal { months_before: 3 }.key(), "renewal-3");
}

#[test]
fn a_renewal_falls_due_when_its_first_reminder_does() {
    let due = date!(2029 - 06 - 15);
    assert_eq!(renewal_opens(due), date!(2028 - 06 - 15));
    assert!(!renewal_falls_due(&accredited(due), date!(2028 - 06 - 14)));
    assert!(renewal_falls_due(&accredited(due), date!(2028 - 06 - 15)));
    let renewing = CaseClocks { stage: Stage::RenewalDue, ..accredited(due) };
    assert!(!renewal_falls_due(&renewing, date!(2028 - 06 - 15)));
}

#[test]
fn a_candidate_is_reminded_a_month_before_its_deadline() {
    let case = CaseClocks {
        stage: Stage::SelfAssessment,
        candidate_confirmed_on: Some(date!(2026 - 04 - 01)),
        renewal_due: None,
        open_items: vec![],
    };
    assert!(reminders_due(&case, date!(2026 - 08 - 31)).is_empty());
    assert_eq!(reminders_due(&case, date!(2026 - 09 - 01)), vec![Reminder::CandidateDeadline]);
    let submitted = CaseClocks { stage: Stage::Submitted, ..case };
    assert!(reminders_due(&submitted, date!(2026 - 09 - 01)).is_empty());
}

#[test]
fn action_items_are_reminded_14_days_before_they_fall_due() {
    let case = CaseClocks {
        stage: Stage::Conditions,
        candidate_confirmed_on: None,
        renewal_due: Some(date!(2029 - 06 - 15)),
        open_items: vec![(7, date!(2026 - 05 - 15)), (8, date!(2026 - 09 - 01))],
    };
    assert!(reminders_due(&case, date!(2026 - 04 - 30)).is_empty());
    assert_eq!(reminders_due(&case, date!(2026 - 05 - 01)), vec![Reminder::ActionItem { item: 7 }]);
    assert_eq!(Reminder::ActionItem { item: 7 }.key(), "action-item-7");
}
