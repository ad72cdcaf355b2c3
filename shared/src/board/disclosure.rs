//! Statistical disclosure control for the board's indicators: the one rule every output (page,
//! CSV, print) goes through before it shows a count of people broken down below the whole nation.
//!
//! A count under [`SMALL`] is shown as "<5" (primary suppression). A figure made from fewer than
//! [`FEW_CENTRES`] centres' returns is hidden too ("<5", or "[c]" when it is 5 or more): a nation
//! with one or two centres reporting would otherwise show those centres' own figures. Then enough other figures
//! are shown as "[c]" (secondary suppression) that no "<5" or "[c]" can be worked out from the
//! figures left beside it, row, column and grand totals included.
//!
//! # Method
//! Work on the extended table E: the cells, a last column of row totals, a last row of column
//! totals and the grand total in the corner. An onlooker knows that every row of E sums to its
//! last entry and every column to its last entry, that "<5" is 0 to 4, that "[c]" is 5 or more
//! (else it would be "<5") and that no count is negative.
//!
//! Let F be E with the row and column totals negated (the corner is not): then every row and every
//! column of F sums to 0, so adding +d, -d, -d, +d at the corners of any rectangle of F keeps every
//! equation true. If the four corners are all suppressed and all stay within what the onlooker
//! knows of them, the result is a second table that fits everything shown but differs in each of
//! the four: none of them can be worked out. Every suppressed figure is given such a rectangle,
//! hiding the fewest extra figures (then totals last, then the smallest). Hiding more never changes
//! what is known of an already suppressed figure, so a rectangle once found stays valid.
//!
//! Whole-UK figures (the grand total, and with [`Public::row_totals`] each row's total) are never
//! suppressed and never used to protect another: they are published anyway.
//!
//! When some suppressed figure has no such rectangle (tiny tables, or one that only a longer chain
//! of moves would protect, such as a 0 whose neighbours are exactly 5), every figure is hidden
//! except a public grand total: safe, if more than needed, and rare. With a public grand total a
//! few figures can still be given away even then (all zeros under a total of 0, say); they are
//! given away by the whole-UK figure itself, which is published anyway.

use serde::{Deserialize, Serialize};

/// Counts of people under this are never shown in a breakdown.
pub const SMALL: u64 = 5;

/// A figure made from fewer centres' returns than this is never shown in a breakdown.
pub const FEW_CENTRES: usize = 3;

/// A sentence explaining "<5" and "[c]" for pages, CSV notes and print.
pub const LEGEND: &str = "<5: fewer than 5. [c]: hidden, because fewer than 3 centres sent the figure or so that a \
     number hidden beside it cannot be worked out from the totals.";

/// One figure as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    Count(u64),
    /// Under 5: shown as "<5".
    Small,
    /// Hidden so a small count beside it cannot be worked out: shown as "[c]".
    Hidden,
}

impl Shown {
    /// "1,234" (thousands separated by commas), "<5" or "[c]".
    pub fn text(&self) -> String {
        match self {
            Shown::Count(n) => with_commas(*n),
            Shown::Small => "<5".to_owned(),
            Shown::Hidden => "[c]".to_owned(),
        }
    }

    /// The number if shown.
    pub fn count(&self) -> Option<u64> {
        match self {
            Shown::Count(n) => Some(*n),
            Shown::Small | Shown::Hidden => None,
        }
    }

    fn is_suppressed(self) -> bool {
        !matches!(self, Shown::Count(_))
    }
}

fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, digit) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A two-way table of counts of people as it may be shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosed {
    /// Rows × columns: one row per input row, each as long as the longest input row.
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
    pub total: Shown,
}

/// `cells` is rows × columns; ragged rows are padded with 0 to the longest row, and the output is
/// that padded rectangle (a missing cell is a 0, so it must be marked "<5" like any other 0).
/// Row totals, column totals and the grand total are worked out here from the cells.
/// `total_is_public`: the grand total is a whole-UK figure and is always shown as its number;
/// otherwise it follows the rule like every other figure.
pub fn disclose(cells: &[Vec<u64>], total_is_public: bool) -> Disclosed {
    disclose_with(cells, Public { total: total_is_public, row_totals: false })
}

/// Which figures of a table are whole-UK figures, always shown as their numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Public {
    pub total: bool,
    /// Each row is a whole-UK breakdown (referrals by source across the nations' columns): its
    /// total is a whole-UK figure. Implies nothing about the columns.
    pub row_totals: bool,
}

/// Rows and columns whose figures come from fewer than [`FEW_CENTRES`] centres' returns: each
/// of their figures is hidden like a small count, whatever its size (bar whole-UK figures).
#[derive(Debug, Clone, Copy, Default)]
pub struct FewCentres<'a> {
    pub rows: &'a [bool],
    pub columns: &'a [bool],
}

/// [`disclose`], with whole-UK row totals as well as (or instead of) the grand total.
pub fn disclose_with(cells: &[Vec<u64>], public: Public) -> Disclosed {
    disclose_table(cells, public, FewCentres::default())
}

/// [`disclose_with`], also hiding the rows and columns too few centres make up.
pub fn disclose_table(cells: &[Vec<u64>], public: Public, few: FewCentres) -> Disclosed {
    let table = Extended::new(cells);
    let shown = table.suppress(public, few);
    let (rows, columns) = (table.rows.saturating_sub(1), table.columns.saturating_sub(1));
    let mut lines = shown.chunks(table.columns.max(1));
    let mut out_cells = Vec::with_capacity(rows);
    let mut row_totals = Vec::with_capacity(rows);
    for line in lines.by_ref().take(rows) {
        out_cells.push(line.iter().take(columns).copied().collect());
        row_totals.extend(line.get(columns).copied());
    }
    let last = lines.next().unwrap_or_default();
    Disclosed {
        cells: out_cells,
        row_totals,
        column_totals: last.iter().take(columns).copied().collect(),
        total: last.get(columns).copied().unwrap_or(Shown::Hidden),
    }
}

/// A one-way breakdown (e.g. referrals by source) and its total, by the same rule
/// (a table of one column: its row totals are the values themselves).
pub fn disclose_list(values: &[u64], total_is_public: bool) -> (Vec<Shown>, Shown) {
    disclose_list_few(values, total_is_public, &[])
}

/// [`disclose_list`], also hiding the values too few centres make up (`few[i]` for `values[i]`).
pub fn disclose_list_few(values: &[u64], total_is_public: bool, few: &[bool]) -> (Vec<Shown>, Shown) {
    let column: Vec<Vec<u64>> = values.iter().map(|&v| vec![v]).collect();
    let public = Public { total: total_is_public, row_totals: false };
    let disclosed = disclose_table(&column, public, FewCentres { rows: few, columns: &[] });
    (disclosed.cells.into_iter().flatten().collect(), disclosed.total)
}

/// The extended table E, row-major: `rows` × `columns` counting the totals row and column.
struct Extended {
    rows: usize,
    columns: usize,
    values: Vec<u64>,
}

/// A rectangle's four corners as (index in E, sign of its move in F), the suppressed figure first.
type Rectangle = [(usize, i8); 4];

impl Extended {
    fn new(cells: &[Vec<u64>]) -> Self {
        let inner_columns = cells.iter().map(Vec::len).max().unwrap_or(0);
        let (rows, columns) = (cells.len() + 1, inner_columns + 1);
        let mut values = Vec::with_capacity(rows * columns);
        let mut column_totals = vec![0u64; inner_columns];
        for row in cells {
            let padded = (0..inner_columns).map(|j| row.get(j).copied().unwrap_or(0));
            let mut row_total = 0u64;
            for (value, column_total) in padded.zip(column_totals.iter_mut()) {
                // Saturating: counts of people never come near u64::MAX; this only avoids a panic.
                row_total = row_total.saturating_add(value);
                *column_total = column_total.saturating_add(value);
                values.push(value);
            }
            values.push(row_total);
        }
        let grand_total = column_totals.iter().fold(0u64, |sum, &v| sum.saturating_add(v));
        values.extend(column_totals);
        values.push(grand_total);
        Extended { rows, columns, values }
    }

    fn corner(&self) -> usize {
        self.values.len().saturating_sub(1)
    }

    /// Row or column total (not the corner): its moves in E are the opposite of its moves in F.
    fn is_margin(&self, index: usize) -> bool {
        let in_last_row = index / self.columns + 1 == self.rows;
        let in_last_column = index % self.columns + 1 == self.columns;
        in_last_row != in_last_column
    }

    fn is_total(&self, index: usize) -> bool {
        index / self.columns + 1 == self.rows || index % self.columns + 1 == self.columns
    }

    /// Whether figure `index` is a whole-UK figure, shown whatever it is.
    fn is_public(&self, index: usize, public: Public) -> bool {
        let in_last_row = index / self.columns + 1 == self.rows;
        let in_last_column = index % self.columns + 1 == self.columns;
        (public.total && index == self.corner()) || (public.row_totals && in_last_column && !in_last_row)
    }

    /// Whether figure `index` lies in a row or column made from too few centres (the grand total
    /// is made from all of them).
    fn is_few(&self, index: usize, few: FewCentres) -> bool {
        let (row, column) = (index / self.columns, index % self.columns);
        let in_last_row = row + 1 == self.rows;
        let in_last_column = column + 1 == self.columns;
        (!in_last_row && few.rows.get(row).copied().unwrap_or(false))
            || (!in_last_column && few.columns.get(column).copied().unwrap_or(false))
    }

    fn suppress(&self, public: Public, few: FewCentres) -> Vec<Shown> {
        let mut shown: Vec<Shown> = self
            .values
            .iter()
            .enumerate()
            .map(|(k, &v)| match () {
                _ if self.is_public(k, public) => Shown::Count(v),
                _ if v < SMALL => Shown::Small,
                _ if self.is_few(k, few) => Shown::Hidden,
                _ => Shown::Count(v),
            })
            .collect();
        let mut protected = vec![false; shown.len()];
        // One pass is enough: every figure hidden on the way is protected by the rectangle that hid
        // it, and every figure already suppressed is reached in turn.
        for index in 0..shown.len() {
            let suppressed = shown.get(index).is_some_and(|s| s.is_suppressed());
            if !suppressed || protected.get(index).copied().unwrap_or(true) {
                continue;
            }
            let Some(rectangle) = self.best_rectangle(index, &shown, public) else {
                // No rectangle protects it: hide everything the rule lets us hide.
                for (k, figure) in shown.iter_mut().enumerate() {
                    if !self.is_public(k, public) && !figure.is_suppressed() {
                        *figure = Shown::Hidden;
                    }
                }
                return shown;
            };
            for (k, _) in rectangle {
                if let Some(figure) = shown.get_mut(k)
                    && !figure.is_suppressed()
                {
                    *figure = Shown::Hidden;
                }
                if let Some(flag) = protected.get_mut(k) {
                    *flag = true;
                }
            }
        }
        shown
    }

    /// The cheapest rectangle through `index` that can move within every corner's known bounds.
    fn best_rectangle(&self, index: usize, shown: &[Shown], public: Public) -> Option<Rectangle> {
        let (row, column) = (index / self.columns, index % self.columns);
        let mut best: Option<((usize, usize, u64), Rectangle)> = None;
        for other_row in (0..self.rows).filter(|&r| r != row) {
            for other_column in (0..self.columns).filter(|&c| c != column) {
                let rectangle = [
                    (index, 1),
                    (row * self.columns + other_column, -1),
                    (other_row * self.columns + column, -1),
                    (other_row * self.columns + other_column, 1),
                ];
                if rectangle.iter().any(|&(k, _)| self.is_public(k, public)) {
                    continue;
                }
                let Some(cost) = self.cost(&rectangle, shown) else { continue };
                let feasible = [1i8, -1].into_iter().any(|d| self.can_move(&rectangle, shown, d));
                if feasible && best.as_ref().is_none_or(|(best_cost, _)| cost < *best_cost) {
                    best = Some((cost, rectangle));
                }
            }
        }
        best.map(|(_, rectangle)| rectangle)
    }

    /// (figures newly hidden, how many of them are totals, their sum); `None` off the table.
    fn cost(&self, rectangle: &Rectangle, shown: &[Shown]) -> Option<(usize, usize, u64)> {
        let mut cost = (0, 0, 0u64);
        for &(k, _) in rectangle {
            if !shown.get(k)?.is_suppressed() {
                cost.0 += 1;
                cost.1 += usize::from(self.is_total(k));
                cost.2 = cost.2.saturating_add(*self.values.get(k)?);
            }
        }
        Some(cost)
    }

    /// Does moving the rectangle by `d` in F keep every corner within what an onlooker knows of it
    /// (0 to 4 for "<5", 5 or more for "[c]" and for a figure about to become "[c]")?
    fn can_move(&self, rectangle: &Rectangle, shown: &[Shown], d: i8) -> bool {
        rectangle.iter().all(|&(k, sign)| {
            let (Some(&value), Some(&figure)) = (self.values.get(k), shown.get(k)) else { return false };
            let up = (sign * d > 0) != self.is_margin(k);
            match (figure, up) {
                (Shown::Small, true) => value < SMALL - 1,
                (Shown::Small, false) => value > 0,
                (_, true) => value < u64::MAX,
                (_, false) => value > SMALL,
            }
        })
    }
}

#[cfg(test)]
#[path = "disclosure_tests.rs"]
mod tests;
