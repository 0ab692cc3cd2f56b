using System;
using System.IO;
using System.Linq;
using System.Threading;
using Antom.Contracts.Generator;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Antom.Contracts.Benchmarks;

/// <summary>
/// The generator over the shipped schemas: a full run, and a rerun after an unrelated code edit; and a full run of
/// the shipped schemas plus every feature scenario (each scenario its own compilation, as a team's project would be).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText[] _schemas = [];
    private GeneratorDriver _warmDriver = null!;
    private AdditionalText[][] _scenarios = [];

    [GlobalSetup]
    public void Setup()
    {
        _schemas = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schemas"), "*.schema.json")
            .Select(p => (AdditionalText)new Text(p, File.ReadAllText(p))).ToArray();
        _compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText("namespace App; public class A { }")], Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class B { }"));
        _warmDriver = NewDriver().RunGenerators(_compilation);
        GeneratorDriverRunResult run = _warmDriver.GetRunResult();
        if (run.GeneratedTrees.Length != 13 || !run.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"The generator did not run as expected: {run.GeneratedTrees.Length} files, diagnostics: {string.Join("; ", run.Diagnostics)}");
        }

        _scenarios = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.schema.json").Order(StringComparer.Ordinal)
            .Select(p => new[] { (AdditionalText)new Text(p, File.ReadAllText(p)) }).ToArray();
        foreach (AdditionalText[] scenario in _scenarios)
        {
            GeneratorDriverRunResult scenarioRun = CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], scenario).RunGenerators(_compilation).GetRunResult();
            if (scenarioRun.GeneratedTrees.IsEmpty || !scenarioRun.Diagnostics.IsEmpty)
            {
                throw new InvalidOperationException($"The scenario {scenario[0].Path} did not generate cleanly: {string.Join("; ", scenarioRun.Diagnostics)}");
            }
        }
    }

    [Benchmark(Description = "full run (8 schemas)")]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "full run (8 schemas + every scenario)")]
    public int FullRunWithScenarios()
    {
        int files = NewDriver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
        foreach (AdditionalText[] scenario in _scenarios)
        {
            files += CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], scenario).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
        }

        return files;
    }

    [Benchmark(Description = "rerun after unrelated edit")]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _warmDriver.RunGenerators(_edited);

    private GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], _schemas);

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
