#!/usr/bin/env bash
# Times every `glossfix glossary` command on a 10,000-entry glossary imported from
# codespell's dictionary (installed from PyPI into a private virtualenv).
# Usage: scripts/bench-glossary.sh [ENTRIES]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
entries="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q codespell
dict="$("$work/venv/bin/python" -c 'import codespell_lib, os; print(os.path.join(os.path.dirname(codespell_lib.__file__), "data", "dictionary.txt"))')"
cargo build --release -q
bin=target/release/glossfix
head -n "$entries" "$dict" > "$work/dict.txt"
timed() { /usr/bin/time -f "%e s  %M KB  ${*:2}" "$@" > /dev/null 2> "$work/err" || true; tail -n 1 "$work/err"; }
echo "codespell $("$work/venv/bin/pip" show codespell | sed -n 's/^Version: //p'), first $entries lines of dictionary.txt"
timed "$bin" glossary import --from codespell "$work/dict.txt"
"$bin" glossary import --from codespell "$work/dict.txt" > "$work/g.toml"
echo "entries imported: $(grep -c '^\[\[' "$work/g.toml")"
timed "$bin" glossary lint "$work/g.toml"
timed "$bin" glossary fmt --check "$work/g.toml"
timed "$bin" --glossary "$work/g.toml" glossary add --find vehiclee --replace vehicle
timed "$bin" --glossary "$work/g.toml" glossary add-term --canonical Choïgou --variant Choïgu
timed "$bin" --glossary "$work/g.toml" glossary stats tests/corpus
for to in tsv csv tbx; do timed "$bin" --glossary "$work/g.toml" glossary export --to "$to"; done
timed "$bin" --glossary "$work/g.toml" check tests/corpus
