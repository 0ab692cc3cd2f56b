using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Antom.Contracts.Generator.Tests;

/// <summary>One generated contract type, compiled from its scenario schema and loaded in a collectible context.</summary>
internal sealed class ScenarioContract
{
    private static readonly Dictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);
    private static readonly MethodInfo ReadBytes = typeof(ScenarioContract).GetMethod(nameof(DeserializeUtf8), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly Type _type;

    /// <summary>Where the scenario schemas and their examples are copied: Scenarios/&lt;feature&gt;.schema.json and .examples.json.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Scenarios");

    private ScenarioContract(Type type) => _type = type;

    public Type Type => _type;

    public static ScenarioContract Load(string scenario, string typeName)
    {
        Assembly assembly;
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(scenario, out assembly!))
            {
                string schema = File.ReadAllText(Path.Combine(Folder, scenario + ".schema.json"));
                var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Driver([("/scenarios/" + scenario + ".schema.json", schema)], ns: "Scenario"), GeneratorHarness.Compilation());
                Assert.Empty(diagnostics);
                using var image = new MemoryStream();
                Microsoft.CodeAnalysis.Emit.EmitResult result = output.Emit(image);
                Assert.True(result.Success, string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                image.Position = 0;
                assembly = new AssemblyLoadContext(scenario, isCollectible: true).LoadFromStream(image);
                Loaded[scenario] = assembly;
            }
        }

        return new ScenarioContract(assembly.GetType("Scenario." + typeName, throwOnError: true)!);
    }

    public object Read(string json) => Invoke(nameof(AntomJson.Deserialize), json);

    /// <summary>Reads UTF-8 bytes as they are (the mutation runs need payloads that are not valid UTF-8 text).</summary>
    public object ReadUtf8(byte[] utf8) => Call(ReadBytes.MakeGenericMethod(_type), utf8);

    public string Write(object value) => (string)Invoke(nameof(AntomJson.Serialize), value);

    public object With(object value, string property, object? newValue)
    {
        MethodInfo clone = _type.GetMethod("<Clone>$")!;
        object copy = clone.Invoke(value, null)!;
        _type.GetProperty(property)!.SetValue(copy, newValue);
        return copy;
    }

    private object Invoke(string name, object argument)
    {
        MethodInfo method = typeof(AntomJson).GetMethods()
            .Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetParameters() is [{ } p] && (p.ParameterType == typeof(string) || p.ParameterType.IsGenericParameter))
            .MakeGenericMethod(_type);
        return Call(method, argument);
    }

    private static object Call(MethodInfo method, object argument)
    {
        try
        {
            return method.Invoke(null, [argument])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static object DeserializeUtf8<T>(byte[] utf8)
        where T : IAntomJsonContract<T>
        => AntomJson.Deserialize<T>(utf8)!;
}
