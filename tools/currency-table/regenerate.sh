#!/usr/bin/env bash
# Rebuilds the ISO 4217 currency table from the pinned npm package `currency-codes`,
# which ships ISO's own List One XML (iso-4217-list-one.xml).
# Bump PACKAGE_VERSION to take a newer ISO edition, run this, review the diff, commit.
set -euo pipefail
PACKAGE_VERSION="2.2.0"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "currency-codes@${PACKAGE_VERSION}" >/dev/null && tar xzf "currency-codes-${PACKAGE_VERSION}.tgz")
node "$here/generate.mjs" "$work/package/iso-4217-list-one.xml" \
  "$root/src/Antom.Contracts/CurrencyCode.Table.g.cs" "npm currency-codes@${PACKAGE_VERSION} (iso-4217-list-one.xml)"
