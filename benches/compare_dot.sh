#!/usr/bin/env bash
# Lays out and draws the same generated maps with Graphviz `dot -Tsvg` and
# with `argmap export --format svg`, whole processes, so the ratio can be
# read in one run. Needs graphviz, hyperfine and python3.
# Usage: benches/compare_dot.sh [NODES...]   (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
argmap=./target/release/argmap
work=$(mktemp -d)
for n in "${@:-1000 10000}"; do
    for size in $n; do
        $argmap generate --nodes "$size" --output "$work/$size.json"
        # Drop every position: argmap must lay the map out, as dot does.
        python3 - "$work/$size.json" <<'PY'
import json, sys
path = sys.argv[1]
m = json.load(open(path))
for node in m["nodes"]:
    node.pop("x", None); node.pop("y", None)
json.dump(m, open(path, "w"))
PY
        $argmap export "$work/$size.json" --format dot --output "$work/$size.dot"
        runs=$([ "$size" -ge 5000 ] && echo 2 || echo 10)
        hyperfine -N --warmup 1 --runs "$runs" \
            "$argmap export $work/$size.json --format svg --output $work/$size.svg" \
            "dot -Tsvg $work/$size.dot -o $work/$size.dot.svg"
    done
done
