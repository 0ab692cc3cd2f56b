using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Antom.Contracts.Generator.Parsing;

/// <summary>A schema's <c>type</c>: the JSON types it allows (the values and names of NJsonSchema's <c>JsonObjectType</c>).</summary>
[Flags]
internal enum SchemaTypes
{
    None = 0,
    Array = 1,
    Boolean = 2,
    Integer = 4,
    Null = 8,
    Number = 16,
    Object = 32,
    String = 64,
    File = 128,
}

/// <summary>
/// One schema as the model reads it: the keywords the parser uses, with references resolved and, for
/// <see cref="ActualSchema"/>, NJsonSchema's meaning (a <c>$ref</c>, or an <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> of one
/// reference and nothing else, stands for its target). Read straight from the line-aware JSON (<see cref="JsonSchemaNode"/>)
/// when <see cref="SchemaReading.ReadsAsNJsonSchemaDoes"/> vouches that this reads the document as NJsonSchema would,
/// and through NJsonSchema otherwise. Nodes are compared by reference: one node per schema.
/// </summary>
internal abstract class SchemaNode
{
    public abstract SchemaTypes Type { get; }

    public abstract string? Title { get; }

    public abstract string? Description { get; }

    public abstract string? Format { get; }

    public abstract string? Pattern { get; }

    public abstract int? MaxLength { get; }

    public abstract int? MinLength { get; }

    public abstract IReadOnlyList<KeyValuePair<string, SchemaNode>> Properties { get; }

    public abstract IReadOnlyList<KeyValuePair<string, SchemaNode>> Definitions { get; }

    public abstract SchemaNode? Item { get; }

    public abstract SchemaNode? AdditionalPropertiesSchema { get; }

    public abstract IReadOnlyList<SchemaNode> AllOf { get; }

    public abstract IReadOnlyList<SchemaNode> OneOf { get; }

    public abstract IReadOnlyList<SchemaNode> AnyOf { get; }

    public abstract IReadOnlyList<string> RequiredProperties { get; }

    public abstract bool IsEnumeration { get; }

    /// <summary>What the schema stands for: itself, or the target of its reference.</summary>
    public abstract SchemaNode ActualSchema { get; }

    /// <summary>Where the schema is written, when the node knows it (null: the parser's index says).</summary>
    public abstract (SchemaDocument Document, string[] Pointer)? Location { get; }

    public abstract bool HasExtension(string keyword);
}

/// <summary>A schema read straight from its document's JSON; its references resolve through the <see cref="SchemaSet"/>.</summary>
internal sealed class JsonSchemaNode : SchemaNode
{
    private static readonly IReadOnlyList<KeyValuePair<string, SchemaNode>> NoEntries = Array.Empty<KeyValuePair<string, SchemaNode>>();
    private readonly SchemaReading _reading;
    private readonly JObject _raw;
    private IReadOnlyList<KeyValuePair<string, SchemaNode>>? _properties;
    private IReadOnlyList<KeyValuePair<string, SchemaNode>>? _definitions;
    private IReadOnlyList<SchemaNode>? _allOf;
    private IReadOnlyList<SchemaNode>? _oneOf;
    private IReadOnlyList<SchemaNode>? _anyOf;
    private SchemaNode? _reference;
    private bool _referenceResolved;

    public JsonSchemaNode(SchemaReading reading, SchemaDocument document, string[] pointer, JObject raw)
    {
        _reading = reading;
        Document = document;
        Pointer = pointer;
        _raw = raw;
    }

    public SchemaDocument Document { get; }

    public string[] Pointer { get; }

    // As NJsonSchema: a schema with a $ref has no type of its own.
    public override SchemaTypes Type => Reference is not null ? SchemaTypes.None : _raw["type"] switch
    {
        JValue { Type: JTokenType.String } one => TypeOf((string)one!),
        JArray many => many.Aggregate(SchemaTypes.None, (all, t) => all | TypeOf(t.ToString())),
        _ => SchemaTypes.None,
    };

    public override string? Title => String("title");

    public override string? Description => String("description");

    public override string? Format => String("format");

    public override string? Pattern => String("pattern");

    public override int? MaxLength => _raw["maxLength"] is JValue { Type: JTokenType.Integer } v ? (int)v : null;

    public override int? MinLength => _raw["minLength"] is JValue { Type: JTokenType.Integer } v ? (int)v : null;

    public override IReadOnlyList<KeyValuePair<string, SchemaNode>> Properties => _properties ??= Entries("properties");

    public override IReadOnlyList<KeyValuePair<string, SchemaNode>> Definitions => _definitions ??= Entries("definitions");

    public override SchemaNode? Item => Child("items");

    public override SchemaNode? AdditionalPropertiesSchema => Child("additionalProperties");

    public override IReadOnlyList<SchemaNode> AllOf => _allOf ??= Branches("allOf");

    public override IReadOnlyList<SchemaNode> OneOf => _oneOf ??= Branches("oneOf");

    public override IReadOnlyList<SchemaNode> AnyOf => _anyOf ??= Branches("anyOf");

    public override IReadOnlyList<string> RequiredProperties
        => _raw["required"] is JArray names ? names.Select(n => (string)n!).ToArray() : Array.Empty<string>();

    public override bool IsEnumeration => _raw["enum"] is JArray { Count: > 0 };

    public override (SchemaDocument Document, string[] Pointer)? Location => (Document, Pointer);

    /// <summary>The schema its <c>$ref</c> names, or null.</summary>
    public SchemaNode? Reference
    {
        get
        {
            if (!_referenceResolved)
            {
                _reference = _raw["$ref"] is JValue { Type: JTokenType.String } reference ? _reading.Resolve(Document, (string)reference!) : null;
                _referenceResolved = true;
            }

            return _reference;
        }
    }

    // NJsonSchema's rule: a $ref, or a wrapper of exactly one reference with no type, properties, map or enum of its
    // own, stands for its target; a cycle of such is an error.
    public override SchemaNode ActualSchema
    {
        get
        {
            var seen = new List<JsonSchemaNode>();
            JsonSchemaNode current = this;
            while (true)
            {
                if (seen.Contains(current))
                {
                    throw new InvalidOperationException("Cyclic references detected.");
                }

                if (current.Target() is not JsonSchemaNode next)
                {
                    return current;
                }

                seen.Add(current);
                current = next;
            }
        }
    }

    public override bool HasExtension(string keyword) => _raw.ContainsKey(keyword);

    private bool HasReference => Target() is not null;

    private SchemaNode? Target()
    {
        bool bare = Type == SchemaTypes.None && Properties.Count == 0 && AdditionalPropertiesSchema is null && !IsEnumeration;
        if (bare && AllOf.Count == 1 && OneOf.Count == 0 && AnyOf.Count == 0 && ((JsonSchemaNode)AllOf[0]).HasReference)
        {
            return AllOf[0];
        }

        if (bare && OneOf.Count == 1 && AllOf.Count == 0 && AnyOf.Count == 0 && ((JsonSchemaNode)OneOf[0]).HasReference)
        {
            return OneOf[0];
        }

        if (bare && AnyOf.Count == 1 && AllOf.Count == 0 && OneOf.Count == 0 && ((JsonSchemaNode)AnyOf[0]).HasReference)
        {
            return AnyOf[0];
        }

        return Reference;
    }

    private static SchemaTypes TypeOf(string name) => name switch
    {
        "array" => SchemaTypes.Array,
        "boolean" => SchemaTypes.Boolean,
        "integer" => SchemaTypes.Integer,
        "null" => SchemaTypes.Null,
        "number" => SchemaTypes.Number,
        "object" => SchemaTypes.Object,
        "string" => SchemaTypes.String,
        "file" => SchemaTypes.File,
        _ => SchemaTypes.None,
    };

    private string? String(string keyword) => _raw[keyword] is JValue { Type: JTokenType.String } v ? (string)v! : null;

    private JsonSchemaNode? Child(string keyword) => _raw[keyword] is JObject ? _reading.Node(Document, SchemaParser.Append(Pointer, keyword)) : null;

    private IReadOnlyList<KeyValuePair<string, SchemaNode>> Entries(string keyword)
        => _raw[keyword] is JObject entries && entries.Count > 0
            ? entries.Properties().Select(p => new KeyValuePair<string, SchemaNode>(p.Name, _reading.Node(Document, SchemaParser.Append(Pointer, keyword, p.Name))!)).ToArray()
            : NoEntries;

    private IReadOnlyList<SchemaNode> Branches(string keyword)
        => _raw[keyword] is JArray branches && branches.Count > 0
            ? Enumerable.Range(0, branches.Count).Select(i => _reading.Node(Document, SchemaParser.Append(Pointer, keyword, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))!).ToArray()
            : Array.Empty<SchemaNode>();
}

/// <summary>
/// The schemas of one compilation read straight from their JSON: one <see cref="JsonSchemaNode"/> per schema, made
/// when first reached, with every <c>$ref</c> resolved through the <see cref="SchemaSet"/> (as NJsonSchema's resolver did).
/// </summary>
internal sealed class SchemaReading
{
    private readonly SchemaSet _set;
    private readonly Dictionary<string, JsonSchemaNode> _nodes = new(StringComparer.Ordinal);

    public SchemaReading(SchemaSet set)
    {
        _set = set;
    }

    /// <summary>The schema at <paramref name="pointer"/> in <paramref name="document"/>, or null when no object is there.</summary>
    public JsonSchemaNode? Node(SchemaDocument document, string[] pointer)
    {
        string key = document.Path + "#" + string.Join("\0", pointer);
        if (_nodes.TryGetValue(key, out JsonSchemaNode? node))
        {
            return node;
        }

        if (document.Find(pointer) is not JObject raw)
        {
            return null;
        }

        node = new JsonSchemaNode(this, document, pointer, raw);
        _nodes[key] = node;
        return node;
    }

    /// <summary>The schema a <c>$ref</c> written in <paramref name="from"/> names.</summary>
    public SchemaNode Resolve(SchemaDocument from, string reference)
    {
        (string filePart, string fragment) = SchemaPaths.SplitReference(reference);
        string path = _set.ResolveFile(from.Path, filePart, out string? why) ?? throw new InvalidOperationException($"'{reference}' does not resolve: {why}");
        return SchemaParser.TryParsePointer(fragment, out string[] pointer) && Node(_set.Documents[path], pointer) is { } node
            ? node
            : throw new InvalidOperationException($"'{reference}' names nothing that is a schema.");
    }

    /// <summary>
    /// Whether the documents, and every document their references reach, read here exactly as NJsonSchema reads them:
    /// every keyword NJsonSchema types has a value of that type as written (nothing it would convert or refuse), every
    /// reference names a schema position, no extension keyword holds a reference, and nothing nests near NJsonSchema's
    /// depth limit. Otherwise the parser reads the compilation through NJsonSchema, which then decides.
    /// </summary>
    public bool ReadsAsNJsonSchemaDoes(IEnumerable<SchemaDocument> documents)
    {
        var pending = new Queue<SchemaDocument>(documents);
        var seen = new HashSet<string>(pending.Select(d => d.Path), StringComparer.Ordinal);
        var references = new List<string>();
        while (pending.Count > 0)
        {
            SchemaDocument document = pending.Dequeue();
            references.Clear();
            if (document.Root is not JObject root || Depth(root) > 100 || !Readable(root, references))
            {
                return false;
            }

            foreach (string reference in references)
            {
                if (_set.ResolveFile(document.Path, SchemaPaths.SplitReference(reference).FilePart, out _) is not { } path)
                {
                    return false;
                }

                if (seen.Add(path))
                {
                    pending.Enqueue(_set.Documents[path]);
                }
            }
        }

        return true;
    }

    private static bool Readable(JObject schema, List<string> references)
    {
        foreach (JProperty keyword in schema.Properties())
        {
            JToken value = keyword.Value;
            bool readable = keyword.Name switch
            {
                "$ref" => value.Type == JTokenType.String && NamesSchema(SchemaPaths.SplitReference((string)value!).Fragment) && Add(references, (string)value!),
                "$schema" or "title" or "description" or "format" or "pattern" or "discriminator" or "x-deprecatedMessage" => value.Type == JTokenType.String,
                "maxLength" or "minLength" or "maxItems" or "minItems" or "maxProperties" or "minProperties" => value is JValue { Value: long n } && n >= int.MinValue && n <= int.MaxValue,
                "multipleOf" or "maximum" or "minimum" => value is JValue { Value: long },
                "exclusiveMaximum" or "exclusiveMinimum" => value.Type == JTokenType.Boolean || value is JValue { Value: long },
                "uniqueItems" or "x-deprecated" or "x-abstract" or "x-nullable" or "x-enumFlags" or "readonly" or "x-writeOnly" => value.Type == JTokenType.Boolean,
                "type" => value.Type == JTokenType.String || (value is JArray types && types.All(t => t.Type == JTokenType.String)),
                "required" or "x-enumNames" or "x-enum-names" or "x-enum-varnames" => value is JArray names && names.All(n => n.Type == JTokenType.String),
                "enum" or "x-enumDescriptions" or "x-enum-descriptions" => value is JArray,
                "properties" or "definitions" => value is JObject entries && entries.Properties().All(e => e.Value is JObject child && Readable(child, references)),
                "allOf" or "anyOf" or "oneOf" => value is JArray branches && branches.All(b => b is JObject child && Readable(child, references)),
                "items" => value is JObject item && Readable(item, references),
                "additionalProperties" => value.Type == JTokenType.Boolean || (value is JObject values && Readable(values, references)),
                "default" or "x-example" => true,
                "id" or "not" or "patternProperties" or "additionalItems" or "xml" or "x-dictionaryKey" => false,
                _ => !HasReference(value), // extension data, where NJsonSchema reads schema-like objects and resolves their references
            };
            if (!readable)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Add(List<string> references, string reference)
    {
        references.Add(reference);
        return true;
    }

    // A fragment NJsonSchema and this reading both resolve to the same schema: a path of schema keywords, nothing escaped.
    private static bool NamesSchema(string fragment)
    {
        if (fragment.Length == 0)
        {
            return true;
        }

        if (fragment[0] != '/' || fragment.IndexOf('~') >= 0 || fragment.IndexOf('%') >= 0)
        {
            return false;
        }

        string[] segments = fragment.Substring(1).Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            switch (segments[i])
            {
                case "properties" or "definitions" when i + 1 < segments.Length:
                    i++;
                    break;
                case "allOf" or "anyOf" or "oneOf" when i + 1 < segments.Length && segments[i + 1].Length > 0 && segments[i + 1].All(c => c is >= '0' and <= '9'):
                    i++;
                    break;
                case "items" or "additionalProperties":
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool HasReference(JToken token) => token switch
    {
        JObject o => o.ContainsKey("$ref") || o.Properties().Any(p => HasReference(p.Value)),
        JArray a => a.Any(HasReference),
        _ => false,
    };

    private static int Depth(JToken token) => token is JContainer container && container.HasValues
        ? 1 + container.Children().Max(c => Depth(c is JProperty p ? p.Value : c))
        : token is JContainer ? 1 : 0;
}
