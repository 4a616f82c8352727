#!/usr/bin/env bash
# Seeds each fuzz target's corpus (maps/, tests/bad/, tests/good/ and, when
# present, ../shared/interop) and runs it for SECONDS (default 600) with a
# 2 s limit per input. Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo +nightly install cargo-fuzz
# Crashes and slow inputs land in fuzz/artifacts/<target>/; copy each into
# tests/bad/ so that `cargo test` keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ron json aif argdown kialo)
shared=../shared/interop
seed() { # target, files...
    local dir=fuzz/corpus/$1; shift
    mkdir -p "$dir"
    for f in "$@"; do
        if [ -f "$f" ]; then cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; fi
    done
}
for target in "${targets[@]}"; do
    case $target in
        ron) seed ron maps/*.ron tests/bad/*.ron tests/good/*.ron ;;
        json) seed json tests/bad/*.json tests/good/*.json
              cargo run -q -- export maps/internet-sovereignty.ron --format json \
                  --output fuzz/corpus/json/shipped-map.json ;;
        aif) seed aif $shared/aif/*.json tests/bad/*.aif.json
             cargo run -q -- export maps/internet-sovereignty.ron --format aif \
                 --output fuzz/corpus/aif/shipped-map.aif.json ;;
        argdown) seed argdown $shared/argdown/*.argdown $shared/argdown/cli-include/*.argdown tests/bad/*.argdown ;;
        kialo) seed kialo $shared/other/*.txt tests/bad/*kialo*.txt ;;
    esac
    echo "== fuzzing $target for $seconds s"
    cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -timeout=2 -rss_limit_mb=4096 -print_final_stats=1
done
