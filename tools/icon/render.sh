#!/usr/bin/env bash
# Renders assets/icon/claimline.svg to the PNG sizes the desktop (hicolor theme) and the window
# use. Needs rsvg-convert (Debian: apt-get install librsvg2-bin). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v rsvg-convert >/dev/null; then
    echo "rsvg-convert is missing: apt-get install librsvg2-bin" >&2
    exit 1
fi
# 16 px comes from claimline-small.svg, the same picture redrawn on whole pixels: scaled down,
# the big drawing's thin lines blur into grey at that size.
for size in 16 32 48 64 128 256 512; do
    source=assets/icon/claimline.svg
    [ "$size" -eq 16 ] && source=assets/icon/claimline-small.svg
    rsvg-convert --width "$size" --height "$size" --format png \
        --output "assets/icon/claimline-$size.png" "$source"
    echo "assets/icon/claimline-$size.png (from $source)"
done
