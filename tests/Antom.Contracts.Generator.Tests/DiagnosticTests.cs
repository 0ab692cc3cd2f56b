using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Antom.Contracts.Generator.Tests;

/// <summary>Every generator diagnostic, at its exact place in the schema file, through Roslyn's own generator test harness (offline).</summary>
public class DiagnosticTests
{
    [Fact]
    public Task ANTOM0001_invalid_json_points_at_the_broken_token()
    {
        const string schema = "{\n  \"title\": \"Broken\",\n  \"type\": \"object\",,\n}\n";
        return Verify([("/s/broken.schema.json", schema)], Expect("ANTOM0001", "/s/broken.schema.json", 3, 20, 3, 21));
    }

    [Fact]
    public Task ANTOM0002_a_missing_file_is_reported_at_the_ref()
    {
        string schema = Object("Refund", "\"amount\": { \"$ref\": \"money.schema.json\" }");
        return Verify([("/s/refund.schema.json", schema)], At("ANTOM0002", "/s/refund.schema.json", schema, "\"$ref\""));
    }

    [Fact]
    public Task ANTOM0002_a_url_is_reported_and_never_fetched()
    {
        string schema = Object("Refund", "\"amount\": { \"$ref\": \"https://example.invalid/amount.schema.json\" }");
        return Verify([("/s/refund.schema.json", schema)], At("ANTOM0002", "/s/refund.schema.json", schema, "\"$ref\""));
    }

    [Fact]
    public Task ANTOM0003_anyOf_of_two_schemas_is_unsupported_and_located()
    {
        string schema = Object("Refund", "\"reason\": { \"anyOf\": [ { \"type\": \"string\" }, { \"type\": \"boolean\" } ] }");
        return Verify([("/s/refund.schema.json", schema)], At("ANTOM0003", "/s/refund.schema.json", schema, "\"anyOf\""));
    }

    [Fact]
    public Task ANTOM0003_a_oneOf_without_a_discriminator_at_its_keyword()
    {
        string schema = Object("Refund", "\"reason\": { \"oneOf\": [ { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } }, { \"type\": \"object\", \"properties\": { \"b\": { \"type\": \"string\" } } } ] }");
        return Verify([("/s/refund.schema.json", schema)], At("ANTOM0003", "/s/refund.schema.json", schema, "\"oneOf\""));
    }

    [Fact]
    public Task ANTOM0003_an_allOf_part_that_is_not_an_object_at_the_part()
    {
        string schema = Object("Refund", "\"reason\": { \"title\": \"Reason\", \"allOf\": [ { \"type\": \"object\" }, { \"type\": \"string\" } ] }");
        return Verify([("/s/refund.schema.json", schema)], Expect("ANTOM0003", "/s/refund.schema.json", 6, 69, 6, 70)); // the part's opening brace
    }

    [Fact]
    public Task ANTOM0009_two_files_with_one_id_at_the_second()
    {
        const string a = "{\n  \"$id\": \"urn:example:shared\",\n  \"title\": \"A\",\n  \"type\": \"object\"\n}\n";
        const string b = "{\n  \"$id\": \"urn:example:shared\",\n  \"title\": \"B\",\n  \"type\": \"object\"\n}\n";
        return Verify([("/s/a.schema.json", a), ("/s/b.schema.json", b)], At("ANTOM0009", "/s/b.schema.json", b, "\"$id\""));
    }

    [Fact]
    public Task ANTOM0010_allOf_parts_that_disagree_at_the_later_property()
    {
        string schema = "{\n  \"title\": \"Both\",\n  \"allOf\": [\n    { \"properties\": { \"id\": { \"type\": \"string\", \"maxLength\": 8 } } },\n    { \"properties\": { \"id\": { \"type\": \"string\", \"maxLength\": 9 } } }\n  ]\n}\n";
        return Verify([("/s/both.schema.json", schema)], At("ANTOM0010", "/s/both.schema.json", schema, "\"id\"", 1));
    }

    [Fact]
    public Task ANTOM0003_a_draft_04_exclusive_minimum_at_the_keyword()
    {
        string schema = Object("Refund", "\"count\": { \"type\": \"integer\", \"minimum\": 0, \"exclusiveMinimum\": true }");
        return Verify([("/s/refund.schema.json", schema)], At("ANTOM0003", "/s/refund.schema.json", schema, "\"exclusiveMinimum\""));
    }

    [Fact]
    public Task ANTOM0003_a_rule_the_generator_does_not_check_at_the_keyword()
    {
        string schema = Object("Refund", "\"count\": { \"type\": \"integer\", \"multipleOf\": 5 }");
        return Verify([("/s/refund.schema.json", schema)], At("ANTOM0003", "/s/refund.schema.json", schema, "\"multipleOf\""));
    }

    [Fact]
    public Task ANTOM0004_two_schemas_with_one_title()
    {
        string a = Object("Refund", "\"id\": { \"type\": \"string\" }");
        string b = Object("Refund", "\"other\": { \"type\": \"string\" }");
        return Verify([("/s/a.schema.json", a), ("/s/b.schema.json", b)], At("ANTOM0004", "/s/b.schema.json", b, "\"title\""));
    }

    [Fact]
    public Task ANTOM0005_a_keyword_title()
    {
        string schema = Object("class", "\"id\": { \"type\": \"string\" }");
        return Verify([("/s/k.schema.json", schema)], At("ANTOM0005", "/s/k.schema.json", schema, "\"title\""));
    }

    [Fact]
    public Task ANTOM0005_an_enum_value_that_is_no_identifier()
    {
        const string schema = "{\n  \"title\": \"Holder\",\n  \"type\": \"object\",\n  \"properties\": { \"kind\": { \"$ref\": \"#/definitions/Kind\" } },\n  \"definitions\": { \"Kind\": { \"title\": \"Kind\", \"type\": \"string\", \"enum\": [\"!!!\"] } }\n}\n";
        return Verify([("/s/e.schema.json", schema)], At("ANTOM0005", "/s/e.schema.json", schema, "\"!!!\""));
    }

    [Fact]
    public Task ANTOM0006_a_ref_cycle()
    {
        const string schema = "{\n  \"title\": \"Loop\",\n  \"type\": \"object\",\n  \"properties\": { \"x\": { \"$ref\": \"#/definitions/A\" } },\n  \"definitions\": { \"A\": { \"$ref\": \"#/definitions/B\" }, \"B\": { \"$ref\": \"#/definitions/A\" } }\n}\n";
        return Verify(
            [("/s/loop.schema.json", schema)],
            At("ANTOM0006", "/s/loop.schema.json", schema, "\"$ref\"", 0),
            At("ANTOM0006", "/s/loop.schema.json", schema, "\"$ref\"", 1),
            At("ANTOM0006", "/s/loop.schema.json", schema, "\"$ref\"", 2));
    }

    [Fact]
    public Task ANTOM0007_properties_that_differ_only_in_case()
    {
        string schema = Object("Pair", "\"value\": { \"type\": \"string\" }, \"Value\": { \"type\": \"string\" }");
        return Verify([("/s/p.schema.json", schema)], At("ANTOM0007", "/s/p.schema.json", schema, "\"Value\""));
    }

    [Fact]
    public void The_catalogue_has_unique_ids_and_every_id_is_documented()
    {
        var ids = Diagnostics.Catalogue.Select(d => d.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(Baseline.Directory, "..", "..", "..", "docs", "diagnostics.md"));
        string releases = System.IO.File.ReadAllText(System.IO.Path.Combine(Baseline.Directory, "..", "..", "..", "generator", "Antom.Contracts.Generator", "AnalyzerReleases.Unshipped.md"));
        Assert.All(ids, id => Assert.Contains("## " + id, docs, StringComparison.Ordinal));
        Assert.All(ids, id => Assert.Contains(id + " |", releases, StringComparison.Ordinal));
        Assert.All(Diagnostics.Catalogue, d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));
    }

    private static string Object(string title, string properties)
        => "{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"title\": \"" + title + "\",\n  \"type\": \"object\",\n  \"properties\": {\n    " + properties + "\n  }\n}\n";

    private static DiagnosticResult Expect(string id, string path, int line, int column, int endLine, int endColumn)
        => new DiagnosticResult(id, DiagnosticSeverity.Error).WithSpan(path, line, column, endLine, endColumn);

    // The n-th occurrence of `token` in the text (the last one for a duplicate title), as a 1-based span.
    private static DiagnosticResult At(string id, string path, string text, string token, int occurrence = 0)
    {
        int offset = -1;
        for (int n = 0; n <= occurrence; n++)
        {
            offset = text.IndexOf(token, offset + 1, StringComparison.Ordinal);
        }

        if (id == "ANTOM0004")
        {
            offset = text.LastIndexOf(token, StringComparison.Ordinal);
        }

        Assert.True(offset >= 0, token);
        string before = text[..offset];
        int line = before.Count(c => c == '\n') + 1;
        int column = offset - (before.LastIndexOf('\n') + 1) + 1;
        return Expect(id, path, line, column, line, column + token.Length);
    }

    private static async Task Verify((string Path, string Text)[] schemas, params DiagnosticResult[] expected)
    {
        var test = new CSharpSourceGeneratorTest<ContractsGenerator, DefaultVerifier>
        {
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.Sources.Add("namespace App;\n\ninternal static class Placeholder\n{\n}\n");
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Money).Assembly.Location));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.AntomContractsNamespace = Consumer.Contracts\n"));
        foreach ((string path, string text) in schemas)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
