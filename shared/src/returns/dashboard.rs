//! The live centre dashboard's figures, worked out one way for every centre: open referrals by
//! stage, days to the first response, rates, and a centre beside the national median.

use super::prefill::median;
use crate::Quarter;
use crate::referral::case::Stage;

/// How many open referrals are at each open stage, in the workflow's order (stages with none
/// included, so a chart's bars stay in place as cases move).
pub fn open_by_stage(stages: &[Stage]) -> Vec<(Stage, u32)> {
    Stage::ALL
        .into_iter()
        .filter(|s| s.is_open())
        .map(|s| (s, u32::try_from(stages.iter().filter(|&&x| x == s).count()).unwrap_or(u32::MAX)))
        .collect()
}

/// The median number of days from arrival to the centre's first response, over the referrals
/// received in `quarter` that have had one (Unix seconds in, days out, to one decimal place).
pub fn median_days_to_first_response(referrals: &[(i64, Option<i64>)], quarter: Quarter) -> Option<f64> {
    let within = |at: i64| {
        let day = crate::uk_time::uk_date(at);
        quarter.start() <= day && day <= quarter.end()
    };
    let mut days: Vec<f64> = referrals
        .iter()
        .filter(|(received, _)| within(*received))
        .filter_map(|(received, first)| first.map(|f| (f - received).max(0) as f64 / 86_400.0))
        .collect();
    median(&mut days).map(|d| (d * 10.0).round() / 10.0)
}

/// `part` as a whole percentage of `whole`; `None` when there is no whole.
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| u32::try_from(u64::from(part) * 100 / u64::from(whole)).unwrap_or(u32::MAX))
}

/// The median of every centre's figure (for "your centre beside the national median").
pub fn national_median(figures: &[u32]) -> Option<f64> {
    let mut values: Vec<f64> = figures.iter().map(|&n| f64::from(n)).collect();
    median(&mut values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_stages_in_order_with_zeros() {
        let counts = open_by_stage(&[Stage::Screening, Stage::WaitingList, Stage::WaitingList, Stage::Closed]);
        assert_eq!(counts.len(), 8, "only the open stages");
        assert_eq!(counts[0], (Stage::Submitted, 0));
        assert!(counts.contains(&(Stage::WaitingList, 2)));
        assert!(counts.contains(&(Stage::Screening, 1)));
        assert!(!counts.iter().any(|(s, _)| *s == Stage::Closed));
    }

    #[test]
    fn days_to_first_response_over_the_quarters_referrals() {
        let q = Quarter::parse("2026-Q3").unwrap();
        // 2026-07-01 12:00 UTC, and one from the quarter before.
        let july = 1_782_907_200;
        let day = 86_400;
        let referrals = [
            (july, Some(july + 2 * day)),
            (july, Some(july + 4 * day)),
            (july, Some(july + day / 2)),
            (july, None),
            (july - 30 * day, Some(july)),
        ];
        assert_eq!(median_days_to_first_response(&referrals, q), Some(2.0));
        assert_eq!(median_days_to_first_response(&[(july, None)], q), None);
    }

    #[test]
    fn percentages_and_medians() {
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(3, 0), None);
        assert_eq!(percent(36, 100), Some(36));
        assert_eq!(national_median(&[3, 9, 5]), Some(5.0));
        assert_eq!(national_median(&[]), None);
    }
}
