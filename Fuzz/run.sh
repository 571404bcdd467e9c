#!/usr/bin/env bash
# Builds the fuzz targets of Fuzz/Targets with libFuzzer and AddressSanitizer, seeds each corpus from
# inputs the product itself writes (and the sample CSVs), then runs every target for FUZZ_SECONDS
# (default 30) and prints the executions of each. Exits non-zero when any target crashes; the crashing
# input is left in .build-fuzz/crashes/ — turn it into a test in Tests/ChannelStoreTests/FuzzRegressionTests.swift.
#
#   FUZZ_SECONDS=20 bash Fuzz/run.sh          # what CI runs
#   FUZZ_TARGETS="csv" FUZZ_SECONDS=300 bash Fuzz/run.sh
#   .build-fuzz/bin/fuzz-csv .build-fuzz/crashes/csv-crash-…   # replay one input
#
# Not SwiftPM: the targets must be built with -sanitize=fuzzer, which SwiftPM cannot apply to one
# product, so the ChannelModel and ChannelStore sources are compiled here with swiftc, as modules of
# the same names. The ChannelResources target (Bundle.module) is replaced by Fuzz/Support/ChannelResources.swift,
# which reads Resources/default-policy.json from the path in FUZZ_POLICY_JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${FUZZ_SECONDS:-30}
out=${FUZZ_BUILD_DIR:-$root/.build-fuzz}
read -r -a targets <<< "${FUZZ_TARGETS:-snapshot plist journal csv mdf domain}"
swiftc=${SWIFTC:-swiftc}
sanitizers=fuzzer,address

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# Swift's own crash backtracer fights ASan over the crashed process; let libFuzzer report instead.
export SWIFT_BACKTRACE=enable=no
export FUZZ_POLICY_JSON=$root/Resources/default-policy.json
if [ -z "${FUZZ_SAMPLE_DIR:-}" ]; then
  for candidate in "$root/Tests/Fixtures/sample"; do
    if [ -d "$candidate" ]; then FUZZ_SAMPLE_DIR=$candidate; break; fi
  done
fi
export FUZZ_SAMPLE_DIR=${FUZZ_SAMPLE_DIR:-}

mkdir -p "$out/modules" "$out/bin" "$out/crashes" "$out/logs"
# -enable-testing: the mdf target reaches the CSV reader and field parsers, which are internal;
# -package-name: the sources use `package` access, as SwiftPM builds them.
# -I Sources/CPSL: ChannelModel reaches libpsl and libidn2 through that module map, linked below.
flags=(-sanitize=$sanitizers -parse-as-library -O -enable-testing -package-name ChannelDesk -I "$out/modules" -L "$out/modules"
       -I "$root/Sources/CPSL" -I "$root/Sources/CDeflate")

# One static library per module, rebuilt when any of its sources (or this script) is newer.
build_module() {
  local name=$1; shift
  local lib=$out/modules/lib$name.a
  if [ -f "$lib" ] && [ -z "$(find "$@" "$root/Fuzz/run.sh" -newer "$lib" -print -quit)" ]; then return; fi
  echo "building $name"
  "$swiftc" "${flags[@]}" -wmo -module-name "$name" -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
    -emit-library -static -o "$lib.tmp" "$@" 2> >(grep -v "warning: Cannot export local symbol" >&2)
  mv "$lib.tmp" "$lib"
}
mapfile -t model_sources < <(find Sources/ChannelModel -name '*.swift' | sort)
mapfile -t store_sources < <(find Sources/ChannelStore -name '*.swift' | sort)
build_module ChannelModel "${model_sources[@]}"
build_module ChannelResources Fuzz/Support/ChannelResources.swift
build_module ChannelStore "${store_sources[@]}"

declare -A target_files=(
  [snapshot]="Fuzz/Targets/SnapshotFuzz.swift Fuzz/Targets/SnapshotSeeds.swift Fuzz/Targets/CSVSeeds.swift"
  [plist]="Fuzz/Targets/PlistTablesFuzz.swift Fuzz/Targets/SnapshotSeeds.swift Fuzz/Targets/CSVSeeds.swift"
  [journal]="Fuzz/Targets/JournalFuzz.swift Fuzz/Targets/CSVSeeds.swift"
  [csv]="Fuzz/Targets/CSVImportFuzz.swift Fuzz/Targets/CSVSeeds.swift"
  [mdf]="Fuzz/Targets/MDFCSVFuzz.swift"
  [domain]="Fuzz/Targets/DomainFuzz.swift"
)
# Largest input the fuzzer tries: enough for every seed and a few rows more.
declare -A max_len=([snapshot]=65536 [plist]=65536 [journal]=16384 [csv]=8192 [mdf]=8192 [domain]=256)

for target in "${targets[@]}"; do
  read -r -a files <<< "${target_files[$target]:?unknown fuzz target $target (snapshot, plist, journal, csv, mdf, domain)}"
  binary=$out/bin/fuzz-$target
  if [ ! -x "$binary" ] || [ -n "$(find "${files[@]}" Fuzz/Support "$out/modules" -newer "$binary" -print -quit)" ]; then
    echo "building fuzz-$target"
    "$swiftc" "${flags[@]}" -module-name "Fuzz_$target" "${files[@]}" Fuzz/Support/FuzzSupport.swift \
      -lChannelStore -lChannelResources -lChannelModel -lpsl -lidn2 -ldeflate -o "$binary" 2> >(grep -v "warning: Cannot export local symbol" >&2)
  fi
  rm -rf "$out/seeds/$target"
  FUZZ_WRITE_SEEDS=$out/seeds/$target "$binary" >/dev/null
done

status=0
summary=()
for target in "${targets[@]}"; do
  corpus=$out/corpus/$target
  mkdir -p "$corpus"
  log=$out/logs/$target.log
  echo "fuzzing $target for ${seconds}s"
  if "$out/bin/fuzz-$target" -max_total_time="$seconds" -max_len="${max_len[$target]}" -timeout=10 -rss_limit_mb=4096 \
       -print_final_stats=1 -artifact_prefix="$out/crashes/$target-" "$corpus" "$out/seeds/$target" >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log and $out/crashes/)"
    status=1
    grep -E "ERROR|Fatal error|fuzz property|SUMMARY|Test unit written" "$log" | head -20 >&2 || true
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  summary+=("$(printf '%-9s %10s executions in %ss, corpus %s inputs: %s' "$target" "${runs:-?}" "${took:-?}" "$(ls "$corpus" | wc -l)" "$result")")
done
printf '%s\n' "${summary[@]}"
exit $status
