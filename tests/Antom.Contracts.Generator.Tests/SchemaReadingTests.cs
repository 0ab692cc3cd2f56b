using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Antom.Contracts.Generator.Model;
using Antom.Contracts.Generator.Parsing;
using Xunit;

namespace Antom.Contracts.Generator.Tests;

/// <summary>
/// The parser reads schemas straight from its own JSON parse, and through NJsonSchema only where that could read a
/// file differently. Both readings must build the same model, diagnostics and their locations included.
/// </summary>
public class SchemaReadingTests
{
    private static readonly GeneratorOptions Options = new(GeneratorOptions.DefaultNamespace, GeneratorOptions.DefaultResolverName);

    [Fact]
    public void The_shipped_and_scenario_schemas_read_directly_into_the_model_NJsonSchema_reads()
    {
        IEnumerable<string> paths = Directory.GetFiles(GeneratorHarness.SchemasDirectory, "*.schema.json")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios"), "*.schema.json"));
        ImmutableEquatableArray<SchemaFile> files = paths.Order(StringComparer.Ordinal)
            .Select(p => new SchemaFile(p, File.ReadAllText(p), ImmutableEquatableArray<byte>.Empty)).ToEquatableArray();

        ContractsModel direct = SchemaParser.Parse(files, Options, default);

        Assert.Empty(direct.Diagnostics);
        Assert.Equal(SchemaParser.Parse(files, Options, throughNJsonSchema: true, default), direct);
    }

    [Theory]
    [MemberData(nameof(RobustnessTests.Cases), MemberType = typeof(RobustnessTests))]
    public void Each_adversarial_schema_reads_into_the_model_NJsonSchema_reads(string name, (string Path, string Text)[] files, string expected)
    {
        _ = (name, expected);
        ImmutableEquatableArray<SchemaFile> schemaFiles = files.Select(f => new SchemaFile(f.Path, f.Text, ImmutableEquatableArray<byte>.Empty)).ToEquatableArray();

        Assert.Equal(SchemaParser.Parse(schemaFiles, Options, throughNJsonSchema: true, default), SchemaParser.Parse(schemaFiles, Options, default));
    }
}
