use super::*;
use crate::board::targets::{Target, TargetFrom};
use time::macros::date;

fn q(s: &str) -> Quarter {
    Quarter::parse(s).unwrap()
}

fn centre(id: u32, nation: Nation, service: ServiceType, joined_on: Date) -> CentreFact {
    CentreFact {
        id,
        nation,
        service,
        joined_on,
        left_on: None,
        status: AccreditationStatus::Accredited,
        renewal_due: Some(date!(2028 - 01 - 01)),
        case_under_way: false,
    }
}

/// A return with `referrals` from one source (self-referral) and `online` online.
fn ret(centre: u32, nation: Nation, quarter: &str, submitted_on: Date, online: u32, referrals: u32) -> ReturnFact {
    ReturnFact {
        centre,
        nation,
        quarter: q(quarter),
        submitted_on,
        by_source: [online, referrals, 0, 0, 0, 0, 0, 0],
        children: referrals + online,
        families: 10,
        volunteers: 12,
        paid_staff: 2,
    }
}

const TODAY: Date = date!(2026 - 05 - 10);

fn find(figures: &[IndicatorFigures], i: Indicator) -> &IndicatorFigures {
    figures.iter().find(|f| f.indicator == i).unwrap()
}

fn sample() -> BoardInput {
    let mut centres: Vec<CentreFact> =
        (0..6).map(|i| centre(i, Nation::England, ServiceType::Supported, date!(2020 - 01 - 01))).collect();
    centres.push(centre(6, Nation::Wales, ServiceType::Supervised, date!(2020 - 01 - 01)));
    // Joined during 2026-Q1: a member at that quarter's end, not at 2025-Q4's.
    centres.push(centre(7, Nation::Wales, ServiceType::Candidate, date!(2026 - 02 - 01)));
    // Left during 2025-Q4.
    let mut left = centre(8, Nation::NorthernIreland, ServiceType::SupportedAndSupervised, date!(2020 - 01 - 01));
    left.left_on = Some(date!(2025 - 11 - 01));
    centres.push(left);
    centres[1].status = AccreditationStatus::AccreditedWithConditions;
    centres[2].renewal_due = Some(date!(2026 - 04 - 01));
    centres[7].status = AccreditationStatus::Candidate;
    centres[7].case_under_way = true;
    let mut returns = Vec::new();
    for quarter in ["2025-Q4", "2026-Q1"] {
        // England: 6 centres, 20 referrals each (5 online); Wales: one centre, 3 referrals, 1 online.
        for centre in 0..6 {
            returns.push(ret(centre, Nation::England, quarter, date!(2026 - 01 - 20), 5, 15));
        }
        returns.push(ret(6, Nation::Wales, quarter, date!(2026 - 05 - 30), 1, 2));
    }
    let referrals = (0..7)
        .map(|i| ReferralFact {
            centre: i % 2,
            nation: Nation::England,
            // 2026-02-02 12:00 UTC, answered after i days.
            received_at: 1_769_947_200,
            first_response_at: Some(1_769_947_200 + i64::from(i) * 86_400),
        })
        .collect();
    BoardInput {
        centres,
        returns,
        referrals,
        training: vec![
            TrainingFact { held_on: date!(2026 - 02 - 10), audience: Audience::Volunteers, attendees: 30 },
            TrainingFact { held_on: date!(2026 - 03 - 10), audience: Audience::Staff, attendees: 12 },
            TrainingFact { held_on: date!(2026 - 03 - 11), audience: Audience::Judges, attendees: 40 },
            TrainingFact { held_on: date!(2025 - 12 - 11), audience: Audience::Staff, attendees: 99 },
        ],
        inspections: vec![
            InspectionFact { nation: Nation::England, inspected_on: date!(2025 - 06 - 01), stars: 5 },
            InspectionFact { nation: Nation::England, inspected_on: date!(2026 - 01 - 01), stars: 3 },
            InspectionFact { nation: Nation::Wales, inspected_on: date!(2026 - 03 - 01), stars: 4 },
            // More than a year before the quarter's end: not counted.
            InspectionFact { nation: Nation::Wales, inspected_on: date!(2025 - 03 - 01), stars: 1 },
        ],
        targets: vec![
            TargetFrom {
                indicator: Indicator::MemberCentres,
                from: q("2025-Q1"),
                target: Target { value: 9.0, red: 7.0 },
            },
            TargetFrom {
                indicator: Indicator::Referrals,
                from: q("2025-Q1"),
                target: Target { value: 200.0, red: 100.0 },
            },
            TargetFrom {
                indicator: Indicator::FirstResponseDays,
                from: q("2025-Q1"),
                target: Target { value: 5.0, red: 10.0 },
            },
        ],
    }
}

fn uk() -> Filter {
    Filter { quarter: q("2026-Q1"), nation: None }
}

#[test]
fn membership_counts_who_was_a_member_on_the_quarters_last_day() {
    let figures = board(&sample(), uk(), TODAY);
    let members = find(&figures, Indicator::MemberCentres);
    assert_eq!(members.value.number, Some(8.0));
    let trend: Vec<_> = members.trend.iter().map(|(q, f)| (q.to_string(), f.number)).collect();
    assert_eq!(trend.len(), TREND_QUARTERS);
    assert_eq!(trend[7], ("2026-Q1".to_owned(), Some(8.0)));
    // 2025-Q4: the Welsh candidate had not joined; the Northern Irish centre had left.
    assert_eq!(trend[6], ("2025-Q4".to_owned(), Some(7.0)));
    assert_eq!(trend[5], ("2025-Q3".to_owned(), Some(8.0)));
    let by_type: Vec<_> = members.breakdown.iter().map(|(l, f)| (l.as_str(), f.number)).collect();
    assert_eq!(by_type[0], ("Supported contact", Some(6.0)));
    assert_eq!(by_type[3], ("Candidates and other", Some(1.0)));
    // Centres are not people: a nation's 2 is shown as it is.
    assert_eq!(members.by_nation[1], (Nation::Wales, Figure { text: "2".into(), number: Some(2.0) }));
    // Target 9, red below 7: 8 is amber.
    assert_eq!(members.rag, Some(Rag::Amber));
    assert_eq!(members.target.as_deref(), Some("9 (red below 7)"));
}

#[test]
fn small_counts_of_people_below_the_whole_uk_are_never_shown() {
    let figures = board(&sample(), uk(), TODAY);
    let referrals = find(&figures, Indicator::Referrals);
    // The UK total is public: 6 × 20 + 3.
    assert_eq!(referrals.value.number, Some(123.0));
    assert_eq!(referrals.rag, Some(Rag::Amber));
    let wales = &referrals.by_nation[1].1;
    assert_eq!(wales.text, "<5");
    assert_eq!(wales.number, None);
    // England would give Wales away beside the total: it is hidden too.
    assert_eq!(referrals.by_nation[0].1.number, None);
    // Filtered to Wales: the same "<5" as the split shows, and no red/amber/green.
    let only_wales = board(&sample(), Filter { nation: Some(Nation::Wales), ..uk() }, TODAY);
    let r = find(&only_wales, Indicator::Referrals);
    assert_eq!(r.value, *wales);
    assert_eq!(r.rag, None);
    assert_eq!(r.trend.last().map(|(_, f)| f.clone()), Some(wales.clone()));
    // The share online of a hidden count is hidden.
    let share = find(&only_wales, Indicator::OnlineShare);
    assert_eq!(share.value.number, None);
    // For the UK: 31 of 123.
    assert_eq!(find(&figures, Indicator::OnlineShare).value.text, "25%");
}

#[test]
fn returns_on_time_are_those_in_by_their_due_date() {
    let figures = board(&sample(), uk(), TODAY);
    // 7 returns, 6 on time (due 28 days after 2026-03-31); 7 member centres not candidates.
    let on_time = find(&figures, Indicator::ReturnsOnTime);
    assert_eq!(on_time.value.text, "86%");
}

#[test]
fn the_first_response_median_is_hidden_below_five_referrals() {
    let figures = board(&sample(), uk(), TODAY);
    assert_eq!(find(&figures, Indicator::FirstResponseDays).value.text, "3.0 days");
    assert_eq!(find(&figures, Indicator::SafeReferralCentres).value.number, Some(2.0));
    assert_eq!(find(&figures, Indicator::FirstResponseDays).rag, Some(Rag::Green));
    let mut few = sample();
    few.referrals.truncate(4);
    let figures = board(&few, uk(), TODAY);
    let hidden = find(&figures, Indicator::FirstResponseDays);
    assert_eq!(hidden.value.number, None);
    // Its status would say what it is: none is given.
    assert_eq!(hidden.rag, None);
    // None at all reads the same as a few.
    few.referrals.clear();
    assert_eq!(find(&board(&few, uk(), TODAY), Indicator::FirstResponseDays).value.text, HIDDEN_FEW);
}

#[test]
fn a_nation_with_no_returns_protects_nobody() {
    // England 100 children, Wales 3, Northern Ireland 50; the Channel Islands sent nothing. Were
    // the islands' known 0 used to hide Wales's 3, the UK total less the others would give it away.
    // (England and Northern Ireland have three centres reporting each: enough to be shown.)
    let mut input = sample();
    let day = date!(2026 - 01 - 20);
    input.returns = vec![ReturnFact { children: 3, ..ret(6, Nation::Wales, "2026-Q1", day, 1, 2) }];
    for (centre, children) in [(0, 40), (1, 30), (2, 30)] {
        input.returns.push(ReturnFact { children, ..ret(centre, Nation::England, "2026-Q1", day, 5, 95) });
    }
    for (centre, children) in [(8, 20), (9, 20), (10, 10)] {
        input.returns.push(ReturnFact { children, ..ret(centre, Nation::NorthernIreland, "2026-Q1", day, 5, 45) });
    }
    let figures = board(&input, uk(), TODAY);
    let children = find(&figures, Indicator::Children);
    let shown: Vec<&str> = children.by_nation.iter().map(|(_, f)| f.text.as_str()).collect();
    assert_eq!(children.value.text, "153");
    assert_eq!(shown[1], "<5");
    assert_eq!(shown[3], NO_DATA);
    assert_eq!(shown.iter().filter(|t| **t == "[c]").count(), 1, "{shown:?}");
}

#[test]
fn accreditation_training_and_inspections() {
    let figures = board(&sample(), uk(), TODAY);
    let value = |i| find(&figures, i).value.text.clone();
    assert_eq!(value(Indicator::Accredited), "88%");
    assert_eq!(value(Indicator::WithConditions), "1");
    assert_eq!(value(Indicator::RenewalsOverdue), "1");
    assert_eq!(value(Indicator::Candidates), "1");
    assert!(find(&figures, Indicator::Accredited).trend.is_empty(), "known only today");
    assert_eq!(value(Indicator::PeopleTrained), "42");
    assert_eq!(value(Indicator::JudgesTrained), "40");
    // Of the three inspections in the year to 2026-03-31, two had 4 or 5 stars.
    assert_eq!(value(Indicator::InspectionRating), "67%");
    assert_eq!(value(Indicator::Volunteers), "84");
    let wales = board(&sample(), Filter { nation: Some(Nation::Wales), ..uk() }, TODAY);
    assert_eq!(find(&wales, Indicator::PeopleTrained).value.text, UK_ONLY);
    assert_eq!(find(&wales, Indicator::InspectionRating).value.text, "100%");
}

#[test]
fn a_quarter_with_no_returns_has_no_data_rather_than_zero() {
    let figures = board(&sample(), Filter { quarter: q("2024-Q1"), nation: None }, TODAY);
    assert_eq!(find(&figures, Indicator::Referrals).value.text, NO_DATA);
    assert_eq!(find(&figures, Indicator::Volunteers).value.text, NO_DATA);
}

#[test]
fn a_nation_fewer_than_three_centres_report_from_shows_no_count_of_people() {
    // Wales: two centres, 40 children each (no small count at all); England: six centres.
    let mut input = sample();
    let day = date!(2026 - 01 - 20);
    input.returns.retain(|r| r.quarter != q("2026-Q1") || r.nation != Nation::Wales);
    input.returns.iter_mut().for_each(|r| r.children = 50);
    for centre in [6, 7] {
        input.returns.push(ReturnFact { children: 40, ..ret(centre, Nation::Wales, "2026-Q1", day, 10, 30) });
    }
    let figures = board(&input, uk(), TODAY);
    let children = find(&figures, Indicator::Children);
    assert_eq!(children.value.text, "380");
    // Wales is hidden, and so is England: the UK total less England would give Wales away.
    assert_eq!(children.by_nation[1].1.text, "[c]");
    assert_eq!(children.by_nation[0].1.text, "[c]");
    let referrals = find(&figures, Indicator::Referrals);
    assert_eq!(referrals.by_nation[1].1.number, None);
    let wales = board(&input, Filter { nation: Some(Nation::Wales), ..uk() }, TODAY);
    assert_eq!(find(&wales, Indicator::Children).value.text, "[c]");
    assert_eq!(find(&wales, Indicator::OnlineShare).value.text, HIDDEN_FEW_CENTRES);
    // Every source for Wales is hidden too; the UK's by source are shown.
    assert!(find(&wales, Indicator::Referrals).breakdown.iter().all(|(_, f)| f.number.is_none()));
    assert!(referrals.breakdown.iter().all(|(_, f)| f.number.is_some()));
    // Centres are not people: Wales's members are still counted.
    assert_eq!(find(&wales, Indicator::MemberCentres).value.number, Some(2.0));
}
