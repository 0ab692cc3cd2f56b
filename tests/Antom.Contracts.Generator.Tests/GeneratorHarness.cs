using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Antom.Contracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Antom.Contracts.Generator.Tests;

/// <summary>Runs the generator in memory over schema texts, the way the compiler does, with no disk or network.</summary>
internal static class GeneratorHarness
{
    public static readonly string SchemasDirectory = Path.Combine(AppContext.BaseDirectory, "schemas");

    public static IReadOnlyList<(string Path, string Text)> ShippedSchemas() =>
        Directory.GetFiles(SchemasDirectory, "*.schema.json").Order(StringComparer.Ordinal)
            .Select(p => ("/schemas/" + Path.GetFileName(p), File.ReadAllText(p))).ToArray();

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.CSharp11))),
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(Money).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<(string Path, string Text)> schemas, string? ns = "Consumer.Contracts", bool trackSteps = true, string? resolverName = null)
        => Driver(schemas.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)), ns, trackSteps, resolverName);

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> schemas, string? ns = "Consumer.Contracts", bool trackSteps = true, string? resolverName = null)
    {
        var options = new Dictionary<string, string>();
        if (ns is not null)
        {
            options["build_property.AntomContractsNamespace"] = ns;
        }

        if (resolverName is not null)
        {
            options["build_property.AntomContractsResolverName"] = resolverName;
        }

        return CSharpGeneratorDriver.Create(
            [new ContractsGenerator().AsSourceGenerator()],
            schemas,
            new CSharpParseOptions(LanguageVersion.CSharp11),
            new OptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>
    /// Runs the generator, then runs it again on the same input and requires every tracked step to be Cached or
    /// Unchanged: every test that runs the generator also proves that its model is equatable all the way down.
    /// </summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(GeneratorDriver driver, Compilation compilation)
    {
        GeneratorDriver ran = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, CancellationToken.None);
        AssertCachedOnRerun(ran, compilation);
        return (ran, output, diagnostics);
    }

    public static void AssertCachedOnRerun(GeneratorDriver ran, Compilation compilation)
    {
        GeneratorRunResult again = ran.RunGenerators(compilation, CancellationToken.None).GetRunResult().Results[0];
        foreach (var (name, steps) in again.TrackedSteps.Concat(again.TrackedOutputSteps))
        {
            foreach (IncrementalGeneratorRunStep step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                    {
                        throw new InvalidOperationException($"Running the generator again on the same input gave step '{name}' the reason {reason}: its model is not equatable.");
                    }
                }
            }
        }
    }

    internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
