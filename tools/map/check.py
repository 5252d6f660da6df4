#!/usr/bin/env python3
"""Checks assets/map/region.geojson (standard library only).

usage: python3 check.py [PATH]   (default: assets/map/region.geojson)
Prints one line per check and exits non-zero if any fails.
"""
import json
import math
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "assets", "map", "region.geojson")
BBOX = (43.0, 38.3, 47.5, 41.9)
KEYS = ["kind", "name", "other_name", "country", "iso", "adm1_code"]
PROVINCES = ["Aragatsotn", "Ararat", "Armavir", "Gegharkunik", "Kotayk", "Lori", "Shirak",
             "Syunik", "Tavush", "Vayots Dzor", "Yerevan"]
DISTRICTS = ["Kalbajar", "Lachin", "Dashkasan", "Gadabay", "Tovuz", "Qubadli", "Zangilan", "Jabrayil",
             "Shusha", "Khojaly", "Khankendi", "Aghdam", "Fuzuli", "Qazakh", "Aghstafa", "Sharur", "Sadarak",
             "Babek", "Julfa", "Ordubad", "Kangarli", "Shahbuz", "Nakhchivan City"]
ONCE = ["Lankaran", "Shaki", "Shusha", "Yevlakh"]
POINTS = [  # (place, lat, lon, expected unit)
    ("Jermuk", 39.8414, 45.6719, "Vayots Dzor"),
    ("Sotk", 40.2097, 45.9267, "Gegharkunik"),
    ("Verin Shorzha", 40.1561, 45.8539, "Gegharkunik"),
    ("Goris", 39.5111, 46.3386, "Syunik"),
    ("Sisian", 39.5208, 46.0322, "Syunik"),
    ("Kalbajar town", 40.1017, 46.0364, "Kalbajar"),
    ("Yerevan centre", 40.1792, 44.4991, "Yerevan"),
    ("Shusha town", 39.7583, 46.7500, "Shusha"),
    ("Shaki town", 41.1975, 47.1694, "Shaki"),
]

failures = 0


def report(ok, text):
    global failures
    if not ok:
        failures += 1
    print(("ok   " if ok else "FAIL ") + text)


def polygons(g):
    return [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]


def signed_area(ring):
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1)) / 2


def in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def contains(g, x, y):
    return any(in_ring(x, y, p[0]) and not any(in_ring(x, y, h) for h in p[1:]) for p in polygons(g))


def segments(g):
    for p in polygons(g):
        for r in p:
            for i in range(len(r) - 1):
                yield tuple(r[i]), tuple(r[i + 1])


def vertices(g):
    return {tuple(v) for p in polygons(g) for r in p for v in r}


def seg_dist(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


size = os.path.getsize(PATH)
with open(PATH, encoding="utf-8") as fh:
    fc = json.load(fh)
feats = fc["features"]
report(fc["type"] == "FeatureCollection", f"{PATH}: one FeatureCollection, {len(feats)} features, {size} bytes")
report(60_000 <= size <= 200_000, f"size {size / 1024:.1f} KiB within 60-200 KB")

by_kind = defaultdict(list)
bad_keys = []
for f in feats:
    p = f["properties"]
    by_kind[p["kind"]].append(f)
    ks = list(p)
    if ks != [k for k in KEYS if k in p] or not {"kind", "name", "country"} <= set(ks):
        bad_keys.append(p.get("name"))
report(not bad_keys, f"properties are kind,name[,other_name],country[,iso][,adm1_code] in that order {bad_keys or ''}")
report(set(by_kind) == {"country", "province", "district", "lake"},
       "kinds: " + ", ".join(f"{len(v)} {k}" for k, v in sorted(by_kind.items())))

prov = sorted(f["properties"]["name"] for f in by_kind["province"])
report(prov == PROVINCES, f"11 Armenian provinces: {', '.join(prov)}")
report(all(f["properties"]["country"] == "Armenia" and f["properties"]["iso"].startswith("AM-") for f in by_kind["province"]),
       "provinces: country Armenia, iso AM-*")
dnames = [f["properties"]["name"] for f in by_kind["district"]]
missing = [n for n in DISTRICTS if n not in dnames]
report(not missing, f"districts present: {', '.join(DISTRICTS)} {('missing ' + str(missing)) if missing else ''}")
report(len(set(dnames)) == len(dnames), f"{len(dnames)} district names, all distinct")
for n in ONCE:
    hits = [f["properties"] for f in feats if f["properties"]["name"] == n]
    report(len(hits) == 1, f"exactly one feature named {n}: {[(h['kind'], h.get('iso'), h.get('adm1_code')) for h in hits]}")
lachin = [f["properties"] for f in by_kind["district"] if f["properties"]["name"] == "Lachin"]
report(lachin and lachin[0].get("iso") == "AZ-LAC" and lachin[0].get("adm1_code") == "AZE-1735",
       f"Lachin: {lachin}")
isos = [f["properties"]["iso"] for f in feats if "iso" in f["properties"]]
report(len(isos) == len(set(isos)), f"{len(isos)} iso codes, all distinct")
countries = sorted(f["properties"]["name"] for f in by_kind["country"])
report({"Armenia", "Azerbaijan", "Georgia", "Turkey", "Iran"} <= set(countries), f"country outlines: {', '.join(countries)}")
lakes = sorted(f["properties"]["name"] for f in by_kind["lake"])
report("Lake Sevan" in lakes, f"lakes: {', '.join(lakes)}")

# Geometry: types, closed rings, winding, precision.
bad_geom, bad_wind, max_dec = [], [], 0
for f in feats:
    g = f["geometry"]
    if g["type"] not in ("Polygon", "MultiPolygon"):
        bad_geom.append(f["properties"]["name"])
        continue
    for p in polygons(g):
        for i, r in enumerate(p):
            if len(r) < 4 or r[0] != r[-1]:
                bad_geom.append(f["properties"]["name"])
            a = signed_area(r)
            if (i == 0 and a <= 0) or (i > 0 and a >= 0):
                bad_wind.append(f["properties"]["name"])
            for x, y in r:
                for c in (x, y):
                    s = repr(c)
                    max_dec = max(max_dec, len(s.split(".")[1]) if "." in s else 0)
report(not bad_geom, f"all geometries Polygon/MultiPolygon with closed rings {sorted(set(bad_geom)) or ''}")
report(not bad_wind, f"winding: outer rings counter-clockwise, holes clockwise (RFC 7946) {sorted(set(bad_wind)) or ''}")
report(max_dec <= 5, f"coordinates have at most {max_dec} decimals")
xs = [v[0] for f in feats for v in vertices(f["geometry"])]
ys = [v[1] for f in feats for v in vertices(f["geometry"])]
print(f"     extent lon {min(xs):.3f}..{max(xs):.3f}, lat {min(ys):.3f}..{max(ys):.3f}; {len(xs)} distinct vertices")

# Points in polygons.
units = by_kind["province"] + by_kind["district"]
for place, lat, lon, want in POINTS:
    got = [f["properties"]["name"] for f in units if contains(f["geometry"], lon, lat)]
    report(got == [want], f"{place} ({lat}N {lon}E) is in {got}, expected {want}")

# Shared borders: a vertex of one polygon that lies within ~100 m of another
# polygon's boundary must be one of that polygon's vertices, unless it is a
# junction with a third polygon (no gaps, overlaps or T-junctions between
# neighbours, and the country outlines reuse the units' vertices). Edges that
# the clipping to the box made are left out.
CELL = 0.01
shapes = [f for f in feats if f["properties"]["kind"] != "lake"]
shape_vertices = [vertices(f["geometry"]) for f in shapes]
owners = defaultdict(set)
for idx, vs in enumerate(shape_vertices):
    for v in vs:
        owners[v].add(idx)
outline_of = {f["properties"]["name"]: i for i, f in enumerate(shapes) if f["properties"]["kind"] == "country"}
on_edge = lambda v: v[0] in (BBOX[0], BBOX[2]) or v[1] in (BBOX[1], BBOX[3])
inside_box = lambda v, m: BBOX[0] + m < v[0] < BBOX[2] - m and BBOX[1] + m < v[1] < BBOX[3] - m
CLIPPED = {f["properties"]["name"] for f in shapes
           if f["properties"]["kind"] == "country" and f["properties"]["name"] not in ("Armenia", "Azerbaijan")}
box_edge = lambda a, b: (a[0] == b[0] and a[0] in (BBOX[0], BBOX[2])) or (a[1] == b[1] and a[1] in (BBOX[1], BBOX[3]))
grid = defaultdict(list)
for idx, f in enumerate(shapes):
    for a, b in segments(f["geometry"]):
        if box_edge(a, b):
            continue
        for cx in range(math.floor(min(a[0], b[0]) / CELL) - 1, math.floor(max(a[0], b[0]) / CELL) + 2):
            for cy in range(math.floor(min(a[1], b[1]) / CELL) - 1, math.floor(max(a[1], b[1]) / CELL) + 2):
                grid[(cx, cy)].append((idx, a, b))
problems = {"unit": [], "country": []}
for i, f in enumerate(shapes):
    for v in shape_vertices[i]:
        if on_edge(v):
            continue
        for j, a, b in grid.get((math.floor(v[0] / CELL), math.floor(v[1] / CELL)), ()):
            if j == i or v in shape_vertices[j] or seg_dist(v, a, b) >= 0.001:
                continue
            if shapes[j]["properties"]["name"] in CLIPPED and not inside_box(v, 0.002):
                continue  # the clipped outline ends at the box
            mine = {i, j, outline_of.get(f["properties"]["country"]), outline_of.get(shapes[j]["properties"]["country"])}
            if owners[v] - mine:
                continue  # a junction with a third polygon
            kind = "country" if "country" in (f["properties"]["kind"], shapes[j]["properties"]["kind"]) else "unit"
            problems[kind].append(f"{f['properties']['name']}/{shapes[j]['properties']['name']} at {v}")
            break
report(not problems["unit"], f"neighbouring provinces/districts share identical border vertices "
       f"({len(problems['unit'])} near-misses) {problems['unit'][:5]}")
report(not problems["country"], f"country outlines reuse the units' border vertices "
       f"({len(problems['country'])} near-misses) {problems['country'][:5]}")
unit_vertices = [vertices(f["geometry"]) for f in units]
union = lambda country: set().union(*[unit_vertices[i] for i, u in enumerate(units) if u["properties"]["country"] == country])
for name in ("Armenia", "Azerbaijan"):
    outline = next(f for f in by_kind["country"] if f["properties"]["name"] == name)
    extra = vertices(outline["geometry"]) - union(name)
    report(not extra, f"{name} outline = dissolve of its units: every outline vertex is a unit vertex ({len(extra)} others)")

print(f"check: {'all passed' if not failures else str(failures) + ' failed'}")
sys.exit(1 if failures else 0)
