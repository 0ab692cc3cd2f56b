using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NJsonSchema;
using Xunit;

namespace Antom.Contracts.Schemas.Tests;

public class SchemaLoadingTests
{
    public static IEnumerable<object[]> Schemas => SchemaFiles.Titles.Keys.Select(k => new object[] { k });

    [Fact]
    public void The_schemas_folder_holds_exactly_the_contract_schemas()
    {
        string[] onDisk = Directory.GetFiles(SchemaFiles.Root, "*.schema.json").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
        Assert.Equal(SchemaFiles.Titles.Keys.OrderBy(n => n, StringComparer.Ordinal), onDisk);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task Schema_loads_in_NJsonSchema_with_its_title_and_all_references_resolved(string file)
    {
        JsonSchema schema = await ShippedSchemaResolver.LoadAsync(SchemaFiles.Root, file);

        Assert.Equal(SchemaFiles.Titles[file], schema.Title);
        Assert.Equal(JsonObjectType.Object, schema.Type);
        Assert.False(string.IsNullOrWhiteSpace(schema.Description));
        foreach (JsonSchema reachable in Reachable(schema))
        {
            // A reference NJsonSchema could not resolve would leave HasReference true with no target.
            Assert.True(!reachable.HasReference || reachable.Reference is not null, $"{file}: an unresolved $ref");
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_is_draft_07_and_open_to_new_fields(string file)
    {
        JsonObject root = ReadJson(file);
        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)root["$schema"]);
        foreach (JsonObject node in Objects(root))
        {
            // Antom adds fields over time; an object that refused unknown properties would reject a real payload.
            Assert.False(node.ContainsKey("additionalProperties") && node["additionalProperties"] is JsonValue v && v.GetValue<bool>() == false, $"{file}: additionalProperties false");
            foreach (var property in (node["properties"] as JsonObject) ?? [])
            {
                Assert.True(property.Value is JsonObject p && (p.ContainsKey("description") || p.ContainsKey("$ref")), $"{file}: property {property.Key} has no description");
            }
        }
    }

    [Fact]
    public void Shared_parts_are_referenced_never_copied()
    {
        foreach (string file in SchemaFiles.Titles.Keys.Where(f => f != "amount.schema.json"))
        {
            foreach (JsonObject node in Objects(ReadJson(file)))
            {
                // A copy of the Amount object would carry its value pattern; a reference does not.
                Assert.False(node["pattern"]?.GetValue<string>() == "^[0-9]{1,16}$", $"{file} copies the amount schema instead of referencing it");
                Assert.False(node["enum"] is JsonArray e && e.Count == 3 && (string?)e[0] == "S" && file != "result.schema.json", $"{file} copies ResultStatus");
            }
        }

        string[] referencing = ["capture-request.schema.json", "capture-response.schema.json", "capture-result-notification.schema.json", "payment-transaction.schema.json", "inquiry-payment-response.schema.json"];
        foreach (string file in referencing)
        {
            Assert.Contains(Objects(ReadJson(file)), n => (string?)n["$ref"] == "urn:antom-contracts:amount");
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_declares_its_id_and_refers_to_siblings_only_by_id(string file)
    {
        JsonObject root = ReadJson(file);
        Assert.Equal("urn:antom-contracts:" + SchemaFiles.ContractOf(file), (string?)root["$id"]);
        foreach (JsonObject node in Objects(root))
        {
            if (node["$ref"] is JsonValue reference)
            {
                string target = reference.GetValue<string>();
                Assert.True(target.StartsWith('#') || target.StartsWith("urn:antom-contracts:", StringComparison.Ordinal), $"{file}: '{target}' refers to a sibling by file name, not by id");
            }
        }
    }

    [Fact]
    public async Task A_team_schema_referencing_shipped_ids_and_fragments_resolves_in_NJsonSchema()
    {
        // A team's validator: its own schema beside the shipped ones, loaded with the resolver schemas/README.md shows.
        string folder = Directory.CreateTempSubdirectory("antom-schemas-").FullName;
        try
        {
            foreach (string shipped in SchemaFiles.Titles.Keys)
            {
                File.Copy(SchemaFiles.SchemaPath(shipped), Path.Combine(folder, shipped));
            }

            File.WriteAllText(Path.Combine(folder, "risk.schema.json"), """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "title": "Risk",
                  "type": "object",
                  "required": ["exposure", "status"],
                  "properties": {
                    "exposure": { "$ref": "urn:antom-contracts:amount" },
                    "status": { "$ref": "urn:antom-contracts:result#/definitions/ResultStatus" },
                    "capture": { "$ref": "urn:antom-contracts:capture-request" }
                  }
                }
                """);
            JsonSchema schema = await ShippedSchemaResolver.LoadAsync(folder, "risk.schema.json");

            Assert.Equal("Money", schema.Properties["exposure"].ActualSchema.Title);
            Assert.Equal("ResultStatus", schema.Properties["status"].ActualSchema.Title);
            Assert.Equal("CaptureRequest", schema.Properties["capture"].ActualSchema.Title);
            Assert.Empty(schema.Validate("""{"exposure": {"currency": "BRL", "value": "1000"}, "status": "U"}"""));
            Assert.Contains(schema.Validate("""{"exposure": {"currency": "BRL", "value": "10.00"}, "status": "U"}"""), e => e.Path!.Contains("exposure", StringComparison.Ordinal));
            Assert.Contains(schema.Validate("""{"exposure": {"currency": "BRL", "value": "1000"}, "status": "X"}"""), e => e.Path!.Contains("status", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ResultStatus_is_a_closed_enum_marked_for_the_exhaustiveness_analyzer()
    {
        JsonObject status = (JsonObject)ReadJson("result.schema.json")["definitions"]!["ResultStatus"]!;
        Assert.Equal(["S", "F", "U"], status["enum"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["Success", "Failure", "Unknown"], status["x-enumNames"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(3, status["x-enumDescriptions"]!.AsArray().Count);
        Assert.True((bool)status["x-antom-exhaustive"]!);
    }

    [Theory]
    [InlineData("result.schema.json", "ResultCode", "CAPTURE_IN_PROCESS")]
    [InlineData("payment-transaction.schema.json", "TransactionType", "INCREMENTAL")]
    [InlineData("payment-transaction.schema.json", "TransactionStatus", "PROCESSING")]
    [InlineData("inquiry-payment-response.schema.json", "PaymentStatus", "PENDING")]
    [InlineData("payment-result-notification.schema.json", "PaymentNotifyType", "PAYMENT_PENDING")]
    [InlineData("result.schema.json", "ResultCode", "REFUND_IN_PROCESS")]
    public async Task Open_sets_list_known_values_but_accept_any_string(string file, string definition, string known)
    {
        JsonObject set = (JsonObject)ReadJson(file)["definitions"]![definition]!;
        Assert.Equal(definition, (string?)set["title"]);
        Assert.False(set.ContainsKey("enum"), "an open set must not be a JSON Schema enum");
        Assert.Contains(known, set["x-antom-known-values"]!.AsArray().Select(n => (string)n!));

        JsonSchema schema = await ShippedSchemaResolver.LoadAsync(SchemaFiles.Root, file);
        JsonSchema loaded = schema.Definitions[definition];
        Assert.Empty(loaded.Validate("\"A_VALUE_ANTOM_ADDS_NEXT_YEAR\""));
    }

    [Fact]
    public void Extension_keywords_used_in_schemas_are_the_documented_ones()
    {
        string readme = File.ReadAllText(Path.Combine(SchemaFiles.Root, "README.md"));
        var used = SchemaFiles.Titles.Keys.SelectMany(f => Objects(ReadJson(f))).SelectMany(o => o.Select(p => p.Key)).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).Distinct();
        foreach (string keyword in used)
        {
            Assert.Contains("`" + keyword + "`", readme, StringComparison.Ordinal);
        }
    }

    internal static JsonObject ReadJson(string file) => (JsonObject)JsonNode.Parse(File.ReadAllText(SchemaFiles.SchemaPath(file)))!;

    internal static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o)
                {
                    foreach (var nested in Objects(child.Value))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    foreach (var nested in Objects(item))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    private static IEnumerable<JsonSchema> Reachable(JsonSchema root)
    {
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<JsonSchema>([root]);
        while (stack.Count > 0)
        {
            JsonSchema s = stack.Pop();
            if (!seen.Add(s))
            {
                continue;
            }

            yield return s;
            IEnumerable<JsonSchema?> children = s.Properties.Values.Cast<JsonSchema>()
                .Concat(s.Definitions.Values)
                .Append(s.Item)
                .Append(s.Reference);
            foreach (JsonSchema? c in children)
            {
                if (c is not null)
                {
                    stack.Push(c);
                }
            }
        }
    }
}
