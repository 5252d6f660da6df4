'use strict';
// Builds assets/map/region.geojson from Natural Earth data shipped in
// registry packages. Run through build.sh, which installs the pinned packages
// and passes their paths:
//   node build.js ADMIN1_GEOJSON LAKES_SHP_WITHOUT_EXTENSION OUT_GEOJSON
const fs = require('fs');
const mapshaper = require('mapshaper');
const { BBOX, ARMENIA, AZERBAIJAN, CITY_INTO_DISTRICT, COUNTRIES, LAKES } = require('./fixes.js');

// Douglas-Peucker tolerance for the topology-aware simplification, and the
// rounding of the written coordinates (degrees).
const SIMPLIFY = 'dp interval=250';
const PRECISION = 0.00001;

const [admin1Path, lakesBase, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node build.js ADMIN1_GEOJSON LAKES_SHP_BASE OUT_GEOJSON');
  process.exit(2);
}
const log = (msg) => console.log(`[map] ${msg}`);
const fail = (msg) => {
  console.error(`[map] error: ${msg}`);
  process.exit(1);
};

// ---------------------------------------------------------------- geometry
const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);

function inRing(pt, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > pt[1]) !== (yj > pt[1]) && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inGeometry = (pt, g) =>
  polygonsOf(g).some((p) => inRing(pt, p[0]) && !p.slice(1).some((h) => inRing(pt, h)));

// Does segment a-b touch the rectangle? (Liang-Barsky clipping)
function segmentHitsBox(a, b, [x0, y0, x1, y1]) {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  for (const [p, q] of [[-dx, a[0] - x0], [dx, x1 - a[0]], [-dy, a[1] - y0], [dy, y1 - a[1]]]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}
// Does the polygon geometry intersect the rectangle (with a non-empty area
// or along an edge)?
function intersectsBox(g, box) {
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) if (segmentHitsBox(ring[i - 1], ring[i], box)) return true;
    }
    if (inRing([box[0], box[1]], poly[0])) return true; // box inside the polygon
  }
  return false;
}

// ---------------------------------------------------------------- admin-1
const admin1 = JSON.parse(fs.readFileSync(admin1Path, 'utf8'));
log(`read ${admin1.features.length} admin-1 features from ${admin1Path}`);

const input = []; // features handed to mapshaper
const seen = new Set();
for (const f of admin1.features) {
  const p = f.properties;
  const country = COUNTRIES[p.adm0_a3];
  if (!country) continue;
  const code = p.adm1_code;
  seen.add(code);
  const base = { uid: code, country, adm1_code: code };
  if (p.adm0_a3 === 'ARM') {
    const e = ARMENIA[code];
    if (!e) fail(`Armenian feature ${code} (${p.name}) is not in fixes.js`);
    if (p.iso_3166_2 !== e.iso) fail(`${code}: NE iso ${p.iso_3166_2}, expected ${e.iso}`);
    if (p.name !== (e.ne_name || e.name)) fail(`${code}: NE name ${p.name}, expected ${e.ne_name || e.name}`);
    if (e.ne_name) log(`rename ${code} "${p.name}" -> "${e.name}"`);
    const native = String(p.name_local || '').split('|')[0];
    input.push({ ...f, properties: { ...base, kind: 'province', name: e.name, other_name: native, iso: e.iso } });
  } else if (p.adm0_a3 === 'AZE') {
    const c = CITY_INTO_DISTRICT[code];
    if (c) {
      if (p.name !== c.ne_name || p.iso_3166_2 !== c.ne_iso) fail(`${code}: NE says ${p.name}/${p.iso_3166_2}`);
      log(`drop city polygon ${code} "${p.name}" (${p.iso_3166_2}); its area is dissolved into district ${c.into}`);
      input.push({ ...f, properties: { uid: c.into, mergedCity: true } }); // properties set below
      continue;
    }
    const e = AZERBAIJAN[code];
    if (!e) fail(`Azerbaijani feature ${code} (${p.name}) is not in fixes.js`);
    if (p.iso_3166_2 !== (e.ne_iso || e.iso)) fail(`${code}: NE iso ${p.iso_3166_2}, expected ${e.ne_iso || e.iso}`);
    if (e.ne_name && p.name !== e.ne_name) fail(`${code}: NE name ${p.name}, expected ${e.ne_name}`);
    if (e.ne_iso || (e.ne_name && e.ne_name !== e.name)) {
      log(`fix ${code}: NE "${p.name}" ${p.iso_3166_2} (gn_name "${p.gn_name}") -> "${e.name}" ${e.iso}`);
    }
    const other = e.native !== e.name ? e.native : undefined;
    input.push({ ...f, properties: { ...base, kind: 'district', name: e.name, other_name: other, iso: e.iso } });
  } else {
    input.push({ ...f, properties: { ...base, kind: 'neighbour-admin1' } });
  }
}
// A dropped city takes its district's properties, so the dissolve keeps those
// whichever feature comes first.
const byUid = new Map(input.filter((f) => !f.properties.mergedCity).map((f) => [f.properties.uid, f.properties]));
for (const f of input) if (f.properties.mergedCity) f.properties = { ...byUid.get(f.properties.uid) };
for (const code of [...Object.keys(ARMENIA), ...Object.keys(AZERBAIJAN), ...Object.keys(CITY_INTO_DISTRICT)]) {
  if (!seen.has(code)) fail(`fixes.js names ${code}, which the source lacks`);
}

// Armenia (wholly inside the box) and all of Azerbaijan are kept whole; of
// the neighbours only the admin-1 polygons that reach into the box are kept,
// since their outlines are clipped to it.
const kept = input.filter((f) => f.properties.kind !== 'neighbour-admin1' || intersectsBox(f.geometry, BBOX));
for (const f of kept) {
  if (f.properties.country === 'Armenia' && !intersectsBox(f.geometry, BBOX)) fail(`${f.properties.adm1_code} lies outside the box`);
}
const outside = kept.filter((f) => f.properties.kind === 'district' && f.properties.name && !intersectsBox(f.geometry, BBOX))
  .map((f) => f.properties.name).sort();
const countOf = (pred) => kept.filter(pred).length;
log(`kept ${countOf((f) => f.properties.kind === 'province')} provinces, ` +
  `${new Set(kept.filter((f) => f.properties.kind === 'district').map((f) => f.properties.uid)).size} districts ` +
  `(all of Azerbaijan; ${outside.length} lie wholly east of the box: ${outside.join(', ')}), ` +
  `${countOf((f) => f.properties.kind === 'neighbour-admin1')} neighbouring admin-1 polygons for the outlines`);
const nbCountries = [...new Set(kept.filter((f) => f.properties.kind === 'neighbour-admin1').map((f) => f.properties.country))].sort();
log(`neighbouring countries reaching into the box: ${nbCountries.join(', ')}`);

// ---------------------------------------------------------------- lakes
async function readLakes() {
  const files = {};
  for (const ext of ['shp', 'shx', 'prj']) files[`lakes.${ext}`] = fs.readFileSync(`${lakesBase}.${ext}`);
  const out = await mapshaper.applyCommands(
    `-i lakes.shp -clip bbox=${BBOX.join(',')} -o lakes.json format=geojson geojson-type=FeatureCollection`, files);
  const fc = JSON.parse(String(out['lakes.json']));
  log(`ne_10m_lakes: ${fc.features.length} lake polygon(s) reach into the box`);
  const lakes = [];
  for (const f of fc.features) {
    const m = LAKES.find((l) => inGeometry(l.inside, f.geometry));
    if (!m) {
      log('  a lake matching no name in fixes.js is left out');
      continue;
    }
    log(`  ${m.name}`);
    lakes.push({ type: 'Feature', geometry: f.geometry,
      properties: { uid: `lake:${m.name}`, kind: 'lake', name: m.name, country: m.country } });
  }
  for (const l of LAKES) {
    if (l.required && !lakes.some((f) => f.properties.name === l.name)) fail(`${l.name} not found in the lakes layer`);
  }
  return lakes;
}

// ---------------------------------------------------------------- main
const KIND_ORDER = { country: 0, province: 1, district: 2, lake: 3 };
const PROP_ORDER = ['kind', 'name', 'other_name', 'country', 'iso', 'adm1_code'];

async function main() {
  const lakes = await readLakes();
  const adminFc = { type: 'FeatureCollection', features: kept };
  const lakesFc = { type: 'FeatureCollection', features: lakes };
  const box = BBOX.join(',');
  // One dataset, so every layer shares one set of arcs: simplifying them once
  // keeps the borders of neighbouring units identical, and the dissolved
  // country outlines reuse the same vertices.
  const cmd = [
    '-i admin.json lakes.json combine-files snap',
    '-rename-layers all,lakes',
    '-dissolve uid copy-fields=kind,name,other_name,country,iso,adm1_code target=all',
    `-simplify ${SIMPLIFY} keep-shapes target=all,lakes`,
    // Armenia and Azerbaijan: dissolves of their (whole) admin-1 units.
    '-filter "kind === \'province\' || kind === \'district\'" target=all + name=home',
    '-dissolve country target=home',
    // Neighbours: dissolves of their admin-1 units, clipped to the box.
    '-filter "kind === \'neighbour-admin1\'" target=all + name=neighbours',
    '-dissolve country target=neighbours',
    `-clip bbox=${box} target=neighbours`,
    '-merge-layers target=home,neighbours force name=countries',
    '-each "kind=\'country\', name=country" target=countries',
    '-filter "kind !== \'neighbour-admin1\'" target=all',
    '-merge-layers target=countries,all,lakes force name=region',
    `-o region.json format=geojson precision=${PRECISION} fix-geometry`,
  ].join(' ');
  log(`mapshaper ${cmd}`);
  const out = await mapshaper.applyCommands(cmd, { 'admin.json': JSON.stringify(adminFc), 'lakes.json': JSON.stringify(lakesFc) });
  const result = JSON.parse(String(out['region.json']));

  const features = result.features.map((f) => {
    const props = {};
    for (const k of PROP_ORDER) {
      const v = f.properties[k];
      if (v !== undefined && v !== null && v !== '') props[k] = v;
    }
    if (props.other_name === props.name) delete props.other_name;
    return { type: 'Feature', properties: props, geometry: f.geometry };
  });
  features.sort((a, b) => KIND_ORDER[a.properties.kind] - KIND_ORDER[b.properties.kind]
    || (a.properties.name < b.properties.name ? -1 : a.properties.name > b.properties.name ? 1 : 0));
  for (const f of features) {
    if (!f.geometry || !['Polygon', 'MultiPolygon'].includes(f.geometry.type)) {
      fail(`${f.properties.name}: geometry ${f.geometry && f.geometry.type}`);
    }
  }
  const text = '{"type":"FeatureCollection","features":[\n' +
    features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
  fs.writeFileSync(outPath, text);
  const by = {};
  for (const f of features) by[f.properties.kind] = (by[f.properties.kind] || 0) + 1;
  log(`wrote ${outPath}: ${features.length} features (${Object.entries(by).map(([k, n]) => `${n} ${k}`).join(', ')}), ${Buffer.byteLength(text)} bytes`);
}

main().catch((e) => fail(e.stack || String(e)));
