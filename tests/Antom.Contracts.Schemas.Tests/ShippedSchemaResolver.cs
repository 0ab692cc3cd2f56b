using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;

namespace Antom.Contracts.Schemas.Tests;

/// <summary>
/// How a team's own NJsonSchema validator loads the shipped schemas: each declares <c>$id</c>
/// <c>urn:antom-contracts:&lt;file stem&gt;</c> and refers to its siblings by that id, so a reference resolver maps
/// the id to the file beside it. The same code is shown in schemas/README.md.
/// </summary>
internal sealed class ShippedSchemaResolver : JsonReferenceResolver
{
    private const string IdPrefix = "urn:antom-contracts:";
    private readonly string _folder;

    private ShippedSchemaResolver(JsonSchema root, string folder)
        : base(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        _folder = folder;
    }

    /// <summary>Loads a shipped schema file from <paramref name="folder"/>, resolving <c>urn:antom-contracts:</c> ids to the files there.</summary>
    public static Task<JsonSchema> LoadAsync(string folder, string fileName, CancellationToken cancellationToken = default)
        => JsonSchema.FromFileAsync(Path.Combine(folder, fileName), schema => new ShippedSchemaResolver(schema, folder), cancellationToken);

    public override string ResolveFilePath(string documentPath, string jsonPath)
    {
        if (jsonPath.StartsWith(IdPrefix, StringComparison.Ordinal))
        {
            int hash = jsonPath.IndexOf('#', StringComparison.Ordinal);
            string stem = (hash < 0 ? jsonPath : jsonPath[..hash])[IdPrefix.Length..];
            return Path.Combine(_folder, stem + ".schema.json");
        }

        return base.ResolveFilePath(documentPath, jsonPath);
    }
}
