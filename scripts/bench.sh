#!/usr/bin/env bash
# glossfix throughput against typos and codespell, on the same corpus with the same
# entries. Deterministic: the corpus is generated from tests/corpus; the entries are the
# first N lines of codespell's dictionary (installed from PyPI with typos into a private
# virtualenv under target/bench/). Prints MB/s (one core), peak memory, glossary load
# time, and the ratio to glossfix, for glossaries of 50, 5,000 and 40,000 entries; then
# the floor programs (benches/floors.rs: word split, lexicon lookups, bare aho-corasick)
# on the same corpus, and glossfix's time as a multiple of theirs. glossfix runs as a
# user's repeated runs do: lint's answer for a big glossary comes from the lint cache
# (filled by the load timing before them); the load is also timed with --no-cache.
#
# Usage: scripts/bench.sh [--big] [--huge]
#   --big:  also the 100 MB corpus
#   --huge: also peak memory on a 1 GB file in every position (scripts/bench-memory.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/bench
mkdir -p "$work"
if [ ! -x "$work/venv/bin/typos" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q codespell==2.4.3 typos==1.52.0
fi
cargo build --release -q
cargo bench --bench floors --no-run -q 2> /dev/null || cargo bench --bench floors --no-run
bin=$PWD/target/release/glossfix
dict="$("$work/venv/bin/python" -c 'import codespell_lib, os; print(os.path.join(os.path.dirname(codespell_lib.__file__), "data", "dictionary.txt"))')"
sizes=(10)
huge=false
for arg in "$@"; do
  case "$arg" in
    --big) sizes+=(100) ;;
    --huge) huge=true ;;
  esac
done
for mb in "${sizes[@]}"; do
  [ -f "$work/corpus-$mb.txt" ] || python3 scripts/bench_corpus.py "$mb" "$work/corpus-$mb.txt"
done
[ -d "$work/folder" ] || python3 scripts/bench_corpus.py 10 "$work/folder.txt" "$work/folder"

# seconds (to the millisecond: /usr/bin/time's %e has centiseconds, too coarse for the
# runs of a few tens of milliseconds) and peak KB of a command, its output discarded
measure() {
  local start=$EPOCHREALTIME
  /usr/bin/time -f "%M" "$@" > /dev/null 2> "$work/time.txt" || true
  local end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" -v k="$(tail -n 1 "$work/time.txt")" 'BEGIN { printf "%.3f %d\n", b - a, k }'
}
row() { # tool entries mode mb seconds kb [glossfix-seconds]
  local rate; rate=$(awk -v mb="$4" -v s="$5" 'BEGIN { printf "%.1f", (s > 0 ? mb / s : 0) }')
  local ratio="";
  [ -n "${7:-}" ] && ratio=$(awk -v a="$5" -v b="$7" 'BEGIN { printf "%.1fx slower", (b > 0 ? a / b : 0) }')
  printf "%-10s %7s  %-7s %6s MB  %8s MB/s  %6s MB peak  %s\n" "$1" "$2" "$3" "$4" "$rate" "$(( $6 / 1024 ))" "$ratio"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); $(rustc --version)"
echo "typos $("$work/venv/bin/typos" --version | awk '{print $2}'), codespell $("$work/venv/bin/codespell" --version)"
echo
for entries in 50 5000 40000; do
  head -n "$entries" "$dict" > "$work/dict-$entries.txt"
  "$bin" glossary import --from codespell "$work/dict-$entries.txt" > "$work/glossary-$entries.toml"
  { echo "[default.extend-words]"; awk -F'->' '{ gsub(/,.*/, "", $2); printf "\"%s\" = \"%s\"\n", $1, $2 }' "$work/dict-$entries.txt"; echo "[default]"; echo "check-filename = false"; } > "$work/typos-$entries.toml"
  read -r cold _ < <(measure "$bin" --no-cache --glossary "$work/glossary-$entries.toml" check /dev/null)
  measure "$bin" --glossary "$work/glossary-$entries.toml" check /dev/null > /dev/null # remembers lint's answer
  read -r load _ < <(measure "$bin" --glossary "$work/glossary-$entries.toml" check /dev/null)
  echo "glossary of $entries entries: loads and compiles in ${load}s (${cold}s linted, without the lint cache)"
  for mb in "${sizes[@]}"; do
    corpus="$work/corpus-$mb.txt"
    read -r cs ck < <(measure "$bin" --jobs 1 --glossary "$work/glossary-$entries.toml" check "$corpus")
    row glossfix "$entries" check "$mb" "$cs" "$ck"
    declare "check_${entries}_${mb}=$cs"
    read -r fs fk < <(measure "$bin" --jobs 1 --glossary "$work/glossary-$entries.toml" fix "$corpus")
    row glossfix "$entries" fix "$mb" "$fs" "$fk"
    read -r ts tk < <(measure "$work/venv/bin/typos" --config "$work/typos-$entries.toml" --threads 1 --format brief "$corpus")
    row typos "$entries" check "$mb" "$ts" "$tk" "$cs"
    read -r ds dk < <(measure "$work/venv/bin/codespell" -D "$work/dict-$entries.txt" "$corpus")
    row codespell "$entries" check "$mb" "$ds" "$dk" "$cs"
  done
done
echo
echo "glossary path alone (every built-in rule off in [rules]), check, one core:"
rules_off="[rules]"$'\n'"$(printf '%s = false\n' elision doubled-period stray-brackets space-before-punctuation doubled-word quote-mismatch unbalanced-quote broken-sentence page-furniture english-leak capitalisation agreement spelling name-variant)"
for entries in 50 40000; do
  { echo "$rules_off"; echo; grep -v '^\[rules\]' "$work/glossary-$entries.toml"; } > "$work/glossary-$entries-rules-off.toml"
  for mb in "${sizes[@]}"; do
    read -r s k < <(measure "$bin" --jobs 1 --glossary "$work/glossary-$entries-rules-off.toml" check "$work/corpus-$mb.txt")
    row glossfix "$entries" "no-rules" "$mb" "$s" "$k"
    declare "norules_${entries}_${mb}=$s"
  done
done
echo
echo "default glossary (built-in rules and English-leak detection on):"
for mb in "${sizes[@]}"; do
  read -r s k < <(measure "$bin" --jobs 1 check "$work/corpus-$mb.txt"); row glossfix default check "$mb" "$s" "$k"
  declare "default_check_$mb=$s"
  read -r s k < <(measure "$bin" --jobs 1 fix "$work/corpus-$mb.txt"); row glossfix default fix "$mb" "$s" "$k"
  declare "default_fix_$mb=$s"
done
echo
echo "cost of the French rules (spelling, agreement, capitalisation), default glossary, check, one core, median of 3:"
{ printf '[rules]\nspelling = false\nagreement = false\ncapitalisation = false\n\n'; cat glossary.toml; } > "$work/glossary-no-french.toml"
median3() { for _ in 1 2 3; do measure "$@" | cut -d' ' -f1; done | sort -n | sed -n 2p; }
for mb in "${sizes[@]}"; do
  on=$(median3 "$bin" --jobs 1 --glossary glossary.toml check "$work/corpus-$mb.txt")
  off=$(median3 "$bin" --jobs 1 --glossary "$work/glossary-no-french.toml" check "$work/corpus-$mb.txt")
  awk -v on="$on" -v off="$off" -v mb="$mb" 'BEGIN { printf "  %4s MB: on %.2fs, off %.2fs: throughput falls by %.0f%% with them on\n", mb, on, off, (on > 0 ? 100 * (1 - off / on) : 0) }'
done
echo
echo "floors (benches/floors.rs, one core, median of 3) and glossfix's time as a multiple of theirs:"
for mb in "${sizes[@]}"; do
  floors=$(cargo bench -q --bench floors -- "$work/corpus-$mb.txt" "$work/dict-50.txt" "$work/dict-40000.txt" 2> /dev/null)
  echo "$floors" | awk -v mb="$mb" '{ printf "floor %-18s %6s MB  %8.1f MB/s\n", $1, mb, $3 }'
  floor() { echo "$floors" | awk -v n="$1" '$1 == n { print $2 }'; }
  ratio() { awk -v a="$2" -v b="$3" -v what="$1" 'BEGIN { printf "  %-58s %5.1fx\n", what, (b > 0 ? a / b : 0) }'; }
  dc="default_check_$mb"; df="default_fix_$mb"; c50="check_50_$mb"; c40k="check_40000_$mb"
  ratio "check, default glossary / lexicon+ac-50 ($mb MB)" "${!dc}" "$(floor lexicon+ac-50)"
  ratio "check, 40,000 codespell entries / lexicon+ac-40000" "${!c40k}" "$(floor lexicon+ac-40000)"
  ratio "check, 50 codespell entries / ac-replace-50" "${!c50}" "$(floor ac-replace-50)"
  ratio "check, 40,000 codespell entries / ac-replace-40000" "${!c40k}" "$(floor ac-replace-40000)"
  n50="norules_50_$mb"; n40k="norules_40000_$mb"
  ratio "check, rules off, 50 entries / ac-replace-50" "${!n50}" "$(floor ac-replace-50)"
  ratio "check, rules off, 40,000 entries / ac-replace-40000" "${!n40k}" "$(floor ac-replace-40000)"
  awk -v c="${!dc}" -v f="${!df}" 'BEGIN { printf "  %-58s %5.2fx\n", "fix speed / check speed, default glossary", (f > 0 ? c / f : 0) }'
done
echo
echo "text without line breaks (12 MB corpus, line breaks replaced by spaces), default glossary, one core:"
[ -f "$work/corpus-12.txt" ] || python3 scripts/bench_corpus.py 12 "$work/corpus-12.txt"
tr '\n' ' ' < "$work/corpus-12.txt" > "$work/corpus-12-one-line.txt"
for mode in check fix; do
  read -r lines_s _ < <(measure "$bin" --jobs 1 "$mode" "$work/corpus-12.txt")
  read -r one_s one_k < <(measure "$bin" --jobs 1 "$mode" "$work/corpus-12-one-line.txt")
  awk -v a="$one_s" -v b="$lines_s" -v m="$mode" -v k="$one_k" 'BEGIN { printf "  %-5s one line %.2fs (%d MB peak), with line breaks %.2fs: %.2fx\n", m, a, k / 1024, b, (b > 0 ? a / b : 0) }'
done
echo
articles=$(ls "$work/folder" | wc -l)
# Three alternated runs; the ratio of each, and their median (what issue 15 asks).
ratios=()
for run in 1 2 3; do
  read -r one _ < <(measure "$bin" --jobs 1 check "$work/folder")
  read -r two _ < <(measure "$bin" --jobs 2 check "$work/folder")
  ratios+=("$(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.2f", a / b }')")
  awk -v a="$one" -v b="$two" -v n="$articles" -v r="$run" 'BEGIN { printf "folder of %d articles (10 MB), default glossary, run %d: 1 core %.2fs, 2 cores %.2fs: %.2fx\n", n, r, a, b, a / b }'
done
echo "  two cores / one core, median of three: $(printf '%s\n' "${ratios[@]}" | sort -n | sed -n 2p)x"

if $huge; then
  echo
  scripts/bench-memory.sh 1000 300
fi
