"""What the Python scripts share: the glossfix binary they run, and generated JSON Lines
articles. Imported by heldout.py, bench-jsonl.py and spark-example.py (same folder)."""
import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def release_binary():
    """The release build, built first; or the binary GLOSSFIX_BIN names, as it is (to
    compare builds, for example with and without a Cargo feature)."""
    if "GLOSSFIX_BIN" in os.environ:
        return Path(os.environ["GLOSSFIX_BIN"]).resolve()
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    return ROOT / "target" / "release" / "glossfix"


def write_articles(path, n, rng, sentences, lines, bad_at, bad_line, record):
    """Writes `n` JSON Lines articles to `path`: each text is `lines` (min, max) sentences
    drawn by `rng` from `sentences`, each record is `record(i, text)`; `bad_line` (a line
    that is not a JSON record) is written before article `bad_at`."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            if i == bad_at:
                f.write(bad_line)
            text = "\n".join(rng.choice(sentences) for _ in range(rng.randint(*lines)))
            f.write(json.dumps(record(i, text), ensure_ascii=False) + "\n")
