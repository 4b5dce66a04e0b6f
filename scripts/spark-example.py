#!/usr/bin/env python3
"""glossfix on Apache Spark, run on a local Spark, compared with one process.

    scripts/spark-example.sh          # makes a virtual environment with pyspark, runs this
    python3 scripts/spark-example.py [N] [--master local[2]]   # pyspark already installed

The README's example, as code: a corpus of N JSON Lines articles (default 5,000,
generated, a malformed line among them) is cut into partitions; Spark pipes each
partition through `glossfix --quiet fix --jsonl -` (RDD.pipe: the partition's lines on
the program's standard input, its output lines back); the result, collected in
partition order, must equal `glossfix fix --jsonl` run once on the whole file. The
binary must be on every worker at the same path (here: the release build).
"""
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from glossfix_scripts import release_binary, write_articles

SENTENCES = [
    "Le président a parlé de un accord avec les pays voisins.",
    "Follow",
    "Il a déclaré que le vehicle de fonction était en panne.",
    "Selon l'agence, les discussions ont été « constructives ».",
    "Le ministre que il a rencontré n'a rien dit..",
    "Plus tôt cette année, les responsables ont visité le site.",
]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 5000
    master = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--master=")), "local[2]")
    binary = release_binary()
    from pyspark import SparkConf, SparkContext  # noqa: imported here, after the build

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        write_articles(corpus, n, rng, SENTENCES, (1, 5), n // 3, "this line is not JSON\n",
                       lambda i, text: {"id": f"a{i}", "text": text})
        single = subprocess.run([str(binary), "--quiet", "fix", "--jsonl", str(corpus)], capture_output=True)
        expected = single.stdout.decode("utf-8").splitlines()

        # The example of the README.
        sc = SparkContext(conf=SparkConf().setMaster(master).setAppName("glossfix"))
        sc.setLogLevel("ERROR")
        try:
            articles = sc.textFile(str(corpus), minPartitions=8)
            repaired = articles.pipe(f"{binary} --quiet fix --jsonl -")
            out_dir = Path(tmp) / "repaired"
            repaired.saveAsTextFile(str(out_dir))
            partitions = articles.getNumPartitions()
        finally:
            sc.stop()
        got = []
        for part in sorted(out_dir.glob("part-*")):
            got.extend(part.read_text(encoding="utf-8").splitlines())
        assert len(got) == len(expected) == n + 1, (len(got), len(expected))
        # An error line names its line in the input the process was given: in Spark, the
        # line in its partition. Every other byte is the same.
        same = lambda line: re.sub(r',"line":\d+}$', "}", line) if line.startswith('{"error"') else line
        assert [same(l) for l in got] == [same(l) for l in expected], next(
            (i, a, b) for i, (a, b) in enumerate(zip(got, expected)) if same(a) != same(b))
        changed = sum(1 for line in got if "d’un" in line or "error" in line)
        print(f"Spark ({master}, {partitions} partitions): {n + 1} lines, output equal to one process "
              f"({changed} lines repaired or reported)")


if __name__ == "__main__":
    main()
