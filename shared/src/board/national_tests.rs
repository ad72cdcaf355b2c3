use super::*;
use crate::board::compute::{BoardInput, Filter, ReturnFact, board};
use crate::board::indicators::Indicator;
use crate::returns::FigureKey;
use Shown::{Count, Hidden, Small};
use time::macros::date;

fn q() -> Quarter {
    Quarter::parse("2026-Q1").unwrap()
}

/// A return: `online` online and `solicitor` solicitors' referrals, children and families, split
/// between the services by `supervised` (that many of each go to supervised contact).
fn ret(nation: Nation, online: u32, solicitor: u32, children: u32, families: u32, supervised: u32) -> NationalReturn {
    let mut figures = Figures::default();
    let mut set = |service, measure, n| {
        figures.0.insert(FigureKey::new(service, measure), n);
    };
    let split = |n: u32| (n.saturating_sub(supervised), n.min(supervised));
    for (measure, n) in [
        (Measure::Source(ReferralSource::Online), online),
        (Measure::Source(ReferralSource::Solicitor), solicitor),
        (Measure::Referrals, online + solicitor),
        (Measure::Children, children),
        (Measure::Families, families),
        (Measure::Volunteers, 6),
        (Measure::PaidStaff, 1),
    ] {
        let (supported, supervised) = split(n);
        set(Service::Supported, measure, supported);
        set(Service::Supervised, measure, supervised);
    }
    NationalReturn { nation, figures }
}

/// England: four centres; Wales: two (too few to show their counts of people); Northern Ireland:
/// none; the Channel Islands: three, with a handful of families.
fn sample() -> Vec<NationalReturn> {
    let mut out = Vec::new();
    for _ in 0..4 {
        out.push(ret(Nation::England, 10, 20, 40, 25, 3));
    }
    out.push(ret(Nation::Wales, 9, 12, 30, 20, 2));
    out.push(ret(Nation::Wales, 8, 14, 28, 18, 0));
    for _ in 0..3 {
        out.push(ret(Nation::ChannelIslands, 1, 0, 1, 1, 0));
    }
    out
}

fn line<'a>(stats: &'a NationalStatistics, table: &str, label: &str) -> &'a Line {
    let table = stats.tables.iter().find(|t| t.id == table).unwrap();
    table.lines.iter().find(|l| l.label == label).unwrap_or_else(|| panic!("{label} in {table:?}"))
}

#[test]
fn whole_uk_figures_are_exact_and_each_service_adds_up_to_them() {
    let stats = national_statistics(q(), &sample());
    assert_eq!(line(&stats, "referrals", "All referrals").uk, Count(4 * 30 + 21 + 22 + 3));
    assert_eq!(line(&stats, "seen", "Children seen").uk, Count(160 + 58 + 3));
    let services = |what: &str| {
        let of = |s: Service| line(&stats, "services", &format!("{what}: {}", s.label().to_lowercase())).uk;
        (of(Service::Supported), of(Service::Supervised))
    };
    // Supervised: 3 of each English figure, 2 of the first Welsh return's.
    assert_eq!(services("Referrals"), (Count(166 - 14), Count(14)));
    assert_eq!(services("Families seen"), (Count(100 + 38 + 3 - 14), Count(14)));
    // The split by service is the UK's only.
    assert!(
        line(&stats, "services", "Referrals: supported contact").by_nation.iter().all(|c| *c == NationCell::UkOnly)
    );
}

#[test]
fn a_nation_without_returns_says_so_and_few_centres_or_small_counts_are_hidden() {
    let stats = national_statistics(q(), &sample());
    let children = &line(&stats, "seen", "Children seen").by_nation;
    assert_eq!(children[2], NationCell::NoReturns, "Northern Ireland sent nothing");
    // Wales: 58 children from two centres: hidden. The islands: 3, "<5". Two hidden beside the
    // UK total protect each other (their sum is known, neither is), so England is shown.
    assert_eq!(children[1], NationCell::Figure(Hidden));
    assert_eq!(children[3], NationCell::Figure(Small));
    assert_eq!(children[0], NationCell::Figure(Count(160)));
    // Centres and the workforce are not families: shown as they are, Wales's two centres too.
    assert_eq!(line(&stats, "returns", "Returns received").by_nation[1], NationCell::Figure(Count(2)));
    assert_eq!(line(&stats, "workforce", "Volunteers: supported contact").by_nation[1], NationCell::Figure(Count(10)));
}

#[test]
fn every_count_of_people_by_nation_is_the_one_the_board_shows() {
    let returns = sample();
    let stats = national_statistics(q(), &returns);
    let facts: Vec<ReturnFact> = returns
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let people = PeopleCounts::from(r);
            ReturnFact {
                centre: i as u32,
                nation: r.nation,
                quarter: q(),
                submitted_on: date!(2026 - 04 - 10),
                by_source: people.by_source,
                children: people.children,
                families: people.families,
                volunteers: 0,
                paid_staff: 0,
            }
        })
        .collect();
    let input = BoardInput { returns: facts, ..BoardInput::default() };
    let figures = board(&input, Filter { quarter: q(), nation: None }, date!(2026 - 05 - 10));
    for (indicator, table, label) in [
        (Indicator::Referrals, "referrals", "All referrals"),
        (Indicator::Children, "seen", "Children seen"),
        (Indicator::Families, "seen", "Families seen"),
    ] {
        let on_board = &figures.iter().find(|f| f.indicator == indicator).unwrap().by_nation;
        let exported = &line(&stats, table, label).by_nation;
        for ((nation, figure), cell) in on_board.iter().zip(exported) {
            let text =
                if cell == &NationCell::NoReturns { crate::board::compute::NO_DATA.to_owned() } else { cell.text() };
            assert_eq!(figure.text, text, "{label} in {nation:?}");
        }
    }
    let on_board = &figures.iter().find(|f| f.indicator == Indicator::Referrals).unwrap().breakdown;
    for ((source, figure), exported) in on_board.iter().zip(&stats.tables[0].lines) {
        assert_eq!((source, &figure.text), (&exported.label, &exported.uk.text()));
    }
}

#[test]
fn csv_rows_carry_a_header_and_every_line() {
    let stats = national_statistics(q(), &sample());
    let rows = csv_rows(&stats);
    assert_eq!(rows[0], ["table", "figure", "England", "Wales", "Northern Ireland", "Channel Islands", "UK"]);
    assert_eq!(rows.len(), 1 + stats.tables.iter().map(|t| t.lines.len()).sum::<usize>());
    let children = rows.iter().find(|r| r[1] == "Children seen").unwrap();
    assert_eq!(children[2..], ["160", "[c]", NO_RETURNS, "<5", "221"]);
}

#[test]
fn no_returns_at_all_gives_zeros_for_the_uk_and_no_returns_for_each_nation() {
    let stats = national_statistics(q(), &[]);
    let all = line(&stats, "referrals", "All referrals");
    assert_eq!(all.uk, Count(0));
    assert!(all.by_nation.iter().all(|c| *c == NationCell::NoReturns));
}
