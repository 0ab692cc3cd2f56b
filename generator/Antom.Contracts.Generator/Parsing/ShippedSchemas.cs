using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Antom.Contracts.Generator.Model;
using Newtonsoft.Json.Linq;

namespace Antom.Contracts.Generator.Parsing;

/// <summary>
/// The contract schemas Antom.Contracts ships, embedded in the generator, by their <c>$id</c>
/// (<c>urn:antom-contracts:&lt;file stem&gt;</c>). A team's schema that references one gets the shipped runtime type
/// (<c>Antom.Contracts.Money</c>, <c>AntomResult</c>, <c>ResultStatus</c>, …); the generator never emits a copy.
/// </summary>
internal static class ShippedSchemas
{
    /// <summary>The id prefix reserved for the shipped contracts.</summary>
    public const string IdPrefix = "urn:antom-contracts:";

    /// <summary>The namespace of the shipped contract types.</summary>
    public const string Namespace = "Antom.Contracts";

    /// <summary>The folder of the shipped documents' paths: a name no real schema file has.</summary>
    public const string Folder = "/__antom-contracts__/";

    private static readonly Lazy<Dictionary<string, SchemaDocument>> ById = new(Load);

    public static IEnumerable<string> Ids => ById.Value.Keys.OrderBy(id => id, StringComparer.Ordinal);

    public static bool TryGet(string id, out SchemaDocument document) => ById.Value.TryGetValue(id, out document!);

    public static bool IsShipped(SchemaDocument document) => document.Path.StartsWith(Folder, StringComparison.Ordinal);

    // Parsed once per process: the documents are immutable inputs, the same in every compilation.
    private static Dictionary<string, SchemaDocument> Load()
    {
        var byId = new Dictionary<string, SchemaDocument>(StringComparer.Ordinal);
        Assembly assembly = typeof(ShippedSchemas).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("schemas/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var file = new SchemaFile(Folder + name.Substring("schemas/".Length), reader.ReadToEnd(), ImmutableEquatableArray<byte>.Empty);
            if (SchemaDocument.TryParse(file, out _) is { Id: { } id } document && id.StartsWith(IdPrefix, StringComparison.Ordinal))
            {
                byId[id] = document;
            }
        }

        return byId;
    }
}
