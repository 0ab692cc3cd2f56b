using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>Roslyn's analyzer and code-fix harness over .NET 10 reference assemblies and Antom.Contracts, offline.</summary>
internal static class Harness
{
    public const string Usings = "using System;\nusing Antom.Contracts;\n\n";

    public static Task Analyze<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState);
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task AnalyzeWithCompilerWarnings<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.Warnings };
        Configure(test.TestState);
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task Fix<TAnalyzer, TFix>(string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
        Configure(test.TestState);
        Configure(test.FixedState);
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        return test.RunAsync();
    }

    /// <summary>The analyzer reports <paramref name="expected"/> in <paramref name="source"/> and the fix offers nothing for them: the code stays as it is.</summary>
    public static Task NoFix<TAnalyzer, TFix>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> { TestCode = source, FixedCode = source };
        Configure(test.TestState);
        Configure(test.FixedState);
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Like <see cref="Fix{TAnalyzer, TFix}"/>, but Fix All (document, project, solution) must reach
    /// <paramref name="fixedSource"/> in one pass, and one-at-a-time fixing in <paramref name="diagnostics"/> steps.
    /// </summary>
    public static Task FixAll<TAnalyzer, TFix>(string source, string fixedSource, int diagnostics)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfIncrementalIterations = diagnostics,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
        };
        Configure(test.TestState);
        Configure(test.FixedState);
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        return test.RunAsync();
    }

    private static void Configure(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Money).Assembly.Location));
    }
}
