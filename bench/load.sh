#!/usr/bin/env bash
# Loads a 100,000-row INSERT script through `learnkv cql -f` and the
# equivalent SQL script through sqlite3 (in one transaction), each run
# three times on this machine, and prints the median times and the ratio.
#
#   bench/load.sh [ROWS]
#
# Needs sqlite3 (apt-get install sqlite3). learnkv is measured on disk
# (--data in a temporary directory) and in memory (--memory), with the
# script creating a keyspace of replication factor 1 (sqlite keeps one
# copy) and, for reference, the default keyspace (replication factor 3).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed"; exit 1; }

go build -o "$work/learnkv" ./cmd/learnkv

{
  echo "CREATE KEYSPACE bench WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};"
  echo "USE bench;"
  echo "CREATE TABLE users (id int PRIMARY KEY, name text, email text, age int);"
  for ((i = 0; i < rows; i++)); do
    echo "INSERT INTO users (id, name, email, age) VALUES ($i, 'user$i', 'user$i@example.com', $((20 + i % 50)));"
  done
} > "$work/rf1.cql"
sed -e '1,2d' "$work/rf1.cql" > "$work/rf3.cql"
{
  echo "BEGIN;"
  echo "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT, age INTEGER);"
  sed -e '1,3d' "$work/rf1.cql"
  echo "COMMIT;"
} > "$work/load.sql"

median() { sort -n | sed -n 2p; }
timeit() { # prints seconds for one run of "$@"
  local s e
  s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
run3() {
  for r in 1 2 3; do
    rm -rf "$work/db" "$work/data"
    timeit "$@"
  done | median
}

sq=$(run3 sh -c "sqlite3 '$work/db' < '$work/load.sql'")
sqm=$(run3 sh -c "sqlite3 ':memory:' < '$work/load.sql'")
disk=$(run3 "$work/learnkv" cql --data "$work/data" -f "$work/rf1.cql")
mem=$(run3 "$work/learnkv" cql --memory -f "$work/rf1.cql")
rf3=$(run3 "$work/learnkv" cql --memory -f "$work/rf3.cql")

printf "rows: %d (median of 3 runs)\n" "$rows"
printf "sqlite3, file, one transaction:      %6.3f s\n" "$sq"
printf "sqlite3, :memory:, one transaction:  %6.3f s\n" "$sqm"
printf "learnkv cql, disk, RF 1:             %6.3f s  (%.2fx sqlite3 file)\n" "$disk" "$(echo "$disk / $sq" | bc -l)"
printf "learnkv cql, memory, RF 1:           %6.3f s  (%.2fx sqlite3 :memory:)\n" "$mem" "$(echo "$mem / $sqm" | bc -l)"
printf "learnkv cql, memory, RF 3 (default): %6.3f s\n" "$rf3"
