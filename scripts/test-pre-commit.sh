#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit (from PyPI)
# in a temporary git repository, against this repository at HEAD (commit first):
#
#   scripts/test-pre-commit.sh
#
# pre-commit builds glossfix with `cargo install` (language: rust): a release build, a
# few minutes the first time (kept in target/pre-commit afterwards). Not run by CI.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pre-commit
export PATH="$work/venv/bin:$PATH" PRE_COMMIT_HOME="$work/cache" CARGO_TARGET_DIR="$root/target/pre-commit"
rev="$(git -C "$root" rev-parse HEAD)"

mkdir "$work/repo" && cd "$work/repo"
git init -q && git config user.email test@example.org && git config user.name test
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: glossfix-fix
      - id: glossfix-check
YAML
printf 'Follow\nIl a parlé de un éventuel accord.\n' > article.txt
printf 'Un texte propre.\n' > clean.md
printf 'de un, not French\n' > notes.py   # not an article: never touched
git add -A

fail() { echo "FAIL: $*"; exit 1; }
# First run: fix repairs the article (and so fails, as pre-commit does when a hook
# changes a file); check then finds nothing left.
if pre-commit run --all-files > "$work/run1.log" 2>&1; then
  cat "$work/run1.log"; fail "the first run passed although the article needed repairs"
fi
grep -q "glossfix fix.*Failed" "$work/run1.log" || { cat "$work/run1.log"; fail "fix did not report the change"; }
grep -q "files were modified by this hook" "$work/run1.log" || { cat "$work/run1.log"; fail "no file modified"; }
[ "$(cat article.txt)" = "Il a parlé d’un éventuel accord." ] || fail "article.txt: $(cat article.txt)"
[ "$(cat notes.py)" = "de un, not French" ] || fail "notes.py was touched"
# Second run, after staging the repair: both hooks pass.
git add -A
pre-commit run --all-files > "$work/run2.log" 2>&1 || { cat "$work/run2.log"; fail "the second run failed"; }
grep -q "glossfix check.*Passed" "$work/run2.log" || { cat "$work/run2.log"; fail "check did not pass"; }
# check fails the commit on a suggestion fix leaves alone.
printf 'Le média japonaise Kyodo a parlé.\n' > news.txt
git add -A
if pre-commit run --files news.txt > "$work/run3.log" 2>&1; then
  cat "$work/run3.log"; fail "check passed on an agreement slip"
fi
grep -q "agreement" "$work/run3.log" || { cat "$work/run3.log"; fail "check did not name the finding"; }
cat "$work/run3.log"
echo "pre-commit hooks: passed"
