using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.References;

namespace Antom.Contracts.Generator.Tests;

/// <summary>
/// Loads a scenario schema into NJsonSchema, the independent validator of the differential run. References are
/// resolved as the generator resolves them: <c>urn:antom-contracts:&lt;stem&gt;</c> (with or without a fragment) to the
/// shipped file <c>schemas/&lt;stem&gt;.schema.json</c>, as Schemas.Tests' ShippedSchemaResolver does; the document's
/// own <c>$id</c> (<c>urn:example:settlement#/definitions/Note</c>) to the document itself; <c>#</c> and <c>#/...</c>
/// by NJsonSchema.
/// </summary>
/// <remarks>
/// Every <c>const</c> without an <c>enum</c> is given the one-value <c>enum</c> the shipped schemas carry beside theirs,
/// because NJsonSchema 11.6.2 ignores <c>const</c> (RicoSuter/NJsonSchema#1857; schemas/README.md). Without it a
/// union's discriminator would mean nothing to NJsonSchema, and every branch difference would be its bug, not a test.
/// </remarks>
internal sealed class ScenarioSchemaResolver : JsonReferenceResolver
{
    private const string ShippedPrefix = "urn:antom-contracts:";
    private readonly JsonSchema _root;
    private readonly string _rootPath;
    private readonly string? _rootId;
    private readonly string _shippedFolder;

    private ScenarioSchemaResolver(JsonSchema root, string rootPath, string? rootId, string shippedFolder)
        : base(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        _root = root;
        _rootPath = rootPath;
        _rootId = rootId;
        _shippedFolder = shippedFolder;
    }

    /// <summary>Loads the schema file at <paramref name="schemaPath"/>, resolving shipped ids to the files in <paramref name="shippedFolder"/>.</summary>
    public static Task<JsonSchema> LoadAsync(string schemaPath, string shippedFolder, CancellationToken cancellationToken = default)
    {
        string rootPath = Path.GetFullPath(schemaPath);
        JsonNode document = JsonNode.Parse(File.ReadAllText(rootPath))!;
        string? id = document["$id"]?.GetValue<string>();
        return JsonSchema.FromJsonAsync(WithConstAsEnum(document), rootPath, root => new ScenarioSchemaResolver(root, rootPath, id, Path.GetFullPath(shippedFolder)), cancellationToken);
    }

    public override string ResolveFilePath(string documentPath, string jsonPath)
    {
        string target = jsonPath.Split('#')[0];
        if (target.StartsWith(ShippedPrefix, StringComparison.Ordinal))
        {
            return Path.Combine(_shippedFolder, target[ShippedPrefix.Length..] + ".schema.json");
        }

        return _rootId is not null && target == _rootId ? _rootPath : base.ResolveFilePath(documentPath, jsonPath);
    }

    public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
    {
        if (string.Equals(Path.GetFullPath(filePath), _rootPath, StringComparison.Ordinal))
        {
            return _root; // a reference to the document's own $id: the document itself, not a second copy
        }

        string text = WithConstAsEnum(JsonNode.Parse(await File.ReadAllTextAsync(filePath, cancellationToken).ConfigureAwait(false))!);
        return await JsonSchema.FromJsonAsync(text, filePath, _ => this, cancellationToken).ConfigureAwait(false);
    }

    // Adds "enum": [c] beside every "const": c that has no enum (the shipped schemas' own convention). Only schemas
    // are touched: not a property that happens to be named "const", not the values of const, enum or default.
    private static string WithConstAsEnum(JsonNode document)
    {
        Visit(document, isSchema: true);
        return document.ToJsonString();

        static void Visit(JsonNode? node, bool isSchema)
        {
            switch (node)
            {
                case JsonObject o:
                    if (isSchema && o.TryGetPropertyValue("const", out JsonNode? constant) && !o.ContainsKey("enum"))
                    {
                        o["enum"] = new JsonArray(constant?.DeepClone());
                    }

                    foreach ((string key, JsonNode? child) in o.ToArray())
                    {
                        if (!isSchema)
                        {
                            Visit(child, isSchema: true); // a name → schema map
                        }
                        else if (key is "properties" or "definitions" or "patternProperties")
                        {
                            Visit(child, isSchema: false);
                        }
                        else if (key is not ("const" or "enum" or "default" or "examples"))
                        {
                            Visit(child, isSchema: true);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (JsonNode? child in a)
                    {
                        Visit(child, isSchema);
                    }

                    break;
            }
        }
    }
}
