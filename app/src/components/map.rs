//! Maps of centres, drawn on the server as SVG from a coastline shipped with the app
//! (`app/data/map-outline.txt`, Natural Earth via world-atlas, made by `tools/map`): no tiles,
//! no request to anyone else, no code in the browser. A map adds to a list, never replaces it:
//! the drawing is hidden from assistive technology and its points are not in the tab order,
//! while a sentence beside it says what it shows and the list stays the way through.

use leptos::prelude::*;
use shared::LatLon;

/// A centre on a map: where, its name, its page, and its number in the list beside the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    pub at: LatLon,
    pub name: String,
    pub href: String,
    pub number: Option<usize>,
}

/// What a map shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapSpec {
    /// Centres drawn as numbered points that link to their pages.
    pub points: Vec<MapPoint>,
    /// Other centres that match, drawn small and plain.
    pub others: Vec<LatLon>,
    /// The place searched for, marked.
    pub place: Option<LatLon>,
    /// What the map shows, in a sentence (shown under it).
    pub summary: String,
    /// Width in the page's units; the height follows the area shown.
    pub width: f64,
    /// The smallest span shown, in degrees of latitude (a single centre is shown in its area).
    pub min_span: f64,
    /// Show the whole network whatever the points (a locator: where in the UK this is).
    pub whole_network: bool,
}

/// The area shown: a box in degrees, and how it maps to the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
struct View {
    west: f64,
    north: f64,
    /// Units per degree of latitude; a degree of longitude is `scale * cos(middle latitude)`.
    scale: f64,
    shrink: f64,
    width: f64,
    height: f64,
}

impl View {
    /// A view around `spots`, padded, within the aspect ratios a page can hold.
    fn around(spots: &[LatLon], width: f64, min_span: f64) -> Self {
        let (mut south, mut north, mut west, mut east) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for s in spots {
            south = south.min(s.lat());
            north = north.max(s.lat());
            west = west.min(s.lon());
            east = east.max(s.lon());
        }
        if spots.is_empty() {
            // The whole network: from the Channel Islands to Shetland.
            (south, north, west, east) = (49.1, 60.9, -8.3, 1.9);
        }
        let middle = (south + north) / 2.0;
        let shrink = middle.to_radians().cos();
        let pad = 0.12;
        let (mut lat_span, mut lon_span) = ((north - south).max(min_span), (east - west).max(min_span / shrink));
        lat_span *= 1.0 + 2.0 * pad;
        lon_span *= 1.0 + 2.0 * pad;
        // Between landscape 4:3 and portrait 3:4.
        let ratio = lat_span / (lon_span * shrink);
        if ratio > 4.0 / 3.0 {
            lon_span = lat_span / shrink * 3.0 / 4.0;
        } else if ratio < 3.0 / 4.0 {
            lat_span = lon_span * shrink * 3.0 / 4.0;
        }
        let (centre_lat, centre_lon) = ((south + north) / 2.0, (west + east) / 2.0);
        let scale = width / (lon_span * shrink);
        View {
            west: centre_lon - lon_span / 2.0,
            north: centre_lat + lat_span / 2.0,
            scale,
            shrink,
            width,
            height: (lat_span * scale).round(),
        }
    }

    fn x(&self, lon: f64) -> f64 {
        (lon - self.west) * self.shrink * self.scale
    }

    fn y(&self, lat: f64) -> f64 {
        (self.north - lat) * self.scale
    }
}

/// The coastline, one ring of (lon, lat) per line, read once.
#[cfg(feature = "ssr")]
fn outline() -> &'static [Vec<(f64, f64)>] {
    static RINGS: std::sync::LazyLock<Vec<Vec<(f64, f64)>>> = std::sync::LazyLock::new(|| {
        include_str!("../../data/map-outline.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('|'))
            .map(|(_, points)| {
                points
                    .split(' ')
                    .filter_map(|p| p.split_once(','))
                    .filter_map(|(lon, lat)| Some((lon.parse().ok()?, lat.parse().ok()?)))
                    .collect()
            })
            .collect()
    });
    &RINGS
}

/// `ring` cut to the rectangle `[lo, hi]` in both directions (Sutherland–Hodgman: one edge of
/// the rectangle at a time), so a ring much larger than the view adds only what is in it.
#[cfg(feature = "ssr")]
fn clip(ring: Vec<(f64, f64)>, lo: (f64, f64), hi: (f64, f64)) -> Vec<(f64, f64)> {
    // Each edge: is a point inside, and where a segment crosses it.
    type Edge = (fn((f64, f64), (f64, f64), (f64, f64)) -> bool, usize, bool);
    let edges: [Edge; 4] = [
        (|p, lo, _| p.0 >= lo.0, 0, false),
        (|p, _, hi| p.0 <= hi.0, 0, true),
        (|p, lo, _| p.1 >= lo.1, 1, false),
        (|p, _, hi| p.1 <= hi.1, 1, true),
    ];
    let mut points = ring;
    for (inside, axis, high) in edges {
        let Some(&last) = points.last() else { return points };
        let bound = if axis == 0 {
            if high { hi.0 } else { lo.0 }
        } else if high {
            hi.1
        } else {
            lo.1
        };
        let cross = |a: (f64, f64), b: (f64, f64)| {
            let (a_axis, b_axis) = if axis == 0 { (a.0, b.0) } else { (a.1, b.1) };
            let t = (bound - a_axis) / (b_axis - a_axis);
            (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
        };
        let mut out = Vec::with_capacity(points.len());
        let mut previous = last;
        for &point in &points {
            match (inside(point, lo, hi), inside(previous, lo, hi)) {
                (true, true) => out.push(point),
                (true, false) => {
                    out.push(cross(previous, point));
                    out.push(point);
                }
                (false, true) => out.push(cross(previous, point)),
                (false, false) => {}
            }
            previous = point;
        }
        points = out;
    }
    points
}

/// The land in view as one SVG path: each ring cut to the view (with a margin), and points
/// closer than a unit and a half to the last one kept left out (detail the drawing could not
/// show).
#[cfg(feature = "ssr")]
fn land_path(view: &View) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    let (lo, hi) = ((-10.0, -10.0), (view.width + 10.0, view.height + 10.0));
    for ring in outline() {
        let projected: Vec<(f64, f64)> = ring.iter().map(|&(lon, lat)| (view.x(lon), view.y(lat))).collect();
        let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for &(x, y) in &projected {
            (min_x, max_x, min_y, max_y) = (min_x.min(x), max_x.max(x), min_y.min(y), max_y.max(y));
        }
        let outside = max_x < lo.0 || min_x > hi.0 || max_y < lo.1 || min_y > hi.1;
        if outside || (max_x - min_x).max(max_y - min_y) < 2.0 {
            continue;
        }
        let clipped = clip(projected, lo, hi);
        if clipped.len() < 3 {
            continue;
        }
        let mut last: Option<(f64, f64)> = None;
        for (x, y) in clipped {
            if last.is_some_and(|(lx, ly)| (x - lx).hypot(y - ly) < 1.5) {
                continue;
            }
            let _ = write!(d, "{}{:.1},{:.1}", if last.is_none() { "M" } else { "L" }, x, y);
            last = Some((x, y));
        }
        d.push('Z');
    }
    d
}

#[cfg(not(feature = "ssr"))]
fn land_path(_: &View) -> String {
    String::new()
}

/// Colours as SVG attributes (not classes: the stylesheet every page loads stays as it is).
const SEA: &str = "#e8f1f8";
const LAND: &str = "#f3f2f1";
const COAST: &str = "#8a8f93";
const CENTRE: &str = "#1d70b8";
const OTHER: &str = "#505a5f";
const PLACE: &str = "#d4351c";
const WHITE: &str = "#ffffff";

/// The map as an SVG fragment, hidden from assistive technology (its sentence says what it shows).
pub fn svg(map: &MapSpec) -> String {
    use crate::components::chart::escape;
    use std::fmt::Write;
    let mut spots: Vec<LatLon> = map.points.iter().map(|p| p.at).collect();
    spots.extend(map.place);
    if map.whole_network {
        spots.clear();
    }
    let view = View::around(&spots, map.width, map.min_span);
    let (w, h) = (view.width, view.height);
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" aria-hidden="true" focusable="false" class="chart__svg"><rect width="{w}" height="{h}" fill="{SEA}"/><path d="{}" fill="{LAND}" stroke="{COAST}" stroke-width="0.8"/>"#,
        land_path(&view)
    );
    for at in &map.others {
        let _ =
            write!(out, r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{OTHER}"/>"#, view.x(at.lon()), view.y(at.lat()));
    }
    if let Some(at) = map.place {
        // A diamond, unlike the round centres.
        let _ = write!(
            out,
            r#"<path d="M{:.1},{:.1}l9,9l-9,9l-9,-9z" fill="{PLACE}" stroke="{WHITE}" stroke-width="2"/>"#,
            view.x(at.lon()),
            view.y(at.lat()) - 9.0
        );
    }
    // Drawn from the last so the first (the nearest) is on top.
    for p in map.points.iter().rev() {
        let (x, y) = (view.x(p.at.lon()), view.y(p.at.lat()));
        let label = p.number.map(|n| n.to_string()).unwrap_or_default();
        // A numbered point holds its number; a plain one is smaller.
        let r = if p.number.is_some() { 10 } else { 7 };
        let _ = write!(
            out,
            r#"<a href="{}" tabindex="-1"><title>{}</title><circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="{CENTRE}" stroke="{WHITE}" stroke-width="2"/><text x="{x:.1}" y="{:.1}" fill="{WHITE}" font-size="11" font-weight="700" text-anchor="middle">{label}</text></a>"#,
            escape(&p.href),
            escape(&p.name),
            y + 4.0
        );
    }
    out.push_str("</svg>");
    out
}

/// A map of centres with its sentence under it. `id` names it on the page.
#[component]
pub fn CentreMap(#[prop(into)] id: String, map: MapSpec) -> impl IntoView {
    let drawing = svg(&map);
    view! {
        <figure class="chart" id=id.clone()>
            <div class="chart__drawing" inner_html=drawing></div>
            <figcaption class="hint" id=format!("{id}-summary")>{map.summary}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    #[test]
    fn a_view_holds_every_spot_with_room_around_it() {
        let spots = [at(52.95, -1.15), at(53.8, -1.55), at(52.48, -1.9)];
        let view = View::around(&spots, 600.0, 0.4);
        for s in spots {
            let (x, y) = (view.x(s.lon()), view.y(s.lat()));
            assert!(x > 20.0 && x < view.width - 20.0, "{x}");
            assert!(y > 20.0 && y < view.height - 20.0, "{y}");
        }
        let ratio = view.height / view.width;
        assert!((0.74..=1.34).contains(&ratio), "{ratio}");
    }

    #[test]
    fn one_spot_is_shown_in_its_area_and_none_shows_the_whole_network() {
        let view = View::around(&[at(49.19, -2.11)], 300.0, 0.5);
        assert!(view.height > 100.0);
        assert!((view.x(-2.11) - 150.0).abs() < 1.0);
        let whole = View::around(&[], 300.0, 0.5);
        assert!(whole.y(60.8) > 0.0 && whole.y(49.2) < whole.height);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_coastline_is_drawn_in_view_and_left_out_elsewhere() {
        let uk = View::around(&[], 300.0, 0.5);
        let path = land_path(&uk);
        assert!(path.len() > 1_000, "{}", path.len());
        assert!(path.len() < 40_000, "a whole-UK map stays small: {}", path.len());
        // Far out at sea (west of Ireland): no land in view.
        let sea = View::around(&[at(50.0, -20.0)], 300.0, 0.5);
        assert_eq!(land_path(&sea), "");
    }
}
