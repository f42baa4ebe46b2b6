#!/usr/bin/env bash
# Loads generated datasets of 1,000,000 rows and prints the load rate the
# sandbox reports (issue target: >= 200k rows/s on this machine).
#
#   bench/dataset.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/learnkv" ./cmd/learnkv
for ds in sensors orders; do
  for rf in 1 3; do
    "$work/learnkv" cql --memory -e "CREATE KEYSPACE b WITH replication = {'class': 'SimpleStrategy', 'replication_factor': $rf}; USE b; LOAD DATASET $ds ROWS $rows" |
      sed "s/^/memory RF $rf: /"
  done
  rm -rf "$work/data"
  "$work/learnkv" cql --data "$work/data" -e "CREATE KEYSPACE b WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}; USE b; LOAD DATASET $ds ROWS $rows" |
    sed "s/^/disk   RF 3: /"
done
