#!/usr/bin/env bash
# The whole `channeldesk import registrations FILE.csv` command (read, parse, journal, apply, checkpoint:
# durable) of a generated 1M-row registrations CSV, beside `sqlite3 .import --csv` of the same CSV into
# a new table, in a new database file and in :memory:, run after run, back to back. Prints one line per
# run and the medians. Each binary named imports into its own fresh copy of a programme holding only the
# partners and MDF requests the rows refer to, so two builds (before/after a change) compare on one
# machine in one session:
#
#   swift build -c release --product channeldesk && swift build -c release --product channeldesk-bench
#   RUNS=5 bash Benchmarks/import-vs-sqlite.sh .build/release/channeldesk /tmp/before/channeldesk
#
# REGISTRATIONS / PARTNERS size the generated programme (default 1,000,000 / 10,000); IMPORT_BENCH_DIR
# is where its files go (kept, so later runs skip the generation).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${IMPORT_BENCH_DIR:-/tmp/channeldesk-import-bench}
runs=${RUNS:-5}
registrations=${REGISTRATIONS:-1000000}
partners=${PARTNERS:-10000}
binaries=("$@")
[ ${#binaries[@]} -gt 0 ] || binaries=(.build/release/channeldesk)
bench=${BENCH:-.build/release/channeldesk-bench}
tool=${binaries[0]}
mkdir -p "$dir"

if [ ! -f "$dir/registrations.csv" ]; then
  echo "generating $registrations registrations, $partners partners in $dir" >&2
  rm -f "$dir"/source.cdesk* "$dir"/base.cdesk*
  "$bench" --measure-open "$dir/source.cdesk" --mode generate --registrations "$registrations" --partners "$partners" >/dev/null
  for kind in partners mdf-requests registrations; do
    "$tool" export "$kind" --file "$dir/source.cdesk" --output "$dir/$kind.csv"
  done
  "$tool" import partners "$dir/partners.csv" --file "$dir/base.cdesk" --actor bench >/dev/null
  "$tool" import mdf-requests "$dir/mdf-requests.csv" --file "$dir/base.cdesk" --actor bench >/dev/null
fi
csv=$dir/registrations.csv
echo "CSV: $(wc -c < "$csv") bytes, $(($(wc -l < "$csv") - 1)) lines after the header" >&2

seconds() {
  local start end
  start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'
}

declare -A times
names=()
for run in $(seq 1 "$runs"); do
  line="run $run:"
  for binary in "${binaries[@]}"; do
    work=$dir/work.cdesk
    rm -f "$dir"/work.cdesk*
    for file in "$dir"/base.cdesk*; do cp "$file" "$dir/work.cdesk${file#"$dir"/base.cdesk}"; done
    sync
    t=$(seconds "$binary" import registrations "$csv" --file "$work" --actor bench)
    times[$binary]+="$t "
    line+=" $binary $t s;"
  done
  rm -f "$dir/sqlite.db"; sync
  t=$(seconds sqlite3 "$dir/sqlite.db" ".import --csv '$csv' registrations")
  times[sqlite-file]+="$t "; line+=" sqlite3 file $t s;"
  t=$(seconds sqlite3 :memory: ".import --csv '$csv' registrations")
  times[sqlite-memory]+="$t "; line+=" sqlite3 :memory: $t s"
  echo "$line"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
echo "medians of $runs runs:"
for key in "${binaries[@]}" sqlite-file sqlite-memory; do
  echo "  $key: $(echo "${times[$key]}" | median) s"
done
