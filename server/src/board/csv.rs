//! The board's indicators as CSV: every figure exactly as the page shows it ("<5" and "[c]"
//! included), since both are made from the same disclosed figures.

use app::pages::board::model::BoardView;
use shared::board::disclosure::LEGEND;
use shared::board::indicators::{Indicator, nation_label};

/// Every indicator's figures, or only `only`'s.
pub fn indicators_csv(view: &BoardView, only: Option<Indicator>) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let area = view.nation.map_or("United Kingdom", nation_label);
    // Writing to memory cannot fail.
    let _ = out.write_record([
        "objective",
        "indicator",
        "indicator_name",
        "quarter",
        "area",
        "part",
        "value",
        "target",
        "status",
    ]);
    for o in &view.objectives {
        for f in o.indicators.iter().filter(|f| only.is_none_or(|i| f.indicator == i)) {
            let row = |quarter: String, area: &str, part: &str, value: &str, with_target: bool| {
                vec![
                    o.objective.number().to_string(),
                    f.indicator.code().to_owned(),
                    f.indicator.name().to_owned(),
                    quarter,
                    area.to_owned(),
                    crate::returns::csv::cell(part),
                    crate::returns::csv::cell(value),
                    if with_target { f.target.clone().unwrap_or_default() } else { String::new() },
                    if with_target { f.rag.map(|r| r.label().to_owned()).unwrap_or_default() } else { String::new() },
                ]
            };
            let _ = out.write_record(row(view.quarter.to_string(), area, "", &f.value.text, true));
            for (q, figure) in f.trend.iter().filter(|(q, _)| *q != view.quarter) {
                let _ = out.write_record(row(q.to_string(), area, "", &figure.text, false));
            }
            for (nation, figure) in &f.by_nation {
                let _ = out.write_record(row(view.quarter.to_string(), nation_label(*nation), "", &figure.text, false));
            }
            for (part, figure) in &f.breakdown {
                let _ = out.write_record(row(view.quarter.to_string(), area, part, &figure.text, false));
            }
        }
    }
    let _ = out.write_record(["", "", "", "", "", "", LEGEND, "", ""]);
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}
