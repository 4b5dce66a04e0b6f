#!/usr/bin/env bash
# Peak memory of glossfix on one large input in every position and every command that
# reads articles: a lone file, the same file in a folder next to another article, and
# standard input. Every mode listed streams the input in chunks and must stay under the
# limit (300 MB by default); the script exits 1 when one does not. Not run: `fix --diff`
# and `fix --source`/`align`, which need whole texts (a diff compares whole files, an
# alignment needs the whole article) and hold the input in memory by design.
#
# Usage: scripts/bench-memory.sh [SIZE_MB [LIMIT_MB]]   (default 1000 and 300)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1000}
limit=${2:-300}
work=target/bench
mkdir -p "$work"
cargo build --release -q
bin=$PWD/target/release/glossfix
corpus="$work/corpus-$size.txt"
[ -f "$corpus" ] || python3 scripts/bench_corpus.py "$size" "$corpus"
dir="$work/memory-folder"
rm -rf "$dir" && mkdir -p "$dir"
ln "$corpus" "$dir/big.txt" 2>/dev/null || cp "$corpus" "$dir/big.txt"
cp tests/corpus/kim-arrives-in-russia-by-train.txt "$dir/article.txt"

echo "machine: $(nproc) cores; input: $size MB ($corpus); limit: $limit MB peak"
failed=0
# label, then the command (run through sh -c so stdin redirections work)
probe() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" sh -c "$*" > /dev/null 2> "$work/time.txt" || true
  read -r s k < <(tail -n 1 "$work/time.txt")
  local mb=$(( k / 1024 )) verdict=ok
  [ "$mb" -le "$limit" ] || { verdict="OVER"; failed=1; }
  printf "%-40s %8.1f s %6d MB peak  %s\n" "$label" "$s" "$mb" "$verdict"
}
probe "check FILE" "'$bin' check '$dir/big.txt'"
probe "check FOLDER (big file + article)" "'$bin' check '$dir'"
probe "check - (stdin)" "'$bin' check - < '$dir/big.txt'"
probe "fix FILE > out" "'$bin' fix '$dir/big.txt'"
probe "fix - < in > out" "'$bin' fix - < '$dir/big.txt'"
probe "fix --check FOLDER" "'$bin' fix --check '$dir'"
probe "glossary stats FOLDER" "'$bin' glossary stats '$dir'"
probe "glossary stats - (stdin)" "'$bin' glossary stats - < '$dir/big.txt'"
probe "suggest FOLDER" "'$bin' suggest '$dir'"
cp "$corpus" "$dir/big.txt.copy" && mv "$dir/big.txt.copy" "$dir/big.txt"
probe "fix --write FOLDER" "'$bin' fix --write '$dir'"
rm -rf "$dir"
exit $failed
