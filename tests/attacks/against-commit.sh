#!/usr/bin/env bash
# Runs today's adversarial suite against the Hermetic of another commit, with an empty allow-list, to show
# that the attacks catch what that tree lets through (docs/security.md, "The suite can fail"):
#   bash tests/attacks/against-commit.sh 1de1915 [HERMETIC_ATTACKS_* variables pass through]
# The commit is exported (git archive) to a temporary directory whose node_modules link to this
# checkout's, except @hermetic/*, which link to the exported packages; it is built there and removed after.
set -euo pipefail
commit="${1:?usage: against-commit.sh <commit>}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hermetic-attacks-XXXXXX")"
trap 'rm -rf "$work"' EXIT
git -C "$repo" archive "$commit" | tar -x -C "$work"
mkdir "$work/node_modules" "$work/node_modules/@hermetic"
for entry in "$repo"/node_modules/* "$repo"/node_modules/.bin; do
  [ "$(basename "$entry")" = "@hermetic" ] || ln -s "$entry" "$work/node_modules/$(basename "$entry")"
done
for package in "$work"/packages/*; do ln -s "$package" "$work/node_modules/@hermetic/$(basename "$package")"; done
(cd "$work" && npm run build >/dev/null)
rm -rf "$work/tests/attacks" "$work/test-fixtures/attacks"
cp -r "$repo/tests/attacks" "$work/tests/attacks"
cp -r "$repo/test-fixtures/attacks" "$work/test-fixtures/attacks"
echo '{ "escapes": [] }' > "$work/tests/attacks/known-escapes.json"
cd "$work" && npm test -- tests/attacks/attacks.test.ts || true
