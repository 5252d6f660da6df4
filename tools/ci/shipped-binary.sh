#!/usr/bin/env bash
# What the shipped binary promises, checked in a real window under Xvfb:
# - Export → Copy window image (Ctrl+Shift+C) puts a PNG of the window on the X clipboard;
# - a screen reader reads the timeline's markers and the claim cards over AT-SPI;
# - a click on a source's https link starts the browser with that address;
# - the problem panel's "Copy all" puts the messages on the clipboard.
# Tests of the test build cannot show these: egui_kittest brings features into it that the
# release build may lack, and it never talks to a real clipboard or screen reader.
#
# Usage: tools/ci/shipped-binary.sh target/release/claimline
# Needs (Debian): xvfb xauth xdotool xclip imagemagick dbus-daemon dbus-bin at-spi2-core python3-pyatspi
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:?usage: tools/ci/shipped-binary.sh path/to/claimline}")

if [ -z "${CLAIMLINE_SHIPPED_INSIDE:-}" ]; then
    missing=()
    for need in xvfb-run:xvfb xauth:xauth xdotool:xdotool xclip:xclip identify:imagemagick \
        dbus-run-session:dbus-daemon dbus-send:dbus-bin; do
        command -v "${need%%:*}" >/dev/null || missing+=("${need#*:}")
    done
    [ -x /usr/libexec/at-spi-bus-launcher ] || missing+=(at-spi2-core)
    /usr/bin/python3 -c 'import pyatspi' 2>/dev/null || missing+=(python3-pyatspi)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "shipped-binary.sh: missing: apt-get install ${missing[*]}" >&2
        exit 1
    fi
    # A private session bus (the accessibility bus starts on it) and a private X server.
    CLAIMLINE_SHIPPED_INSIDE=1 exec dbus-run-session -- \
        xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$bin"
fi

# A fresh home for the app's remembered state, so a run by hand leaves the user's alone.
work=$(mktemp -d)
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_RUNTIME_DIR=$work/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "shipped-binary.sh: $*" >&2; exit 1; }

# Starts the app on the given files; sets $pid and $win once its window shows.
start() {
    "$bin" "$@" >"$work/app.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    win=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -1) ||
        fail "no window from $bin within 60 s: $(tail -5 "$work/app.log")"
    sleep 5 # the bundled dataset loads and the first frames are drawn
    kill -0 "$pid" 2>/dev/null || fail "the app exited: $(tail -5 "$work/app.log")"
    # winit ignores keys sent to a window (XSendEvent): focus it and type as a user would.
    xdotool windowfocus --sync "$win"
}

# The browser: a stand-in that writes down what it was asked to open.
export BROWSER="$work/browser %s"
printf '#!/bin/sh\necho "$1" >>"%s"\n' "$work/opened" >"$work/browser"
chmod +x "$work/browser"

echo "== shipped binary: copy the window image"
start tests/fixtures/borderland.ron
echo -n "before the copy" | xclip -selection clipboard -i
xdotool key --clearmodifiers ctrl+shift+c
png=$work/clip.png
for _ in $(seq 20); do
    sleep 0.5
    if xclip -selection clipboard -t TARGETS -o 2>/dev/null | grep -qx image/png; then break; fi
done
targets=$(xclip -selection clipboard -t TARGETS -o 2>&1 | tr '\n' ' ')
grep -qw image/png <<<"$targets" ||
    fail "no image/png on the clipboard after Ctrl+Shift+C (its targets: $targets)"
xclip -selection clipboard -t image/png -o >"$png"
[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "the clipboard's image/png is not a PNG"
read -r ww wh < <(xdotool getwindowgeometry --shell "$win" | awk -F= '/^WIDTH|^HEIGHT/{printf "%s ", $2} END{print ""}')
read -r pw ph < <(identify -format '%w %h\n' "$png")
echo "window ${ww}x${wh}, clipboard PNG ${pw}x${ph} ($(stat -c %s "$png") bytes)"
# The picture is the window with the caption band under it.
[ "$pw" -eq "$ww" ] && [ "$ph" -gt "$wh" ] && [ "$ph" -lt $((wh + 400)) ] ||
    fail "the clipboard picture (${pw}x${ph}) is not the ${ww}x${wh} window with its caption"

echo "== shipped binary: the accessibility tree over AT-SPI"
xdotool key --clearmodifiers Right # select the first event, so its claim cards show
/usr/bin/python3 tools/ci/atspi_tree.py --pid "$pid" --expect "Event: " --expect "Claim by "

echo "== shipped binary: a source link opens the browser"
/usr/bin/python3 tools/ci/atspi_tree.py --pid "$pid" --expect "Northern Herald" \
    --click "Northern Herald, 2022-09-13"
for _ in $(seq 10); do [ -s "$work/opened" ] && break; sleep 0.5; done
[ "$(cat "$work/opened" 2>/dev/null)" = https://example.org/herald ] ||
    fail "the browser was not asked for https://example.org/herald (asked for: $(cat "$work/opened" 2>/dev/null))"
echo "browser asked for: $(cat "$work/opened")"
kill "$pid"

echo "== shipped binary: Copy all in the problem panel"
broken=$work/broken.ron
sed 's/actor: "north-mod"/actor: "north-mdo"/' tests/fixtures/borderland.ron >"$broken"
grep -q north-mdo "$broken" || fail "could not make a broken copy of tests/fixtures/borderland.ron"
start "$broken"
echo -n "before the copy" | xclip -selection clipboard -i
/usr/bin/python3 tools/ci/atspi_tree.py --pid "$pid" --expect "Copy all" --click "Copy all"
sleep 1
copied=$(xclip -selection clipboard -o)
echo "clipboard: ${copied%%$'\n'*}"
grep -q "broken.ron:[0-9]*:[0-9]*: .*north-mdo" <<<"$copied" ||
    fail "Copy all did not put the messages on the clipboard (it holds: ${copied:0:200})"
echo "shipped binary: clipboard and accessibility work"
