#!/usr/bin/env bash
# The pre-commit hook, run by the real pre-commit tool and by `policylint install-hook`, on a
# temporary git repository: a draft with a mistake blocks the commit and prints the diagnostic;
# a clean draft commits.
set -euo pipefail
: "${POLICYLINT:?path to the policylint binary}" "${POLICYLINT_SOURCE_DIR:?}"
command -v git >/dev/null || { echo "git is not installed"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PATH="$(dirname "$POLICYLINT"):$PATH" PRE_COMMIT_HOME="$tmp/pre-commit-cache"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.org GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.org
failures=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then echo "ok: $name"; else echo "FAILED: $name"; failures=$((failures + 1)); fi
}

new_repo() {
  rm -rf "$1" && mkdir -p "$1" && git -C "$1" init -q
  # Only the rule this test is about, so packs added later cannot change its outcome.
  printf 'select = ["punctuation/halfwidth-in-cjk"]\n' > "$1/policylint.toml"
}

# Commits a draft; prints the output; returns git's exit code.
commit_draft() {  # commit_draft REPO FILE TEXT
  printf '%s\n' "$3" > "$1/$2"
  git -C "$1" add "$2" policylint.toml
  git -C "$1" commit -q -m "draft $2" 2>&1
}

bad="各有关单位,请于月底前报送。"
good="各有关单位，请于月底前报送。"

run_suite() {  # run_suite REPO LABEL
  local out rc
  rc=0; out=$(commit_draft "$1" "通知 草稿.txt" "$bad") || rc=$?
  echo "$out"
  check "$2: a draft with a mistake blocks the commit" test "$rc" -ne 0
  check "$2: the diagnostic is printed" grep -q "通知 草稿.txt:1:6: warning: .*\[punctuation/halfwidth-in-cjk\]" <<<"$out"
  check "$2: nothing was committed" test -z "$(git -C "$1" log --oneline 2>/dev/null)"
  rc=0; out=$(commit_draft "$1" "通知 草稿.txt" "$good") || rc=$?
  echo "$out"
  check "$2: a clean draft commits" test "$rc" -eq 0
  check "$2: the commit exists" test -n "$(git -C "$1" log --oneline)"
}

# 1. The real pre-commit tool, with this repository's .pre-commit-hooks.yaml as the hook repo.
if command -v pre-commit >/dev/null; then
  hooks="$tmp/hooks-repo"
  mkdir -p "$hooks" && git -C "$hooks" init -q
  cp "$POLICYLINT_SOURCE_DIR/.pre-commit-hooks.yaml" "$hooks/"
  git -C "$hooks" add . && git -C "$hooks" commit -q -m hooks
  repo="$tmp/with-pre-commit"
  new_repo "$repo"
  cat > "$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $hooks
    rev: $(git -C "$hooks" rev-parse HEAD)
    hooks:
      - id: policylint
YAML
  git -C "$repo" add .pre-commit-config.yaml
  (cd "$repo" && pre-commit install >/dev/null)
  run_suite "$repo" "pre-commit"
else
  echo "skip: pre-commit is not installed"
fi

# 2. The plain git hook from `policylint install-hook`.
repo="$tmp/with-install-hook"
new_repo "$repo"
(cd "$repo" && "$POLICYLINT" install-hook)
check "install-hook: the hook is executable" test -x "$repo/.git/hooks/pre-commit"
run_suite "$repo" "install-hook"
check "install-hook: running it again replaces its own hook" bash -c "cd '$repo' && '$POLICYLINT' install-hook >/dev/null"
printf '#!/bin/sh\nexit 0\n' > "$repo/.git/hooks/pre-commit"
check "install-hook: another tool's hook is kept" bash -c "cd '$repo' && ! '$POLICYLINT' install-hook 2>/dev/null"
check "install-hook: --force replaces it" bash -c "cd '$repo' && '$POLICYLINT' install-hook --force >/dev/null"
check "install-hook: outside a git repository it fails" bash -c "cd '$tmp' && ! '$POLICYLINT' install-hook 2>/dev/null"

echo "$failures failed"
[ "$failures" -eq 0 ]
