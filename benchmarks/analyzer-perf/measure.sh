#!/usr/bin/env bash
# Measures the packaged analyzers on a synthetic 1,000-file project: analyzer time (-p:ReportAnalyzer=true) against
# the Csc task time (-clp:PerformanceSummary). Prints both, the ratio and the time of each of our analyzers. Not part
# of CI; see docs/performance.md.
#   FILES=1000          number of files
#   DENSITY=dense       every file branches and switches on a ResultStatus (two status checks per file)
#   DENSITY=sparse      one file in ten does; the other nine do the same work on an int (a tenth of the checks)
#   RUNS=5              full rebuilds measured; the median ratio is reported
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
files="${FILES:-1000}"
density="${DENSITY:-dense}"
case "$density" in dense|sparse) ;; *) echo "DENSITY must be dense or sparse, not '$density'" >&2; exit 2 ;; esac
work="$(mktemp -d)"
trap 'cp "$work/build.log" /tmp/analyzer-perf-build.log 2>/dev/null; rm -rf "$work"' EXIT
version="0.0.0-perf.$(date +%s)"

dotnet pack "$root/src/Antom.Contracts/Antom.Contracts.csproj" -c Release -o "$work/feed" -p:Version="$version" --nologo -v quiet
mkdir -p "$work/app"
# Our package from the fresh local feed only; its dependencies (Microsoft.Extensions.Logging.Abstractions) from the
# machine's usual source, as in tests/Package/verify-package.sh.
cat > "$work/app/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><add key="local" value="$work/feed" /></packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="Antom.Contracts" /><package pattern="Antom.Contracts.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG
printf '<Project />\n' > "$work/app/Directory.Build.props"
printf '<Project />\n' > "$work/app/Directory.Packages.props"
cat > "$work/app/App.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NuGetAudit>false</NuGetAudit>
    <!-- The Antom warnings stay on: the compiler does not run an analyzer whose diagnostics are all suppressed. -->
    <NoWarn>\$(NoWarn);CS8524</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Antom.Contracts" Version="$version" />
  </ItemGroup>
</Project>
PROJECT
# Realistic code: every file reads a response, switches and branches on its status and handles money; one file in
# ten carries the mistakes the rules exist for (so diagnostics are reported, but not on every line).
for i in $(seq 1 "$files"); do
  if [ $((i % 10)) -eq 0 ]; then
    mistakes="    public string CaptureAmount { get; set; } = \"\";
    public int Wrong(ResultStatus s) { if (s == ResultStatus.Success) { return 1; } else { return 2; } }
    public int Partial(ResultStatus s) { switch (s) { case ResultStatus.Success: return 1; default: return 0; } }"
  else
    mistakes="    public string Description { get; set; } = \"\";"
  fi
  if [ "$density" = dense ] || [ $((i % 10)) -eq 0 ]; then
    checks="        if (status == ResultStatus.Unknown) { count--; } else if (status == ResultStatus.Success) { count++; } else { count -= 2; }
        int code = status switch { ResultStatus.Success => 1, ResultStatus.Failure => 2, ResultStatus.Unknown => 3 };"
  else
    # The same shape of work on an int: the code a project mostly holds, which the rules must pass over cheaply.
    checks="        int kind = label0.Length % 3;
        if (kind == 0) { count--; } else if (kind == 1) { count++; } else { count -= 2; }
        int code = kind switch { 0 => 1, 1 => 2, _ => 3 };"
  fi
  cat > "$work/app/File$i.cs" <<CODE
using System;
using Antom.Contracts;

namespace App;

public sealed class Handler$i
{
$mistakes
    public Money Authorised { get; set; }
    public decimal Rate { get; set; }

    public int Handle(CaptureResponse response, int n)
    {
        var status = response.Result.ResultStatus;
        string label0 = response.PaymentId ?? "";
        int count = 0;
        for (int k = 0; k < n; k++)
        {
            count += k * $i;
        }

$checks
        string label = response.CaptureId ?? "none";
        return count + code + (Authorised.MinorUnits > 0 ? 1 : 0) + label.Length;
    }
}
CODE
done

cd "$work/app"
dotnet restore --nologo -v quiet -p:RestorePackagesPath="$work/packages"
dotnet build --no-restore --nologo -c Release -p:RestorePackagesPath="$work/packages" >/dev/null  # warm-up
# RUNS full rebuilds (default 5); each is reported, and the median ratio is the figure: single builds on a shared
# machine move by a factor of two.
runs="${RUNS:-5}"
# ReportAnalyzer lines: "<seconds> <percent> <assembly>, Version=..."; "<0.001" counts as 0.
seconds() { grep -E "^\s+<?[0-9.]+\s+<?[0-9]+\s+$1, Version" "$work/build.log" | awk '{ v=$1; sub("<", "", v); s+=v } END { printf "%.3f", s }'; }
echo "files: $files ($density), $runs rebuilds"
ratios=""
for run in $(seq 1 "$runs"); do
  dotnet build --no-restore --nologo -c Release -p:RestorePackagesPath="$work/packages" --no-incremental -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$work/build.log"
  analyzers=$(seconds "Antom.Contracts.Analyzers")
  generator=$(seconds "Antom.Contracts.Generator")
  csc=$(grep -E "^\s+[0-9]+ ms\s+Csc\s" "$work/build.log" | awk '{print $1/1000}' | head -1)
  ratio=$(awk -v a="$analyzers" -v c="$csc" 'BEGIN { printf "%.2f", 100 * a / c }')
  ratios="$ratios $ratio"
  per=$(grep -E "^\s+<?[0-9.]+\s+<?[0-9]+\s+Antom\.Contracts\.Analyzers\.[A-Za-z]+ \(" "$work/build.log" \
        | sed -E 's/^\s+(<?[0-9.]+)\s+<?[0-9]+\s+Antom\.Contracts\.Analyzers\.([A-Za-z]+) \(([A-Z0-9, ]+)\).*/\3 \1/' | tr '\n' ';')
  echo "run $run: analyzers ${analyzers} s, generator ${generator} s, Csc ${csc} s, analyzers / Csc ${ratio} %; $per"
done
echo "$ratios" | tr ' ' '\n' | grep . | sort -n | awk '{ r[NR]=$1 } END { printf "analyzers / Csc, median of %d: %.2f %% (least %.2f %%, most %.2f %%)\n", NR, r[int((NR+1)/2)], r[1], r[NR] }'
