using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Antom.Contracts.Generator.Model;
using Newtonsoft.Json.Linq;

namespace Antom.Contracts.Generator.Parsing;

/// <summary>
/// Reads the schema files of one compilation into the equatable model. Each file is parsed once, as line-aware JSON
/// that locates every diagnostic and supplies the extension keywords exactly as written; the schemas are read from
/// that parse (<see cref="SchemaReading"/>), references resolved in memory only, and through NJsonSchema only when a
/// file holds something NJsonSchema would read differently. Never throws: every failure is a diagnostic.
/// </summary>
internal sealed partial class SchemaParser
{
    private static readonly string[] UnsupportedKeywords =
    [
        "not", "if", "then", "else", "patternProperties", "dependencies", "additionalItems", "contains", "propertyNames", "id",
        "multipleOf", "uniqueItems", "minProperties", "maxProperties",
    ];

    private readonly GeneratorOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<SchemaNode, (SchemaDocument Document, string[] Pointer)> _locations = new();
    private SchemaSet _set = null!;
    private List<TypeModel> _types = null!;
    private readonly HashSet<string> _inlineTypes = new(StringComparer.Ordinal);

    private readonly bool _throughNJsonSchema;

    private SchemaParser(GeneratorOptions options, bool throughNJsonSchema, CancellationToken cancellationToken)
    {
        _options = options;
        _cancellationToken = cancellationToken;
        _throughNJsonSchema = throughNJsonSchema;
    }

    public static ContractsModel Parse(ImmutableEquatableArray<SchemaFile> files, GeneratorOptions options, CancellationToken cancellationToken)
        => Parse(files, options, throughNJsonSchema: false, cancellationToken);

    /// <summary>The model of <paramref name="files"/>; <paramref name="throughNJsonSchema"/> reads them through NJsonSchema even where the direct reading would do (for the tests that compare the two).</summary>
    public static ContractsModel Parse(ImmutableEquatableArray<SchemaFile> files, GeneratorOptions options, bool throughNJsonSchema, CancellationToken cancellationToken)
    {
        var parser = new SchemaParser(options, throughNJsonSchema, cancellationToken);
        List<TypeModel> types;
        try
        {
            types = parser.ParseAll(files);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            string where = files.Count > 0 ? files[0].Path : "(no schema file)";
            parser._diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GeneratorFailure, LocationInfo.StartOf(where), System.IO.Path.GetFileName(where), Describe(e)));
            types = new List<TypeModel>();
        }

        ResolverModel? resolver = types.Count == 0
            ? null
            : new ResolverModel(
                options.Namespace,
                options.ResolverName,
                types.Where(t => t is RecordModel or UnionModel).Select(t => t.Name).ToEquatableArray(),
                types.OfType<EnumModel>().Select(t => t.Name).ToEquatableArray(),
                types.OfType<RecordModel>().SelectMany(t => t.Properties)
                    .Where(p => p.Value.Kind == ValueKind.Money || p.Value.Item?.Kind == ValueKind.Money)
                    .Select(p => p.JsonName).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
        return new ContractsModel(types.ToEquatableArray(), resolver, parser._diagnostics.ToEquatableArray());
    }

    private List<TypeModel> ParseAll(ImmutableEquatableArray<SchemaFile> files)
    {
        var documents = new Dictionary<string, SchemaDocument>(StringComparer.Ordinal);
        foreach (SchemaFile file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SchemaDocument? document = SchemaDocument.TryParse(file, out DiagnosticInfo? error);
            if (error is not null)
            {
                _diagnostics.Add(error);
            }

            if (document is not null)
            {
                documents[SchemaPaths.Normalize(file.Path)] = document;
            }
        }

        _set = new SchemaSet(documents, IndexIds(documents));

        // Structural checks on the plain JSON first: they locate precisely, and a file that fails them is not handed
        // to NJsonSchema (which would fail on it less clearly, or try to fetch a URL).
        var usable = new List<(string Path, SchemaDocument Document)>();
        foreach (KeyValuePair<string, SchemaDocument> entry in documents)
        {
            int before = _diagnostics.Count;
            CheckStructure(entry.Value);
            if (_diagnostics.Count == before)
            {
                usable.Add((entry.Key, entry.Value));
            }
        }

        var broken = new HashSet<string>(documents.Keys.Except(usable.Select(u => u.Path)), StringComparer.Ordinal);
        var types = new List<TypeModel>();
        _types = types;
        var roots = new List<(SchemaDocument Document, SchemaNode Schema)>();

        // The schemas are read straight from the JSON parsed above when that reads them exactly as NJsonSchema would
        // (every healthy compilation of ours); otherwise (a file with errors, a keyword NJsonSchema would convert or
        // refuse) NJsonSchema reads and resolves them, and its failures stay ANTOM0008.
        var direct = new SchemaReading(_set);
        NJsonSchemaReading? fallback = !_throughNJsonSchema && broken.Count == 0 && direct.ReadsAsNJsonSchemaDoes(usable.Select(u => u.Document)) ? null : new NJsonSchemaReading(_set);
        foreach ((string path, SchemaDocument document) in usable)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (ReferencesAny(document, broken))
            {
                continue; // its own error is reported where the broken file is
            }

            try
            {
                SchemaNode schema = fallback is null ? direct.Node(document, [])! : fallback.Load(path, _cancellationToken);
                roots.Add((document, schema));
                if (fallback is not null)
                {
                    Index(schema, document, []);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnreadableSchema, document.Locate([]), System.IO.Path.GetFileName(document.File.Path), Innermost(e).Message));
            }
        }

        // The shipped contracts that references brought in are located too, so that their types can be named (a node
        // read straight from the JSON knows where it is written).
        foreach (KeyValuePair<string, SchemaNode> loaded in fallback?.Loaded ?? [])
        {
            if (_set.Documents.TryGetValue(loaded.Key, out SchemaDocument? shipped) && ShippedSchemas.IsShipped(shipped))
            {
                Index(loaded.Value, shipped, []);
            }
        }

        foreach ((SchemaDocument document, SchemaNode schema) in roots)
        {
            AddTypes(types, document, schema);
        }

        ApplyUnions(types);
        return RemoveUnusable(types);
    }

    // Every compilation file's root $id. A duplicate is refused where it is declared (the first one keeps the id). A
    // file that declares a shipped id stands for that contract in its compilation: that is how Antom.Contracts itself
    // generates the shipped types.
    private Dictionary<string, string> IndexIds(Dictionary<string, SchemaDocument> documents)
    {
        var pathsById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (SchemaDocument document in documents.Values)
        {
            if (document.Id is not { } id || !Uri.TryCreate(id, UriKind.Absolute, out _))
            {
                continue; // refused by the structural check
            }

            // The shipped ids name the shipped contracts: a file may declare one only by being that contract (as the
            // Antom.Contracts project's own files are); anything else would quietly replace Money or AntomResult.
            if (id.StartsWith(ShippedSchemas.IdPrefix, StringComparison.Ordinal)
                && !(ShippedSchemas.TryGet(id, out SchemaDocument? shipped) && JToken.DeepEquals(shipped.Root, document.Root)))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(["$id"]), "$id: " + id, $"ids under {ShippedSchemas.IdPrefix} name the contracts Antom.Contracts ships; $ref that id instead of declaring it, and give your own schema an id of your own"));
                continue;
            }

            if (pathsById.TryGetValue(id, out string? first))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateSchemaId, document.Locate(["$id"]), id, first));
                continue;
            }

            pathsById[id] = document.Path;
        }

        return pathsById;
    }

    // ---- structure -------------------------------------------------------------------------------------------------

    private void CheckStructure(SchemaDocument document)
    {
        if (document.Root is not JObject root)
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate([]), "a schema that is not a JSON object", "a schema file must hold one JSON object"));
            return;
        }

        CheckSchemaObject(document, root, []);
    }

    private void CheckSchemaObject(SchemaDocument document, JObject schema, string[] pointer)
    {
        foreach (JProperty keyword in schema.Properties())
        {
            string[] at = Append(pointer, keyword.Name);
            if (UnsupportedKeywords.Contains(keyword.Name, StringComparer.Ordinal))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), keyword.Name, UnsupportedReason(keyword.Name)));
                continue;
            }

            switch (keyword.Name)
            {
                case "$id" when pointer.Length > 0:
                    _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), "$id", "an $id inside a schema (an embedded resource) is not supported; give that schema a file of its own, with the $id at its root"));
                    break;
                case "$id" when keyword.Value.Type != JTokenType.String || !Uri.TryCreate((string)keyword.Value!, UriKind.Absolute, out _):
                    _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), "$id", "a schema's $id must be an absolute URI, such as urn:example:risk-assessment or https://example.com/schemas/risk-assessment.json"));
                    break;
                case "$ref":
                    CheckReference(document, keyword.Value, at);
                    break;
                case "additionalProperties" when keyword.Value is JObject valueSchema:
                    if (schema["properties"] is JObject { HasValues: true })
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), "additionalProperties", "an object with both properties and a schema for additional properties has no one C# shape: use properties (a record) or additionalProperties alone (a map)"));
                    }
                    else
                    {
                        CheckSchemaObject(document, valueSchema, at); // a map: its value schema is checked like any other
                    }

                    break;
                case "additionalProperties" when keyword.Value.Type != JTokenType.Boolean || !(bool)keyword.Value!:
                    _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), "additionalProperties", "Antom adds fields over time, so every contract object must accept unknown properties"));
                    break;
                case "properties" or "definitions":
                    if (keyword.Value is JObject children)
                    {
                        foreach (JProperty child in children.Properties())
                        {
                            if (child.Value is JObject childSchema)
                            {
                                CheckSchemaObject(document, childSchema, Append(at, child.Name));
                            }
                            else
                            {
                                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(Append(at, child.Name)), child.Name, "a schema must be a JSON object"));
                            }
                        }
                    }

                    break;
                case "allOf" or "oneOf" or "anyOf":
                    CheckComposition(document, schema, keyword, at);
                    break;
                case "items":
                    if (keyword.Value is JObject item)
                    {
                        CheckSchemaObject(document, item, at);
                    }
                    else
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), "items", "only a single items schema (one element type) is supported"));
                    }

                    break;
            }
        }
    }

    private void CheckReference(SchemaDocument document, JToken value, string[] at)
    {
        if (value.Type != JTokenType.String)
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), "$ref", "a $ref must be a string"));
            return;
        }

        string reference = (string)value!;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        SchemaDocument current = document;
        string currentReference = reference;
        while (true)
        {
            (string filePart, string fragment) = SchemaPaths.SplitReference(currentReference);
            if (_set.ResolveFile(current.Path, filePart, out string? why) is not { } targetPath)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnresolvedReference, document.Locate(at), reference, why!));
                return;
            }

            SchemaDocument target = _set.Documents[targetPath];
            if (!TryParsePointer(fragment, out string[] pointer) || target.Find(pointer) is not JObject targetSchema)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnresolvedReference, document.Locate(at), reference, $"'#{fragment}' names nothing that is a schema in {System.IO.Path.GetFileName(target.File.Path)}"));
                return;
            }

            if (!visited.Add(target.Path + "#" + string.Join("/", pointer)))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ReferenceCycle, document.Locate(at), reference));
                return;
            }

            if (targetSchema.TryGetValue("$ref", StringComparison.Ordinal, out JToken? next) && next.Type == JTokenType.String)
            {
                current = target;
                currentReference = (string)next!;
                continue;
            }

            return;
        }
    }

    private bool ReferencesAny(SchemaDocument document, HashSet<string> broken)
    {
        if (broken.Count == 0)
        {
            return false;
        }

        return ((document.Root as JContainer)?.DescendantsAndSelf() ?? Enumerable.Empty<JToken>()).OfType<JProperty>()
            .Where(p => p.Name == "$ref" && p.Value.Type == JTokenType.String)
            .Select(p => SchemaPaths.SplitReference((string)p.Value!).FilePart)
            .Where(r => r.Length > 0)
            .Any(r => _set.ResolveFile(document.Path, r, out _) is { } path && broken.Contains(path));
    }

    // minimum, maximum, exclusiveMinimum, exclusiveMaximum: draft-07 numbers, each one a decimal exactly (they become
    // C# decimal literals), or a located ANTOM0003.
    private NumericBounds? Bounds(SchemaDocument document, JObject raw, string[] at)
    {
        string?[] values = new string?[4];
        string[] keywords = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"];
        for (int k = 0; k < keywords.Length; k++)
        {
            if (!raw.TryGetValue(keywords[k], out JToken? token))
            {
                continue;
            }

            if (token.Type is not (JTokenType.Integer or JTokenType.Float)
                || !decimal.TryParse(token.ToString(Newtonsoft.Json.Formatting.None), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal bound))
            {
                _ = Unsupported(document, Append(at, keywords[k]), keywords[k], token.Type == JTokenType.Boolean
                    ? "draft-07 takes a number here (the boolean form is draft-04); write \"exclusiveMinimum\": <number>"
                    : "a bound must be a number that a decimal holds");
                return null;
            }

            values[k] = bound.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new NumericBounds(values[0], values[1], values[2], values[3]);
    }

    // minItems / maxItems: a non-negative integer, or -1 when absent.
    private int? Count(SchemaDocument document, JObject raw, string[] at, string keyword)
    {
        if (!raw.TryGetValue(keyword, out JToken? token))
        {
            return -1;
        }

        if (token.Type != JTokenType.Integer || (long)token < 0 || (long)token > int.MaxValue)
        {
            _ = Unsupported(document, Append(at, keyword), keyword, "it must be a non-negative integer");
            return null;
        }

        return (int)(long)token;
    }

    // The value of an array element or a map entry. What the kind's emitter cannot write there is refused here, where
    // the location is known, rather than failing while emitting.
    private ValueModel? ElementValue(SchemaDocument document, SchemaNode schema, string[] pointer, string inlineName, SchemaDocument reportIn, string[] reportAt, string what)
    {
        ValueModel? value = BuildValue(document, schema, pointer, allowArray: false, inlineName);
        return value is not null && !Emitting.ValueEmitter.For(value.Kind).CanBeElement
            ? Unsupported(reportIn, reportAt, reportAt[reportAt.Length - 1], $"{what} cannot be a {Describe(value.Kind)}")
            : value;
    }

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Const => "const (a fixed value belongs on a property)",
        ValueKind.Array => "array",
        _ => kind.ToString(),
    };

    private static string UnsupportedReason(string keyword) => keyword switch
    {
        "id" => "draft-04's id; draft-07 spells it $id (allowed at a schema file's root)",
        "not" or "if" or "then" or "else" => "conditional schemas have no C# record shape",
        "multipleOf" or "uniqueItems" or "minProperties" or "maxProperties" => "the generator does not check it yet, and a rule it would silently skip is refused instead",
        _ => "composition and dynamic keys have no single C# record shape; give each shape its own titled schema",
    };

    // ---- model -----------------------------------------------------------------------------------------------------

    // Where a schema is written: a node read straight from the JSON knows; one NJsonSchema read is looked up in the index.
    private bool TryLocate(SchemaNode schema, out (SchemaDocument Document, string[] Pointer) location)
    {
        if (schema.Location is { } known)
        {
            location = known;
            return true;
        }

        return _locations.TryGetValue(schema, out location);
    }

    private void Index(SchemaNode schema, SchemaDocument document, string[] pointer)
    {
        if (_locations.ContainsKey(schema))
        {
            return;
        }

        _locations[schema] = (document, pointer);
        foreach (KeyValuePair<string, SchemaNode> property in schema.Properties)
        {
            Index(property.Value, document, Append(pointer, "properties", property.Key));
        }

        // NJsonSchema appends the schemas other files contribute to a root's definitions; only the ones written in
        // this file are located here.
        foreach (KeyValuePair<string, SchemaNode> definition in schema.Definitions)
        {
            string[] at = Append(pointer, "definitions", definition.Key);
            if (document.Find(at) is JObject)
            {
                Index(definition.Value, document, at);
            }
        }

        if (schema.Item is not null)
        {
            Index(schema.Item, document, Append(pointer, "items"));
        }

        if (schema.AdditionalPropertiesSchema is { } mapValue)
        {
            Index(mapValue, document, Append(pointer, "additionalProperties"));
        }

        IndexBranches(schema.AllOf, "allOf", document, pointer);
        IndexBranches(schema.OneOf, "oneOf", document, pointer);
        IndexBranches(schema.AnyOf, "anyOf", document, pointer);
    }

    private void IndexBranches(IReadOnlyList<SchemaNode> branches, string keyword, SchemaDocument document, string[] pointer)
    {
        int i = 0;
        foreach (SchemaNode branch in branches)
        {
            Index(branch, document, Append(pointer, keyword, (i++).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private void AddTypes(List<TypeModel> types, SchemaDocument document, SchemaNode root)
    {
        AddType(types, document, root, []);
        foreach (KeyValuePair<string, SchemaNode> definition in root.Definitions)
        {
            string[] at = ["definitions", definition.Key];
            if (document.Find(at) is JObject)
            {
                // An untitled definition is named by its key, as a $ref to it is.
                AddType(types, document, definition.Value, at, string.IsNullOrEmpty(definition.Value.Title) ? Naming.ToPascalCase(definition.Key) : null);
            }
        }
    }

    private void AddType(List<TypeModel> types, SchemaDocument document, SchemaNode schema, string[] pointer, string? untitledName = null)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        JObject raw = (JObject)document.Find(pointer)!;
        if (raw.ContainsKey("$ref") || raw.ContainsKey("x-antom-runtime-type"))
        {
            CheckRuntimeType(document, raw, pointer);
            return; // an alias of another schema, or a hand-written runtime type
        }

        if (raw["additionalProperties"] is JObject && raw["properties"] is not JObject { HasValues: true })
        {
            return; // a map is a ValueMap<T> where it is used, not a type of its own
        }

        if (IsUnion(schema))
        {
            if ((untitledName is not null && string.IsNullOrEmpty(schema.Title) ? CheckGivenName(document, untitledName, pointer) : CheckTypeName(document, schema, pointer)) is { } unionName)
            {
                AddUnion(types, document, schema, pointer, unionName);
            }

            return;
        }

        if (IsAlias(schema, raw))
        {
            return; // allOf of one schema, or X-or-null: it stands for that schema where it is used
        }

        bool isObject = IsObject(schema);
        bool isEnum = raw.ContainsKey("enum") && !raw.ContainsKey("const");
        bool isOpenSet = raw.ContainsKey("x-antom-known-values");
        if (!isObject && !isEnum && !isOpenSet)
        {
            if (raw.ContainsKey("properties"))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(Append(pointer, "properties")), "properties", "a schema with properties must say \"type\": \"object\""));
            }

            return; // a reusable plain value (a string with rules): it is inlined where it is used
        }

        string? name = untitledName is not null && string.IsNullOrEmpty(schema.Title) ? CheckGivenName(document, untitledName, pointer) : CheckTypeName(document, schema, pointer);
        if (name is null)
        {
            return;
        }

        string file = System.IO.Path.GetFileName(document.File.Path);
        if (isObject)
        {
            ImmutableEquatableArray<PropertyModel> properties = BuildProperties(document, schema, pointer, name);
            types.Add(new RecordModel(_options.Namespace, name, schema.Description, file, document.File.Path, properties, RequiredAlternatives: RequiredAlternatives(document, raw, pointer, properties)));
        }
        else if (BuildMembers(document, raw, pointer, name, isOpenSet) is { } members)
        {
            bool exhaustive = raw.TryGetValue("x-antom-exhaustive", out JToken? marker) && marker.Type == JTokenType.Boolean && (bool)marker!;
            types.Add(new EnumModel(_options.Namespace, name, schema.Description, file, document.File.Path, isOpenSet, exhaustive, schema.MaxLength ?? -1, members));
        }
    }

    private void CheckRuntimeType(SchemaDocument document, JObject raw, string[] pointer)
    {
        if (raw.TryGetValue("x-antom-runtime-type", out JToken? runtime) && (runtime.Type != JTokenType.String || (string)runtime! != "Money"))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(Append(pointer, "x-antom-runtime-type")), "x-antom-runtime-type: " + runtime.ToString(Newtonsoft.Json.Formatting.None), "the only runtime type is \"Money\""));
        }
    }

    // The name given to an untitled definition or inline schema: it must be a usable identifier, like a title.
    private string? CheckGivenName(SchemaDocument document, string name, string[] pointer)
    {
        if (Naming.IsUsableIdentifier(name))
        {
            return name;
        }

        _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidName, document.Locate(pointer), "Type name", name, "an untitled schema is named after its definition, or its parent and property, and this name is not a usable identifier; give the schema a title"));
        return null;
    }

    // The type of an object, enum or union schema where it is used: its title; untitled, a definition is named by its
    // key and an inline schema by its parent type and property (Payment.order → PaymentOrder; its array items →
    // PaymentOrderItem). Roots and definitions are added by AddTypes; an inline type is added here, once.
    private string TypeNameAt(SchemaDocument document, SchemaNode schema, string[] pointer, string inlineName)
    {
        bool titled = !string.IsNullOrEmpty(schema.Title);
        bool isDefinition = pointer.Length == 2 && pointer[0] == "definitions";
        string name = titled ? schema.Title! : isDefinition ? Naming.ToPascalCase(pointer[1]) : inlineName;
        if (pointer.Length > 0 && !isDefinition && !ShippedSchemas.IsShipped(document) && _inlineTypes.Add(document.Path + "#" + string.Join("/", pointer)))
        {
            AddType(_types, document, schema, pointer, titled ? null : name);
        }

        return name;
    }

    // A type defined in a shipped contract is the shipped runtime type, never a generated copy.
    private static string? ShippedNamespace(SchemaDocument document) => ShippedSchemas.IsShipped(document) ? ShippedSchemas.Namespace : null;

    private string? CheckTypeName(SchemaDocument document, SchemaNode schema, string[] pointer)
    {
        string? title = schema.Title;
        if (string.IsNullOrEmpty(title))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidName, document.Locate(pointer), "Type name", string.Empty, "the schema has no title, and the title is the C# type name"));
            return null;
        }

        if (!Naming.IsUsableIdentifier(title!))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidName, document.Locate(Append(pointer, "title")), "Title", title!, "a title becomes the C# type name, so it must be a valid identifier and not a keyword"));
            return null;
        }

        return title;
    }

    private ImmutableEquatableArray<PropertyModel> BuildProperties(SchemaDocument document, SchemaNode schema, string[] pointer, string typeName)
    {
        var properties = new List<PropertyModel>();
        var byCSharpName = new Dictionary<string, string>(StringComparer.Ordinal);
        (List<DeclaredProperty> declared, HashSet<string> required) = Flatten(document, schema, pointer, typeName);
        foreach (DeclaredProperty entry in declared)
        {
            string[] at = entry.Pointer;
            string csharpName = Naming.ToPascalCase(entry.Name);
            if (!Naming.IsUsableIdentifier(csharpName) || Naming.IsReservedRecordMember(csharpName) || csharpName == typeName)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidName, entry.Document.Locate(at), "Property", entry.Name, $"its C# name '{csharpName}' is empty, a keyword, a member every record has, or the name of the record itself"));
                continue;
            }

            if (byCSharpName.TryGetValue(csharpName, out string? other))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateMember, entry.Document.Locate(at), other, entry.Name, csharpName, typeName));
                continue;
            }

            ValueModel? value = BuildValue(entry.Document, entry.Schema, at, allowArray: true, typeName + csharpName, out bool nullable);
            if (value is null)
            {
                continue;
            }

            byCSharpName[csharpName] = entry.Name;
            string? description = entry.Schema.Description ?? entry.Schema.ActualSchema.Description;
            properties.Add(new PropertyModel(entry.Name, csharpName, description, required.Contains(entry.Name), value, nullable));
        }

        return properties.ToEquatableArray();
    }

    private ValueModel? BuildValue(SchemaDocument document, SchemaNode property, string[] at, bool allowArray, string inlineName)
    {
        ValueModel? value = BuildValue(document, property, at, allowArray, inlineName, out bool nullable);
        return value is not null && nullable
            ? Unsupported(document, at, at[at.Length - 1], "an array element cannot be null; leave \"null\" out of the items' type")
            : value;
    }

    private ValueModel? BuildValue(SchemaDocument document, SchemaNode property, string[] at, bool allowArray, string inlineName, out bool nullable)
    {
        SchemaNode actual = property.ActualSchema;
        nullable = false;
        if (!TryLocate(actual, out var target))
        {
            target = (document, at);
        }

        var raw = target.Document.Find(target.Pointer) as JObject ?? new JObject();
        string what = at[at.Length - 1];

        if (raw.ContainsKey("x-antom-runtime-type"))
        {
            return new ValueModel(ValueKind.Money);
        }

        if (raw.TryGetValue("x-antom-raw-json", out JToken? rawJson) && rawJson.Type == JTokenType.Boolean && (bool)rawJson!)
        {
            // Carried byte for byte; a "type": "object" still holds (any other type is not checked, and is refused).
            if (actual.Type is not (SchemaTypes.None or SchemaTypes.Object))
            {
                return Unsupported(document, at, what, "x-antom-raw-json carries an object (\"type\": \"object\") or any JSON value (no type); another type would not be checked");
            }

            return new ValueModel(ValueKind.Raw, RawObject: actual.Type == SchemaTypes.Object);
        }

        if (raw.TryGetValue("const", out JToken? constant))
        {
            if (constant.Type != JTokenType.String)
            {
                return Unsupported(document, at, what, "only a string const is supported");
            }

            return new ValueModel(ValueKind.Const, ConstValue: (string)constant!);
        }

        if (WrapperExtra(raw) is { } extra && !(extra is "properties" or "required" or "type" && raw["allOf"] is JArray))
        {
            // allOf of one schema, or a schema or null, with a rule beside it: the rule would be dropped with the wrapper.
            return Unsupported(target.Document, Append(target.Pointer, extra), extra, "a rule beside allOf/oneOf/anyOf that wraps one schema would be dropped: write it inside the wrapped schema");
        }

        if (AliasTarget(actual, raw) is { } alias)
        {
            // allOf of one schema (a $ref with a description beside it), or oneOf/anyOf of a schema and null.
            ValueModel? aliased = BuildValue(target.Document, alias.Branch, Append(target.Pointer, alias.Keyword, alias.Index), allowArray, inlineName, out bool aliasNullable);
            nullable = aliasNullable || alias.OrNull;
            return aliased;
        }

        if (IsUnion(actual))
        {
            return new ValueModel(ValueKind.Record, TypeNameAt(target.Document, actual, target.Pointer, inlineName), TypeNamespace: ShippedNamespace(target.Document));
        }

        SchemaTypes type = actual.Type;
        if (type == SchemaTypes.None && IsObject(actual))
        {
            type = SchemaTypes.Object; // properties and allOf branches with no "type" of their own
        }

        if (type != SchemaTypes.Null && type.HasFlag(SchemaTypes.Null))
        {
            // "type": ["X", "null"]: X, and null is allowed.
            nullable = true;
            type &= ~SchemaTypes.Null;
        }

        if (Flag(target.Document, raw, target.Pointer, "x-antom-sensitive", type == SchemaTypes.String && !raw.ContainsKey("format") && !raw.ContainsKey("enum") && !raw.ContainsKey("x-antom-known-values"), "it marks a plain string (no format, enum or known values)") is not { } sensitive
            || Flag(target.Document, raw, target.Pointer, "x-antom-number-or-string", type is SchemaTypes.Integer or SchemaTypes.Number, "it belongs on an integer or number") is not { } numberOrString)
        {
            return null;
        }

        if (type is SchemaTypes.Integer or SchemaTypes.Number)
        {
            return Bounds(target.Document, raw, target.Pointer) is { } bounds
                ? new ValueModel(type == SchemaTypes.Integer ? ValueKind.Integer : ValueKind.Number, Bounds: bounds.IsEmpty ? null : bounds, NumberOrString: numberOrString)
                : null;
        }

        if (type == SchemaTypes.Object && raw["additionalProperties"] is JObject && raw["properties"] is not JObject { HasValues: true })
        {
            // A map: string keys, values of one schema.
            if (actual.AdditionalPropertiesSchema is not { } valueSchema)
            {
                return Unsupported(document, at, what, "a map needs one value schema");
            }

            ValueModel? mapValue = ElementValue(target.Document, valueSchema, Append(target.Pointer, "additionalProperties"), inlineName + "Value", document, Append(at, "additionalProperties"), "a map value");
            return mapValue is null ? null : new ValueModel(ValueKind.Map, Item: mapValue);
        }

        if (type == SchemaTypes.Object)
        {
            if (raw.ContainsKey("x-antom-known-values"))
            {
                return Unsupported(document, at, what, "x-antom-known-values belongs on a string schema");
            }

            return new ValueModel(ValueKind.Record, TypeNameAt(target.Document, actual, target.Pointer, inlineName), TypeNamespace: ShippedNamespace(target.Document));
        }

        if (type == SchemaTypes.Array)
        {
            if (!allowArray)
            {
                return Unsupported(document, at, what, "arrays of arrays are not supported");
            }

            if (actual.Item is null)
            {
                return Unsupported(document, at, what, "an array needs one items schema (its element type)");
            }

            if (Count(target.Document, raw, target.Pointer, "minItems") is not { } minItems || Count(target.Document, raw, target.Pointer, "maxItems") is not { } maxItems)
            {
                return null;
            }

            ValueModel? item = ElementValue(document, actual.Item, Append(at, "items"), inlineName + "Item", document, Append(at, "items"), "an array element");

            return item is null ? null : new ValueModel(ValueKind.Array, Item: item, MinItems: minItems, MaxItems: maxItems);
        }

        if (type == SchemaTypes.Boolean)
        {
            return new ValueModel(ValueKind.Boolean);
        }

        if (type == SchemaTypes.String)
        {
            if (raw.ContainsKey("enum") || raw.ContainsKey("x-antom-known-values"))
            {
                return new ValueModel(
                    raw.ContainsKey("enum") ? ValueKind.ClosedEnum : ValueKind.OpenSet,
                    TypeNameAt(target.Document, actual, target.Pointer, inlineName),
                    TypeNamespace: ShippedNamespace(target.Document));
            }

            string? checkedFormat = null;
            if (actual.Format is { Length: > 0 } format)
            {
                switch (format)
                {
                    case "date-time":
                        return new ValueModel(ValueKind.DateTime);
                    case "date" or "uuid" or "uri":
                        checkedFormat = format; // checked on read and before writing
                        break;
                    case "email":
                        break; // an annotation: documented as unchecked, never half-checked
                    default:
                        return Unsupported(document, at, what, $"format '{format}' is not supported; date-time, date, uuid and uri are checked, email is an annotation");
                }
            }

            return new ValueModel(ValueKind.String, MaxLength: actual.MaxLength ?? -1, Pattern: string.IsNullOrEmpty(actual.Pattern) ? null : actual.Pattern, MinLength: actual.MinLength is > 0 and int min ? min : -1, Format: checkedFormat, Sensitive: sensitive);
        }

        return Unsupported(document, at, what, type == SchemaTypes.None
            ? "a property needs a type (or a $ref to a schema that has one)"
            : $"type '{type.ToString().ToLowerInvariant()}' is not supported; Antom carries numbers and amounts as strings");
    }

    private ImmutableEquatableArray<EnumMemberModel>? BuildMembers(SchemaDocument document, JObject raw, string[] pointer, string typeName, bool open)
    {
        string valuesKeyword = open ? "x-antom-known-values" : "enum";
        if (raw[valuesKeyword] is not JArray values || values.Any(v => v.Type != JTokenType.String))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(Append(pointer, valuesKeyword)), valuesKeyword, "the values must be an array of strings"));
            return null;
        }

        JArray? names = raw["x-enumNames"] as JArray;
        JArray? descriptions = raw["x-enumDescriptions"] as JArray;
        if ((names is not null && names.Count != values.Count) || (descriptions is not null && descriptions.Count != values.Count))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(Append(pointer, names is not null && names.Count != values.Count ? "x-enumNames" : "x-enumDescriptions")), typeName, "x-enumNames and x-enumDescriptions must have one entry per value"));
            return null;
        }

        var members = new List<EnumMemberModel>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        bool ok = true;
        for (int i = 0; i < values.Count; i++)
        {
            string value = (string)values[i]!;
            string name = names is not null ? (string?)names[i] ?? string.Empty : Naming.ToPascalCase(value);
            string[] at = Append(pointer, names is not null ? "x-enumNames" : valuesKeyword, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!Naming.IsUsableIdentifier(name) || name == typeName || (open && name is "Value" or "IsKnown" or "IsDefault" or "Known" or "Equals" or "GetHashCode" or "ToString"))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidName, document.Locate(at), "Member name", name, $"the value \"{value}\" needs a C# member name; give one in x-enumNames"));
                ok = false;
                continue;
            }

            if (!seenValues.Add(value) || seen.TryGetValue(name, out _))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateMember, document.Locate(at), seen.TryGetValue(name, out string? first) ? first : value, value, name, typeName));
                ok = false;
                continue;
            }

            seen[name] = value;
            members.Add(new EnumMemberModel(name, value, descriptions is null ? null : (string?)descriptions[i]));
        }

        return ok ? members.ToEquatableArray() : null;
    }

    // A boolean extension keyword: absent → false; true only where it applies; anything else a located ANTOM0003.
    private bool? Flag(SchemaDocument document, JObject raw, string[] pointer, string keyword, bool applies, string where)
    {
        if (!raw.TryGetValue(keyword, out JToken? token))
        {
            return false;
        }

        if (token.Type != JTokenType.Boolean)
        {
            _ = Unsupported(document, Append(pointer, keyword), keyword, "it takes true or false");
            return null;
        }

        if ((bool)token! && !applies)
        {
            _ = Unsupported(document, Append(pointer, keyword), keyword, where);
            return null;
        }

        return (bool)token!;
    }

    private ValueModel? Unsupported(SchemaDocument document, string[] at, string what, string why)
    {
        _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), what, why));
        return null;
    }

    // Types whose names collide, or records that use a type that will not be emitted, are left out: generated code
    // must always compile, and the reason is already a diagnostic.
    private List<TypeModel> RemoveUnusable(List<TypeModel> types)
    {
        var byName = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        var kept = new List<TypeModel>();
        foreach (TypeModel type in types)
        {
            if (byName.TryGetValue(type.Name, out TypeModel? first))
            {
                // Located by the full path: two schemas of the same file name in different folders are two documents.
                SchemaDocument document = _set.Documents.Values.First(d => d.File.Path == type.SchemaPath);
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateTitle, LocateTitle(document, type.Name), type.Name, first.SchemaPath));
                continue;
            }

            byName[type.Name] = type;
            kept.Add(type);
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (TypeModel type in kept.ToList())
            {
                bool usable = type switch
                {
                    RecordModel record => record.Properties.All(p => IsAvailable(p.Value, byName))
                                          && (record.Union is null || byName.TryGetValue(record.Union, out TypeModel? union) && union is UnionModel),
                    UnionModel union => union.Branches.All(b => byName.TryGetValue(b.TypeName, out TypeModel? branch) && branch is RecordModel { Union: { } u } && u == union.Name),
                    _ => true,
                };
                if (!usable)
                {
                    kept.Remove(type);
                    byName.Remove(type.Name);
                    changed = true;
                }
            }
        }

        return kept;
    }

    private static bool IsAvailable(ValueModel value, Dictionary<string, TypeModel> byName) => value.TypeNamespace is not null || value.Kind switch
    {
        ValueKind.Record => byName.TryGetValue(value.TypeName!, out TypeModel? t) && t is RecordModel or UnionModel,
        ValueKind.ClosedEnum => byName.TryGetValue(value.TypeName!, out TypeModel? t) && t is EnumModel { IsOpen: false },
        ValueKind.OpenSet => byName.TryGetValue(value.TypeName!, out TypeModel? t) && t is EnumModel { IsOpen: true },
        ValueKind.Array or ValueKind.Map => IsAvailable(value.Item!, byName),
        _ => true,
    };

    private static LocationInfo LocateTitle(SchemaDocument document, string title)
    {
        if (document.Root is JObject root && root["definitions"] is JObject definitions)
        {
            foreach (JProperty definition in definitions.Properties())
            {
                if (definition.Value is JObject d && d["title"] is JValue { Type: JTokenType.String } t && (string)t! == title)
                {
                    return document.Locate(["definitions", definition.Name, "title"]);
                }
            }
        }

        return document.Locate(["title"]);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    internal static bool TryParsePointer(string fragment, out string[] pointer)
    {
        if (fragment.Length == 0)
        {
            pointer = [];
            return true;
        }

        if (fragment[0] != '/')
        {
            pointer = [];
            return false;
        }

        pointer = fragment.Substring(1).Split('/').Select(s => Uri.UnescapeDataString(s).Replace("~1", "/").Replace("~0", "~")).ToArray();
        return true;
    }

    internal static string[] Append(string[] pointer, params string[] more)
    {
        var result = new string[pointer.Length + more.Length];
        pointer.CopyTo(result, 0);
        more.CopyTo(result, pointer.Length);
        return result;
    }

    private static string Describe(Exception e)
    {
        string? frame = e.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        return e.GetType().Name + ": " + e.Message.TrimEnd('.') + (frame is null ? string.Empty : " (" + frame + ")");
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
