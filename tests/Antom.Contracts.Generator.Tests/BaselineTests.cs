using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Antom.Contracts.Generator.Tests;

/// <summary>The generated source for the shipped schemas is checked in under Baselines/ and must not drift unreviewed.</summary>
public class BaselineTests
{
    [Fact]
    public void Generated_source_for_the_shipped_schemas_matches_the_baselines()
    {
        GeneratorDriver driver = GeneratorHarness.Driver(GeneratorHarness.ShippedSchemas(), ns: "Antom.Contracts", resolverName: "AntomContractsJsonResolver");
        GeneratorRunResult result = driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.Empty(result.Diagnostics);
        string[] produced = result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToArray();
        foreach (GeneratedSourceResult source in result.GeneratedSources)
        {
            Baseline.Verify(source.HintName, source.SourceText.ToString());
        }

        string[] checkedIn = Directory.Exists(Baseline.Directory)
            ? Directory.GetFiles(Baseline.Directory, "*.g.cs").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray()
            : [];
        Assert.Equal(checkedIn, produced);
    }

    [Fact]
    public void Baseline_diff_names_the_lines_that_differ()
    {
        string diff = Baseline.Diff("a\nb\nc\nd", "a\nb\nX\nd");
        Assert.Contains("- 3 c", diff, StringComparison.Ordinal);
        Assert.Contains("+ 3 X", diff, StringComparison.Ordinal);
        Assert.Contains("  2 b", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_baselines_is_refused_under_CI()
    {
        string? previousAccept = Environment.GetEnvironmentVariable(Baseline.AcceptVariable);
        string? previousCi = Environment.GetEnvironmentVariable("CI");
        try
        {
            Environment.SetEnvironmentVariable(Baseline.AcceptVariable, "1");
            Environment.SetEnvironmentVariable("CI", "true");
            Assert.Throws<InvalidOperationException>(() => Baseline.Accepting);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Baseline.AcceptVariable, previousAccept);
            Environment.SetEnvironmentVariable("CI", previousCi);
        }
    }
}
