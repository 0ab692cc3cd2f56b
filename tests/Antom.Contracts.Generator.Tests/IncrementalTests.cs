using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Antom.Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Antom.Contracts.Generator.Tests;

/// <summary>The pipeline is incremental: unrelated edits reuse every step, a schema edit redoes only its own outputs.</summary>
public class IncrementalTests
{
    private static readonly string[] AllSteps =
    [
        TrackingNames.SchemaFiles, TrackingNames.AllSchemaFiles, TrackingNames.Options, TrackingNames.Model,
        TrackingNames.Types, TrackingNames.Resolver, TrackingNames.Diagnostics,
    ];

    [Fact]
    public void An_unrelated_code_edit_leaves_every_step_cached_or_unchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation("namespace App; public class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(GeneratorHarness.ShippedSchemas()).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class B { }", new CSharpParseOptions(LanguageVersion.CSharp11))));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        foreach (string step in AllSteps.Where(s => s != TrackingNames.Diagnostics))
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                Assert.All(run.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_schema_regenerates_only_the_types_it_defines()
    {
        AdditionalText[] texts = GeneratorHarness.ShippedSchemas().Select(s => (AdditionalText)new GeneratorHarness.InMemoryAdditionalText(s.Path, s.Text)).ToArray();
        CSharpCompilation compilation = GeneratorHarness.Compilation();
        GeneratorDriver driver = GeneratorHarness.Driver(texts).RunGenerators(compilation);

        AdditionalText old = texts.Single(t => t.Path.EndsWith("capture-request.schema.json", StringComparison.Ordinal));
        string edited = old.GetText()!.ToString().Replace("The capture type, where the payment method needs one.", "The capture type (edited).", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(old, new GeneratorHarness.InMemoryAdditionalText(old.Path, edited)).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var types = result.TrackedSteps[TrackingNames.Types].SelectMany(r => r.Outputs).ToArray();
        var modified = types.Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).Select(o => ((EmittedType)o.Value).Name).ToArray();
        Assert.Equal(["CaptureRequest"], modified);
        Assert.All(types.Where(o => ((EmittedType)o.Value).Name != "CaptureRequest"), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.Contains("The capture type (edited).", result.GeneratedSources.Single(s => s.HintName.Contains("CaptureRequest", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_byte_identical_across_runs()
    {
        string[] First() => GeneratorHarness.Driver(GeneratorHarness.ShippedSchemas()).RunGenerators(GeneratorHarness.Compilation())
            .GetRunResult().Results.Single().GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText).ToArray();

        Assert.Equal(First(), First());
    }

    [Fact]
    public void The_model_graph_holds_no_symbols_syntax_locations_or_compilations()
    {
        GeneratorRunResult result = GeneratorHarness.Driver(GeneratorHarness.ShippedSchemas()).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        foreach (string step in AllSteps)
        {
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps.TryGetValue(step, out var runs) ? runs : [])
            {
                foreach ((object value, _) in run.Outputs)
                {
                    AssertPure(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(AdditionalText)];

    private static void AssertPure(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.Name}");
        Assert.False(type.IsArray, $"{path} holds a raw array ({type.Name}); models use ImmutableEquatableArray");
        Assert.False(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>), $"{path} holds a List<T>; models use ImmutableEquatableArray");
        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis.Text", StringComparison.Ordinal) == true)
        {
            return; // TextSpan and LinePositionSpan: plain equatable values
        }

        if (value is IEnumerable items && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableEquatableArray<>))
        {
            int i = 0;
            foreach (object? item in items)
            {
                AssertPure(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                AssertPure(property.GetValue(value), path + "." + property.Name, seen);
            }
        }
    }
}
