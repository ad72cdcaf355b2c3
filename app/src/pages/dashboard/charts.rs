//! The dashboard's charts as data: each one's title, one-sentence summary and table. The page
//! draws each as an SVG beside its table (`components::chart`), and `/centre/dashboard/{id}.csv`
//! serves the same table, so a chart, its table and its download never disagree.

use super::model::DashboardView;
use crate::components::chart::{ChartData, Kind, Series, Unit, number};
use crate::pages::workspace::text;
use shared::returns::Measure;
use shared::returns::dashboard::TrendPoint;
use shared::{Quarter, ReferralSource};

/// Every chart's id, in page order.
pub const CHART_IDS: [&str; 5] = ["by-source", "by-stage", "referrals-trend", "no-show-trend", "capacity-trend"];

/// "2026 Q3".
pub fn quarter_short(q: Quarter) -> String {
    format!("{} Q{}", q.year(), q.number())
}

fn quarter_label(t: &TrendPoint) -> String {
    if t.so_far { format!("{} (so far)", quarter_short(t.quarter)) } else { quarter_short(t.quarter) }
}

fn count(n: u32, one: &str, many: &str) -> String {
    shared::durations::count(i64::from(n), one, many)
}

/// Every chart of the dashboard, in page order (see [`CHART_IDS`]).
pub fn charts(view: &DashboardView) -> Vec<ChartData> {
    let d = &view.figures;
    let quarter = quarter_short(d.quarter);
    let total = d.referrals();
    let quarters: Vec<String> = d.trend.iter().map(quarter_label).collect();
    let series = |name: &str, f: &dyn Fn(&TrendPoint) -> Option<f64>| Series {
        name: name.to_owned(),
        values: d.trend.iter().map(f).collect(),
    };

    let most_source = most(&d.by_source);
    let by_source = ChartData {
        id: CHART_IDS[0],
        title: format!("Referrals received this quarter ({quarter}), by source"),
        summary: match most_source {
            None => format!("No referrals have been received yet this quarter ({quarter})."),
            Some((sources, n)) => format!(
                "{} received so far this quarter; the most, {n}{}, were {}.",
                count(total, "referral", "referrals"),
                if sources.len() > 1 { " each" } else { "" },
                and_list(sources.iter().map(|s| Measure::Source(*s).label()))
            ),
        },
        kind: Kind::Bars,
        unit: Unit::Count,
        category: "Source",
        categories: d.by_source.iter().map(|(s, _)| source_short(*s).to_owned()).collect(),
        series: vec![Series {
            name: "Referrals".into(),
            values: d.by_source.iter().map(|(_, n)| Some(f64::from(*n))).collect(),
        }],
    };

    let received: u32 = d.by_stage.iter().map(|(_, n)| n).sum();
    let most_stage = most(&d.by_stage);
    let by_stage = ChartData {
        id: CHART_IDS[1],
        title: format!("This quarter's online referrals ({quarter}), by the stage each is at now"),
        summary: match most_stage {
            None => "No online referral has arrived yet this quarter.".to_owned(),
            Some((stages, n)) if stages.len() == 1 => format!(
                "Of this quarter's {}, {n} {} now at the stage “{}”, more than at any other.",
                count(received, "online referral", "online referrals"),
                if n == 1 { "is" } else { "are" },
                text::stage(stages[0])
            ),
            Some((stages, n)) => format!(
                "Of this quarter's {}, the most are at the stages {}, with {n} each.",
                count(received, "online referral", "online referrals"),
                and_list(stages.iter().map(|s| format!("“{}”", text::stage(*s))))
            ),
        },
        kind: Kind::Bars,
        unit: Unit::Count,
        category: "Stage",
        categories: d.by_stage.iter().map(|(s, _)| text::stage(*s).to_owned()).collect(),
        series: vec![Series {
            name: "Referrals".into(),
            values: d.by_stage.iter().map(|(_, n)| Some(f64::from(*n))).collect(),
        }],
    };

    let referrals_trend = ChartData {
        id: CHART_IDS[2],
        title: "Referrals received each quarter: your centre beside the national median".into(),
        summary: trend_summary(
            "Your centre received",
            d.trend.as_slice(),
            |t| t.referrals.map(f64::from),
            |t| t.national_median,
            Unit::Count,
        ),
        kind: Kind::Lines,
        unit: Unit::Count,
        category: "Quarter",
        categories: quarters.clone(),
        series: vec![
            series("Your centre", &|t| t.referrals.map(f64::from)),
            series("National median", &|t| t.national_median),
        ],
    };

    // A rate over the quarters, one line: (id, title, the summary's lead, the line's name, the rate).
    let rate_trend = |id: &'static str, title: &str, lead: &str, name: &str, rate: fn(&TrendPoint) -> Option<u32>| {
        let value = move |t: &TrendPoint| rate(t).map(f64::from);
        ChartData {
            id,
            title: title.to_owned(),
            summary: trend_summary(lead, d.trend.as_slice(), value, |_| None, Unit::Percent),
            kind: Kind::Lines,
            unit: Unit::Percent,
            category: "Quarter",
            categories: quarters.clone(),
            series: vec![series(name, &value)],
        }
    };
    let no_show_trend = rate_trend(
        CHART_IDS[3],
        "No-show rate each quarter (no-shows as a share of referrals received)",
        "The no-show rate was",
        "No-show rate",
        |t| t.no_show_percent,
    );
    let capacity_trend = rate_trend(
        CHART_IDS[4],
        "Capacity used each quarter (sessions booked as a share of sessions available)",
        "Capacity used was",
        "Capacity used",
        |t| t.capacity_percent,
    );

    vec![by_source, by_stage, referrals_trend, no_show_trend, capacity_trend]
}

/// The keys with the largest count (several when they tie), and that count; `None` when all are 0.
fn most<K: Copy>(counts: &[(K, u32)]) -> Option<(Vec<K>, u32)> {
    let top = counts.iter().map(|(_, n)| *n).max().filter(|&n| n > 0)?;
    Some((counts.iter().filter(|(_, n)| *n == top).map(|(k, _)| *k).collect(), top))
}

/// "a", "a and b", "a, b and c".
fn and_list<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| i.as_ref().to_owned()).collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// A source's name short enough to stand beside its bar.
pub fn source_short(s: ReferralSource) -> &'static str {
    match s {
        ReferralSource::Online => "Online (Safe Referral)",
        ReferralSource::SelfReferral => "Self-referral",
        ReferralSource::Cafcass => "Cafcass",
        ReferralSource::Solicitor => "Solicitors",
        ReferralSource::LocalAuthority => "Local authority",
        ReferralSource::FamilyMediation => "Family mediation",
        ReferralSource::Court => "Courts",
        ReferralSource::Other => "Other",
    }
}

/// One sentence on a trend: the latest ended quarter with a figure (beside the national median
/// where there is one), the quarter under way so far, and the highest of the eight.
fn trend_summary(
    lead: &str,
    trend: &[TrendPoint],
    value: impl Fn(&TrendPoint) -> Option<f64>,
    national: impl Fn(&TrendPoint) -> Option<f64>,
    unit: Unit,
) -> String {
    let show = |v: f64| if unit == Unit::Percent { format!("{}%", number(v)) } else { number(v) };
    let latest = trend.iter().rev().filter(|t| !t.so_far).find_map(|t| value(t).map(|v| (t, v)));
    let Some((t, v)) = latest else {
        return "No submitted return in the last eight quarters has this figure yet.".to_owned();
    };
    let mut sentence = format!("{lead} {} in {}", show(v), quarter_short(t.quarter));
    if let Some(m) = national(t) {
        sentence.push_str(&format!(", against a national median of {}", number(m)));
    }
    if let Some((now, v)) = trend.iter().find(|t| t.so_far).and_then(|t| value(t).map(|v| (t, v))) {
        sentence.push_str(&format!("; {} so far in {}", show(v), quarter_short(now.quarter)));
    }
    let peak =
        trend.iter().filter(|t| !t.so_far).filter_map(|t| value(t).map(|v| (t, v))).max_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((p, pv)) = peak.filter(|(p, _)| p.quarter != t.quarter) {
        sentence.push_str(&format!("; the highest of these quarters was {} in {}", show(pv), quarter_short(p.quarter)));
    }
    sentence.push('.');
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_are_named_together() {
        assert_eq!(most(&[("a", 2), ("b", 3), ("c", 3)]), Some((vec!["b", "c"], 3)));
        assert_eq!(most(&[("a", 0)]), None);
        assert_eq!(and_list(["x"]), "x");
        assert_eq!(and_list(["x", "y", "z"]), "x, y and z");
    }
}
