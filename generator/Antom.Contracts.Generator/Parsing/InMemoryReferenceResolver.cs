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
        : base(new NothingAppended(root))
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

    // The file part of a reference (a relative path, or an id such as urn:antom-contracts:amount) to the path of the
    // document it names; NJsonSchema keeps the fragment and resolves it in that document.
    public override string ResolveFilePath(string documentPath, string jsonPath)
    {
        int hash = jsonPath.IndexOf('#');
        string filePart = hash < 0 ? jsonPath : jsonPath.Substring(0, hash);
        return _set.ResolveFile(documentPath, filePart, out string? why) ?? throw new InvalidOperationException($"'{jsonPath}' does not resolve: {why}");
    }

    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
    {
        SchemaDocument document = _set.Find(filePath) ?? throw new InvalidOperationException($"'{filePath}' is not a schema file of this compilation.");
        return Task.FromResult<IJsonReference>(Load(_set, document.Path, cancellationToken));
    }

    // http(s) references reach here: one that is the $id of a known schema resolves to it; any other is never fetched.
    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default)
    {
        string path = _set.ResolveFile(null, url, out string? why) ?? throw new InvalidOperationException($"'{url}' does not resolve: {why}");
        return Task.FromResult<IJsonReference>(Load(_set, path, cancellationToken));
    }
}

/// <summary>
/// NJsonSchema copies every schema another file contributes into the root's definitions (so that one document holds
/// everything). The generator never reads those copies (a type is taken from the file that writes it), and with files
/// that refer to each other the copying dominated the load; it is switched off.
/// </summary>
internal sealed class NothingAppended : JsonSchemaAppender
{
    public NothingAppended(JsonSchema root)
        : base(root, new DefaultTypeNameGenerator())
    {
    }

    public override void AppendSchema(JsonSchema schema, string? typeNameHint)
    {
    }
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

    /// <summary>An id without the empty fragment draft-07 ids often end with (<c>…/risk.json#</c>).</summary>
    public static string TrimEmptyFragment(string id) => id.EndsWith("#", StringComparison.Ordinal) ? id.Substring(0, id.Length - 1) : id;

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
