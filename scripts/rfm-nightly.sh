#!/usr/bin/env bash
# Runs the nightly RFM job. Builds the jar first when it is missing or older than the sources, and prepares
# fast start-up (extracted jar + class-data-sharing archive in target/cds) once per build; RFM_CDS=0 skips that.
#
#   scripts/rfm-nightly.sh --input DIR --output DIR [--as-of YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD]
#                          [--job FILE] [--db PATH|URL]
#                          [--db-credentials FILE] [--force] [--quiet]
#
# Exit codes: 0 completed (or already completed), 1 failed, 2 bad input or configuration,
# 3 another run holds the lock of the same database (<db>.lock): it exits at once, without waiting.
# Without --job / --db the project's jobs/nightly.yml and data/rfm are used, wherever it is run from.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"   # also when called through a symlink
jar="$root/target/rfm-segmentation.jar"

# The lock comes first: a second run exits 3 at once, even while the first is still building.
args=("$@")
has() { local a; for a in "${args[@]}"; do [[ "$a" == "$1" || "$a" == "$1="* ]] && return 0; done; return 1; }
has --job || args+=(--job "$root/jobs/nightly.yml")
has --db || args+=(--db "$root/data/rfm")

arg_value() { # the value given to an option (--name VALUE or --name=VALUE; the last one wins), empty if none
  local i value=""
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
      "$1") value="${args[i + 1]:-}" ;;
      "$1"=*) value="${args[i]#"$1"=}" ;;
    esac
  done
  printf '%s' "$value"
}

# One run per database: flock on <db>.lock, kept by the java process (fd 9 is inherited through exec).
db="$(arg_value --db)"
if [[ "$db" == jdbc:* ]]; then
  lock="$root/data/db-$(printf '%s' "$db" | sha256sum | cut -c1-12).lock"   # a URL is no file name
else
  lock="$db.lock"
fi
print_only="${RFM_PRINT_JAVA_OPTS:-0}"   # 1: print the JVM options and run nothing (see the end), so no lock
if [[ "$print_only" != 1 ]]; then
  mkdir -p "$(dirname "$lock")"
  exec 9>>"$lock"
  if ! flock -n 9; then
    echo "rfm-nightly: another run holds the lock $lock ($(cat "$lock" 2>/dev/null || true)); not starting. Exit code 3." >&2
    exit 3
  fi
fi

stale_jar() { [[ ! -f "$jar" ]] || [[ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; }
build_jar() {
  echo "rfm-nightly: building $jar ..." >&2
  (cd "$root" && mvn -B -q -DskipTests package) >&2
}
if stale_jar; then
  mkdir -p "$root/target" 2>/dev/null || true
  if [[ -w "$root/target" ]]; then
    # one build at a time, whatever database each run is for: a run that waited finds the jar built
    exec 7>>"$root/target/.build.lock"
    flock -w 900 7 || true
    if stale_jar; then build_jar; fi
    exec 7>&-
  else
    build_jar
  fi
fi

# Fast start-up: the jar extracted (no nested-jar class loading) plus a class-data-sharing archive recorded by
# one training run on sample-data, redone whenever the jar's content changes. Start-up falls from about 4.4 s
# to 2.6 s. The training run uses its own job file (sample-shop.yml with its inputs, logs and metrics kept in a
# temporary folder), so it never touches the operator's log or metrics folders. If the preparation fails, the
# job runs from the plain jar, and the preparation is not tried again for the same jar (target/cds.failed).
# The training run is interpreted only (-Xint, about 9 s instead of 2 on the sample): JDK 17's dynamic archive
# keeps the "queued for compilation" mark of every method whose compilation was waiting when the training run
# exited (JDK-8306460, fixed in JDK 21), and the JIT never compiles such a method in any run from the archive.
# Which methods those were was down to the training run's timing: in one build H2's value writer, in another
# CsvOutput.field (a large night then took 72 s instead of 17), in every build a dozen or more (docs/performance.md).
cds="$root/target/cds"
run_jar="$jar"
share=()
# target/cds/ready holds the jar's MD5 and its file's stamp (size, modification and change times, inode) when the
# archive was made. The content decides, not the date (a rolled-back jar has an older date); the stamp only spares
# reading the 28 MB jar at every start (md5sum, about 0.06 s) while it is the same file, untouched: any write to the
# jar changes its change time, which nothing can set back.
ready_id() { local id stamp; read -r id stamp 2>/dev/null < "$cds/ready" && printf '%s' "$id"; }
cds_ready() { [[ "$(ready_id)" == "$jar_id" ]]; }
prepare_cds() {
  echo "rfm-nightly: preparing fast start-up in $cds (once per build) ..." >&2
  rm -rf "$cds"   # in place: the archive records the jar's path, so it is made where it is used
  local train
  train="$(mktemp -d)"
  mkdir -p "$train/textfile"
  cat > "$train/job.yml" <<YAML
extends: $root/sample-data/sample-shop.yml
inputs:
  orders: { file: orders.csv, encoding: auto, delimiter: "," }
  interactions: { file: interactions.csv, encoding: auto, delimiter: "," }
  customers: { file: customers.csv, encoding: auto, delimiter: "," }
operations:
  log-dir: $train/logs
  textfile-dir: $train/textfile
YAML
  if java -Djarmode=tools -jar "$jar" extract --destination "$cds" >/dev/null 2>&1 \
     && (cd "$train" && java -Xint -Dspring.aot.enabled=true -XX:ArchiveClassesAtExit="$cds/rfm-segmentation.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
           -jar "$cds/rfm-segmentation.jar" --input "$root/sample-data" --output "$train/out" --as-of 2026-11-22 \
           --job "$train/job.yml" --db "$train/db" --quiet) >/dev/null 2>&1 \
     && [[ -f "$cds/rfm-segmentation.jsa" ]]; then
    printf '%s %s\n' "$jar_id" "$jar_stamp" > "$cds/ready"
    rm -f "$root/target/cds.failed"
  else
    echo "rfm-nightly: could not prepare fast start-up; running from the plain jar (not tried again for this build;" \
         "delete $root/target/cds.failed to retry)" >&2
    rm -rf "$cds"
    printf '%s\n' "$jar_id" > "$root/target/cds.failed"
  fi
  rm -rf "$train"
}
if [[ "${RFM_CDS:-1}" == 1 ]]; then
  jar_stamp="$(stat -c '%s|%y|%z|%i' "$jar")"
  ready_stamp=""
  read -r jar_id ready_stamp 2>/dev/null < "$cds/ready" || true
  if [[ -z "$ready_stamp" || "$ready_stamp" != "$jar_stamp" ]]; then
    jar_id="$(md5sum < "$jar" | cut -c1-32)"
    if cds_ready && [[ -w "$cds/ready" ]]; then
      printf '%s %s\n' "$jar_id" "$jar_stamp" > "$cds/ready"   # the same content in a new file (a rebuild): remembered
    fi
  fi
  if ! cds_ready && [[ -w "$root/target" && "$(cat "$root/target/cds.failed" 2>/dev/null)" != "$jar_id" ]]; then
    # one preparation at a time: a run on another database waits for it (at most 10 minutes)
    ( flock -w 600 8 && { cds_ready || prepare_cds; } ) 8>>"$root/target/.cds.lock" || true
  fi
  if cds_ready; then
    run_jar="$cds/rfm-segmentation.jar"
    share=(-XX:SharedArchiveFile="$cds/rfm-segmentation.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
fi

# exec: cron and the shell see the job's own exit code. The parallel collector suits a batch job: it
# measured about 10% faster than the default G1 on the medium benchmark. Capping only its young generation
# keeps the peak memory near the live data (customers, order ids) instead of letting a fast allocation rate
# grow the heap: on the large benchmark 1.45 GiB instead of 2.9 GiB, at the same speed, and with no fixed
# heap limit that a bigger shop would hit. The Tier4 thresholds keep the C2 compiler to the hottest code:
# on two cores it otherwise took about a third of the CPU time (medium: 16.4 s -> 13.3 s wall); at three times
# the first setting (150,000 calls) the large set ran faster in 7 of 8 alternating pairs (0.6 s on average). Smaller
# inlining limits (MaxInlineSize 20, FreqInlineSize 150 instead of 35 and 325) make each C2 compilation
# smaller: the compiler still took a third of the CPU on medium, and these runs measured 7-15% faster
# than the runs beside them without the limits. InlineSmallCode=500 (2500 by default on x86) inlines a method
# that is already compiled only while its compiled code is small: smaller C2 compilations again. 1000 against the
# default: medium 0.8 s faster in 5 of 5 alternating pairs (the compiler threads 0.6 s less CPU), large 1.6 s in 3
# of 4; 500 against 1000: large 1.0 s faster in 4 of 4 (compiler threads 0.8 s less CPU), medium 0.4 s in 4 of 5;
# 250 measured like 500. H2's code alone reaches C2 at a fifth of those thresholds (CompileThresholdScaling for
# org.h2): a first night inserts a million customer states, and H2's insert path ran in profiled C1 code for much
# of it; large 0.9 s faster on average in 9 of 11 alternating pairs (three runs of pairs), the compiler threads
# 0.3-0.5 s more CPU and the others 0.7-1.3 s less. But not MVMap.operate, H2's B-tree update (every insert, its undo
# log's and its commit's): compiled that early it met new key, value and decision types four more times, and C2 compiled
# it five times (1.4 s of compiling at large); at the usual threshold twice, and the first night's states went in
# faster (recordStates large 4.0-4.5 s against 4.6-5.1 s, medium 1.3-1.6 against 1.6-1.7 s, 3 alternating pairs each;
# the run's CPU lower in 2 of 3 and 3 of 3).
# The job's own code (rfm.*) reaches C2 at a fifth of the thresholds too (twenty-fifth pass): the raised thresholds are
# for the libraries' lukewarm code, and kept the job's per-block and per-customer loops in profiled C1 code for much
# of a large night. Large, 16 alternating pairs over four runs of pairs: faster in 13, 0.9 s on average (the run's
# CPU 1.6 s less in the first ten); medium, 9 pairs: the same within the noise (+0.1 s on average).
# The JDK's SHA-256 (the inputs' and outputs' checksums) reaches C2 at a hundredth of the thresholds
# (DigestBase): only C2 replaces its block loop by the CPU's SHA instructions, and at the raised thresholds the first
# files' digests ran in Java code for seconds (medium: 0.38 s of CPU in that code, 0.04 s with this; twenty-second pass).
# MaxTenuringThreshold=1 moves what survives a second young collection to the old generation instead of copying
# it between the survivor spaces up to seven times: a night's long-lived objects (profiles, ids, the scored
# customers) come in bulk and are copied once more at most; on the large set the young collections' pauses went
# from 2.1-2.3 s to 1.65-1.8 s (five alternating pairs).
# The young generation and its survivor spaces keep the sizes they start with at young collections
# (UseAdaptiveGenerationSizePolicyAtMinorCollection and UsePSAdaptiveSurvivorSizePolicy off) instead of being
# resized as the collector goes: at large 54 young collections instead of 70 (seventeenth pass). Not
# UseAdaptiveSizePolicy off, which did the same until then: with it the parallel collector never grows the old
# generation past its start, so a night whose data outgrew the heap's start ran a full collection at every young
# one and never finished (the sample shop from an 8 MiB heap: 1,615 full collections and 34 s instead of 3 and
# 3 s; a large night from the JVM's default start: stuck for ten minutes until killed); now the old generation
# grows, by a few full collections, as it does by default.
# See docs/performance.md. JAVA_OPTS replaces all of these defaults (but not the start-up archive, nor
# spring.aot.enabled below); RFM_EXTRA_JAVA_OPTS is added after them (or after JAVA_OPTS), so an option in it
# wins over the same default (e.g. RFM_EXTRA_JAVA_OPTS="-Xmx3g -Xlog:gc:file=gc.log").
default_opts="-XX:+UseParallelGC -XX:-UseAdaptiveGenerationSizePolicyAtMinorCollection -XX:-UsePSAdaptiveSurvivorSizePolicy"
default_opts+=" -XX:MaxNewSize=192m -XX:MaxTenuringThreshold=1 -XX:Tier4InvocationThreshold=150000 -XX:Tier4MinInvocationThreshold=60000"
default_opts+=" -XX:Tier4CompileThreshold=180000 -XX:Tier4BackEdgeThreshold=400000 -XX:MaxInlineSize=20 -XX:FreqInlineSize=150 -XX:InlineSmallCode=500"
default_opts+=" -XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,org.h2.*::*,0.2"
default_opts+=" -XX:CompileCommand=CompileThresholdScaling,org.h2.mvstore.MVMap::operate,1.0"
default_opts+=" -XX:CompileCommand=CompileThresholdScaling,rfm.*::*,0.2"
default_opts+=" -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.DigestBase::*,0.01"
# A big shop's data lives in the heap at up to about 1.5 times the size of its input files (profiles, order ids,
# tallies, then the scored customers). Left to grow there, the parallel collector gets there by a full collection
# at every step (seven at large, 3.4 s of stopped threads); starting the heap at that size (at most 1152 MiB)
# leaves none at large (since the eighteenth pass: 830-850 MB reach the old generation in all, which then held
# 930; at 1.4 times, 1200 MiB, it held 880, too close: 1.3 s of full collection whenever a run went past it), for
# about 150 MiB more peak memory. Inputs under about 340 MB do not get this heap (mid-sized ones: below).
# The young generation is capped at 192 MiB (320 until the twenty-eighth pass) and the cap of the initial heap is
# 1152 MiB (1250): the old generation starts at 960 MiB instead of 930, and 98 MiB less heap is touched at start. On
# this virtual machine every page the guest has not touched for a few seconds costs a fault from the host (about
# 2.7 s of kernel time per GiB). More young collections (49 instead of 30 at large, their pauses the same in all),
# 35-40 MB more reaching the old generation (870-877 MB), none full; large 0.27 s faster on average in 7 alternating
# pairs (6 faster), peak RSS 1,340 MiB instead of 1,440.
# That heap is also touched once at start (AlwaysPreTouch): otherwise the collector touched each page of the old
# generation for the first time while promoting into it, every page fault a stop of all threads.
# The heap is in 2 MiB pages where the kernel offers them for the asking (transparent huge pages in 'madvise' or
# 'always' mode): a 512th of the page faults. Young-collection pauses at large 4.0-4.3 s to 2.3-2.5 s with both
# (kernel time 5.4-5.8 s to 3.8-4.7 s, peak RSS about 40 MiB more); at medium, huge pages alone, 1.0-1.1 s to 0.7-0.8 s.
if grep -qE '\[(madvise|always)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  default_opts+=" -XX:+UseTransparentHugePages"
fi
# A maximum heap given in RFM_EXTRA_JAVA_OPTS leaves the initial heap to the JVM: an initial heap worked out below
# that is larger than it would stop the JVM from starting ("Initial heap size set to a larger value than the maximum").
heap_capped() { [[ " ${RFM_EXTRA_JAVA_OPTS:-} " =~ [[:space:]]-(Xmx|XX:MaxHeapSize=) ]]; }
input="$(arg_value --input)"
input_bytes=0
if [[ -n "$input" && -d "$input" ]]; then
  input_bytes="$(find "$input" -maxdepth 1 -type f -name '*.csv' -printf '%s\n' 2>/dev/null | awk '{s += $1} END {printf "%d", s}')"
fi
initial_mb=$(( ${input_bytes:-0} / 1048576 * 3 / 2 ))   # the initial heap worked out below, before its cap
# Mid-sized inputs (64-340 MB) get two C2 compiler threads instead of one (CICompilerCount=3: one C1, two C2). Such a
# night is short enough that the JIT's warm-up is most of it: with one C2 thread its queue stayed full from the first
# second to the last and hot methods ran in C1's profiled code until late (the revisit planner's for 117,000 of the
# medium set's 200,000 customers). Two threads compile sooner: medium faster in 11 of 17 alternating pairs over three
# runs (0.4 s on average), the job's threads 0.75-1.5 s less CPU in every run, the compilers 0.3 s more, peak RSS
# 8 MiB more. Not for a large night, whose steady state dominates: slower in 3 of 4 pairs, and 10-50 MiB more memory
# next to its limit (twenty-sixth pass, docs/performance.md).
if (( ${input_bytes:-0} >= 64 * 1048576 && initial_mb < 512 )); then
  default_opts+=" -XX:CICompilerCount=3"
fi
if (( ${input_bytes:-0} > 0 )) && ! heap_capped; then
  if (( initial_mb > 1152 )); then initial_mb=1152; fi
  if (( initial_mb >= 512 )); then
    default_opts+=" -Xms${initial_mb}m -XX:+AlwaysPreTouch"
  elif (( ${input_bytes:-0} >= 64 * 1048576 )); then
    # Mid-sized inputs (64-340 MB) start at 512 MiB, untouched, instead of the JVM's default of a 64th of the
    # machine's memory: with that default (384 MiB here) the medium set's old generation ran a few MB short of
    # its live data in some runs and paid a full collection (0.3 s) for it; on a smaller machine it would pay
    # several. The pages are touched only as the heap fills: peak RSS the same as with the default (then 668-677 MiB).
    # Its young generation is 128 MiB instead of the 170 a 512 MiB heap gives it: 40 MiB less memory touched, each
    # page of it a fault from the host on this virtual machine (twenty-eighth pass). Medium, 12 alternating pairs:
    # faster in 10, 0.16 s on average, peak RSS 485 MiB instead of 527; 96 and 64 MiB measured the same as 128. The
    # old generation (384 MiB) holds what reaches it at medium (about 200 MB) with room to spare.
    default_opts+=" -Xms512m -XX:NewSize=128m -XX:MaxNewSize=128m"
  fi
fi
# spring.aot.enabled: the bean definitions generated at build time (the pom's process-aot) instead of working
# them out at every start: sample runs 3.47 s to 2.94 s on average in 8 alternating pairs (docs/performance.md).
# The option strings are split into words here on purpose (JAVA_OPTS and RFM_EXTRA_JAVA_OPTS hold several).
java_opts=(-Dspring.aot.enabled=true "${share[@]}" ${JAVA_OPTS:-$default_opts} ${RFM_EXTRA_JAVA_OPTS:-})
# RFM_PRINT_JAVA_OPTS=1: print those options, one per line so that a path with spaces stays one option, and exit 0
# without running the job (the bench's runs of the job in one JVM, scripts/bench.sh WARM=N, take them from here)
if [[ "$print_only" == 1 ]]; then
  printf '%s\n' "${java_opts[@]}"
  exit 0
fi
exec java "${java_opts[@]}" -jar "$run_jar" "${args[@]}"
