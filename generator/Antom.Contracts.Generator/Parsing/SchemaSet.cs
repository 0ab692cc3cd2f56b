using System;
using System.Collections.Generic;
using System.Linq;

namespace Antom.Contracts.Generator.Parsing;

/// <summary>
/// The schema documents one compilation can reach: its own schema files, by normalized path and by <c>$id</c>, and
/// the contracts Antom.Contracts ships (<c>urn:antom-contracts:…</c>), brought in only when a reference names one.
/// Every reference is resolved here, for the structural checks, the schema reading and NJsonSchema alike, so they never disagree.
/// </summary>
internal sealed class SchemaSet
{
    private readonly Dictionary<string, SchemaDocument> _documents;
    private readonly Dictionary<string, string> _pathsById;

    public SchemaSet(IReadOnlyDictionary<string, SchemaDocument> documents, Dictionary<string, string> pathsById)
    {
        _documents = documents.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        _pathsById = pathsById;
    }

    /// <summary>The documents by normalized path: the compilation's own, and the shipped ones referenced so far.</summary>
    public IReadOnlyDictionary<string, SchemaDocument> Documents => _documents;

    /// <summary>
    /// The document at <paramref name="pathOrId"/>: a path (NJsonSchema may have made it absolute), or an id that
    /// NJsonSchema recorded as a loaded document's path.
    /// </summary>
    public SchemaDocument? Find(string pathOrId)
    {
        // Most callers hold a document's own path, its key already (normalizing is idempotent).
        if (_documents.TryGetValue(pathOrId, out SchemaDocument? document))
        {
            return document;
        }

        string path = SchemaPaths.Normalize(pathOrId);
        if (_documents.TryGetValue(path, out document))
        {
            return document;
        }

        int shipped = path.IndexOf(ShippedSchemas.Folder, StringComparison.Ordinal);
        if (shipped >= 0 && _documents.TryGetValue(path.Substring(shipped), out document))
        {
            return document; // a shipped document, after NJsonSchema made its path absolute
        }

        return ResolveId(SchemaPaths.TrimEmptyFragment(pathOrId)) is { } byId ? _documents[byId] : null;
    }

    /// <summary>
    /// The path of the document that <paramref name="filePart"/> (a reference without its fragment) names, seen from
    /// the document at <paramref name="fromPath"/> (null: an absolute reference); null, with the reason, when none does.
    /// An absolute reference is an id: a compilation file's <c>$id</c>, or a shipped contract's. A relative one is
    /// resolved against the referring document's <c>$id</c> when that is a URL and names a known id, and otherwise
    /// against its file path.
    /// </summary>
    public string? ResolveFile(string? fromPath, string filePart, out string? why)
    {
        why = null;
        SchemaDocument? from = fromPath is null ? null : Find(fromPath);
        if (filePart.Length == 0)
        {
            if (from is not null)
            {
                return from.Path;
            }

            why = "it names no document";
            return null;
        }

        if (SchemaPaths.IsUrl(filePart))
        {
            if (ResolveId(SchemaPaths.TrimEmptyFragment(filePart)) is { } path)
            {
                return path;
            }

            why = filePart.StartsWith(ShippedSchemas.IdPrefix, StringComparison.Ordinal)
                ? $"Antom.Contracts ships no contract with this id; the shipped ids are {string.Join(", ", ShippedSchemas.Ids)}"
                : "it is neither the $id of a schema file of this compilation nor a shipped contract's id, and the generator never fetches schemas";
            return null;
        }

        if (from?.Id is { } baseId && Uri.TryCreate(baseId, UriKind.Absolute, out Uri? baseUri) && baseUri.Scheme is "http" or "https"
            && Uri.TryCreate(baseUri, filePart, out Uri? combined) && ResolveId(SchemaPaths.TrimEmptyFragment(combined.ToString())) is { } byBase)
        {
            return byBase;
        }

        string? relativeTo = from?.Path ?? fromPath;
        if (relativeTo is null || from is not null && ShippedSchemas.IsShipped(from))
        {
            why = "a relative reference needs a schema file to be relative to";
            return null;
        }

        string target = SchemaPaths.Combine(relativeTo, filePart);
        if (_documents.ContainsKey(target))
        {
            return target;
        }

        why = $"there is no schema file '{filePart}' among the AdditionalFiles of this compilation (looked for {target})";
        return null;
    }

    // A compilation file's id first (the Antom.Contracts project declares the shipped ids itself); then a shipped
    // contract, added to the set the first time it is named.
    private string? ResolveId(string id)
    {
        if (_pathsById.TryGetValue(id, out string? path))
        {
            return path;
        }

        if (ShippedSchemas.TryGet(id, out SchemaDocument? shipped))
        {
            _documents[shipped.Path] = shipped;
            return shipped.Path;
        }

        return null;
    }
}
