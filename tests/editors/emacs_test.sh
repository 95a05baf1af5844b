#!/usr/bin/env bash
# Emacs batch with eglot (Debian 12: Emacs 28 + elpa-eglot) and flymake as real clients.
set -euo pipefail
: "${POLICYLINT:?}" "${POLICYLINT_SOURCE_DIR:?}"
command -v emacs >/dev/null || { echo "emacs is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/草稿"
git -C "$tmp/草稿" init -q  # eglot needs a project
printf 'select = ["punctuation/halfwidth-in-cjk"]\n' > "$tmp/草稿/policylint.toml"
export DRAFT="$tmp/草稿/通知.txt"
printf '𠀀🀄各有关单位,请于月底前报送。\n' > "$DRAFT"
export HOME="$tmp"
timeout 120 emacs --batch -l "$POLICYLINT_SOURCE_DIR/tests/editors/emacs_test.el" 2>&1
