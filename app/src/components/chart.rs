//! Charts drawn on the server: an SVG (with its title and a one-sentence description), the same
//! figures as a table, and a link to them as CSV. No chart code runs in the browser; the table
//! is the chart's twin for screen readers, print and anyone who prefers numbers.

use leptos::prelude::*;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One bar per category (horizontal, so long names fit).
    Bars,
    /// A line per series across the categories (quarters).
    Lines,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// One per category; `None` where there is no figure (no return that quarter).
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// Stable: the element ids and the CSV's address use it.
    pub id: &'static str,
    pub title: String,
    pub summary: String,
    pub kind: Kind,
    pub unit: Unit,
    /// The heading of the first column ("Source", "Quarter").
    pub category: &'static str,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
}

impl ChartData {
    /// A value as the table shows it; a dash where there is none.
    pub fn cell(&self, value: Option<f64>) -> String {
        match (value, self.unit) {
            (None, _) => "–".to_owned(),
            (Some(v), Unit::Percent) => format!("{}%", number(v)),
            (Some(v), Unit::Count) => number(v),
        }
    }

    /// The table as CSV records: a header, then a row per category (plain numbers, empty where
    /// there is none).
    pub fn records(&self) -> Vec<Vec<String>> {
        let unit = if self.unit == Unit::Percent { " (%)" } else { "" };
        let mut header = vec![self.category.to_lowercase()];
        header.extend(self.series.iter().map(|s| format!("{}{unit}", s.name)));
        let mut rows = vec![header];
        for (i, category) in self.categories.iter().enumerate() {
            let mut row = vec![category.clone()];
            row.extend(self.series.iter().map(|s| s.values.get(i).copied().flatten().map(number).unwrap_or_default()));
            rows.push(row);
        }
        rows
    }

    /// The file name it is downloaded as.
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.id)
    }
}

/// A whole number as is, anything else to one decimal place.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") }
}

/// Width of every chart's drawing (the SVG scales to its box; text stays in proportion).
const WIDTH: f64 = 480.0;
const BLUE: &str = "#1d70b8";
const GREY: &str = "#505a5f";
const INK: &str = "#0b0c0c";

/// Text made safe for XML.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A round number at or above `max` for the top of an axis (1, 2, 2.5 or 5 times a power of ten).
pub fn axis_top(max: f64) -> f64 {
    if max.is_nan() || max <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * power).find(|&top| top >= max).unwrap_or(10.0 * power)
}

/// The chart as an SVG document fragment (`<svg>…</svg>`).
pub fn svg(chart: &ChartData) -> String {
    match chart.kind {
        Kind::Bars => bars(chart),
        Kind::Lines => lines(chart),
    }
}

fn open_svg(out: &mut String, chart: &ChartData, height: f64) {
    let id = chart.id;
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{id}-title {id}-desc" focusable="false" class="chart__svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(&chart.title),
        escape(&chart.summary)
    );
}

fn bars(chart: &ChartData) -> String {
    const LABELS: f64 = 168.0;
    const ROW: f64 = 26.0;
    const BAR: f64 = 16.0;
    let values: Vec<f64> =
        chart.series.first().map(|s| s.values.iter().map(|v| v.unwrap_or(0.0)).collect()).unwrap_or_default();
    let top = axis_top(values.iter().copied().fold(0.0, f64::max));
    let room = WIDTH - LABELS - 48.0;
    let height = 8.0 + ROW * values.len() as f64 + 4.0;
    let mut out = String::new();
    open_svg(&mut out, chart, height);
    let _ = write!(
        out,
        r#"<line x1="{LABELS}" y1="4" x2="{LABELS}" y2="{}" stroke="{INK}" stroke-width="1"/>"#,
        height - 4.0
    );
    for (i, (label, v)) in chart.categories.iter().zip(&values).enumerate() {
        let y = 8.0 + ROW * i as f64;
        let length = (v / top * room).max(0.0);
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="end" font-size="13" fill="{INK}">{}</text><rect x="{LABELS}" y="{y}" width="{length:.1}" height="{BAR}" fill="{BLUE}"/><text x="{:.1}" y="{}" font-size="13" fill="{INK}">{}</text>"#,
            LABELS - 6.0,
            y + 12.5,
            escape(label),
            LABELS + length + 5.0,
            y + 12.5,
            escape(&chart.cell(Some(*v)))
        );
    }
    out.push_str("</svg>");
    out
}

fn lines(chart: &ChartData) -> String {
    const LEFT: f64 = 44.0;
    const TOP: f64 = 12.0;
    const BOTTOM: f64 = 176.0;
    const HEIGHT: f64 = 212.0;
    let right = WIDTH - 16.0;
    let n = chart.categories.len().max(1);
    let step = (right - LEFT) / n as f64;
    let x = |i: usize| LEFT + step * (i as f64 + 0.5);
    let max = chart.series.iter().flat_map(|s| s.values.iter().flatten().copied()).fold(0.0, f64::max);
    let top = axis_top(max);
    let y = |v: f64| BOTTOM - (v / top) * (BOTTOM - TOP);
    let mut out = String::new();
    open_svg(&mut out, chart, HEIGHT);
    // Gridlines and the value axis: five ticks.
    for tick in 0..=4 {
        let v = top * f64::from(tick) / 4.0;
        let label = chart.cell(Some(v));
        let _ = write!(
            out,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{right}" y2="{y:.1}" stroke="#b1b4b6" stroke-width="1"/><text x="{}" y="{:.1}" text-anchor="end" font-size="11" fill="{INK}">{}</text>"##,
            LEFT - 4.0,
            y(v) + 4.0,
            escape(&label),
            y = y(v)
        );
    }
    for (i, label) in chart.categories.iter().enumerate() {
        // "2026 Q3 (so far)" is too wide under its point: the year and quarter only.
        let short: String = label.split(" (").next().unwrap_or(label).to_owned();
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{}" text-anchor="middle" font-size="11" fill="{INK}">{}</text>"#,
            x(i),
            BOTTOM + 18.0,
            escape(&short)
        );
    }
    for (s, series) in chart.series.iter().enumerate() {
        // Told apart by line and marker shape as well as colour.
        let (colour, dash) = if s == 0 { (BLUE, "") } else { (GREY, r#" stroke-dasharray="6 4""#) };
        let mut path = String::new();
        let mut pen_down = false;
        for (i, v) in series.values.iter().enumerate() {
            match v {
                Some(v) => {
                    let _ = write!(path, "{}{:.1} {:.1} ", if pen_down { "L" } else { "M" }, x(i), y(*v));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        if !path.is_empty() {
            let _ = write!(
                out,
                r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>"#,
                path.trim_end()
            );
        }
        for (i, v) in series.values.iter().enumerate() {
            let Some(v) = v else { continue };
            let (cx, cy) = (x(i), y(*v));
            if s == 0 {
                let _ = write!(out, r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="4" fill="{colour}"/>"#);
            } else {
                let _ = write!(
                    out,
                    r#"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="{colour}"/>"#,
                    cx - 4.0,
                    cy - 4.0
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

/// A chart: its title, the sentence that says what it shows, the drawing, a key where there are
/// several lines, the table, and the CSV link.
#[component]
pub fn Chart(
    chart: ChartData,
    csv_href: String,
    /// The table's words per series and category where they say more than the number (the
    /// board's "<5" and "[c]"); the drawing leaves those out.
    #[prop(optional)]
    texts: Option<Vec<Vec<String>>>,
) -> impl IntoView {
    let id = chart.id;
    let drawing = svg(&chart);
    let legend = (chart.series.len() > 1).then(|| {
        let items = chart
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let class = if i == 0 { "chart__key chart__key--solid" } else { "chart__key chart__key--dashed" };
                view! { <li><span class=class aria-hidden="true"></span>{s.name.clone()}</li> }
            })
            .collect_view();
        view! { <ul class="chart__legend" aria-label="Key">{items}</ul> }
    });
    let header = chart
        .series
        .iter()
        .map(|s| view! { <th scope="col" class="table__numeric">{s.name.clone()}</th> })
        .collect_view();
    let rows = chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let cells = chart
                .series
                .iter()
                .enumerate()
                .map(|(n, s)| {
                    let value = s.values.get(i).copied().flatten();
                    let text = texts.as_ref().and_then(|t| t.get(n)).and_then(|t| t.get(i)).cloned();
                    let missing = (value.is_none() && text.is_none())
                        .then(|| view! { <span class="visually-hidden">" no figure"</span> });
                    view! { <td class="table__numeric">{text.unwrap_or_else(|| chart.cell(value))}{missing}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{category.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <figure class="chart" id=format!("chart-{id}") aria-labelledby=format!("{id}-caption")>
            <figcaption id=format!("{id}-caption")><h3 class="heading-s">{chart.title.clone()}</h3></figcaption>
            <p class="body chart__summary" id=format!("{id}-summary")>{chart.summary.clone()}</p>
            <div class="chart__drawing" inner_html=drawing></div>
            {legend}
            // Scrolls sideways on a narrow screen: a named region a keyboard can reach.
            <div class="table-wrap" role="region" tabindex="0" aria-label=format!("{} (table)", chart.title)>
                <table class="table chart__table" id=format!("{id}-table")>
                    <caption class="visually-hidden">{format!("{} (table)", chart.title)}</caption>
                    <thead><tr><th scope="col">{chart.category}</th>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="body chart__download"><a href=csv_href id=format!("{id}-csv") download=chart.file_name()>{format!("Download this data (CSV): {}", chart.title)}</a></p>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(kind: Kind, values: Vec<Option<f64>>) -> ChartData {
        ChartData {
            id: "c",
            title: "Referrals <by> source".into(),
            summary: "Most & more".into(),
            kind,
            unit: Unit::Count,
            category: "Source",
            categories: (0..values.len()).map(|i| format!("Q{i}")).collect(),
            series: vec![Series { name: "Referrals".into(), values }],
        }
    }

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(axis_top(0.0), 1.0);
        assert_eq!(axis_top(7.0), 10.0);
        assert_eq!(axis_top(12.0), 20.0);
        assert_eq!(axis_top(21.0), 25.0);
        assert_eq!(axis_top(100.0), 100.0);
        assert_eq!(axis_top(f64::NAN), 1.0);
    }

    #[test]
    fn a_drawing_is_named_described_and_escaped() {
        let s = svg(&chart(Kind::Bars, vec![Some(3.0), Some(0.0)]));
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
        assert!(s.contains(r#"role="img""#) && s.contains(r#"aria-labelledby="c-title c-desc""#));
        assert!(s.contains("<title id=\"c-title\">Referrals &lt;by&gt; source</title>"));
        assert!(s.contains("<desc id=\"c-desc\">Most &amp; more</desc>"));
        assert_eq!(s.matches("<rect").count(), 2, "a bar for each category, zero too");
    }

    #[test]
    fn a_line_breaks_where_a_figure_is_missing() {
        let s = svg(&chart(Kind::Lines, vec![Some(1.0), Some(2.0), None, Some(4.0)]));
        let path = s.split("<path d=\"").nth(1).and_then(|p| p.split('"').next()).unwrap();
        assert_eq!(path.matches('M').count(), 2, "{path}");
        assert_eq!(s.matches("<circle").count(), 3);
    }

    #[test]
    fn tables_and_csv_agree() {
        let mut c = chart(Kind::Lines, vec![Some(2.5), None]);
        assert_eq!(c.cell(Some(2.5)), "2.5");
        assert_eq!(c.cell(None), "–");
        assert_eq!(c.records(), vec![vec!["source", "Referrals"], vec!["Q0", "2.5"], vec!["Q1", ""]]);
        c.unit = Unit::Percent;
        assert_eq!(c.cell(Some(40.0)), "40%");
        assert_eq!(c.records()[0], vec!["source", "Referrals (%)"]);
    }
}
