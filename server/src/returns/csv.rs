//! Every submitted return as CSV: one row per centre, quarter and service, a column per figure
//! (the codes of `shared::returns::Measure`), for NACCC's own analysis and the national figures.

use crate::store::ReturnRecord;
use shared::Centre;
use shared::returns::{FigureKey, Measure};

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
                centre.map(|c| c.name.to_string()).unwrap_or_default(),
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
