using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.References;

namespace Antom.Contracts.Generator.Parsing;

/// <summary>
/// Resolves relative <c>$ref</c>s only among the schema AdditionalFiles of one compilation: in memory,
/// synchronously, with no disk and no network. A URL is never fetched.
/// </summary>
internal sealed class InMemoryReferenceResolver : JsonReferenceResolver
{
    private readonly SchemaSet _set;

    private InMemoryReferenceResolver(JsonSchema root, SchemaSet set)
        : base(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        _set = set;
    }

    /// <summary>Loads (once) the schema file at <paramref name="path"/>, resolving its references through <paramref name="set"/>.</summary>
    public static JsonSchema Load(SchemaSet set, string path, CancellationToken cancellationToken)
    {
        if (set.Loaded.TryGetValue(path, out JsonSchema? loaded))
        {
            return loaded;
        }

        string text = set.Documents[path].File.Text;
        Task<JsonSchema> task = JsonSchema.FromJsonAsync(text, path, schema =>
        {
            // Registered before its references are resolved, so that files referring to each other terminate.
            set.Loaded[path] = schema;
            return new InMemoryReferenceResolver(schema, set);
        }, cancellationToken);

        // Every step is in memory, so the task has completed; nothing here ever waits on I/O.
        return task.GetAwaiter().GetResult();
    }

    public override string ResolveFilePath(string documentPath, string jsonPath)
        => SchemaPaths.Combine(documentPath, jsonPath);

    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
    {
        string path = SchemaPaths.Normalize(filePath);
        if (!_set.Documents.ContainsKey(path))
        {
            throw new InvalidOperationException($"'{filePath}' is not a schema file of this compilation.");
        }

        return Task.FromResult<IJsonReference>(Load(_set, path, cancellationToken));
    }

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default)
        => throw new InvalidOperationException($"'{url}' is a URL; the generator never fetches schemas.");
}

/// <summary>The schema files of one compilation, by normalized path, and what has been loaded from them.</summary>
internal sealed class SchemaSet
{
    public SchemaSet(IReadOnlyDictionary<string, SchemaDocument> documents)
    {
        Documents = documents;
    }

    public IReadOnlyDictionary<string, SchemaDocument> Documents { get; }

    public Dictionary<string, JsonSchema> Loaded { get; } = new(StringComparer.Ordinal);
}

/// <summary>Path arithmetic on schema file paths, without touching the file system.</summary>
internal static class SchemaPaths
{
    public static string Normalize(string path)
    {
        string[] parts = path.Replace('\\', '/').Split('/');
        var stack = new List<string>();
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part == "." || (part.Length == 0 && i > 0 && i < parts.Length - 1))
            {
                continue;
            }

            if (part == ".." && stack.Count > 0 && stack[stack.Count - 1] != "..")
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            stack.Add(part);
        }

        return string.Join("/", stack);
    }

    /// <summary>The path of <paramref name="relative"/> seen from the file <paramref name="documentPath"/>.</summary>
    public static string Combine(string documentPath, string relative)
    {
        string normalized = Normalize(documentPath);
        int slash = normalized.LastIndexOf('/');
        string directory = slash < 0 ? string.Empty : normalized.Substring(0, slash + 1);
        return Normalize(directory + relative);
    }

    public static bool IsUrl(string reference)
    {
        int colon = reference.IndexOf(':');
        if (colon <= 1)
        {
            return false; // no scheme, or a drive letter
        }

        for (int i = 0; i < colon; i++)
        {
            char c = reference[i];
            if (!(char.IsLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
