//! The board pages' parts: the filter form, an objective's table of indicators, an indicator in
//! full (value, target, trend chart with its table twin, split by nation, parts), the pack.
//! Every figure is shown by its words as disclosed ("<5", "[c]"); charts draw only numbers
//! that are shown.

use super::model::BoardView;
use crate::components::chart::{Chart, ChartData, Kind, Series, Unit as ChartUnit};
use crate::pages::returns::quarter_words;
use leptos::prelude::*;
use shared::board::compute::{Figure, IndicatorFigures};
use shared::board::disclosure::LEGEND;
use shared::board::indicators::{Objective, Unit, nation_label};
use shared::board::targets::Rag;
use shared::{Nation, Quarter};

/// `path` with the page's filters, as a link keeps them.
pub fn with_filter(path: &str, view: &BoardView) -> String {
    let mut out = format!("{path}?quarter={}", view.quarter);
    if let Some(n) = view.nation {
        out.push_str("&nation=");
        out.push_str(n.code());
    }
    out
}

fn area(view: &BoardView) -> &'static str {
    view.nation.map_or("the whole UK", nation_label)
}

/// "Figures for January to March 2026 (2026-Q1), the whole UK."
pub fn period_words(view: &BoardView) -> String {
    period_text(view.quarter, view.nation)
}

pub fn period_text(quarter: Quarter, nation: Option<Nation>) -> String {
    format!("Figures for {}, {}.", quarter_words(quarter), nation.map_or("the whole UK", nation_label))
}

/// The printed pack's stylesheet (`/board/pack.css`, loaded by the pack alone, for print): the
/// running head at the top of every page (a page margin box: pages allow no inline style), page
/// numbers, an objective to a page.
pub fn pack_print_css(quarter: Quarter, nation: Option<Nation>) -> String {
    let words = format!("NACCC board pack · {}", period_text(quarter, nation)).replace(['\\', '"'], "");
    format!(
        "@page {{ @top-left {{ content: \"{words}\"; font: 9pt sans-serif; }} \
         @bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); font: 9pt sans-serif; }} }}\n\
         .pack-page {{ break-after: page; }}\n.pack-page:last-child {{ break-after: auto; }}\n\
         .indicator, .chart, .table-wrap {{ break-inside: avoid; }}\n.table-wrap {{ overflow: visible; }}\n"
    )
}

pub fn as_of(view: &BoardView) -> String {
    match &view.changed {
        Some(at) => format!("{} The data they come from last changed on {at}.", period_words(view)),
        None => period_words(view),
    }
}

/// The period and nation: a plain GET form, so the address can be bookmarked and shared.
pub fn filter_form(view: &BoardView, action: &str) -> impl IntoView + use<> {
    let quarters = view
        .quarters
        .iter()
        .map(|q| {
            let selected = *q == view.quarter;
            view! { <option value=q.to_string() selected=selected>{quarter_words(*q)}</option> }
        })
        .collect_view();
    let nations = Nation::ALL
        .iter()
        .map(|n| {
            let selected = view.nation == Some(*n);
            view! { <option value=n.code() selected=selected>{nation_label(*n)}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action=action.to_owned() class="filters no-print" id="board-filters">
            <div class="form-group">
                <label class="label" for="quarter">"Quarter"</label>
                <select class="select" id="quarter" name="quarter">{quarters}</select>
            </div>
            <div class="form-group">
                <label class="label" for="nation">"Nation"</label>
                <select class="select" id="nation" name="nation">
                    <option value="" selected=view.nation.is_none()>"The whole UK"</option>
                    {nations}
                </select>
            </div>
            <div class="form-group"><button type="submit" class="button button--secondary">"Show these figures"</button></div>
        </form>
    }
}

fn rag_tag(rag: Option<Rag>) -> impl IntoView {
    match rag {
        Some(r) => {
            let class = match r {
                Rag::Green => "tag tag--green",
                Rag::Amber => "tag tag--yellow",
                Rag::Red => "tag tag--red",
            };
            view! { <strong class=class data-rag=r.code()>{r.label()}</strong> }.into_any()
        }
        None => view! { <span>"–"<span class="visually-hidden">" no target"</span></span> }.into_any(),
    }
}

/// Under the tables: what "<5" and "[c]" mean, and what red/amber/green compares.
fn key(view: &BoardView) -> impl IntoView + use<> {
    let rag = if view.nation.is_some() {
        "Targets are set for the whole UK, so red, amber and green are shown only for the whole UK."
    } else {
        "Red, amber and green compare each figure for the whole UK with the target NACCC set for it."
    };
    view! {
        <p class="hint board-key">{LEGEND}" "{rag}" Outside the whole-UK totals, counts of children, families and referrals are never shown where they are under 5 or come from fewer than 3 centres."</p>
    }
}

/// The figure a year before the quarter shown, if the trend has it.
fn year_before(f: &IndicatorFigures) -> String {
    let n = f.trend.len();
    if n >= 5 { f.trend.get(n - 5).map(|(_, fig)| fig.text.clone()).unwrap_or_default() } else { "–".to_owned() }
}

/// One objective's indicators as a table: value, a year before, target, status.
fn objective_table(view: &BoardView, o: Objective, indicators: &[IndicatorFigures]) -> impl IntoView + use<> {
    let rows = indicators
        .iter()
        .map(|f| {
            let href =
                format!("{}#{}", with_filter(&format!("/board/objectives/{}", o.number()), view), f.indicator.code());
            view! {
                <tr id=format!("row-{}", f.indicator.code())>
                    <th scope="row"><a href=href>{f.indicator.name()}</a></th>
                    <td class="table__numeric" data-value=f.indicator.code()>{f.value.text.clone()}</td>
                    <td class="table__numeric">{year_before(f)}</td>
                    <td>{f.target.clone().unwrap_or_else(|| "–".to_owned())}</td>
                    <td>{rag_tag(f.rag)}</td>
                </tr>
            }
        })
        .collect_view();
    let caption = format!("Objective {}: indicators", o.number());
    let label = caption.clone();
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-label=label>
            <table class="table" id=format!("objective-{}", o.number())>
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr>
                    <th scope="col">"Indicator"</th>
                    <th scope="col" class="table__numeric">{view.quarter.to_string()}</th>
                    <th scope="col" class="table__numeric">"A year before"</th>
                    <th scope="col">"Target"</th>
                    <th scope="col">"Status"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// `/board`: every objective's table.
pub fn overview(view: &BoardView) -> impl IntoView + use<> {
    let objectives = view
        .objectives
        .iter()
        .map(|o| {
            let href = with_filter(&format!("/board/objectives/{}", o.objective.number()), view);
            view! {
                <h2 class="heading-m">{format!("Objective {}: {}", o.objective.number(), o.objective.title())}</h2>
                {objective_table(view, o.objective, &o.indicators)}
                <p class="body no-print"><a href=href>{format!("Objective {} in detail: trends, nations and parts", o.objective.number())}</a></p>
            }
        })
        .collect_view();
    view! {
        {summary(view)}
        {objectives}
        {key(view)}
        <p class="body no-print">
            <a href=with_filter("/board/pack", view) id="board-pack-link">"The board pack, to print"</a>" · "
            <a href=with_filter("/board/indicators.csv", view) id="board-csv" download="indicators.csv">"Download every indicator (CSV)"</a>
        </p>
    }
}

/// One sentence a board member reads first: how many indicators are on, near or off target.
fn summary(view: &BoardView) -> impl IntoView + use<> {
    let all: Vec<&IndicatorFigures> = view.objectives.iter().flat_map(|o| o.indicators.iter()).collect();
    let count = |r: Rag| all.iter().filter(|f| f.rag == Some(r)).count();
    let text = if view.nation.is_some() {
        format!("{} indicators for {}; targets apply to the whole UK.", all.len(), area(view))
    } else {
        format!(
            "Of {} indicators with a target, {} are green, {} amber and {} red.",
            all.iter().filter(|f| f.rag.is_some()).count(),
            count(Rag::Green),
            count(Rag::Amber),
            count(Rag::Red)
        )
    };
    view! { <p class="body-l" id="board-summary">{text}</p> }
}

/// A list of (label, figure) as a two-column table.
fn figures_table(id: String, caption: String, first: &'static str, rows: Vec<(String, Figure)>) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|(label, f)| view! { <tr><th scope="row">{label}</th><td class="table__numeric">{f.text}</td></tr> })
        .collect_view();
    let label = caption.clone();
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-label=label>
            <table class="table" id=id>
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr><th scope="col">{first}</th><th scope="col" class="table__numeric">"Figure"</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

fn trend_chart(view: &BoardView, f: &IndicatorFigures) -> Option<impl IntoView + use<>> {
    if f.trend.is_empty() {
        return None;
    }
    let name = f.indicator.name();
    let shown: Vec<&(Quarter, Figure)> = f.trend.iter().filter(|(_, fig)| fig.number.is_some()).collect();
    let summary = match (shown.first(), shown.last()) {
        (Some((q1, a)), Some((q2, b))) if q1 != q2 => {
            format!("{name}, {}: {} in {q1}, {} in {q2}.", area(view), a.text, b.text)
        }
        (Some((q, a)), _) => {
            format!("{name}, {}: {} in {q}; no other quarter has a figure to show.", area(view), a.text)
        }
        _ => format!("{name}, {}: no quarter has a figure that can be shown.", area(view)),
    };
    let chart = ChartData {
        id: f.indicator.code(),
        title: format!("{name}: the last {} quarters", f.trend.len()),
        summary,
        kind: Kind::Lines,
        unit: if f.indicator.unit() == Unit::Percent { ChartUnit::Percent } else { ChartUnit::Count },
        category: "Quarter",
        categories: f.trend.iter().map(|(q, _)| q.to_string()).collect(),
        series: vec![Series {
            name: area(view).to_owned(),
            values: f.trend.iter().map(|(_, fig)| fig.number).collect(),
        }],
    };
    let texts = vec![f.trend.iter().map(|(_, fig)| fig.text.clone()).collect()];
    let csv_href = format!("{}&indicator={}", with_filter("/board/indicators.csv", view), f.indicator.code());
    Some(view! { <Chart chart csv_href texts /> })
}

/// One indicator in full.
fn indicator_detail(view: &BoardView, f: &IndicatorFigures) -> impl IntoView + use<> {
    let code = f.indicator.code();
    let by_nation = f.by_nation.iter().map(|(n, fig)| (nation_label(*n).to_owned(), fig.clone())).collect();
    let parts = (!f.breakdown.is_empty()).then(|| {
        figures_table(
            format!("{code}-parts"),
            format!("{}: its parts, {}", f.indicator.name(), view.quarter),
            "Part",
            f.breakdown.clone(),
        )
    });
    let today_only = f.indicator.today_only().then(|| view! { <p class="body">"Known as things stand today: the history of this figure is not kept, so it has no trend."</p> });
    view! {
        <section class="indicator" id=code aria-labelledby=format!("{code}-heading")>
            <h2 class="heading-m" id=format!("{code}-heading")>{f.indicator.name()}</h2>
            <p class="body">{f.indicator.source()}</p>
            <dl class="figure-cards">
                <div class="figure-card">
                    <dt class="figure-card__term">{format!("{}, {}", view.quarter, area(view))}</dt>
                    <dd class="figure-card__value" id=format!("{code}-value")>{f.value.text.clone()}</dd>
                </div>
                <div class="figure-card">
                    <dt class="figure-card__term">"Target"</dt>
                    <dd class="figure-card__value">{f.target.clone().unwrap_or_else(|| "None set".to_owned())}</dd>
                </div>
                <div class="figure-card">
                    <dt class="figure-card__term">"Status"</dt>
                    <dd class="figure-card__value">{rag_tag(f.rag)}</dd>
                </div>
            </dl>
            {today_only}
            {trend_chart(view, f)}
            <h3 class="heading-s">{format!("By nation, {}", view.quarter)}</h3>
            {figures_table(format!("{code}-nations"), format!("{}: by nation, {}", f.indicator.name(), view.quarter), "Nation", by_nation)}
            {parts.map(|p| view! { <h3 class="heading-s">"Its parts"</h3> {p} })}
        </section>
    }
}

/// `/board/objectives/{n}`: every indicator of one objective in full.
pub fn objective_detail(view: &BoardView, o: Objective) -> impl IntoView + use<> {
    let indicators = view
        .objectives
        .iter()
        .filter(|x| x.objective == o)
        .flat_map(|x| x.indicators.iter())
        .map(|f| indicator_detail(view, f))
        .collect_view();
    view! { {indicators} {key(view)} }
}

/// `/board/pack`: one objective to a printed page, the period and area at the top of each.
pub fn pack(view: &BoardView) -> impl IntoView + use<> {
    let pages = view
        .objectives
        .iter()
        .map(|o| {
            let details = o.indicators.iter().map(|f| indicator_detail(view, f)).collect_view();
            view! {
                // Printed, the head repeats at the top of every page the objective runs to.
                <section class="pack-page" aria-labelledby=format!("pack-objective-{}", o.objective.number())>
                    <div class="pack-page__head"><p class="body"><strong>{format!("NACCC board pack · {}", period_words(view))}</strong></p></div>
                    <div class="pack-page__body">
                        <h2 class="heading-l" id=format!("pack-objective-{}", o.objective.number())>{format!("Objective {}: {}", o.objective.number(), o.objective.title())}</h2>
                        {objective_table(view, o.objective, &o.indicators)}
                        {details}
                        {key(view)}
                    </div>
                </section>
            }
        })
        .collect_view();
    let css = format!("/board/pack.css?quarter={}&nation={}", view.quarter, view.nation.map_or("", |n| n.code()));
    view! {
        <link rel="stylesheet" href=css media="print" />
        <p class="body no-print">"Print this page (or save it as a PDF) for the board: each objective starts a new page, and every page says which quarter and nation it is for."</p>
        {pages}
    }
}
