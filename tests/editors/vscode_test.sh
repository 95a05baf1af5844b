#!/usr/bin/env bash
# Builds the VS Code extension with its pinned npm packages (vscode-languageclient 9, TypeScript)
# and packages it to a .vsix with @vscode/vsce 3, then checks what the package holds.
# node_modules are cached in the build tree, so only the first run downloads.
set -euo pipefail
: "${POLICYLINT_SOURCE_DIR:?}" "${POLICYLINT_TEST_CACHE:?}"
command -v npm >/dev/null || { echo "npm is not installed"; exit 77; }
work="$POLICYLINT_TEST_CACHE/vscode"
mkdir -p "$work"
# A fresh copy of the sources next to the cached node_modules.
rm -rf "$work/src" "$work/out" "$work"/*.vsix
cp -r "$POLICYLINT_SOURCE_DIR/editors/vscode/." "$work/"
cd "$work"
if ! cmp -s package.json .installed-package.json; then
  npm install --no-audit --no-fund --loglevel=error
  cp package.json .installed-package.json
fi
npx --no-install tsc -p ./
npx --no-install vsce package --skip-license --allow-missing-repository -o policylint.vsix
listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' policylint.vsix)
for f in extension/package.json extension/out/extension.js extension/readme.md \
         extension/node_modules/vscode-languageclient/package.json; do
  grep -qx "$f" <<<"$listing" || { echo "FAILED: $f is not in the .vsix"; exit 1; }
done
grep -q "extension/src/" <<<"$listing" && { echo "FAILED: sources are in the .vsix"; exit 1; }
node -e '
  const p = require("./package.json");
  const props = p.contributes.configuration.properties;
  for (const k of ["policylint.path", "policylint.configPath"]) if (!props[k]) throw new Error("missing setting " + k);
  if (!p.contributes.commands.some(c => c.command === "policylint.restart")) throw new Error("missing restart command");
  const lc = require("vscode-languageclient/package.json").version;
  if (!lc.startsWith("9.")) throw new Error("vscode-languageclient " + lc);'
echo "ok: policylint.vsix ($(stat -c %s policylint.vsix) bytes) holds the compiled extension and vscode-languageclient"
