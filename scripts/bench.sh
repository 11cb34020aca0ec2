#!/usr/bin/env bash
# The benchmark of issue 6: the whole nightly job against DuckDB computing the bare RFM table,
# on the same generated files, side by side in one run.
#
#   scripts/bench.sh small|medium|large
#
#   size     customers   orders       interactions
#   small       10,000      100,000         50,000
#   medium     200,000    2,000,000      1,000,000
#   large    1,000,000   10,000,000      5,000,000
#
# Steps:
#   1. Builds target/rfm-segmentation.jar (mvn -B -q -DskipTests package at the root) when it is missing or
#      older than src/main or pom.xml (the rule of scripts/rfm-nightly.sh, checked again before every round so
#      that no build happens inside a timed run), and lets the run script prepare its fast start-up (target/cds)
#      with one untimed run on sample-data, and bench/target/duckdb-rfm.jar (the separate Maven project
#      bench/, so DuckDB never enters the product jar) when missing or older than bench/src or bench/pom.xml.
#   2. Generates the data once into target/bench-data/SIZE/ with the jar's `generate` command (seed $SEED);
#      a folder that is complete (its .complete marker names the same sizes and seed) is reused.
#      Delete the folder to generate it again.
#   3. Runs REPS rounds, each (a) then (b), every run under /usr/bin/time (wall, user, sys, peak RSS):
#      (a) the whole job through the README's run command:
#          scripts/rfm-nightly.sh --input DATA --output RUN/out --as-of 2026-11-22 --db RUN/db --quiet
#          with a fresh RUN folder each round, run from inside RUN (so the job's logs/ land there);
#      (b) DuckDB (2 threads): java -jar bench/target/duckdb-rfm.jar --input DATA --as-of 2026-11-22 --out RUN/rfm.csv
#   4. Prints the machine, every run, and the table: median wall seconds, median CPU seconds (user + sys),
#      max peak RSS (MiB), and the ratio job/DuckDB of the median wall times (with issue 6's target).
#   5. With CHECK=1 (the default for medium): joins the last round's customers_scored.csv with DuckDB's table
#      on customer_id and requires equal recency_days, frequency and monetary for every customer with counted
#      orders (bench.CompareRfm); prints the number of mismatches and the first few.
#
#   6. With WARM=N (default 0: off): runs the whole job N more times in one JVM (bench.WarmRuns, with the JVM
#      options the run script gives these inputs: RFM_PRINT_JAVA_OPTS=1 scripts/rfm-nightly.sh ...), each a first
#      night on a fresh output folder and database as in the rounds, and prints each run's wall seconds, timed
#      inside the JVM (its own start and, for big inputs, its heap's touch are not in them), and the ratio to
#      DuckDB's median (a whole process). The first run warms the code up as every run of the README's command
#      does (classes loaded, code interpreted, then compiled while it runs); the later ones show the job's own
#      work with the code compiled. Every run's customers_scored.csv must equal the first's.
#
# Environment: REPS (3), CHECK (1 for medium, else 0), SEED (42), JAVA_OPTS (passed to the job, as by
# rfm-nightly.sh), BENCH_DATA=DIR (use an existing input folder instead of generating; for testing the harness),
# KEEP=1 (keep every round's run folder; by default only the last round's stays, under target/bench-runs/SIZE/),
# WARM=N (step 6).
#
# Exit codes: 0 success; 1 a run failed or the check found mismatches; 2 bad usage.
# Timings are reported, never asserted.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2; }
die() { echo "bench: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || usage
size="$1"
case "$size" in
  small)  customers=10000;   orders=100000;   interactions=50000;   target_ratio=3.0 ;;
  medium) customers=200000;  orders=2000000;  interactions=1000000; target_ratio=3.0 ;;
  large)  customers=1000000; orders=10000000; interactions=5000000; target_ratio=2.5 ;;
  -h|--help) usage ;;
  *) echo "bench: unknown size '$size' (small, medium or large)" >&2; exit 2 ;;
esac

as_of=2026-11-22
reps="${REPS:-3}"
seed="${SEED:-42}"
if [[ "$size" == medium ]]; then check="${CHECK:-1}"; else check="${CHECK:-0}"; fi
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "bench: REPS must be a positive number, not '$reps'" >&2; exit 2; }
warm="${WARM:-0}"
[[ "$warm" =~ ^(0|[1-9][0-9]*)$ ]] || { echo "bench: WARM must be a number of runs, not '$warm'" >&2; exit 2; }

job_jar="$root/target/rfm-segmentation.jar"
bench_jar="$root/bench/target/duckdb-rfm.jar"
work="$root/target/bench-runs/$size"

# ---------------------------------------------------------------------------------------------- tools
timer=/usr/bin/time
if [[ ! -x "$timer" ]]; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "bench: installing GNU time (apt-get install -y time) ..." >&2
    { apt-get update -q && apt-get install -y -q time; } >/dev/null || die "could not install GNU time"
  else
    die "$timer (GNU time) is missing: install the 'time' package"
  fi
fi

# ---------------------------------------------------------------------------------------------- build
stale() { # stale JAR SOURCES...: the jar is missing or a source is newer
  local jar="$1"; shift
  [[ ! -f "$jar" ]] || [[ -n "$(find "$@" -newer "$jar" -print -quit 2>/dev/null)" ]]
}
build_log="$root/target/bench-build.log"
build() { # build DIR POM DESCRIPTION
  echo "bench: building $3 ..." >&2
  mkdir -p "$root/target"
  if ! (cd "$1" && mvn -B -q -DskipTests -f "$2" package) >"$build_log" 2>&1; then
    tail -n 40 "$build_log" >&2
    die "building $3 failed (full log: $build_log)"
  fi
}
warm_up() { # one untimed run on sample-data: the run script prepares its fast start-up (target/cds) if it must
  local warm
  warm="$(mktemp -d)"
  echo "bench: one untimed run on sample-data (prepares the run script's fast start-up once per build) ..." >&2
  (cd "$warm" && "$root/scripts/rfm-nightly.sh" --input "$root/sample-data" --output "$warm/out" --as-of "$as_of" \
    --job "$root/sample-data/sample-shop.yml" --db "$warm/db" --quiet) >/dev/null 2>&1 || true
  rm -rf "$warm"
}
build_job_if_stale() {
  if stale "$job_jar" "$root/src/main" "$root/pom.xml"; then build "$root" pom.xml "$job_jar"; warm_up; fi
}
build_job_if_stale
# the start-up archive must be for this jar (the run script's check), also when the jar was built outside the
# bench: otherwise the first timed run would prepare it
[[ "$(cut -d' ' -f1 "$root/target/cds/ready" 2>/dev/null)" == "$(md5sum < "$job_jar" | cut -c1-32)" ]] || warm_up
if stale "$bench_jar" "$root/bench/src" "$root/bench/pom.xml"; then build "$root/bench" pom.xml "$bench_jar"; fi

# ---------------------------------------------------------------------------------------------- data
if [[ -n "${BENCH_DATA:-}" ]]; then
  data="$(cd "$BENCH_DATA" && pwd)"
  echo "bench: using the input folder $data (BENCH_DATA), not generated data" >&2
else
  data="$root/target/bench-data/$size"
  marker="customers=$customers orders=$orders interactions=$interactions seed=$seed"
  if [[ -f "$data/.complete" && "$(cat "$data/.complete")" == "$marker" ]]; then
    echo "bench: reusing $data" >&2
  else
    echo "bench: generating $size data into $data ($marker) ..." >&2
    partial="$data.partial"
    rm -rf "$data" "$partial"
    mkdir -p "$partial"
    start=$SECONDS
    java -jar "$job_jar" generate --customers "$customers" --orders "$orders" \
      --interactions "$interactions" --out "$partial" --seed "$seed" >&2 \
      || die "generating the data failed (java -jar $job_jar generate ...)"
    for f in orders.csv interactions.csv customers.csv; do
      [[ -s "$partial/$f" ]] || die "the generator wrote no $partial/$f"
    done
    echo "$marker" >"$partial/.complete"
    mv "$partial" "$data"
    echo "bench: generated in $((SECONDS - start)) s" >&2
  fi
fi
[[ -f "$data/orders.csv" ]] || die "no $data/orders.csv"

# ---------------------------------------------------------------------------------------------- runs
rm -rf "$work"
mkdir -p "$work"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"   # other work on the machine skews every figure
results="$work/results.tsv"   # tool round wall user sys maxrss_kib
: >"$results"

# timed TOOL ROUND RUNDIR COMMAND...: runs COMMAND inside RUNDIR under GNU time, records the figures.
timed() {
  local tool="$1" round="$2" dir="$3"; shift 3
  if ! (cd "$dir" && "$timer" -f '%e %U %S %M' -o "$dir/time.txt" "$@") >"$dir/console.log" 2>&1; then
    tail -n 30 "$dir/console.log" >&2
    die "$tool run $round failed (console: $dir/console.log)"
  fi
  local wall user sys rss
  read -r wall user sys rss < <(tail -n 1 "$dir/time.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$round" "$wall" "$user" "$sys" "$rss" >>"$results"
  printf 'bench: round %s %-6s wall %6.2f s  cpu %6.2f s  peak RSS %5d MiB\n' \
    "$round" "$tool" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$((rss / 1024))" >&2
}

for ((round = 1; round <= reps; round++)); do
  # (a) the whole job, fresh output folder and job repository each round
  build_job_if_stale   # the other side of the rule rfm-nightly.sh applies: never build inside a timed run
  jar_stamp="$(stat -c %Y "$job_jar")"
  job_dir="$work/job-$round"
  mkdir -p "$job_dir"
  timed job "$round" "$job_dir" "$root/scripts/rfm-nightly.sh" --input "$data" --output "$job_dir/out" \
    --as-of "$as_of" --db "$job_dir/db" --quiet
  [[ "$(stat -c %Y "$job_jar")" == "$jar_stamp" ]] \
    || die "target/rfm-segmentation.jar changed during round $round (rebuilt while benchmarking); run again"
  [[ -f "$job_dir/out/$as_of/customers_scored.csv" ]] || die "the job published no $job_dir/out/$as_of/customers_scored.csv"

  # (b) DuckDB, bare RFM table, 2 threads
  duck_dir="$work/duckdb-$round"
  mkdir -p "$duck_dir"
  timed duckdb "$round" "$duck_dir" java -jar "$bench_jar" --input "$data" --as-of "$as_of" --out "$duck_dir/rfm.csv"

  if [[ "${KEEP:-0}" != 1 && $round -lt $reps ]]; then rm -rf "$job_dir" "$duck_dir"; fi
done

# ---------------------------------------------------------------------------------------------- report
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
figure() { # figure TOOL wall|cpu|rss
  case "$2" in
    wall) awk -F'\t' -v t="$1" '$1 == t { print $3 }' "$results" | median ;;
    cpu)  awk -F'\t' -v t="$1" '$1 == t { print $4 + $5 }' "$results" | median ;;
    rss)  awk -F'\t' -v t="$1" '$1 == t && $6 > m { m = $6 } END { printf "%.0f\n", m / 1024 }' "$results" ;;
  esac
}

job_wall="$(figure job wall)";       duck_wall="$(figure duckdb wall)"
job_cpu="$(figure job cpu)";         duck_cpu="$(figure duckdb cpu)"
job_rss="$(figure job rss)";         duck_rss="$(figure duckdb rss)"
ratio_wall="$(awk -v a="$job_wall" -v b="$duck_wall" 'BEGIN { printf "%.2f", a / b }')"
ratio_cpu="$(awk -v a="$job_cpu" -v b="$duck_cpu" 'BEGIN { printf "%.2f", a / b }')"
ratio_rss="$(awk -v a="$job_rss" -v b="$duck_rss" 'BEGIN { printf "%.2f", a / b }')"

echo
if [[ -n "${BENCH_DATA:-}" ]]; then what="the input folder BENCH_DATA"; else what="$customers customers, $orders orders, $interactions interactions"; fi
echo "== rfm-segmentation bench: $size ($what; as-of $as_of; $reps rounds) =="
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "load:    1/5/15-min load averages $load_before before the runs, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "java:    $(java -version 2>&1 | sed -n 1p); JAVA_OPTS='${JAVA_OPTS:-}'"
echo "duckdb:  $(java -jar "$bench_jar" --version) via duckdb_jdbc, threads=2"
echo "data:    $data ($(du -sh --exclude=.complete "$data" | cut -f1))"
echo
printf '%-8s %16s %16s %18s\n' tool "median wall s" "median CPU s" "max peak RSS MiB"
printf '%-8s %16.2f %16.2f %18d\n' job "$job_wall" "$job_cpu" "$job_rss"
printf '%-8s %16.2f %16.2f %18d\n' duckdb "$duck_wall" "$duck_cpu" "$duck_rss"
printf '%-8s %16s %16s %18s\n' job/duck "${ratio_wall}x" "${ratio_cpu}x" "${ratio_rss}x"
echo
echo "ratio job/DuckDB (wall): $ratio_wall   (issue 6 target for $size: <= $target_ratio; reported, not asserted)"
echo "runs (round tool: wall s, user s, sys s, peak RSS MiB):"
awk -F'\t' '{ printf "  %s %-6s %7.2f %7.2f %7.2f %6d\n", $2, $1, $3, $4, $5, $6 / 1024 }' "$results"
echo "last round kept in $work"

# ---------------------------------------------------------------------------------------------- check
if [[ "$check" == 1 ]]; then
  echo
  status=0
  java -cp "$bench_jar" bench.CompareRfm "$work/job-$reps/out/$as_of/customers_scored.csv" \
    "$work/duckdb-$reps/rfm.csv" 10 || status=$?
  case "$status" in
    0) echo "check: OK, the job's recency_days, frequency and monetary equal DuckDB's for every customer with counted orders" ;;
    1) echo "check: FAILED" >&2; exit 1 ;;
    *) die "the check could not run (exit $status)" ;;
  esac
fi

# ---------------------------------------------------------------------------------------------- warm runs
if ((warm > 0)); then
  warm_dir="$work/warm"
  rm -rf "$warm_dir"
  mkdir -p "$warm_dir"
  # the JVM options the run script works out for these inputs, one per line; with its start-up archive among them,
  # the product's classes are its extracted jar (target/cds), which the archive is for (the JVM takes the archive
  # with the bench's classes after that jar), else the jar is extracted here
  warm_opts_text="$(RFM_PRINT_JAVA_OPTS=1 "$root/scripts/rfm-nightly.sh" --input "$data" --output "$warm_dir/out" \
    --as-of "$as_of" --db "$warm_dir/db")" || die "RFM_PRINT_JAVA_OPTS=1 scripts/rfm-nightly.sh failed"
  mapfile -t warm_opts <<<"$warm_opts_text"
  if [[ " ${warm_opts[*]} " == *" -XX:SharedArchiveFile="* ]]; then
    product="$root/target/cds/rfm-segmentation.jar"
  else
    java -Djarmode=tools -jar "$job_jar" extract --destination "$warm_dir/jar" >/dev/null \
      || die "could not extract $job_jar for the warm runs"
    product="$warm_dir/jar/rfm-segmentation.jar"
  fi
  echo
  echo "== the job $warm times in one JVM (WARM=$warm), timed inside it (the JVM's own start, and at large its heap's touch, not"
  echo "   included; DuckDB's median is its whole process): the first run warms the code up, the later ones find it compiled =="
  (cd "$warm_dir" && java "${warm_opts[@]}" -cp "$product:$root/bench/target/classes" \
    bench.WarmRuns "$warm" "$data" "$as_of" "$root/jobs/nightly.yml" "$warm_dir" "$duck_wall") || die "the warm runs failed"
  rm -rf "$warm_dir/jar"
fi
exit 0
