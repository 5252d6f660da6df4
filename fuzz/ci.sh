#!/usr/bin/env bash
# The fuzz step of .ci/run: installs cargo-fuzz if missing, builds the targets and runs each for
# FUZZ_SECONDS (default 60) on seeds copied from the repository's own files. Whatever the
# toolchain cannot do is said in one line, "fuzzing not run: <reason>", and is not a failure;
# a crash, a slow input or a target that does not compile is.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${FUZZ_SECONDS:-60}
cargo_fuzz_version=0.13.2
started=$SECONDS

not_run() {
    echo "fuzzing not run: $1"
    exit 0
}

if ! cargo fuzz --version 2>/dev/null | grep -q "$cargo_fuzz_version"; then
    echo "installing cargo-fuzz $cargo_fuzz_version"
    cargo install cargo-fuzz --locked --version "$cargo_fuzz_version" --quiet ||
        not_run "cargo-fuzz $cargo_fuzz_version could not be installed (see above)"
fi
echo "cargo-fuzz ready after $((SECONDS - started)) s"

cargo fmt -- --check
# `cargo fuzz build` has no --locked: this fails instead if fuzz/Cargo.lock is out of date.
env -u RUSTFLAGS cargo fetch --locked --quiet

# Without a sanitizer cargo-fuzz passes only stable flags (-Cpasses=sancov-module and LLVM
# arguments), so a stable toolchain builds the targets with no RUSTC_BOOTSTRAP. libFuzzer still
# finds panics, aborts, timeouts and runaway memory; what is lost is AddressSanitizer, which
# safe Rust has little use for.
build_log=$(mktemp)
if ! cargo fuzz build --sanitizer none 2>"$build_log"; then
    if grep -qE "only accepted on the nightly compiler|unstable|-Z" "$build_log"; then
        reason=$(grep -m1 -E "nightly|unstable" "$build_log" | sed 's/^ *//')
        not_run "cargo-fuzz needs nightly flags on $(rustc --version): $reason"
    fi
    cat "$build_log" >&2
    echo "the fuzz targets do not build" >&2
    exit 1
fi
echo "fuzz targets built after $((SECONDS - started)) s"

# Seeds: the repository's datasets and fixtures, the saved views in seeds/, and every input
# that once failed (tests/fixtures/fuzz/), copied at run time into a scratch corpus.
work=$(mktemp -d)
trap 'rm -rf "$work" "$build_log"' EXIT
mkdir -p "$work/dataset" "$work/saved_view"
cp ../tests/fixtures/*.ron ../data/*.ron "$work/dataset/"
cp seeds/saved_view/* "$work/saved_view/"
for f in ../tests/fixtures/fuzz/*; do
    [ -e "$f" ] || continue
    case "$(basename "$f")" in
    *view*) cp "$f" "$work/saved_view/" ;;
    *) cp "$f" "$work/dataset/" ;;
    esac
done

# The two targets run side by side, one per core. An input that takes over 10 s or 2 GB fails
# the run: a hang or a runaway allocation is a bug like a panic.
run() {
    local target=$1 max_len=$2
    cargo fuzz run --sanitizer none "$target" "$work/$target" -- \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$work/$target.log" 2>&1
}
run dataset 16384 &
dataset_pid=$!
run saved_view 4096 &
view_pid=$!
failed=0
for target in dataset saved_view; do
    pid=$dataset_pid
    [ "$target" = saved_view ] && pid=$view_pid
    if wait "$pid"; then
        echo "fuzz $target: $(grep -m1 -E '^Done [0-9]+ runs' "$work/$target.log"), no failure"
    else
        failed=1
        echo "fuzz $target FAILED:" >&2
        grep -v -E '^#[0-9]+|^\s+[0-9]+: |^\s+at ' "$work/$target.log" | tail -40 >&2
        for a in artifacts/"$target"/*; do
            [ -e "$a" ] || continue
            echo "input $a, base64: $(base64 -w0 "$a")" >&2
        done
    fi
done
echo "fuzzing took $((SECONDS - started)) s"
exit $failed
