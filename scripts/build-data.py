#!/usr/bin/env python3
"""Regenerates crates/data-wordfreq/lexicon.tsv and crates/data-freedict/en-fr.tsv,
the lexicons glossfix embeds.

Sources (see crates/data-wordfreq/DATA.md and crates/data-freedict/DATA.md for licences):
  - wordfreq 3.1.1 (PyPI): French and English word frequencies (data CC-BY-SA 4.0).
  - FreeDict eng-fra and fra-eng (Debian packages dict-freedict-eng-fra and
    dict-freedict-fra-eng, 2022.04.21): English-French translations (GPL-2.0-or-later).

Usage (needs network access to PyPI and Debian mirrors, and dpkg-deb):
    python3 scripts/build-data.py
"""
import gzip
import os
import re
import subprocess
import sys
import tempfile
import venv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDFREQ = os.path.join(ROOT, "crates", "data-wordfreq")
FREEDICT = os.path.join(ROOT, "crates", "data-freedict")
ALPHA = re.compile(r"^[^\W\d_]+$")
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def zipf_tables(work):
    """(fr, en) dicts word -> zipf, from wordfreq's large lists, via a private venv."""
    env = os.path.join(work, "venv")
    venv.create(env, with_pip=True)
    py = os.path.join(env, "bin", "python")
    subprocess.run([py, "-m", "pip", "install", "-q", "wordfreq==3.1.1"], check=True)
    out = os.path.join(work, "zipf.tsv")
    code = (
        "from wordfreq import top_n_list, zipf_frequency as z\n"
        "import sys\n"
        "with open(sys.argv[1], 'w', encoding='utf-8') as f:\n"
        "    for lang in ('fr', 'en'):\n"
        "        for w in top_n_list(lang, 10**7, wordlist='large'):\n"
        "            f.write(f'{lang}\\t{w}\\t{z(w, lang):.2f}\\n')\n"
    )
    subprocess.run([py, "-c", code, out], check=True)
    fr, en = {}, {}
    with open(out, encoding="utf-8") as f:
        for line in f:
            lang, word, zipf = line.rstrip("\n").split("\t")
            (fr if lang == "fr" else en)[word] = float(zipf)
    return fr, en


def freedict(work, package):
    """headword -> entry body, from a FreeDict dictd package."""
    subprocess.run(["apt-get", "download", package], cwd=work, check=True, capture_output=True)
    deb = next(f for f in os.listdir(work) if f.startswith(package) and f.endswith(".deb"))
    target = os.path.join(work, package)
    subprocess.run(["dpkg-deb", "-x", os.path.join(work, deb), target], check=True)
    base = os.path.join(target, "usr/share/dictd", package.removeprefix("dict-"))
    data = gzip.open(base + ".dict.dz").read()

    def dec(s):
        n = 0
        for c in s:
            n = n * 64 + B64.index(c)
        return n

    entries = {}
    with open(base + ".index", encoding="utf-8") as f:
        for line in f:
            head, off, ln = line.rstrip("\n").split("\t")
            if not head.startswith("00database"):
                entries[head] = data[dec(off) : dec(off) + dec(ln)].decode("utf-8")
    return entries


def translations(body):
    """The translations in an entry body (skips the headword/pronunciation line)."""
    out = []
    for line in body.split("\n")[1:]:
        line = re.sub(r"^\s*\d+\.\s*", "", line).strip()
        for t in line.split(","):
            t = t.strip()
            if t and not t.startswith("/"):
                out.append(t)
    return out


def main():
    with tempfile.TemporaryDirectory() as work:
        fr, en = zipf_tables(work)
        eng_fra = freedict(work, "dict-freedict-eng-fra")
        fra_eng = freedict(work, "dict-freedict-fra-eng")

    # lexicon.tsv: word, French zipf x10, English zipf x10, for every lower-case alphabetic
    # word that is common in French (>= 3.0) or in English (>= 3.0).
    words = {w for w, z in fr.items() if z >= 3.0} | {w for w, z in en.items() if z >= 3.0}
    words = sorted(w for w in words if ALPHA.match(w) and w == w.lower())
    with open(os.path.join(WORDFREQ, "lexicon.tsv"), "w", encoding="utf-8") as f:
        f.write("# word\tfrench zipf x10\tenglish zipf x10 (wordfreq 3.1.1, CC-BY-SA 4.0)\n")
        for w in words:
            f.write(f"{w}\t{round(fr.get(w, 0) * 10)}\t{round(en.get(w, 0) * 10)}\n")

    # en-fr.tsv: English word -> single-word French translations, from eng-fra and the
    # inverse of fra-eng, keeping French words wordfreq knows (zipf >= 2.5).
    pairs = {}
    for head, body in eng_fra.items():
        for t in translations(body):
            pairs.setdefault(head.lower(), []).append(t.lower())
    for head, body in fra_eng.items():
        for t in translations(body):
            t = re.sub(r"^(to|a|an|the) ", "", t.lower())
            pairs.setdefault(t, []).append(head.lower())
    with open(os.path.join(FREEDICT, "en-fr.tsv"), "w", encoding="utf-8") as f:
        f.write("# english\tfrench translations, '|'-separated (FreeDict eng-fra + fra-eng, GPL-2.0-or-later)\n")
        for english in sorted(pairs):
            if not ALPHA.match(english):
                continue
            seen = []
            for t in pairs[english]:
                t = t.replace("’", "'")
                parts = re.split(r"[ ']", t)
                known = all(ALPHA.match(w) and fr.get(w, 0) >= 2.5 for w in parts if w)
                if known and len(parts) <= 3 and t not in seen:
                    seen.append(t)
            # FreeDict sometimes drops an apostrophe ("dailleurs" beside "d'ailleurs").
            squashed = {t.replace("'", "") for t in seen if "'" in t}
            seen = [t for t in seen if t not in squashed]
            if seen:
                f.write(f"{english}\t{'|'.join(seen)}\n")
    print(f"lexicon.tsv: {len(words)} words; en-fr.tsv: {len(pairs)} English headwords considered", file=sys.stderr)


if __name__ == "__main__":
    main()
