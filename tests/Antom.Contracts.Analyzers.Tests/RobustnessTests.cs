using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>
/// Every analyzer, the suppressor and both code fixes over broken and half-typed code: truncations of realistic
/// snippets at every few characters, plus hand-made breakages. No analyzer exception (AD0001), no code-fix crash.
/// </summary>
public class RobustnessTests
{
    private static readonly string[] Bases =
    [
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) { switch (s) { case ResultStatus.Success: return 1; default: return 0; } } }",
        "using Antom.Contracts;\nclass C { int M(ResultStatus? s) => s switch { ResultStatus.Success => 1, ResultStatus.Failure or ResultStatus.Unknown => 2, null => 0 }; }",
        "using Antom.Contracts;\nclass C { int M(CaptureResponse r) { if (r.Result.ResultStatus == ResultStatus.Success) { return 1; } else if (r.Result.ResultStatus is not ResultStatus.Failure) { return 2; } else { return 3; } } }",
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) => s != ResultStatus.Success ? 1 : s == ResultStatus.Unknown ? 2 : 3; }",
        "using Antom.Contracts;\nclass C { public string? CaptureAmount { get; set; } public double TotalPrice; string GetFee(string amount) { string balance = amount; return balance; } }",
        "using Antom.Contracts;\nusing System.Text.Json;\nclass C { object M(JsonElement e) => e.GetProperty(\"currency\").GetString() + e.GetProperty(\"captureAmount\").GetProperty(\"value\").GetString(); }",
        "using Antom.Contracts;\nclass C { double M(Money m, double d) { var x = Money.FromMajorUnits((decimal)d, \"BRL\"); return (double)x.ToMajorUnits() + System.Convert.ToDouble(m.ToMajorUnits()); } }",
        "using static Antom.Contracts.ResultStatus;\nclass C { int M(Antom.Contracts.ResultStatus s) { switch (s) { case Success or Failure: return 1; case Unknown when s > 0: return 2; } return 0; } }",
        "[Antom.Contracts.Serialization.AntomUnion(typeof(A), typeof(B), Discriminator = \"kind\")] abstract record U; sealed record A : U; sealed record B : U;\n"
            + "class C { int M(U? u) { switch (u) { case A a: return 1; case B { } when u is not null: return 2; } return u switch { A or null => 1, B b => 2 }; } }",
    ];

    private static readonly string[] Handmade =
    [
        "class C { int M(ResultStatus s) { switch (s) { case ResultStatus.Success: return 1; } return 0; } }", // unresolved ResultStatus
        "enum ResultStatus { Success } class C { int M(ResultStatus s) => s switch { }; }",
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) { switch (s) { case : } } }",
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) => s switch { ResultStatus. => 1, }; }",
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) { if (s == ) { } else { } return 0; } }",
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) { if (s == ResultStatus.Success) else { } } }",
        "using Antom.Contracts;\nclass C { string Amount => ; }",
        "using Antom.Contracts;\nclass C { void M(string ) { } string  = \"\"; }",
        "using Antom.Contracts;\nclass C { object M(System.Text.Json.Nodes.JsonNode n) => n[\"captureAmount\"; }",
        "using Antom.Contracts;\nclass C { double M(Money m) => (double)m.ToMajorUnits(; }",
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) { switch (s) { case ResultStatus.Success: case ResultStatus.Success: return 1; } return 0; } }",
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) => s switch { ResultStatus.Success => 1, ResultStatus.Success => 2 }; }",
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) => s switch { (ResultStatus)99 => 1, _ => 0 }; }",
        "using Antom.Contracts;\nclass C { int M(dynamic s) { switch (s) { case ResultStatus.Success: return 1; } return 0; } }",
        "using Antom.Contracts;\nclass C { int M<T>(T s) where T : struct { switch (s) { case ResultStatus.Success: return 1; } return 0; } }",
        "using Antom.Contracts;\n#if X\nclass C { int M(ResultStatus s) { switch (s) {\n#endif\n}",
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) { switch (s) { case ResultStatus.Success: return 1; default: goto case ResultStatus.Unknown; } } }",
        "using Antom.Contracts;\nclass C { string? M(string? Amount = null, params string[] Fees) => Amount; }",
        "using Antom.Contracts;\nrecord R(string Amount, double Total);",
        "using Antom.Contracts;\nclass C { int M(ResultStatus s) => s is ResultStatus.Success ? 1 : (s is (ResultStatus.Failure) ? 2 : 3); }",
        "[Antom.Contracts.Serialization.AntomUnion] abstract record U; sealed record A : U; class C { int M(U u) => u switch { A => 1 }; }",
        "[Antom.Contracts.Serialization.AntomUnion(null)] abstract record U; sealed record A : U; class C { int M(U u) => u switch { A => 1 }; }",
        "[Antom.Contracts.Serialization.AntomUnion(typeof(Missing), typeof(A), typeof(A))] abstract record U; sealed record A : U; class C { int M(U u) => u switch { }; }",
        "[Antom.Contracts.Serialization.AntomUnion(typeof(A))] abstract record U; sealed record A : U; class C { int M(U u, int a) { switch (u) { case : } return a; } }",
        "[Antom.Contracts.Serialization.AntomUnion(typeof(A))] abstract record U; sealed record A : U; class C { int M(U u) => u switch { A( => 1, }; }",
    ];

    public static IEnumerable<object[]> Snippets()
    {
        var all = new List<string>(Handmade);
        foreach (string code in Bases)
        {
            all.Add(code);
            for (int cut = 12; cut < code.Length; cut += Math.Max(1, code.Length / 30))
            {
                all.Add(code[..cut]);
            }
        }

        // xunit runs them as a few large batches: 200+ theory rows would only add runner overhead.
        const int Batches = 6;
        for (int b = 0; b < Batches; b++)
        {
            yield return [b, all.Where((_, i) => i % Batches == b).ToArray()];
        }
    }

    [Fact]
    public void At_least_200_broken_or_half_typed_snippets_are_tried()
        => Assert.True(Snippets().Sum(s => ((string[])s[1]).Length) >= 200);

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task Analyzers_suppressor_and_code_fixes_never_crash_on_broken_code(int batch, string[] snippets)
    {
        _ = batch;
        MetadataReference[] references = [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(Money).Assembly.Location)];
        ImmutableArray<DiagnosticAnalyzer> analyzers = [new UnhandledResultStatusAnalyzer(), new UnknownFallsThroughAnalyzer(), new MoneyAnalyzer(), new ExhaustiveSwitchSuppressor()];
        CodeFixProvider[] fixes = [new AddMissingCasesCodeFix(), new UseMoneyCodeFix()];
        int reported = 0, fixesComputed = 0;

        foreach (string code in snippets)
        {
            var crashes = new ConcurrentBag<string>();
            CSharpCompilation compilation = CSharpCompilation.Create("Broken", [CSharpSyntaxTree.ParseText(code, path: "Broken.cs")], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (e, a, d) => crashes.Add($"{a.GetType().Name}: {e.GetType().Name}: {e.Message}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();

            Assert.True(crashes.IsEmpty, $"analyzer exception on:\n{code}\n{string.Join("\n", crashes)}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

            foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Id.StartsWith("ANTOM", StringComparison.Ordinal)))
            {
                reported++;
                foreach (CodeFixProvider fix in fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    using var workspace = new AdhocWorkspace();
                    Document document = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Broken", "Broken", LanguageNames.CSharp,
                            compilationOptions: compilation.Options, metadataReferences: references))
                        .AddDocument("Broken.cs", SourceText.From(code));
                    var actions = new List<CodeAction>();
                    try
                    {
                        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                        foreach (CodeAction action in actions)
                        {
                            _ = await action.GetOperationsAsync(CancellationToken.None);
                            fixesComputed++;
                        }
                    }
                    catch (Exception e)
                    {
                        Assert.Fail($"{fix.GetType().Name} crashed on {diagnostic.Id} in:\n{code}\n{e}");
                    }
                }
            }
        }

        // The batch really exercised the rules and the fixes on broken code, not only clean compilations.
        Assert.True(reported > 0, "no Antom diagnostic in this batch");
        Assert.True(fixesComputed > 0, "no code fix computed in this batch");
    }
}
