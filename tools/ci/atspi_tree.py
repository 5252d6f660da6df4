#!/usr/bin/python3
"""Reads a running program's accessibility tree over AT-SPI, as a screen reader would.

    tools/ci/atspi_tree.py --pid PID --expect "Event: " --expect "Claim by " [--click "Copy all"]

Waits (up to --timeout seconds) until the program with process id PID is on the AT-SPI
desktop and has, for every --expect, a node whose name starts with it; prints the first such
name for each and exits 0, or prints what it did find and exits 1. With --click, it then
performs the default action (a click) of the first node named exactly that.

Needs a D-Bus session bus with the accessibility bus on it (at-spi2-core) and python3-pyatspi;
`tools/ci/shipped-binary.sh` sets all of that up. AccessKit only publishes its tree once
org.a11y.Status.IsEnabled is true; this script sets it, as a screen reader would.
"""

import argparse
import sys
import time

try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Gio, GLib
    import pyatspi
except (ImportError, ValueError) as e:
    sys.exit(f"atspi_tree.py: {e}: apt-get install python3-pyatspi at-spi2-core")


def enable_accessibility():
    """Tells applications that an assistive technology is listening (what Orca does)."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    for prop in ("IsEnabled", "ScreenReaderEnabled"):
        bus.call_sync(
            "org.a11y.Bus",
            "/org/a11y/bus",
            "org.freedesktop.DBus.Properties",
            "Set",
            GLib.Variant("(ssv)", ("org.a11y.Status", prop, GLib.Variant("b", True))),
            None,
            Gio.DBusCallFlags.NONE,
            5000,
            None,
        )


def application(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except GLib.Error:
            continue
    return None


def names(node, out, limit=20000):
    """Every (role, name) under `node`, depth first."""
    stack = [node]
    while stack and len(out) < limit:
        n = stack.pop()
        # AccessKit rebuilds the tree every frame that changes it: a child listed a moment
        # ago may be gone (None, or a D-Bus error) by the time it is read. The caller polls
        # until every expected name is seen, so a vanished node is simply skipped.
        if n is None:
            continue
        try:
            out.append((n.getRoleName(), n.name or "", n))
            stack.extend(n.getChildAtIndex(i) for i in reversed(range(n.childCount)))
        except (GLib.Error, AttributeError):
            continue
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--expect", action="append", default=[], help="a name prefix that must be found")
    ap.add_argument("--click", help="the exact name of a node to click once the others are found")
    ap.add_argument("--timeout", type=float, default=60.0)
    args = ap.parse_args()

    try:
        enable_accessibility()
    except GLib.Error as e:
        sys.exit(f"atspi_tree.py: cannot turn on accessibility over D-Bus ({e.message}): "
                 "run inside a D-Bus session (dbus-run-session) with at-spi2-core installed")

    deadline = time.monotonic() + args.timeout
    found, seen = {}, []
    while time.monotonic() < deadline:
        app = application(args.pid)
        if app is not None:
            seen = names(app, [])
            found = {}
            for prefix in args.expect:
                match = next((n for _, n, _ in seen if n.startswith(prefix)), None)
                if match is not None:
                    found[prefix] = match
            if len(found) == len(args.expect):
                break
        time.sleep(1.0)

    if application(args.pid) is None:
        desktop = pyatspi.Registry.getDesktop(0)
        apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
        listed = ", ".join(f"{a.name!r} (pid {a.get_process_id()})" for a in apps if a) or "none"
        sys.exit(f"atspi_tree.py: process {args.pid} never appeared on the AT-SPI desktop "
                 f"(applications there: {listed}); is it built with eframe's `accesskit` feature?")
    print(f"AT-SPI: {len(seen)} nodes under process {args.pid}")
    for prefix in args.expect:
        print(f"  {prefix!r}: {found.get(prefix, 'NOT FOUND')!r}")
    missing = [p for p in args.expect if p not in found]
    if missing:
        sample = sorted({f"{r}: {n[:60]}" for r, n, _ in seen if n})[:40]
        print("names seen:\n  " + "\n  ".join(sample), file=sys.stderr)
        sys.exit(f"atspi_tree.py: no node named {', '.join(map(repr, missing))}...")

    if args.click:
        # The node found above may have been replaced since (see `names`): look again and
        # retry until the deadline rather than fail on a node that no longer exists.
        while True:
            node = next((n for _, name, n in seen if name == args.click), None)
            try:
                if node is not None:
                    action = node.queryAction()
                    if action.nActions < 1:
                        sys.exit(f"atspi_tree.py: {args.click!r} has no action")
                    action.doAction(0)
                    print(f"  clicked {args.click!r} ({action.getName(0)})")
                    return
            except (GLib.Error, NotImplementedError, AttributeError):
                pass
            if time.monotonic() >= deadline + 10:
                sys.exit(f"atspi_tree.py: no node named {args.click!r} to click")
            time.sleep(0.5)
            app = application(args.pid)
            seen = names(app, []) if app is not None else []

if __name__ == "__main__":
    main()
