#!/usr/bin/env python3
"""Alignment benchmark: strict and lax precision, recall and F1 over alignment groups.

  python3 scripts/bench-align.py            all of it
  python3 scripts/bench-align.py bleualign  the Bleualign test set only
  python3 scripts/bench-align.py enfr       the project's English-French test texts only
  python3 scripts/bench-align.py speed      two 100,000-sentence documents: time and memory
  -v                                        the groups glossfix got wrong, per document

Scores follow vecalign's score.py (Thompson and Koehn 2019), reimplemented here:
precision over the predicted groups (a group with both sides empty is ignored; a strict
hit is a group the gold has; a lax hit overlaps a gold group on both sides), recall over
the gold groups that have both sides, against the predicted groups that have both sides,
counts pooled over the documents.

The Bleualign set (German -> French, 7 documents, GPL-2.0) is read from
../shared/bleualign/ (BLEUALIGN env to override); it is never copied into the repository.
glossfix aligns it with --split lines --source-lang de, without the MT file.

GLOSSFIX_BIN selects the binary (default: cargo build --release, target/release/glossfix).
"""
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLEUALIGN = os.environ.get("BLEUALIGN", os.path.join(ROOT, "..", "shared", "bleualign"))
VERBOSE = "-v" in sys.argv


def binary():
    if os.environ.get("GLOSSFIX_BIN"):
        return os.environ["GLOSSFIX_BIN"]
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "glossfix"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "glossfix")


def align(bin_, source, target, *extra):
    out = subprocess.run(
        [bin_, "align", "--split", "lines", "--format", "json", *extra, source, target],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return [
        (tuple(range(*g["source_sentences"])), tuple(range(*g["target_sentences"])))
        for g in json.loads(out)
    ]


def counts(gold, test):
    """[strict hits, strict misses, lax hits, lax misses] of `test` groups against `gold`."""
    gold = {g for g in gold if g[0] or g[1]}
    test = {t for t in test if t[0] or t[1]}
    targets_of = defaultdict(set)
    for s, t in gold:
        for i in s:
            targets_of[i].update(t)
    c = [0, 0, 0, 0]
    for s, t in test:
        if (s, t) in gold:
            c[0] += 1
            c[2] += 1
            continue
        c[1] += 1
        near = set()
        for i in s:
            near |= targets_of[i]
        if near & set(t):
            c[2] += 1
        else:
            c[3] += 1
    return c


def score(pairs):
    """Pooled strict/lax P, R, F1 over (gold, test) pairs of documents."""
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in pairs:
        p = [a + b for a, b in zip(p, counts(gold, test))]
        both = lambda groups: [g for g in groups if g[0] and g[1]]
        r = [a + b for a, b in zip(r, counts(both(test), both(gold)))]
    div = lambda a, b: a / b if b else 0.0
    out = {}
    for name, hit, miss in (("strict", 0, 1), ("lax", 2, 3)):
        precision = div(p[hit], p[hit] + p[miss])
        recall = div(r[hit], r[hit] + r[miss])
        out[name] = (precision, recall, div(2 * precision * recall, precision + recall))
    return out


def show(title, result, groups):
    print(f"{title}: {groups} gold groups")
    print("           P      R      F1")
    for name in ("strict", "lax"):
        p, r, f = result[name]
        print(f"  {name:7} {p:.3f}  {r:.3f}  {f:.3f}")


def read_gold(path):
    gold = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        a, b = line.split(":")
        parse = lambda s: tuple(int(x) for x in s.strip("[] ").split(",") if x.strip())
        gold.append((parse(a), parse(b)))
    return gold


def explain(name, gold, test, source, target):
    gold_set = set(gold)
    for s, t in test:
        if (s, t) in gold_set:
            continue
        src = " ~~~ ".join(source[i] for i in s)[:100]
        tgt = " ~~~ ".join(target[j] for j in t)[:100]
        print(f"  {name} {list(s)}:{list(t)}\n      {src}\n      {tgt}")


def bleualign(bin_):
    if not os.path.isdir(BLEUALIGN):
        sys.exit(f"bench-align: no Bleualign set at {BLEUALIGN} (set BLEUALIGN)")
    pairs = []
    dev, test_part = [], []
    for k in range(7):
        base = os.path.join(BLEUALIGN, f"test{k}")
        gold = read_gold(base + ".defr")
        test = align(bin_, base + ".de", base + ".fr", "--source-lang", "de")
        pairs.append((gold, test))
        (dev if k < 4 else test_part).append((gold, test))
        if VERBOSE:
            src = open(base + ".de", encoding="utf-8").read().split("\n")
            tgt = open(base + ".fr", encoding="utf-8").read().split("\n")
            explain(f"test{k}", gold, test, src, tgt)
    groups = sum(len(g) for g, _ in pairs)
    show("Bleualign test set, German -> French, --split lines (7 documents)", score(pairs), groups)
    for title, part in (("  documents 0-3", dev), ("  documents 4-6", test_part)):
        r = score(part)
        print(f"{title}: strict F1 {r['strict'][2]:.3f}, lax F1 {r['lax'][2]:.3f}")


def enfr(bin_):
    root = os.path.join(ROOT, "tests", "align", "messages")
    if not os.path.isdir(root):
        sys.exit("bench-align: no tests/align/messages (python3 scripts/build-align-eval.py)")
    pairs = []
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if not os.path.isdir(folder):
            continue
        gold = read_gold(os.path.join(folder, "gold.txt"))
        test = align(bin_, os.path.join(folder, "en.txt"), os.path.join(folder, "fr.txt"))
        pairs.append((gold, test))
        r = score([(gold, test)])
        print(f"  {name}: strict F1 {r['strict'][2]:.3f}, lax F1 {r['lax'][2]:.3f}")
        if VERBOSE:
            src = open(os.path.join(folder, "en.txt"), encoding="utf-8").read().split("\n")
            tgt = open(os.path.join(folder, "fr.txt"), encoding="utf-8").read().split("\n")
            explain(name, gold, test, src, tgt)
    show("English -> French messages with drops, merges and additions", score(pairs), sum(len(g) for g, _ in pairs))


def speed(bin_):
    """Two documents of about 10,000 and 100,000 segments: the English-French messages
    (with their drops, merges and additions) repeated, so the lengths differ by
    thousands of segments and the search has real work to do. Prints time, peak memory
    and the strict F1 against the repeated gold."""
    root = os.path.join(ROOT, "tests", "align", "messages")
    en, fr, gold = [], [], []
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if os.path.isdir(folder):
            e = open(os.path.join(folder, "en.txt"), encoding="utf-8").read().splitlines()
            f = open(os.path.join(folder, "fr.txt"), encoding="utf-8").read().splitlines()
            for s, t in read_gold(os.path.join(folder, "gold.txt")):
                gold.append((tuple(i + len(en) for i in s), tuple(j + len(fr) for j in t)))
            en += e
            fr += f
    with tempfile.TemporaryDirectory() as work:
        for size in (10_000, 100_000):
            k = max(1, size // len(en))
            big_gold = [
                (tuple(i + r * len(en) for i in s), tuple(j + r * len(fr) for j in t)) for r in range(k) for s, t in gold
            ]
            src, tgt = os.path.join(work, "en.txt"), os.path.join(work, "fr.txt")
            with open(src, "w", encoding="utf-8") as f:
                f.write("\n".join(en * k) + "\n")
            with open(tgt, "w", encoding="utf-8") as f:
                f.write("\n".join(fr * k) + "\n")
            times = []
            peak = 0
            for _ in range(3):
                start = time.perf_counter()
                run = subprocess.run(
                    ["/usr/bin/time", "-f", "%M", bin_, "align", "--split", "lines", "--format", "json", src, tgt],
                    cwd=ROOT, check=True, capture_output=True, text=True,
                )
                times.append(time.perf_counter() - start)
                peak = max(peak, int(run.stderr.strip().splitlines()[-1]))
            test = [
                (tuple(range(*g["source_sentences"])), tuple(range(*g["target_sentences"])))
                for g in json.loads(run.stdout)
            ]
            f1 = score([(big_gold, test)])["strict"][2]
            times.sort()
            print(
                f"align {len(en) * k:,} x {len(fr) * k:,} segments: {times[1]:.2f} s (median of 3), "
                f"peak {peak / 1024:.0f} MB, strict F1 {f1:.3f}"
            )


def main():
    what = [a for a in sys.argv[1:] if not a.startswith("-")] or ["bleualign", "enfr", "speed"]
    bin_ = binary()
    for w in what:
        {"bleualign": bleualign, "enfr": enfr, "speed": speed}[w](bin_)


if __name__ == "__main__":
    main()
