#!/usr/bin/env bash
# Measures the terminal app's speed:
#   - time to first frame: from starting the learnkv process to its tab bar
#     on a pseudo-terminal of 80x24 (built-in lessons, in-memory sandbox);
#     target <= 150 ms;
#   - one View() of the wide layout with a 1,000-row result and its trace
#     on screen; target <= 16 ms.
# Usage: bench/firstframe.sh [runs]   (default 20 process starts)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
echo "== time to first frame ($runs process starts)"
go test -run NONE -bench 'BenchmarkFirstFrame' -benchtime "${runs}x" ./cmd/learnkv
echo "== View() with a 1,000-row result and the trace"
go test -run NONE -bench 'BenchmarkViewThousandRowsAndTrace|BenchmarkUpdateScrollResults' -benchmem ./ui
