using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Validation;
using Xunit;

namespace Antom.Contracts.Schemas.Tests;

/// <summary>
/// Every example under schemas/examples is checked with NJsonSchema, an independent validator:
/// valid ones pass, invalid ones fail for the reason their <c>.expected</c> sidecar names.
/// </summary>
public class ExampleValidationTests
{
    // What NJsonSchema calls the failure of each rule our payload errors name (Antom.Contracts.PayloadRule).
    private static readonly Dictionary<string, ValidationErrorKind[]> KindsByRule = new()
    {
        ["Required"] = [ValidationErrorKind.PropertyRequired],
        ["Type"] = [ValidationErrorKind.StringExpected, ValidationErrorKind.ObjectExpected, ValidationErrorKind.ArrayExpected, ValidationErrorKind.BooleanExpected, ValidationErrorKind.IntegerExpected, ValidationErrorKind.NumberExpected],
        ["MaxLength"] = [ValidationErrorKind.StringTooLong],
        ["Pattern"] = [ValidationErrorKind.PatternMismatch],
        ["Enum"] = [ValidationErrorKind.NotInEnumeration],
        // NJsonSchema 11.6.2 ignores "const"; the schemas repeat the constant as a one-value enum so it is checked here too.
        ["Const"] = [ValidationErrorKind.NotInEnumeration],
        ["Format"] = [ValidationErrorKind.DateTimeExpected],
        ["Range"] = [ValidationErrorKind.NumberTooSmall, ValidationErrorKind.NumberTooBig],
        ["ItemCount"] = [ValidationErrorKind.TooFewItems, ValidationErrorKind.TooManyItems],
    };

    // A required member that is present but null fails as a type error in JSON Schema; our readers call it Required.
    private static readonly ValidationErrorKind[] NullKinds = [ValidationErrorKind.StringExpected, ValidationErrorKind.ObjectExpected, ValidationErrorKind.ArrayExpected, ValidationErrorKind.BooleanExpected];

    public static IEnumerable<object[]> Valid => SchemaFiles.AllExamples("valid");

    public static IEnumerable<object[]> Invalid => SchemaFiles.AllExamples("invalid");

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task Valid_example_passes(string schemaFile, string example)
    {
        JsonSchema schema = await ShippedSchemaResolver.LoadAsync(SchemaFiles.Root, schemaFile);
        string json = File.ReadAllText(ExamplePath(schemaFile, "valid", example));

        ICollection<ValidationError> errors = schema.Validate(json);

        Assert.True(errors.Count == 0, $"{example}: {string.Join("; ", Flatten(errors).Select(e => $"{e.Kind} at {e.Path}"))}");
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_example_fails_for_the_labelled_reason(string schemaFile, string example)
    {
        JsonSchema schema = await ShippedSchemaResolver.LoadAsync(SchemaFiles.Root, schemaFile);
        string path = ExamplePath(schemaFile, "invalid", example);
        Expectation expected = Expectation.For(path);
        string json = File.ReadAllText(path);

        ValidationError[] errors = Flatten(schema.Validate(json)).ToArray();

        Assert.NotEmpty(errors);
        ValidationErrorKind[] kinds = expected.Rule == "Required" && IsPresentNull(json, expected.Path) ? NullKinds : KindsByRule[expected.Rule];
        Assert.True(
            errors.Any(e => kinds.Contains(e.Kind) && ToJsonPath(e) == expected.Path),
            $"{example}: expected {expected.Rule} at {expected.Path}, NJsonSchema said: {string.Join("; ", errors.Select(e => $"{e.Kind} at {ToJsonPath(e)}"))}");
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_example_has_a_sidecar_naming_a_known_rule(string schemaFile, string example)
    {
        Expectation expected = Expectation.For(ExamplePath(schemaFile, "invalid", example));
        Assert.StartsWith("$", expected.Path, StringComparison.Ordinal);
        Assert.True(Enum.TryParse<PayloadRule>(expected.Rule, out _), $"{expected.Rule} is not a PayloadRule");
        Assert.True(KindsByRule.ContainsKey(expected.Rule), $"no NJsonSchema mapping for {expected.Rule}");
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_contract_has_at_least_3_valid_and_6_invalid_examples(string schemaFile)
    {
        string contract = SchemaFiles.ContractOf(schemaFile);
        Assert.True(SchemaFiles.Examples(contract, "valid").Count() >= 3, $"{contract}: fewer than 3 valid examples");
        Assert.True(SchemaFiles.Examples(contract, "invalid").Count() >= 6, $"{contract}: fewer than 6 invalid examples");
    }

    public static IEnumerable<object[]> Schemas => SchemaFiles.Titles.Keys.Select(k => new object[] { k });

    [Fact]
    public void The_invalid_examples_cover_every_rule_of_the_reference()
    {
        var all = SchemaFiles.Titles.Keys
            .SelectMany(s => SchemaFiles.Examples(SchemaFiles.ContractOf(s), "invalid"))
            .Select(p => (Name: Path.GetFileNameWithoutExtension(p), Expectation.For(p).Rule, Expectation.For(p).Path))
            .ToArray();

        Assert.Contains(all, e => e.Rule == "Required");
        Assert.Contains(all, e => e.Rule == "MaxLength");
        Assert.Contains(all, e => e.Rule == "Pattern" && e.Path.EndsWith(".currency", StringComparison.Ordinal));
        Assert.Contains(all, e => e.Rule == "Pattern" && e.Name.Contains("decimal", StringComparison.Ordinal));
        Assert.Contains(all, e => e.Rule == "Type" && e.Name.Contains("json-number", StringComparison.Ordinal));
        Assert.Contains(all, e => e.Rule == "Pattern" && e.Name.Contains("negative", StringComparison.Ordinal));
        Assert.Contains(all, e => e.Rule == "Const" && e.Path == "$.notifyType");
        Assert.Contains(all, e => e.Rule == "Format");
        Assert.Contains(all, e => e.Rule == "Enum" && e.Path.EndsWith("resultStatus", StringComparison.Ordinal));
    }

    [Fact]
    public void The_seed_guide_transactions_sample_is_a_valid_inquiry_response()
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(ExamplePath("inquiry-payment-response.schema.json", "valid", "seed-transactions.json")))!;
        JsonNode capture = root["transactions"]![0]!;
        Assert.Equal("CAPTURE", (string?)capture["transactionType"]);
        Assert.Equal("SUCCESS", (string?)capture["transactionStatus"]);
        Assert.Equal("test_test_test_XXXX", (string?)capture["transactionRequestId"]);
        Assert.Equal("BRL", (string?)capture["transactionAmount"]!["currency"]);
        Assert.Equal("110", (string?)capture["transactionAmount"]!["value"]);
        Assert.Equal("2023-07-04T15:20:15-07:00", (string?)capture["earliestSettlementTime"]);
    }

    private static string ExamplePath(string schemaFile, string kind, string example)
        => Path.Combine(SchemaFiles.ExamplesRoot, SchemaFiles.ContractOf(schemaFile), kind, example);

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (ValidationError e in errors)
        {
            yield return e;
            if (e is ChildSchemaValidationError child)
            {
                foreach (ValidationError nested in Flatten(child.Errors.SelectMany(kv => kv.Value)))
                {
                    yield return nested;
                }
            }
        }
    }

    // NJsonSchema writes "#/captureAmount.value" and "#/transactions[0].transactionType"; we write "$.captureAmount.value".
    private static string ToJsonPath(ValidationError error)
    {
        string p = (error.Path ?? "#").TrimEnd('/');
        string path = p == "#" ? "$" : "$." + p["#/".Length..];
        return path.Replace(".[", "[", StringComparison.Ordinal);
    }

    private static bool IsPresentNull(string json, string path)
    {
        JsonNode? node = JsonNode.Parse(json);
        string[] parts = path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries);
        JsonObject? parent = null;
        string? last = null;
        foreach (string part in parts)
        {
            parent = node as JsonObject;
            last = part;
            if (parent is null || !parent.ContainsKey(part))
            {
                return false;
            }

            node = parent[part];
        }

        return parent is not null && last is not null && parent[last] is null;
    }

    private sealed record Expectation(string Path, string Rule)
    {
        private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web);

        public static Expectation For(string examplePath)
        {
            string sidecar = System.IO.Path.ChangeExtension(examplePath, ".expected");
            Assert.True(File.Exists(sidecar), $"{examplePath} has no .expected sidecar");
            return JsonSerializer.Deserialize<Expectation>(File.ReadAllText(sidecar), WebOptions)
                ?? throw new InvalidDataException(sidecar);
        }
    }
}
