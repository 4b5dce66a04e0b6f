#!/usr/bin/env python3
"""JSON Lines at corpus scale: a million short generated articles through
`glossfix fix --jsonl`, one malformed line in the middle.

    python3 scripts/bench-jsonl.py [N]        # N articles, default 1,000,000

Prints the time, the throughput and the peak memory (GNU time's maximum resident set
size), and checks the output: one line per input line, in input order, ids intact, the
malformed line answered by an error line, exit code 2 at the end. Uses the release
build (GLOSSFIX_BIN to name another).
"""
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from glossfix_scripts import release_binary, write_articles

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
SENTENCES = [
    "Le président a parlé de un accord avec les pays voisins.",
    "Follow",
    "Les négociations se poursuivent à Genève depuis lundi.",
    "Il a déclaré que le vehicle de fonction était en panne.",
    "Selon l'agence, les discussions ont été « constructives ».",
    "Le ministre que il a rencontré n'a rien dit..",
    "Publicité",
    "Plus tôt cette année, les responsables ont visité le site.",
]


def main():
    binary = release_binary()
    rng = random.Random(20261123)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        write_articles(src, N, rng, SENTENCES, (2, 6), N // 2, '{"id": "broken", "text": \n',
                       lambda i, text: {"id": i, "source": "bench", "text": text})
        size = src.stat().st_size
        out = Path(tmp) / "out.jsonl"
        start = time.monotonic()
        with open(src, "rb") as fin, open(out, "wb") as fout:
            proc = subprocess.run(
                ["/usr/bin/time", "-f", "%M", str(binary), "--quiet", "fix", "--jsonl", "-"],
                stdin=fin, stdout=fout, stderr=subprocess.PIPE,
            )
        elapsed = time.monotonic() - start
        peak_kb = int(proc.stderr.decode().strip().splitlines()[-1])
        assert proc.returncode == 2, f"exit {proc.returncode}: {proc.stderr.decode()[:500]}"
        expected_id = 0
        lines = 0
        errors = 0
        with open(out, encoding="utf-8") as f:
            for line in f:
                lines += 1
                record = json.loads(line)
                if "error" in record:
                    errors += 1
                    assert record["line"] == N // 2 + 1, record
                    continue
                assert record["id"] == expected_id, (record["id"], expected_id)
                assert record["source"] == "bench"
                expected_id += 1
        assert lines == N + 1 and errors == 1 and expected_id == N, (lines, errors, expected_id)
        print(f"{N:,} articles, {size / 1e6:.0f} MB: {elapsed:.1f} s, {size / 1e6 / elapsed:.1f} MB/s, "
              f"{N / elapsed:,.0f} articles/s, peak memory {peak_kb / 1024:.0f} MB; "
              f"output in order, ids intact, 1 error line, exit 2")


if __name__ == "__main__":
    main()
