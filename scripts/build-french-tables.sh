#!/usr/bin/env bash
# Builds crates/data-hunspell-fr/{forms,entries}.fst from fr.dic and fr.aff (see
# crates/lexicon/src/french.rs). Run it after changing the dictionary; the tests of
# glossfix-lexicon fail until the tables match it.
#
# Candidates for the forms: Hunspell's `unmunch` (Debian's hunspell-tools, fetched with
# `apt-get download` at a pinned version, never installed) expands the affixes, though
# not all of this dictionary's (long flags, circumfixes); its output is cleaned of
# leftover flags and elided prefixes. Added to it: each lemma of fr.dic with the common
# endings (s, e, es, x), the French words of wordfreq and FreeDict, and every candidate
# with s, e and es added. spellbook then
# keeps only what the dictionary accepts, so a candidate can add no wrong form.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/french-tables
mkdir -p "$work"
if [ ! -x "$work/x/usr/bin/unmunch" ]; then
    (cd "$work" && apt-get download hunspell-tools=1.7.1-1 libhunspell-1.7-0=1.7.1-1 \
        && for deb in *.deb; do dpkg-deb -x "$deb" x; done)
fi
data=crates/data-hunspell-fr
LD_LIBRARY_PATH="$work/x/usr/lib/x86_64-linux-gnu" "$work/x/usr/bin/unmunch" "$data/fr.dic" "$data/fr.aff" \
    2>/dev/null > "$work/unmunched.txt"
python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
words = set()
for line in open(f"{work}/unmunched.txt", encoding="utf-8", errors="replace"):
    w = line.rstrip("\n").split("/")[0]
    w = re.sub(r"^(?:[A-Za-z]|[Qq]u|[Ll]orsqu|[Pp]uisqu|[Jj]usqu|[Qq]uoiqu)'", "", w)
    words.add(w)
for i, line in enumerate(open("crates/data-hunspell-fr/fr.dic", encoding="utf-8")):
    if i:
        head = line.split(" ")[0].split("\t")[0].split("/")[0].strip()
        words.update(head + end for end in ("", "s", "e", "es", "x"))
for line in open("crates/data-wordfreq/lexicon.tsv", encoding="utf-8"):
    if not line.startswith("#"):
        words.add(line.split("\t")[0])
for line in open("crates/data-freedict/en-fr.tsv", encoding="utf-8"):
    if not line.startswith("#") and "\t" in line:
        words.update(line.rstrip("\n").split("\t")[1].split("|"))
# Forms unmunch misses are mostly a plural or feminine of a form it found ("résolues").
words.update([w + end for w in words for end in ("s", "e", "es")])
words.discard("")
with open(f"{work}/candidates.txt", "w", encoding="utf-8") as out:
    out.write("\n".join(sorted(words)) + "\n")
PY
cargo run --release -q -p glossfix-lexicon --example build_french_tables -- "$data" < "$work/candidates.txt"
ls -l "$data"/*.fst
