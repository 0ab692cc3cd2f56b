using System;
using System.Collections.Generic;
using System.Linq;
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
    private readonly NJsonSchemaReading _reading;

    private InMemoryReferenceResolver(JsonSchema root, NJsonSchemaReading reading)
        : base(new NothingAppended(root))
    {
        _reading = reading;
    }

    private SchemaSet Set => _reading.Set;

    /// <summary>Loads (once) the schema file at <paramref name="path"/>, resolving its references through the reading's <see cref="SchemaSet"/>.</summary>
    public static JsonSchema Load(NJsonSchemaReading reading, string path, CancellationToken cancellationToken)
    {
        if (reading.Schemas.TryGetValue(path, out JsonSchema? loaded))
        {
            return loaded;
        }

        string text = reading.Set.Documents[path].File.Text;
        Task<JsonSchema> task = JsonSchema.FromJsonAsync(text, path, schema =>
        {
            // Registered before its references are resolved, so that files referring to each other terminate.
            reading.Schemas[path] = schema;
            return new InMemoryReferenceResolver(schema, reading);
        }, cancellationToken);

        // Every step is in memory, so the task has completed; nothing here ever waits on I/O.
        return task.GetAwaiter().GetResult();
    }

    // The file part of a reference (a relative path, or an id such as urn:antom-contracts:amount) to the path of the
    // document it names; NJsonSchema keeps the fragment and resolves it in that document.
    public override string ResolveFilePath(string documentPath, string jsonPath)
    {
        string filePart = SchemaPaths.SplitReference(jsonPath).FilePart;
        return Set.ResolveFile(documentPath, filePart, out string? why) ?? throw new InvalidOperationException($"'{jsonPath}' does not resolve: {why}");
    }

    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
    {
        SchemaDocument document = Set.Find(filePath) ?? throw new InvalidOperationException($"'{filePath}' is not a schema file of this compilation.");
        return Task.FromResult<IJsonReference>(Load(_reading, document.Path, cancellationToken));
    }

    // http(s) references reach here: one that is the $id of a known schema resolves to it; any other is never fetched.
    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default)
    {
        string path = Set.ResolveFile(null, url, out string? why) ?? throw new InvalidOperationException($"'{url}' does not resolve: {why}");
        return Task.FromResult<IJsonReference>(Load(_reading, path, cancellationToken));
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

    /// <summary>A reference split at its first <c>#</c>: the document it names (empty: its own) and the JSON pointer in it.</summary>
    public static (string FilePart, string Fragment) SplitReference(string reference)
    {
        int hash = reference.IndexOf('#');
        return hash < 0 ? (reference, string.Empty) : (reference.Substring(0, hash), reference.Substring(hash + 1));
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

/// <summary>
/// The schemas of one compilation as NJsonSchema reads them: the reading for documents that <see cref="SchemaReading"/>
/// cannot vouch it reads alike (a keyword NJsonSchema converts or refuses, a reference into extension data, …).
/// One node per NJsonSchema schema; its location comes from the parser's index.
/// </summary>
internal sealed class NJsonSchemaReading
{
    private readonly Dictionary<JsonSchema, NJsonSchemaNode> _nodes = new(ReferenceComparer.Instance);

    public NJsonSchemaReading(SchemaSet set)
    {
        Set = set;
    }

    public SchemaSet Set { get; }

    /// <summary>What NJsonSchema has loaded, by document path.</summary>
    public Dictionary<string, JsonSchema> Schemas { get; } = new(StringComparer.Ordinal);

    /// <summary>Every document loaded so far (the ones asked for, and those their references brought in), by path.</summary>
    public IEnumerable<KeyValuePair<string, SchemaNode>> Loaded => Schemas.ToList().Select(l => new KeyValuePair<string, SchemaNode>(l.Key, Node(l.Value)));

    public SchemaNode Load(string path, CancellationToken cancellationToken) => Node(InMemoryReferenceResolver.Load(this, path, cancellationToken));

    public SchemaNode Node(JsonSchema schema)
    {
        if (!_nodes.TryGetValue(schema, out NJsonSchemaNode? node))
        {
            node = new NJsonSchemaNode(this, schema);
            _nodes[schema] = node;
        }

        return node;
    }

    private sealed class ReferenceComparer : IEqualityComparer<JsonSchema>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

/// <summary>One schema as NJsonSchema read it.</summary>
internal sealed class NJsonSchemaNode : SchemaNode
{
    private readonly NJsonSchemaReading _reading;
    private readonly JsonSchema _schema;

    public NJsonSchemaNode(NJsonSchemaReading reading, JsonSchema schema)
    {
        _reading = reading;
        _schema = schema;
    }

    public override SchemaTypes Type => (SchemaTypes)(int)_schema.Type;

    public override string? Title => _schema.Title;

    public override string? Description => _schema.Description;

    public override string? Format => _schema.Format;

    public override string? Pattern => _schema.Pattern;

    public override int? MaxLength => _schema.MaxLength;

    public override int? MinLength => _schema.MinLength;

    public override IReadOnlyList<KeyValuePair<string, SchemaNode>> Properties
        => _schema.Properties.Select(p => new KeyValuePair<string, SchemaNode>(p.Key, _reading.Node(p.Value))).ToList();

    public override IReadOnlyList<KeyValuePair<string, SchemaNode>> Definitions
        => _schema.Definitions.Select(d => new KeyValuePair<string, SchemaNode>(d.Key, _reading.Node(d.Value))).ToList();

    public override SchemaNode? Item => _schema.Item is { } item ? _reading.Node(item) : null;

    public override SchemaNode? AdditionalPropertiesSchema => _schema.AdditionalPropertiesSchema is { } values ? _reading.Node(values) : null;

    public override IReadOnlyList<SchemaNode> AllOf => _schema.AllOf.Select(_reading.Node).ToList();

    public override IReadOnlyList<SchemaNode> OneOf => _schema.OneOf.Select(_reading.Node).ToList();

    public override IReadOnlyList<SchemaNode> AnyOf => _schema.AnyOf.Select(_reading.Node).ToList();

    public override IReadOnlyList<string> RequiredProperties => _schema.RequiredProperties.ToList();

    public override bool IsEnumeration => _schema.IsEnumeration;

    public override SchemaNode ActualSchema => _reading.Node(_schema.ActualSchema);

    public override (SchemaDocument Document, string[] Pointer)? Location => null;

    public override bool HasExtension(string keyword) => _schema.ExtensionData?.ContainsKey(keyword) == true;
}
