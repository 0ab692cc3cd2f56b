#!/usr/bin/env bash
# Proves the package works the way a team consumes it: pack Antom.Contracts, check its layout, then build and run a
# throwaway consumer outside the solution that references it from a local folder feed and adds a schema of its own.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.0.0-ci.$(date +%s)"

echo "== pack Antom.Contracts $version"
for project in Antom.Contracts Antom.Contracts.AspNetCore Antom.Contracts.Hosting Antom.Contracts.Simulator Antom.Contracts.Storage.Sqlite Antom.Contracts.Storage.PostgreSql; do
  dotnet pack "$root/src/$project/$project.csproj" -c Release -o "$work/feed" -p:Version="$version" -warnaserror --nologo -v quiet
done
package="$work/feed/Antom.Contracts.$version.nupkg"

echo "== package layout"
listing="$(python3 -c "import sys, zipfile; print(\"\\n\".join(zipfile.ZipFile(sys.argv[1]).namelist()))" "$package")"
for entry in lib/net8.0/Antom.Contracts.dll lib/net10.0/Antom.Contracts.dll \
             analyzers/dotnet/cs/Antom.Contracts.Generator.dll analyzers/dotnet/cs/NJsonSchema.dll \
             analyzers/dotnet/cs/NJsonSchema.Annotations.dll analyzers/dotnet/cs/Namotion.Reflection.dll \
             analyzers/dotnet/cs/Newtonsoft.Json.dll analyzers/dotnet/cs/Antom.Contracts.Analyzers.dll \
             analyzers/dotnet/cs/Antom.Contracts.CodeFixes.dll build/Antom.Contracts.props buildTransitive/Antom.Contracts.props \
             $(cd "$root/schemas" && ls *.schema.json | sed 's|^|schemas/|'); do
  grep -qx "$entry" <<<"$listing" || { echo "missing from the package: $entry" >&2; exit 1; }
done
if grep -q '^lib/netstandard' <<<"$listing"; then echo "the generator leaked into lib/" >&2; exit 1; fi
for store in Sqlite PostgreSql; do
  store_listing="$(python3 -c "import sys, zipfile; print(\"\\n\".join(zipfile.ZipFile(sys.argv[1]).namelist()))" "$work/feed/Antom.Contracts.Storage.$store.$version.nupkg")"
  for entry in lib/net8.0/Antom.Contracts.Storage.$store.dll lib/net10.0/Antom.Contracts.Storage.$store.dll; do
    grep -qx "$entry" <<<"$store_listing" || { echo "missing from Antom.Contracts.Storage.$store: $entry" >&2; exit 1; }
  done
done
echo "ok: lib/net8.0, lib/net10.0, analyzers/dotnet/cs/ (generator + NJsonSchema, Namotion.Reflection, Newtonsoft.Json; analyzers; code fixes), schemas/"

echo "== consumer: build and run"
cp -r "$here/consumer" "$work/consumer"
cat > "$work/consumer/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <!-- The machine's own sources stay (the runtime's dependencies, such as Microsoft.Extensions.Logging.Abstractions,
         come from there); our packages come only from the freshly packed local feed. -->
    <add key="local" value="$work/feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local">
      <package pattern="Antom.Contracts" />
      <package pattern="Antom.Contracts.*" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
CONFIG
# Its own package cache, so that no earlier build of the same version can stand in for this one.
build="$(cd "$work/consumer" && dotnet build -c Release -p:AntomContractsVersion="$version" -p:RestorePackagesPath="$work/packages" --nologo 2>&1)" || { echo "$build" >&2; exit 1; }
# The consumer has a deliberate unhandled resultStatus: the packaged analyzer must report it in the build output.
grep -q "warning ANTOM1001: .*resultStatus U (Unknown) is not handled" <<<"$build" || { echo "$build" >&2; echo "ANTOM1001 was not reported by the consumer build" >&2; exit 1; }
grep -q "warning ANTOM1001: .*branch OrderVoided is not handled" <<<"$build" || { echo "$build" >&2; echo "ANTOM1001 was not reported for the union switch" >&2; exit 1; }
echo "ok: the consumer build reports ANTOM1001 (a closed enum, and a generated union)"
output="$(cd "$work/consumer" && dotnet run -c Release --no-build -p:AntomContractsVersion="$version" -p:RestorePackagesPath="$work/packages" --nologo 2>&1)" || { echo "$output" >&2; exit 1; }
echo "$output"
grep -qx "shipped: CaptureRequest cap-1 BRL 1.10 last=False" <<<"$output"
grep -qx "own: ShopRefundRequest ref-1 JPY 500 reason=CUSTOMER_REQUEST" <<<"$output"
grep -qx 'own json: {"refundRequestId":"ref-1","refundAmount":{"currency":"JPY","value":"500"},"reason":"CUSTOMER_REQUEST"}' <<<"$output"
grep -qx 'error: $.refundAmount.value Pattern' <<<"$output"
grep -qx "risk: 2 valid read and written, 10 invalid refused at their paths, write refused at \$.score Range" <<<"$output"
grep -qx "schemas: $(ls "$root/schemas"/*.schema.json | wc -l) shipped, ids resolve" <<<"$output"
grep -qx 'union: paid BRL 9.90 as {"type":"ORDER_PAID","amount":{"currency":"BRL","value":"990"}}' <<<"$output"
grep -qx "union incomplete: not paid" <<<"$output"
grep -qx "status: not captured" <<<"$output"
grep -qx "simulator: Success BRL 2.50" <<<"$output"
grep -qx "sqlite: Claimed then AlreadyCompleted, ledger created=True, BRL 60.00 held at version 1" <<<"$output"
if [ -n "${ANTOM_TEST_POSTGRES:-}" ]; then
  grep -qx "postgresql: Claimed then AlreadyCompleted, ledger created=True, BRL 60.00 held at version 1" <<<"$output"
else
  grep -qx "postgresql: constructed (ANTOM_TEST_POSTGRES not set)" <<<"$output"
fi
grep -qx "hosting: Success BRL 1.00" <<<"$output"
grep -qx "hosting invalid: Antom:Endpoint must be an absolute https URI" <<<"$output"
# Fix All through dotnet format: every fixable id, several diagnostics over several files, fixed in bulk by the packaged
# code fixes. Each id on a fresh copy: reported at least twice in at least two files before, gone after, every file
# that had one changed, and the fixed code builds.
echo "== dotnet format analyzers: Fix All per fixable id"
warnings_of() { # the distinct "file(line,col): warning <id>" of a full rebuild of $1, which must build
  local out
  out="$(cd "$1" && dotnet build -c Release --no-incremental -p:AntomContractsVersion="$version" -p:RestorePackagesPath="$work/packages" --nologo 2>&1)" \
    || { echo "$out" >&2; echo "$1 does not build" >&2; return 1; }
  grep -oE "[A-Za-z]+\.cs\([0-9]+,[0-9]+\): warning $2\b" <<<"$out" | sort -u || true
}
for id in ANTOM1001 ANTOM1003 ANTOM2001; do
  copy="$work/fixall-$id"
  cp -r "$here/fixall" "$copy"
  cp "$work/consumer/nuget.config" "$copy/nuget.config"
  before="$(warnings_of "$copy" "$id")" || exit 1
  count_before=$(grep -c . <<<"$before" || true)
  files_before=$(sed -E 's/\(.*//' <<<"$before" | sort -u)
  if [ "$(grep -c . <<<"$files_before" || true)" -lt 2 ] || [ "$count_before" -lt 2 ]; then
    echo "the Fix All consumer should report $id in at least 2 files; it reported:" >&2; echo "$before" >&2; exit 1
  fi
  format="$(cd "$copy" && AntomContractsVersion="$version" RestorePackagesPath="$work/packages" \
    dotnet format analyzers FixAll.csproj --diagnostics "$id" --severity warn --verbosity diagnostic 2>&1)" || { echo "$format" >&2; exit 1; }
  for file in $files_before; do
    if cmp -s "$here/fixall/$file" "$copy/$file"; then echo "$format" >&2; echo "dotnet format left $file unchanged for $id" >&2; exit 1; fi
  done
  after="$(warnings_of "$copy" "$id")" || exit 1
  if [ -n "$after" ]; then echo "$format" >&2; echo "$id is still reported after dotnet format:" >&2; echo "$after" >&2; exit 1; fi
  build="$(cd "$copy" && dotnet build -c Release -p:AntomContractsVersion="$version" -p:RestorePackagesPath="$work/packages" --nologo 2>&1)" \
    || { echo "$build" >&2; echo "the code after the $id Fix All does not build" >&2; exit 1; }
  echo "ok: $id: $count_before diagnostics in $(grep -c . <<<"$files_before") files before, 0 after dotnet format, and it builds"
done
echo "package test: 1 passed, 0 failed"
