use super::*;
use Shown::{Count, Hidden, Small};
use proptest::prelude::*;

// ---- An independent checker: what can an onlooker work out from what is shown? ----
//
// It knows nothing of rectangles. It takes the extended table (cells, row totals in the last
// column, column totals in the last row, grand total in the corner), a range per figure from what
// is shown, and searches integer tables that satisfy every row and column equation, by bounds
// propagation and bisection (complete: it splits until every range is a single value).

/// What an onlooker knows of one figure: it lies in lo..=hi.
type Range = (i64, i64);

/// Every row and column of the extended table `rows` × `columns`: (index, coefficient), summing to 0.
fn equations(rows: usize, columns: usize) -> Vec<Vec<(usize, i64)>> {
    let mut out = Vec::new();
    for i in 0..rows {
        out.push((0..columns).map(|j| (i * columns + j, if j + 1 == columns { -1 } else { 1 })).collect());
    }
    for j in 0..columns {
        out.push((0..rows).map(|i| (i * columns + j, if i + 1 == rows { -1 } else { 1 })).collect());
    }
    out
}

/// Narrows every range to what the equations allow; false if some range becomes empty.
fn propagate(equations: &[Vec<(usize, i64)>], ranges: &mut [Range]) -> bool {
    loop {
        let mut changed = false;
        for equation in equations {
            let term = |(lo, hi): Range, c: i64| if c > 0 { (lo, hi) } else { (-hi, -lo) };
            let (min, max) = equation.iter().fold((0, 0), |(a, b), &(k, c)| {
                let (lo, hi) = term(ranges[k], c);
                (a + lo, b + hi)
            });
            for &(k, c) in equation {
                let (lo, hi) = ranges[k];
                let (tlo, thi) = term((lo, hi), c);
                let (others_min, others_max) = (min - tlo, max - thi);
                let (new_lo, new_hi) = if c > 0 { (-others_max, -others_min) } else { (others_min, others_max) };
                let (new_lo, new_hi) = (new_lo.max(lo), new_hi.min(hi));
                if new_lo > new_hi {
                    return false;
                }
                if (new_lo, new_hi) != (lo, hi) {
                    ranges[k] = (new_lo, new_hi);
                    changed = true;
                }
            }
        }
        if !changed {
            return true;
        }
    }
}

/// Is there an integer table within `ranges` satisfying every equation?
fn feasible(equations: &[Vec<(usize, i64)>], mut ranges: Vec<Range>) -> bool {
    if !propagate(equations, &mut ranges) {
        return false;
    }
    let open = ranges.iter().enumerate().filter(|(_, (lo, hi))| lo < hi).min_by_key(|(_, (lo, hi))| hi - lo);
    let Some((k, &(lo, hi))) = open else { return true };
    let mid = lo + (hi - lo) / 2;
    let mut low_half = ranges.clone();
    low_half[k] = (lo, mid);
    ranges[k] = (mid + 1, hi);
    feasible(equations, low_half) || feasible(equations, ranges)
}

/// Is figure `k` (truly `value`) the same in every table that fits `ranges`?
fn recoverable(equations: &[Vec<(usize, i64)>], ranges: &[Range], k: usize, value: i64) -> bool {
    let (lo, hi) = ranges[k];
    let with = |range: Range| {
        let mut r = ranges.to_vec();
        r[k] = range;
        feasible(equations, r)
    };
    !((value > lo && with((lo, value - 1))) || (value < hi && with((value + 1, hi))))
}

/// The true extended table, row-major, worked out here independently.
fn extend(cells: &[Vec<u64>], columns: usize) -> Vec<i64> {
    let mut out = Vec::new();
    let mut column_totals = vec![0i64; columns + 1];
    for row in cells {
        let padded: Vec<i64> = (0..columns).map(|j| row.get(j).map_or(0, |&v| v as i64)).collect();
        let line: Vec<i64> = padded.iter().copied().chain([padded.iter().sum()]).collect();
        for (t, v) in column_totals.iter_mut().zip(&line) {
            *t += v;
        }
        out.extend(line);
    }
    out.extend(column_totals);
    out
}

/// Checks one output: every shown number is true, every count under 5 (bar a public total) is
/// masked, markers are truthful, and no masked figure can be worked out. With a public total, a
/// figure that could be worked out even with every other figure masked is let through: the total
/// gives it away whatever is shown (a total of 0, say).
/// `shown[k]` is `None` for a figure of the extended table that the output does not show.
fn check(rows: usize, columns: usize, truth: &[i64], shown: &[Option<Shown>], public: bool) -> Result<(), String> {
    check_with(rows, columns, truth, shown, Public { total: public, row_totals: false })
}

fn check_with(rows: usize, columns: usize, truth: &[i64], shown: &[Option<Shown>], p: Public) -> Result<(), String> {
    let corner = truth.len() - 1;
    let ceiling = 2 * truth[corner] + 10;
    let equations = equations(rows, columns);
    let mut ranges = Vec::new();
    let mut masked = Vec::new();
    let public = p.total || p.row_totals;
    for (k, (&value, figure)) in truth.iter().zip(shown).enumerate() {
        let row_total = k % columns + 1 == columns && k / columns + 1 != rows;
        let exempt = (p.total && k == corner) || (p.row_totals && row_total);
        let range = match figure {
            Some(Count(n)) if *n as i64 != value => return Err(format!("figure {k} shown as {n}, is {value}")),
            Some(Count(_)) if value < 5 && !exempt => return Err(format!("figure {k} ({value}) shown")),
            Some(Count(n)) => (*n as i64, *n as i64),
            Some(Small) if value >= 5 => return Err(format!("figure {k} ({value}) shown as <5")),
            Some(Small) => (0, 4),
            Some(Hidden) if value < 5 => return Err(format!("figure {k} ({value}) shown as [c]")),
            Some(Hidden) => (5, ceiling),
            None => (0, ceiling),
        };
        ranges.push(range);
        masked.push(match figure {
            None => (0, ceiling),
            Some(_) if exempt => range,
            Some(_) if value < 5 => (0, 4),
            Some(_) => (5, ceiling),
        });
    }
    for (k, figure) in shown.iter().enumerate() {
        let suppressed = matches!(figure, Some(Small | Hidden));
        if suppressed
            && recoverable(&equations, &ranges, k, truth[k])
            && !(public && recoverable(&equations, &masked, k, truth[k]))
        {
            return Err(format!("figure {k} ({}) can be worked out from {shown:?}", truth[k]));
        }
    }
    Ok(())
}

/// Discloses `cells` and checks the result with the independent checker.
fn check_table(cells: &[Vec<u64>], public: bool) -> Result<Disclosed, String> {
    check_table_with(cells, Public { total: public, row_totals: false })
}

fn check_table_with(cells: &[Vec<u64>], public: Public) -> Result<Disclosed, String> {
    check_table_few(cells, public, FewCentres::default())
}

/// Also checks that every figure of a row or column too few centres make up is hidden (bar the
/// public ones).
fn check_table_few(cells: &[Vec<u64>], public: Public, few: FewCentres) -> Result<Disclosed, String> {
    let out = disclose_table(cells, public, few);
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    let shape_ok = out.cells.len() == cells.len()
        && out.cells.iter().all(|row| row.len() == columns)
        && out.row_totals.len() == cells.len()
        && out.column_totals.len() == columns;
    if !shape_ok {
        return Err(format!("shape of {out:?}"));
    }
    let mut shown = Vec::new();
    for (row, total) in out.cells.iter().zip(&out.row_totals) {
        shown.extend(row.iter().chain([total]).copied().map(Some));
    }
    shown.extend(out.column_totals.iter().chain([&out.total]).copied().map(Some));
    for (i, row) in out.cells.iter().enumerate() {
        let row_is_few = few.rows.get(i).copied().unwrap_or(false);
        for (j, figure) in row.iter().enumerate() {
            if (row_is_few || few.columns.get(j).copied().unwrap_or(false)) && figure.count().is_some() {
                return Err(format!("cell {i},{j} from too few centres shown in {out:?}"));
            }
        }
        if row_is_few && !public.row_totals && out.row_totals.get(i).and_then(Shown::count).is_some() {
            return Err(format!("total of row {i} from too few centres shown in {out:?}"));
        }
    }
    for (j, total) in out.column_totals.iter().enumerate() {
        if few.columns.get(j).copied().unwrap_or(false) && total.count().is_some() {
            return Err(format!("total of column {j} from too few centres shown in {out:?}"));
        }
    }
    check_with(cells.len() + 1, columns + 1, &extend(cells, columns), &shown, public)?;
    Ok(out)
}

/// Discloses a list and checks it as a one-column table whose row totals and column total are
/// not shown (the equations make them equal to the values and the total).
fn check_list(values: &[u64], public: bool) -> Result<(Vec<Shown>, Shown), String> {
    check_list_few(values, public, &[])
}

fn check_list_few(values: &[u64], public: bool, few: &[bool]) -> Result<(Vec<Shown>, Shown), String> {
    let (out, total) = disclose_list_few(values, public, few);
    if let Some(i) = (0..out.len()).find(|&i| few.get(i).copied().unwrap_or(false) && out[i].count().is_some()) {
        return Err(format!("value {i} from too few centres shown in {out:?}"));
    }
    if out.len() != values.len() {
        return Err(format!("length of {out:?}"));
    }
    let mut shown: Vec<Option<Shown>> = out.iter().flat_map(|&s| [Some(s), None]).collect();
    shown.extend([None, Some(total)]);
    let cells: Vec<Vec<u64>> = values.iter().map(|&v| vec![v]).collect();
    check(values.len() + 1, 2, &extend(&cells, 1), &shown, public)?;
    Ok((out, total))
}

// ---- Hand-made tables ----

#[test]
fn nothing_is_suppressed_when_every_figure_is_5_or_more() {
    let out = check_table(&[vec![5, 6], vec![7, 8]], false).unwrap();
    assert_eq!(out.cells, vec![vec![Count(5), Count(6)], vec![Count(7), Count(8)]]);
    assert_eq!(out.row_totals, vec![Count(11), Count(15)]);
    assert_eq!(out.column_totals, vec![Count(12), Count(14)]);
    assert_eq!(out.total, Count(26));
}

#[test]
fn a_small_cell_hides_one_beside_it_in_its_row_and_column_and_the_fourth_corner() {
    for public in [false, true] {
        let out = check_table(&[vec![3, 10, 20], vec![10, 10, 10], vec![20, 10, 30]], public).unwrap();
        assert_eq!(
            out.cells,
            vec![
                vec![Small, Hidden, Count(20)],
                vec![Hidden, Hidden, Count(10)],
                vec![Count(20), Count(10), Count(30)],
            ]
        );
        // The totals stay shown: hiding interior cells costs less.
        assert_eq!(out.row_totals, vec![Count(33), Count(30), Count(60)]);
        assert_eq!(out.column_totals, vec![Count(33), Count(30), Count(60)]);
        assert_eq!(out.total, Count(123));
    }
}

#[test]
fn a_small_row_total_is_itself_protected() {
    let out = check_table(&[vec![1, 2], vec![10, 20], vec![30, 40]], false).unwrap();
    assert_eq!(out.cells, vec![vec![Small, Small], vec![Hidden, Hidden], vec![Count(30), Count(40)]]);
    assert_eq!(out.row_totals, vec![Small, Hidden, Count(70)]);
    assert_eq!(out.column_totals, vec![Count(41), Count(62)]);
    assert_eq!(out.total, Count(103));
}

#[test]
fn a_small_grand_total_is_shown_only_when_public() {
    let cells = [vec![1, 1], vec![1, 0]];
    let private = check_table(&cells, false).unwrap();
    assert_eq!(private.total, Small);
    let public = check_table(&cells, true).unwrap();
    assert_eq!(public.total, Count(3));
    for out in [private, public] {
        assert!(out.cells.iter().flatten().chain(&out.row_totals).chain(&out.column_totals).all(|&s| s == Small));
    }
}

#[test]
fn a_table_no_rectangle_can_protect_hides_everything_but_a_public_total() {
    // Every small figure's rectangles run through the public corner, so all is hidden.
    let out = check_table(&[vec![3]], true).unwrap();
    assert_eq!(
        out,
        Disclosed { cells: vec![vec![Small]], row_totals: vec![Small], column_totals: vec![Small], total: Count(3) }
    );
    // Even then the public total gives away the zeros (9 = 9 + 0 + 0 + 0): nothing could help.
    let out = check_table(&[vec![9, 0], vec![0, 0]], true).unwrap();
    assert_eq!(out.cells, vec![vec![Hidden, Small], vec![Small, Small]]);
    assert_eq!((out.row_totals, out.column_totals, out.total), (vec![Hidden, Small], vec![Hidden, Small], Count(9)));
    // Private: a rectangle through the totals that moves them the wrong way (as if totals moved
    // like cells) would leave the grand total 6 shown and give the 1 away.
    let out = check_table(&[vec![1, 4], vec![0, 1]], false).unwrap();
    assert_eq!(out.cells, vec![vec![Small, Small], vec![Small, Small]]);
    assert_eq!((out.row_totals, out.column_totals, out.total), (vec![Hidden, Small], vec![Small, Hidden], Hidden));
}

#[test]
fn whole_uk_row_totals_are_shown_and_protect_nothing() {
    // Sources × nations: the sources' UK totals (3 and 40) are public, so the small cell is
    // protected within the nations' columns and the column totals.
    let out = check_table_with(&[vec![2, 1], vec![20, 20]], Public { total: true, row_totals: true }).unwrap();
    assert_eq!(out.row_totals, vec![Count(3), Count(40)]);
    assert_eq!(out.total, Count(43));
    assert_eq!(out.cells[0], vec![Small, Small]);
    // Column 0 would give the 2 away (22 − 20): the 20s beside it are hidden, the totals kept.
    assert_eq!(out.cells[1], vec![Hidden, Hidden]);
    assert_eq!(out.column_totals, vec![Count(22), Count(21)]);
}

#[test]
fn a_list_with_one_small_value_hides_a_second() {
    for public in [false, true] {
        assert_eq!(check_list(&[3, 10, 20], public).unwrap(), (vec![Small, Hidden, Count(20)], Count(33)));
    }
    assert_eq!(check_list(&[7, 8, 9], false).unwrap(), (vec![Count(7), Count(8), Count(9)], Count(24)));
    // Every value small, total small: the total is shown only if it is the whole UK's.
    assert_eq!(check_list(&[1, 2], false).unwrap(), (vec![Small, Small], Small));
    assert_eq!(check_list(&[1, 2], true).unwrap(), (vec![Small, Small], Count(3)));
}

#[test]
fn text_separates_thousands_and_marks_suppressed_figures() {
    let texts: Vec<String> = [0, 7, 999, 1_000, 12_345, 1_234_567, u64::MAX].map(|n| Count(n).text()).into();
    assert_eq!(texts, ["0", "7", "999", "1,000", "12,345", "1,234,567", "18,446,744,073,709,551,615"]);
    assert_eq!((Small.text(), Hidden.text()), ("<5".to_owned(), "[c]".to_owned()));
    assert_eq!((Count(12).count(), Small.count(), Hidden.count()), (Some(12), None, None));
    assert!(LEGEND.contains("<5") && LEGEND.contains("[c]"));
}

#[test]
fn ragged_empty_and_huge_input_does_not_panic() {
    let empty = |total| Disclosed { cells: vec![], row_totals: vec![], column_totals: vec![], total };
    assert_eq!(disclose(&[], false), empty(Small));
    assert_eq!(disclose(&[], true), empty(Count(0)));
    let rows_without_cells = disclose(&[vec![], vec![]], true);
    assert_eq!((rows_without_cells.cells, rows_without_cells.row_totals), (vec![vec![], vec![]], vec![Small, Small]));
    assert_eq!(disclose_list(&[], false), (vec![], Small));
    assert_eq!(disclose_list(&[], true), (vec![], Count(0)));
    // Missing cells are 0s, padded out and marked like any other.
    let ragged = check_table(&[vec![10, 20, 30], vec![40]], false).unwrap();
    assert_eq!(ragged.cells.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3]);
    assert_eq!(ragged.cells[1][1], Small);
    let huge = disclose(&[vec![u64::MAX, u64::MAX], vec![1, u64::MAX]], false);
    assert_eq!(huge.cells[1][0], Small);
    assert_eq!(huge.total, Hidden);
}

#[test]
fn disclosed_round_trips_through_json() {
    let out = disclose(&[vec![3, 10], vec![10, 10]], true);
    let json = serde_json::to_string(&out).unwrap();
    assert_eq!(serde_json::from_str::<Disclosed>(&json).unwrap(), out);
}

#[test]
fn a_nation_few_centres_report_from_is_hidden_and_protected_beside_whole_uk_totals() {
    // Three sources × three nations; the third nation has one centre reporting, big numbers.
    let cells = [vec![40, 30, 20], vec![25, 18, 12], vec![9, 11, 7]];
    let public = Public { total: true, row_totals: true };
    let out = check_table_few(&cells, public, FewCentres { rows: &[], columns: &[false, false, true] }).unwrap();
    assert!(out.cells.iter().all(|row| row[2] == Hidden), "{out:?}");
    assert_eq!(out.column_totals[2], Hidden);
    // Its figures could be worked out from the whole-UK row totals: one other nation hides them too.
    assert!(out.cells.iter().all(|row| row[0] == Hidden || row[1] == Hidden), "{out:?}");
    assert_eq!(out.row_totals, vec![Count(90), Count(55), Count(27)]);
    assert_eq!(out.total, Count(172));
}

#[test]
fn a_list_value_few_centres_make_up_hides_a_second_and_a_small_one_stays_small() {
    let (out, total) = disclose_list_few(&[120, 64, 3, 30], true, &[false, false, true, true]);
    assert_eq!(out[2], Small);
    assert_eq!(out[3], Hidden);
    assert_eq!(total, Count(217));
    // Hiding the two is enough: the total minus the shown values leaves their sum, not each.
    assert_eq!(&out[..2], &[Count(120), Count(64)]);
    check_list_few(&[120, 64, 3, 30], true, &[false, false, true, true]).unwrap();
}

// ---- Properties ----

/// Counts where small ones are common: half under 5, some 5 to 12, a few up to 60.
fn count() -> impl Strategy<Value = u64> {
    prop_oneof![4 => 0..5u64, 3 => 5..=12u64, 1 => 13..=60u64]
}

fn table() -> impl Strategy<Value = Vec<Vec<u64>>> {
    (2..=4usize, 2..=4usize)
        .prop_flat_map(|(rows, columns)| prop::collection::vec(prop::collection::vec(count(), columns), rows))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn no_suppressed_figure_of_a_table_can_be_worked_out(cells in table()) {
        for public in [false, true] {
            if let Err(problem) = check_table(&cells, public) {
                prop_assert!(false, "{problem} (public total: {public})");
            }
        }
    }

    #[test]
    fn no_suppressed_figure_can_be_worked_out_beside_whole_uk_row_totals(cells in table()) {
        for total in [false, true] {
            if let Err(problem) = check_table_with(&cells, Public { total, row_totals: true }) {
                prop_assert!(false, "{problem} (public row totals, public total: {total})");
            }
        }
    }

    #[test]
    fn figures_few_centres_make_up_are_hidden_and_cannot_be_worked_out(
        cells in table(),
        few_rows in prop::collection::vec(prop::bool::weighted(0.2), 4),
        few_columns in prop::collection::vec(prop::bool::weighted(0.3), 4),
    ) {
        for (total, row_totals) in [(false, false), (true, false), (true, true)] {
            let few = FewCentres { rows: &few_rows[..cells.len()], columns: &few_columns[..cells[0].len()] };
            if let Err(problem) = check_table_few(&cells, Public { total, row_totals }, few) {
                prop_assert!(false, "{problem} (few: {few:?}, public total {total}, row totals {row_totals})");
            }
        }
    }

    #[test]
    fn list_values_few_centres_make_up_are_hidden_and_cannot_be_worked_out(
        values in prop::collection::vec(count(), 2..=8),
        few in prop::collection::vec(prop::bool::weighted(0.3), 8),
    ) {
        for public in [false, true] {
            if let Err(problem) = check_list_few(&values, public, &few[..values.len()]) {
                prop_assert!(false, "{problem} (few: {few:?}, public total: {public})");
            }
        }
    }

    #[test]
    fn no_suppressed_value_of_a_list_can_be_worked_out(values in prop::collection::vec(count(), 2..=8)) {
        for public in [false, true] {
            if let Err(problem) = check_list(&values, public) {
                prop_assert!(false, "{problem} (public total: {public})");
            }
        }
    }
}
