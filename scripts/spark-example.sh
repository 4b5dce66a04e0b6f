#!/usr/bin/env bash
# Runs scripts/spark-example.py on a local Spark: a virtual environment with pyspark
# from PyPI (target/spark-venv, made once; Java 17 or later must be installed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/target/spark-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "pyspark==4.0.1"
fi
exec "$venv/bin/python" "$root/scripts/spark-example.py" "$@"
