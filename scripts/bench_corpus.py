#!/usr/bin/env python3
"""Writes a deterministic French corpus for the benchmark: sentences of the corpus
articles, shuffled with a fixed seed, numbers varied, grouped into articles.

Usage: bench_corpus.py SIZE_MB OUT_FILE [OUT_FOLDER]
With OUT_FOLDER, the same text is also written as one file per article.
"""
import glob
import os
import random
import re
import sys

size = int(float(sys.argv[1]) * 1_000_000)
out_file = sys.argv[2]
out_folder = sys.argv[3] if len(sys.argv) > 3 else None
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sentences = []
for path in sorted(glob.glob(os.path.join(root, "tests", "corpus", "*.txt"))):
    for line in open(path, encoding="utf-8").read().splitlines():
        sentences += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý“«])", line) if s.strip()]
rng = random.Random(20231113)
written = 0
article = 0
if out_folder:
    os.makedirs(out_folder, exist_ok=True)
with open(out_file, "w", encoding="utf-8") as out:
    while written < size:
        paragraphs = []
        for _ in range(rng.randint(6, 14)):
            picked = rng.sample(sentences, rng.randint(1, 4))
            text = " ".join(picked)
            text = re.sub(r"\d+", lambda m: str(rng.randint(1, 3000)), text)
            paragraphs.append(text)
        body = "\n\n".join(paragraphs) + "\n\n"
        out.write(body)
        if out_folder:
            with open(os.path.join(out_folder, f"article-{article:06}.txt"), "w", encoding="utf-8") as f:
                f.write(body)
        written += len(body.encode("utf-8"))
        article += 1
print(f"{written / 1e6:.1f} MB in {article} articles", file=sys.stderr)
