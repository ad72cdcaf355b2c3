use super::*;

fn d(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}

/// Monday 2026-11-23, noon UTC.
const NOW: i64 = 1_795_435_200;

fn row(reference: &str, days_ago: i64, stage: Stage) -> InboxRow {
    let submitted_at = NOW - days_ago * 86_400;
    let submitted_on = time::OffsetDateTime::from_unix_timestamp(submitted_at).unwrap().date().into();
    InboxRow {
        reference: reference.into(),
        submitted_at,
        submitted_on,
        stage,
        light: Light::Green,
        service: ContactService::Supported,
        assigned_to: None,
        responded: false,
        review_due: None,
        other_part: false,
    }
}

fn today() -> Date {
    d("2026-11-23").date()
}

#[test]
fn working_days_skip_weekends() {
    // Friday 20th → Monday 23rd is one working day; a week is five.
    assert_eq!(working_days_between(d("2026-11-20").date(), d("2026-11-23").date()), 1);
    assert_eq!(working_days_between(d("2026-11-16").date(), d("2026-11-23").date()), 5);
    assert_eq!(working_days_between(d("2026-11-23").date(), d("2026-11-23").date()), 0);
}

#[test]
fn no_first_response_within_five_working_days_is_flagged() {
    let six_working_days = row("NR-AAAA-AAAA", 8, Stage::Submitted); // Sunday 15th
    assert_eq!(six_working_days.flags(today()), [Flag::FirstResponseOverdue]);
    let five = row("NR-AAAA-AAAB", 7, Stage::Submitted); // Monday 16th
    assert!(five.flags(today()).is_empty());
    let answered = InboxRow { responded: true, ..six_working_days.clone() };
    assert!(answered.flags(today()).is_empty());
    let screening = InboxRow { stage: Stage::Screening, ..six_working_days };
    assert!(screening.flags(today()).is_empty(), "screening is a response");
}

#[test]
fn a_due_review_is_flagged() {
    let active = InboxRow { review_due: Some(d("2026-11-23")), ..row("NR-AAAA-AAAA", 100, Stage::Active) };
    assert_eq!(active.flags(today()), [Flag::ReviewDue]);
    let not_yet = InboxRow { review_due: Some(d("2026-11-24")), ..active };
    assert!(not_yet.flags(today()).is_empty());
}

#[test]
fn filters_count_and_page_newest_first() {
    let mut rows: Vec<InboxRow> = (0..30).map(|i| row(&format!("NR-AAAA-{i:04}"), i, Stage::Submitted)).collect();
    rows.push(InboxRow { assigned_to: Some(7), ..row("NR-7K3Q-9PXD", 40, Stage::Active) });
    rows.push(row("NR-BBBB-CCCC", 2, Stage::Closed));
    let all = InboxQuery::default().parse().select(rows.clone(), NOW, today());
    assert_eq!((all.matching, all.pages, all.rows.len()), (32, 2, 25));
    assert_eq!(all.rows[0].reference, "NR-AAAA-0000", "newest first");
    assert_eq!(all.counts, [(Stage::Submitted, 30), (Stage::Active, 1), (Stage::Closed, 1)]);
    let second = InboxQuery { page: "2".into(), ..Default::default() }.parse().select(rows.clone(), NOW, today());
    assert_eq!(second.rows.len(), 7);
    let q = |q: InboxQuery| q.parse().select(rows.clone(), NOW, today()).matching;
    assert_eq!(q(InboxQuery { stage: "active".into(), ..Default::default() }), 1);
    assert_eq!(q(InboxQuery { stage: "open".into(), ..Default::default() }), 31);
    assert_eq!(q(InboxQuery { assigned: "7".into(), ..Default::default() }), 1);
    assert_eq!(q(InboxQuery { assigned: "nobody".into(), ..Default::default() }), 31);
    assert_eq!(q(InboxQuery { age: "week".into(), ..Default::default() }), 8);
    assert_eq!(q(InboxQuery { age: "older".into(), ..Default::default() }), 1);
    assert_eq!(q(InboxQuery { q: "nr-7k3q-9pxd".into(), ..Default::default() }), 1);
    assert_eq!(q(InboxQuery { q: "7K3Q".into(), ..Default::default() }), 1, "the start of a reference is enough");
    assert_eq!(q(InboxQuery { stage: "nonsense".into(), page: "-3".into(), ..Default::default() }), 32);
    // Overdue first responses: submitted more than 5 working days ago and not yet answered.
    assert_eq!(q(InboxQuery { age: "attention".into(), ..Default::default() }), 22);
}
