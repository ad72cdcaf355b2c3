// Makes app/data/map-outline.txt, the coastline the server draws centre maps from: the UK,
// Ireland, the Isle of Man, Jersey, Guernsey and the mainland coast across the Channel, from Natural Earth
// 1:10m (public domain) as the world-atlas package redistributes it. One ring per line:
// `<area>|lon,lat lon,lat …` in degrees to 3 decimal places (about 100 m), with points closer
// than SPACING to the last one kept dropped, and rings smaller than MIN_SPAN left out.
// Run: `npm install && npm run outline` in tools/map (the output is committed).
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const SPACING = 0.012; // degrees
const MIN_SPAN = 0.03; // degrees: smaller islets are not drawn
// What the maps can show: from Scilly and the Channel Islands to Shetland.
const BOX = { west: -11, east: 2.5, south: 48.5, north: 61 };
const AREAS = {
  "United Kingdom": "uk",
  Ireland: "ie",
  "Isle of Man": "im",
  Jersey: "je",
  Guernsey: "gg",
  France: "fr",
  Belgium: "be",
  Netherlands: "nl",
};
// The mainland coast across the Channel is cut to this box, whose edges lie beyond any view.
const NEIGHBOURS = { west: -6, east: 9, south: 45.5, north: 54 };

/** `ring` cut to `box` (Sutherland–Hodgman, one edge at a time). */
function clip(ring, box) {
  const edges = [
    [(p) => p[0] >= box.west, 0, box.west],
    [(p) => p[0] <= box.east, 0, box.east],
    [(p) => p[1] >= box.south, 1, box.south],
    [(p) => p[1] <= box.north, 1, box.north],
  ];
  let points = ring;
  for (const [inside, axis, bound] of edges) {
    if (points.length === 0) return points;
    const out = [];
    let previous = points[points.length - 1];
    const cross = (a, b) => {
      const t = (bound - a[axis]) / (b[axis] - a[axis]);
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    };
    for (const point of points) {
      if (inside(point)) {
        if (!inside(previous)) out.push(cross(previous, point));
        out.push(point);
      } else if (inside(previous)) {
        out.push(cross(previous, point));
      }
      previous = point;
    }
    points = out;
  }
  return points;
}

const topo = JSON.parse(readFileSync(new URL("./node_modules/world-atlas/countries-10m.json", import.meta.url)));
const countries = feature(topo, topo.objects.countries).features;
const lines = [
  "# Natural Earth 1:10m coastlines (public domain), via world-atlas 2.0.2; made by tools/map/make-outline.mjs.",
];
for (const country of countries) {
  const area = AREAS[country.properties.name];
  if (!area) continue;
  const polygons = country.geometry.type === "Polygon" ? [country.geometry.coordinates] : country.geometry.coordinates;
  for (const polygon of polygons) {
    const neighbour = ["fr", "be", "nl"].includes(area);
    const ring = neighbour ? clip(polygon[0], NEIGHBOURS) : polygon[0]; // outer ring only: no lakes
    if (ring.length < 4) continue;
    const inBox = ring.some(([lon, lat]) => lon >= BOX.west && lon <= BOX.east && lat >= BOX.south && lat <= BOX.north);
    if (!inBox) continue;
    const kept = [];
    for (const [lon, lat] of ring) {
      const last = kept[kept.length - 1];
      if (!last || Math.hypot(lon - last[0], lat - last[1]) >= SPACING) kept.push([lon, lat]);
    }
    const lons = kept.map((p) => p[0]);
    const lats = kept.map((p) => p[1]);
    const span = Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats));
    if (kept.length < 4 || span < MIN_SPAN) continue;
    lines.push(`${area}|${kept.map(([lon, lat]) => `${lon.toFixed(3)},${lat.toFixed(3)}`).join(" ")}`);
  }
}
const out = new URL("../../app/data/map-outline.txt", import.meta.url);
writeFileSync(out, lines.join("\n") + "\n");
console.log(`${lines.length - 1} rings, ${lines.join("\n").length} bytes`);
