using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Antom.Contracts.Generator;

/// <summary>
/// The generator's diagnostic descriptors; their IDs come from the repository's one catalogue, eng/DiagnosticIds.cs.
/// Each points at the schema file, line and column it is about. See docs/diagnostics.md.
/// </summary>
internal static class Diagnostics
{
    private const string Category = "Antom.Schema";

    public static readonly DiagnosticDescriptor InvalidJson = Create(
        DiagnosticIds.InvalidJson, "Schema file is not valid JSON", "Schema file '{0}' is not valid JSON: {1}");

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        DiagnosticIds.UnresolvedReference, "$ref does not resolve", "$ref '{0}' does not resolve: {1}");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        DiagnosticIds.UnsupportedConstruct, "Unsupported schema construct", "'{0}' is not supported by the Antom.Contracts generator: {1}");

    public static readonly DiagnosticDescriptor DuplicateTitle = Create(
        DiagnosticIds.DuplicateTitle, "Two schemas define the same type", "The type '{0}' is defined twice: here and in {1}");

    public static readonly DiagnosticDescriptor InvalidName = Create(
        DiagnosticIds.InvalidName, "Name is not a usable C# identifier", "{0} '{1}' is not a usable C# identifier: {2}");

    public static readonly DiagnosticDescriptor ReferenceCycle = Create(
        DiagnosticIds.ReferenceCycle, "$ref cycle", "$ref '{0}' is part of a cycle of references that never reaches a schema");

    public static readonly DiagnosticDescriptor DuplicateMember = Create(
        DiagnosticIds.DuplicateMember, "Two members map to the same C# name", "'{0}' and '{1}' both become the C# member '{2}' of {3}");

    public static readonly DiagnosticDescriptor UnreadableSchema = Create(
        DiagnosticIds.UnreadableSchema, "Schema could not be read", "Schema file '{0}' could not be read as a JSON Schema: {1}");

    public static readonly DiagnosticDescriptor DuplicateSchemaId = Create(
        DiagnosticIds.DuplicateSchemaId, "Two schemas declare the same $id", "The $id '{0}' is declared twice: here and in {1}");

    public static readonly DiagnosticDescriptor ConflictingProperty = Create(
        DiagnosticIds.ConflictingProperty, "allOf parts define a property differently", "The property '{0}' of {1} is defined differently here and at {2}; the parts of an allOf must agree on every property they share");

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        DiagnosticIds.GeneratorFailure, "The generator failed", "The Antom.Contracts generator failed on '{0}': {1}. Please report this with the schema that caused it.");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        InvalidJson, UnresolvedReference, UnsupportedConstruct, DuplicateTitle, InvalidName, ReferenceCycle, DuplicateMember, UnreadableSchema, DuplicateSchemaId, ConflictingProperty, GeneratorFailure,
    }.ToDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> Catalogue => All.Values;

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Create(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
