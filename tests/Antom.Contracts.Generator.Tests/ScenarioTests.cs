using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Antom.Contracts.Generator.Tests;

/// <summary>
/// One tiny schema per feature (Scenarios/&lt;feature&gt;.schema.json) and its checked-in output
/// (Baselines/Scenarios/&lt;feature&gt;/), so that "how is X emitted?" is answered by opening one folder. Each output
/// must compile, and the generator must be fully cached when run again.
/// </summary>
public class ScenarioTests
{
    private static readonly string Scenarios = Path.Combine(AppContext.BaseDirectory, "Scenarios");

    public static IEnumerable<object[]> All()
        => Directory.GetFiles(Scenarios, "*.schema.json").Order(StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p)[..^".schema.json".Length] });

    [Theory]
    [MemberData(nameof(All))]
    public void Scenario_generates_its_baseline_and_compiles(string scenario)
    {
        string path = Path.Combine(Scenarios, scenario + ".schema.json");
        var (driver, output, _) = GeneratorHarness.Run(GeneratorHarness.Driver([("/scenarios/" + scenario + ".schema.json", File.ReadAllText(path))], ns: "Scenario"), GeneratorHarness.Compilation());
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        foreach (GeneratedSourceResult source in run.GeneratedSources)
        {
            Baseline.Verify(Path.Combine("Scenarios", scenario, source.HintName), source.SourceText.ToString());
        }

        string folder = Path.Combine(Baseline.Directory, "Scenarios", scenario);
        string[] checkedIn = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.g.cs").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray() : [];
        Assert.Equal(checkedIn, run.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }
}
