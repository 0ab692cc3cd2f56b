using System;
using System.Collections.Generic;
using System.Linq;
using Antom.Contracts.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;

namespace Antom.Contracts.Generator.Parsing;

/// <content>
/// Composition: <c>allOf</c> flattens into one record; <c>oneOf</c> with a <c>const</c> discriminator becomes a union
/// (an abstract record and one sealed record per branch); <c>allOf</c> of one schema, and <c>oneOf</c>/<c>anyOf</c> of a
/// schema and <c>null</c>, stand for that schema.
/// </content>
internal sealed partial class SchemaParser
{
    private static readonly string[] Annotations = ["description", "title", "$comment", "examples", "default"];

    // What may stand beside a union's oneOf: annotations, its definitions, and "type": "object".
    private static readonly string[] UnionSiblings = ["oneOf", "type", "title", "description", "$comment", "examples", "default", "readOnly", "writeOnly", "$schema", "$id", "definitions"];

    // Branch record name → the union it derives from, applied once every type is built.
    private readonly Dictionary<string, (string Union, string Discriminator)> _unionOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocationInfo> _unionAt = new(StringComparer.Ordinal);

    /// <summary>A property as declared by an object schema or one of its <c>allOf</c> parts, where it is written.</summary>
    private sealed record DeclaredProperty(string Name, SchemaNode Schema, SchemaDocument Document, string[] Pointer);

    // ---- structure ---------------------------------------------------------------------------------------------------

    private void CheckComposition(SchemaDocument document, JObject schema, JProperty keyword, string[] at)
    {
        if (keyword.Value is not JArray { Count: > 0 } branches || branches.Any(b => b is not JObject))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), keyword.Name, "it must be a non-empty array of schemas"));
            return;
        }

        int nulls = branches.Count(IsNullSchema);
        if (keyword.Name != "allOf" && nulls > 0 && (nulls != 1 || branches.Count != 2))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), keyword.Name, "null pairs with exactly one other schema ([X, {\"type\": \"null\"}], a nullable X); a union that may also be null is a nullable property of the union's type"));
            return;
        }

        if (keyword.Name == "anyOf" && nulls == 0 && branches.All(IsRequiredList))
        {
            return; // "at least one of these is given": checked when the record is built
        }

        if (keyword.Name == "anyOf" && nulls == 0)
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), "anyOf", "a value that may match several branches at once has no single C# type; use oneOf with a const discriminator property (a union), allOf (one record), or [X, {\"type\": \"null\"}]"));
            return;
        }

        if (keyword.Name == "oneOf" && nulls == 0 && schema.Properties().Select(p => p.Name).FirstOrDefault(k => !UnionSiblings.Contains(k, StringComparer.Ordinal)) is { } extra)
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(Append(at.Take(at.Length - 1).ToArray(), extra)), extra, "a rule beside a union's oneOf would belong to no branch and be dropped: write it in every branch (an allOf of a shared schema in each)"));
            return;
        }

        if (keyword.Name != "allOf" && (schema.ContainsKey("properties") || schema.ContainsKey("allOf") && keyword.Name == "oneOf"))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), keyword.Name, "a union's own properties would belong to no branch; declare them in every branch (an allOf of a shared schema in each)"));
            return;
        }

        for (int i = 0; i < branches.Count; i++)
        {
            CheckSchemaObject(document, (JObject)branches[i], Append(at, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    // {"required": ["paymentId"]}: an alternative of an anyOf that says which members must be given.
    private static bool IsRequiredList(JToken branch)
        => branch is JObject o && o.Count == 1 && o["required"] is JArray { Count: > 0 } names && names.All(n => n.Type == JTokenType.String);

    private static bool IsNullSchema(JToken branch)
        => branch is JObject o && o.Count == 1 && o["type"] is JValue { Type: JTokenType.String } t && (string)t! == "null";

    // ---- shapes ------------------------------------------------------------------------------------------------------

    /// <summary>A <c>oneOf</c> of two or more schemas, none of them <c>null</c>: a union.</summary>
    private static bool IsUnion(SchemaNode schema) => schema.OneOf.Count >= 2 && !schema.OneOf.Any(b => b.ActualSchema.Type == SchemaTypes.Null);

    private static bool IsAlias(SchemaNode schema, JObject raw) => AliasTarget(schema, raw) is not null;

    /// <summary>
    /// What a schema stands for when it only wraps another: <c>allOf</c> of one schema with nothing beside it but
    /// annotations (a <c>$ref</c> with its own description), or <c>oneOf</c>/<c>anyOf</c> of a schema and <c>null</c>.
    /// </summary>
    private static (SchemaNode Branch, string Keyword, string Index, bool OrNull)? AliasTarget(SchemaNode schema, JObject raw)
    {
        if (schema.Type != SchemaTypes.None || raw.ContainsKey("properties") || raw.ContainsKey("required") || WrapperExtra(raw) is not null)
        {
            return null;
        }

        if (schema.AllOf.Count == 1 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0 && string.IsNullOrEmpty(schema.Title))
        {
            return (schema.AllOf[0], "allOf", "0", false);
        }

        foreach ((IReadOnlyList<SchemaNode> branches, string keyword) in new[] { (schema.OneOf, "oneOf"), (schema.AnyOf, "anyOf") })
        {
            if (branches.Count == 2 && schema.AllOf.Count == 0)
            {
                SchemaNode[] pair = branches.ToArray();
                int nullAt = Array.FindIndex(pair, b => b.ActualSchema.Type == SchemaTypes.Null);
                if (nullAt >= 0 && pair[1 - nullAt].ActualSchema.Type != SchemaTypes.Null)
                {
                    return (pair[1 - nullAt], keyword, (1 - nullAt).ToString(System.Globalization.CultureInfo.InvariantCulture), true);
                }
            }
        }

        return null;
    }

    // Beside a wrapper (allOf of one schema, or a schema or null), only annotations may stand: a rule there would
    // apply to the wrapper, which the generator reads as the schema it wraps, and would be dropped.
    private static readonly string[] WrapperSiblings = ["allOf", "oneOf", "anyOf", "description", "title", "$comment", "examples", "default", "readOnly", "writeOnly", "$schema", "definitions"];

    /// <summary>The first keyword beside a wrapper that is not an annotation, or null.</summary>
    private static string? WrapperExtra(JObject raw)
    {
        bool isWrapper = (raw["allOf"] is JArray { Count: 1 } && !raw.ContainsKey("oneOf") && !raw.ContainsKey("anyOf"))
                         || ((raw["oneOf"] ?? raw["anyOf"]) is JArray { Count: 2 } pair && pair.Count(IsNullSchema) == 1 && !raw.ContainsKey("allOf"));
        return isWrapper ? raw.Properties().Select(p => p.Name).FirstOrDefault(k => !WrapperSiblings.Contains(k, StringComparer.Ordinal)) : null;
    }

    /// <summary>
    /// An object: <c>"type": "object"</c>, or <c>allOf</c> parts with no <c>type</c> of its own (a composition is read
    /// as a record; a part that is not an object is then refused where it is written).
    /// </summary>
    private static bool IsObject(SchemaNode schema)
        => !IsUnion(schema) && (schema.Type.HasFlag(SchemaTypes.Object) || (schema.Type == SchemaTypes.None && schema.AllOf.Count > 0));

    // A part of an object: an object schema, or one with only properties, required names or allOf parts of its own.
    private static bool IsObjectPart(SchemaNode part)
        => part.OneOf.Count == 0 && !part.IsEnumeration && part.AdditionalPropertiesSchema is null && !part.HasExtension("x-antom-raw-json")
           && (part.Type.HasFlag(SchemaTypes.Object) || (part.Type == SchemaTypes.None && (part.Properties.Count > 0 || part.RequiredProperties.Count > 0 || part.AllOf.Count > 0)));

    // ---- allOf -------------------------------------------------------------------------------------------------------

    /// <summary>
    /// The properties of an object schema with its <c>allOf</c> parts flattened in, parts first (the schema extends
    /// them), and the names any part requires. The same name declared twice alike is one property; declared
    /// differently, the later one is a located ANTOM0010.
    /// </summary>
    private (List<DeclaredProperty> Declared, HashSet<string> Required) Flatten(SchemaDocument document, SchemaNode schema, string[] pointer, string typeName)
    {
        var declared = new List<DeclaredProperty>();
        var byName = new Dictionary<string, DeclaredProperty>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<SchemaNode>();
        var requiredAt = new Dictionary<string, (SchemaDocument Document, string[] Pointer)>(StringComparer.Ordinal);
        Collect(document, schema, pointer);
        foreach (string name in required.Where(n => !byName.ContainsKey(n)).OrderBy(n => n, StringComparer.Ordinal))
        {
            // A required name no part declares has no type to read it as: refused, never silently not enforced.
            (SchemaDocument where, string[] at) = requiredAt[name];
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, where.Locate(at), name, $"it is required in {typeName}, but no properties (of the schema or its allOf parts) declare it; declare it, so that it has a type"));
        }

        return (declared, required);

        void Collect(SchemaDocument document, SchemaNode schema, string[] pointer)
        {
            if (!visited.Add(schema))
            {
                return; // a part reached twice (a diamond, or a cycle) contributes once
            }

            int i = 0;
            foreach (SchemaNode branch in schema.AllOf)
            {
                string[] at = Append(pointer, "allOf", (i++).ToString(System.Globalization.CultureInfo.InvariantCulture));
                SchemaNode part = branch.ActualSchema;
                if (!IsObjectPart(part))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), "allOf", $"every part of the object {typeName} must be an object schema (properties, required, or a $ref to an object); a union or a plain value cannot be merged into a record"));
                    continue;
                }

                (SchemaDocument partDocument, string[] partPointer) = TryLocate(part, out var location) ? location : (document, at);
                if (part.AnyOf.Count > 0 && !ReferenceEquals(part, schema))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, partDocument.Locate(Append(partPointer, "anyOf")), "anyOf", $"an anyOf of required lists belongs on the record {typeName} itself, not on one of its allOf parts"));
                    continue;
                }

                Collect(partDocument, part, partPointer);
            }

            foreach (string name in schema.RequiredProperties)
            {
                required.Add(name);
                if (!requiredAt.ContainsKey(name))
                {
                    requiredAt[name] = (document, Append(pointer, "required"));
                }
            }

            foreach (KeyValuePair<string, SchemaNode> entry in schema.Properties)
            {
                var property = new DeclaredProperty(entry.Key, entry.Value, document, Append(pointer, "properties", entry.Key));
                if (byName.TryGetValue(entry.Key, out DeclaredProperty? first))
                {
                    if (!SameDefinition(first.Schema, entry.Value))
                    {
                        LinePosition where = first.Document.Locate(first.Pointer).LineSpan.Start;
                        _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ConflictingProperty, document.Locate(property.Pointer), entry.Key, typeName, $"{System.IO.Path.GetFileName(first.Document.File.Path)}({where.Line + 1},{where.Character + 1})"));
                    }

                    continue;
                }

                byName[entry.Key] = property;
                declared.Add(property);
            }
        }
    }

    // Two declarations of one property agree when they are the same schema, or the same JSON apart from annotations.
    private bool SameDefinition(SchemaNode a, SchemaNode b)
    {
        if (ReferenceEquals(a.ActualSchema, b.ActualSchema))
        {
            return true;
        }

        return RawOf(a.ActualSchema) is { } rawA && RawOf(b.ActualSchema) is { } rawB && JToken.DeepEquals(WithoutAnnotations(rawA), WithoutAnnotations(rawB));
    }

    private JObject? RawOf(SchemaNode actual)
        => TryLocate(actual, out var location) ? location.Document.Find(location.Pointer) as JObject : null;

    private static JObject WithoutAnnotations(JObject raw)
    {
        var copy = (JObject)raw.DeepClone();
        foreach (string annotation in Annotations)
        {
            copy.Remove(annotation);
        }

        return copy;
    }

    // ---- anyOf of required lists -------------------------------------------------------------------------------------

    // "anyOf": [{"required": ["paymentId"]}, {"required": ["paymentRequestId"]}]: at least one list complete. Every
    // name must be a member of the record that can be absent (a required member makes its alternative always true).
    private ImmutableEquatableArray<ImmutableEquatableArray<string>>? RequiredAlternatives(SchemaDocument document, JObject raw, string[] pointer, ImmutableEquatableArray<PropertyModel> properties)
    {
        if (raw["anyOf"] is not JArray branches || !branches.All(IsRequiredList))
        {
            return null;
        }

        var alternatives = new List<ImmutableEquatableArray<string>>();
        for (int i = 0; i < branches.Count; i++)
        {
            var names = ((JArray)branches[i]["required"]!).Select(n => (string)n!).ToList();
            for (int k = 0; k < names.Count; k++)
            {
                PropertyModel? member = properties.FirstOrDefault(p => p.JsonName == names[k]);
                if (member is null || member.Value.Kind == ValueKind.Const)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(Append(pointer, "anyOf", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "required", k.ToString(System.Globalization.CultureInfo.InvariantCulture))), names[k], "an anyOf of required lists may name only members the record declares (and not a const)"));
                    return null;
                }
            }

            alternatives.Add(names.ToEquatableArray());
        }

        return alternatives.ToEquatableArray();
    }

    // ---- oneOf -------------------------------------------------------------------------------------------------------

    private void AddUnion(List<TypeModel> types, SchemaDocument document, SchemaNode schema, string[] pointer, string name)
    {
        var parts = new List<(SchemaNode Schema, SchemaDocument Document, string[] Pointer, string[] At, Dictionary<string, string> Consts)>();
        int i = 0;
        foreach (SchemaNode branch in schema.OneOf)
        {
            string[] at = Append(pointer, "oneOf", (i++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            SchemaNode part = branch.ActualSchema;
            (SchemaDocument partDocument, string[] partPointer) = TryLocate(part, out var location) ? location : (document, at);
            if (!IsObject(part))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), "oneOf", $"every branch of the union {name} must be an object schema: a branch becomes a record that derives from {name}"));
                return;
            }

            if (ShippedSchemas.IsShipped(partDocument))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(at), "oneOf", $"a shipped contract cannot be a branch of {name}: its type is compiled already and cannot derive from a union declared here; make the branch an allOf of the shipped contract and a discriminator"));
                return;
            }

            var consts = new Dictionary<string, string>(StringComparer.Ordinal);
            CollectConsts(part, consts, new HashSet<SchemaNode>());
            parts.Add((part, partDocument, partPointer, at, consts));
        }

        string? discriminator = parts[0].Consts.Keys.FirstOrDefault(candidate =>
            parts.All(p => p.Consts.ContainsKey(candidate)) && parts.Select(p => p.Consts[candidate]).Distinct(StringComparer.Ordinal).Count() == parts.Count);
        if (discriminator is null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(Append(pointer, "oneOf")), "oneOf", $"{name} becomes a union only when every branch has one property with a different const (a discriminator, such as \"kind\": {{\"const\": \"CARD\"}}), so that reading can tell the branches apart"));
            return;
        }

        if (Naming.ToPascalCase(discriminator) == name || !Naming.IsUsableIdentifier(Naming.ToPascalCase(discriminator)) || Naming.IsReservedRecordMember(Naming.ToPascalCase(discriminator)))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidName, document.Locate(pointer), "Union name", name, $"the union's discriminator property '{discriminator}' would become the C# member '{Naming.ToPascalCase(discriminator)}', which is the union's own name, not an identifier, or a member every record has"));
            return;
        }

        var branches = new List<UnionBranchModel>();
        foreach (var part in parts)
        {
            string value = part.Consts[discriminator];
            string branchName = TypeNameAt(part.Document, part.Schema, part.Pointer, name + Naming.ToPascalCase(value));
            if (_unionOf.TryGetValue(branchName, out var other) && other.Union != name)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, document.Locate(part.At), "oneOf", $"{branchName} is a branch of {other.Union} already, and a record derives from one union only; give this union a branch of its own (an allOf of {branchName})"));
                return;
            }

            UnionBranchModel? same = branches.FirstOrDefault(b => b.TypeName == branchName);
            if (same is not null || branchName == name)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateMember, document.Locate(part.At), same?.Value ?? name, value, branchName, name));
                return;
            }

            branches.Add(new UnionBranchModel(branchName, value));
        }

        foreach (UnionBranchModel branch in branches)
        {
            _unionOf[branch.TypeName] = (name, discriminator);
        }

        _unionAt[name] = document.Locate(Append(pointer, "oneOf"));

        types.Add(new UnionModel(_options.Namespace, name, schema.Description, System.IO.Path.GetFileName(document.File.Path), document.File.Path, discriminator, Naming.ToPascalCase(discriminator), branches.ToEquatableArray()));
    }

    // The string consts of an object's properties, its allOf parts first, as the reader will see them.
    private void CollectConsts(SchemaNode schema, Dictionary<string, string> consts, HashSet<SchemaNode> visited)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        foreach (SchemaNode part in schema.AllOf)
        {
            CollectConsts(part.ActualSchema, consts, visited);
        }

        foreach (KeyValuePair<string, SchemaNode> entry in schema.Properties)
        {
            if (!consts.ContainsKey(entry.Key) && RawOf(entry.Value.ActualSchema)?["const"] is JValue { Type: JTokenType.String } constant)
            {
                consts[entry.Key] = (string)constant!;
            }
        }
    }

    // Each branch record learns its union once every type is built (a branch may be defined before its union).
    private void ApplyUnions(List<TypeModel> types)
    {
        // A branch whose merged record has no const discriminator (an allOf part declared it otherwise: ANTOM0010 says
        // where; or its name was refused) cannot override the union's: the union is reported and left out.
        foreach (RecordModel record in types.OfType<RecordModel>().ToList())
        {
            if (_unionOf.TryGetValue(record.Name, out var union) && !record.Properties.Any(p => p.JsonName == union.Discriminator && p.Value.Kind == ValueKind.Const)
                && types.FirstOrDefault(t => t is UnionModel && t.Name == union.Union) is { } broken)
            {
                types.Remove(broken);
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, _unionAt[union.Union], "oneOf", $"the branch {record.Name} of {union.Union} has no const '{union.Discriminator}' once its parts are merged, so nothing tells it apart"));
            }
        }

        for (int i = 0; i < types.Count; i++)
        {
            if (types[i] is RecordModel record && _unionOf.TryGetValue(record.Name, out var union) && types.Any(t => t is UnionModel && t.Name == union.Union))
            {
                types[i] = record with { Union = union.Union, Discriminator = union.Discriminator };
            }
        }
    }
}
