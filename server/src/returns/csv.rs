//! Every submitted return as CSV: one row per centre, quarter and service, a column per figure
//! (the codes of `shared::returns::Measure`), for NACCC's own analysis and the national figures.

use crate::store::ReturnRecord;
use shared::Centre;
use shared::returns::{FigureKey, Measure};

/// A cell as a spreadsheet will show it, never run it: text that a spreadsheet would read as a
/// formula (starting `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
pub fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

pub fn returns(directory: &[Centre], returns: &[ReturnRecord]) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "centre".to_owned(),
        "centre_name".into(),
        "nation".into(),
        "quarter".into(),
        "state".into(),
        "submitted_at".into(),
        "service".into(),
    ];
    header.extend(Measure::all().into_iter().map(|m| m.code()));
    // Writing to memory cannot fail.
    let _ = out.write_record(&header);
    for r in returns {
        let Some(figures) = &r.figures else { continue };
        let centre = directory.iter().find(|c| c.slug.as_str() == r.centre);
        for service in figures.services() {
            let mut row = vec![
                r.centre.clone(),
                centre.map(|c| cell(&c.name.to_string())).unwrap_or_default(),
                centre.map(|c| c.nation.code().to_owned()).unwrap_or_default(),
                r.quarter.to_string(),
                r.state.code().to_owned(),
                r.submitted_at.map(crate::platform::clock::utc_time).unwrap_or_default(),
                service.code().to_owned(),
            ];
            row.extend(Measure::all().into_iter().map(|m| figures.get(FigureKey::new(service, m)).to_string()));
            let _ = out.write_record(&row);
        }
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_shown_not_run() {
        assert_eq!(super::cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(super::cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(super::cell("Bedford Family Contact Centre"), "Bedford Family Contact Centre");
        assert_eq!(super::cell(""), "");
    }
}
