#!/usr/bin/env bash
# Neovim (Debian 12: 0.7.2) as a real client of `policylint lsp`.
set -euo pipefail
: "${POLICYLINT:?}" "${POLICYLINT_SOURCE_DIR:?}"
command -v nvim >/dev/null || { echo "nvim is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/草稿"
printf 'select = ["punctuation/halfwidth-in-cjk"]\n' > "$tmp/草稿/policylint.toml"
export DRAFT="$tmp/草稿/通知.txt"
printf '𠀀🀄各有关单位,请于月底前报送。\n' > "$DRAFT"
export HOME="$tmp" XDG_STATE_HOME="$tmp/state" XDG_DATA_HOME="$tmp/data"
timeout 60 nvim --headless -u NONE -i NONE -c "luafile $POLICYLINT_SOURCE_DIR/tests/editors/nvim_test.lua" 2>&1
echo "nvim: all checks passed"
