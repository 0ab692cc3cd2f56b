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
/// The generator over the shipped schemas: a full run, and a rerun after an unrelated code edit; and a full run over
/// the shipped schemas plus every feature scenario, all in one compilation.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText[] _schemas = [];
    private GeneratorDriver _warmDriver = null!;
    private AdditionalText[] _withScenarios = [];

    [GlobalSetup]
    public void Setup()
    {
        _schemas = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schemas"), "*.schema.json")
            .Select(p => (AdditionalText)new Text(p, File.ReadAllText(p))).ToArray();
        _compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText("namespace App; public class A { }")], Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class B { }"));
        _warmDriver = NewDriver().RunGenerators(_compilation);
        GeneratorDriverRunResult run = _warmDriver.GetRunResult();
        if (run.GeneratedTrees.Length < _schemas.Length || !run.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"The generator did not run as expected: {run.GeneratedTrees.Length} files, diagnostics: {string.Join("; ", run.Diagnostics)}");
        }

        _withScenarios = _schemas.Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.schema.json").Order(StringComparer.Ordinal)
            .Select(p => (AdditionalText)new Text(p, File.ReadAllText(p)))).ToArray();
        GeneratorDriverRunResult all = CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], _withScenarios).RunGenerators(_compilation).GetRunResult();
        if (!all.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"The shipped and scenario schemas did not generate cleanly together: {string.Join("; ", all.Diagnostics)}");
        }
    }

    [Benchmark(Description = "full run (shipped schemas)")]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "full run (shipped + every scenario)")]
    public GeneratorDriver FullRunWithScenarios() => CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], _withScenarios).RunGenerators(_compilation);

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
