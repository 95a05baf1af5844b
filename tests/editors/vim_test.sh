#!/usr/bin/env bash
# Vim's errorformat and ALE handler from editors/vim, run by headless Neovim.
set -euo pipefail
: "${POLICYLINT:?}" "${POLICYLINT_SOURCE_DIR:?}"
command -v nvim >/dev/null || { echo "nvim is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'select = ["punctuation/halfwidth-in-cjk"]\n' > "$tmp/policylint.toml"
export DRAFT="$tmp/通知.txt" HOME="$tmp"
printf '𠀀🀄各有关单位,请于月底前报送。\n' > "$DRAFT"
timeout 60 nvim --headless -u NONE -i NONE -S "$POLICYLINT_SOURCE_DIR/tests/editors/vim_test.vim" 2>&1
echo
