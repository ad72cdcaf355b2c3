//! The board's tests' demo network and readers of its pages and CSV.

use super::TestDb;
use super::staff::NOW;
use shared::returns::{FigureKey, Measure, Service};

/// The latest complete quarter on the tests' day (2026-11-18).
pub const QUARTER: &str = "2026-Q3";

/// The demo data `serve --demo` loads, for the tests' day; the Channel Islands' four centres
/// then say they had one referral each in the quarter (four in all: under 5).
pub async fn demo(db: &TestDb) {
    let directory: Vec<shared::Centre> = server::seed::demo_centres().into_iter().map(|p| p.centre).collect();
    let today = shared::uk_time::uk_date(NOW);
    let schedule = shared::returns::Schedule { due_days: 28, grace_days: 28 };
    server::seed::returns::seed_returns(&db.store, &directory, today, schedule, None).await.unwrap();
    server::seed::board::seed_board(&db.store, &directory, today, NOW).await.unwrap();
    let key = |m| FigureKey::new(Service::Supported, m).code();
    let figures = serde_json::json!({
        key(Measure::Referrals): 1,
        key(Measure::Source(shared::ReferralSource::SelfReferral)): 1,
        key(Measure::Children): 2,
        key(Measure::Families): 1,
        key(Measure::Volunteers): 6,
        key(Measure::PaidStaff): 1,
    });
    let updated = db
        .execute_raw(
            "UPDATE statistics_returns SET figures = $1 WHERE quarter = $2 \
             AND centre_slug IN (SELECT slug FROM centres WHERE nation = 'channel_islands')",
            &[&figures.to_string(), QUARTER],
        )
        .await
        .unwrap();
    assert_eq!(updated, 4);
}

/// A page's text without its tags, entities decoded.
pub fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#x27;", "'")
}

/// The rows of the table with `id`, each as its cells' text.
pub fn table(html: &str, id: &str) -> Vec<Vec<String>> {
    let start = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no table {id}"));
    let end = start + html[start..].find("</table>").expect("table end");
    html[start..end]
        .split("<tr")
        .skip(2) // the table's own attributes, then the header row
        .map(|row| {
            let marked = format!("<tr{row}").replace("</td>", "\u{1f}").replace("</th>", "\u{1f}");
            text(&marked).split('\u{1f}').map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect()
        })
        .collect()
}

pub fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}
