using System;
using System.Collections.Generic;
using System.Linq;

namespace Antom.Contracts.Generator.Model;

/// <summary>Generator settings read from analyzer config (<c>build_property.*</c>).</summary>
/// <param name="Namespace">The namespace of the generated types.</param>
/// <param name="ResolverName">The name of the generated <c>IJsonTypeInfoResolver</c>.</param>
internal sealed record GeneratorOptions(string Namespace, string ResolverName)
{
    public const string DefaultNamespace = "Antom.Contracts.Generated";
    public const string DefaultResolverName = "ContractsJsonResolver";
}

/// <summary>
/// One schema AdditionalFile, identified by its path and the checksum of its text, not by the
/// <c>AdditionalText</c> object (which is new in every compilation).
/// </summary>
internal sealed class SchemaFile : IEquatable<SchemaFile>
{
    public SchemaFile(string path, string text, ImmutableEquatableArray<byte> checksum)
    {
        Path = path;
        Text = text;
        Checksum = checksum;
    }

    public string Path { get; }

    /// <summary>The text; not part of equality, which the checksum stands for.</summary>
    public string Text { get; }

    public ImmutableEquatableArray<byte> Checksum { get; }

    public bool Equals(SchemaFile? other)
        => other is not null && string.Equals(Path, other.Path, StringComparison.Ordinal) && Checksum.Equals(other.Checksum);

    public override bool Equals(object? obj) => Equals(obj as SchemaFile);

    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Path) * 397) ^ Checksum.GetHashCode());
}

/// <summary>What a JSON value maps to in C#.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    DateTime,
    Money,
    Raw,
    Record,
    ClosedEnum,
    OpenSet,
    Const,
    Array,
    Integer,
    Number,
    Map,
}

/// <summary>The C# shape of one JSON value, with the rules the serializer checks.</summary>
/// <param name="Kind">What it maps to.</param>
/// <param name="TypeName">The generated type's name for records, enums and open sets.</param>
/// <param name="MaxLength">The schema's <c>maxLength</c>, or -1.</param>
/// <param name="Pattern">The schema's <c>pattern</c> for a plain string, or null.</param>
/// <param name="ConstValue">The constant of a <see cref="ValueKind.Const"/>.</param>
/// <param name="Item">The element of an <see cref="ValueKind.Array"/>.</param>
/// <param name="MinLength">The schema's <c>minLength</c>, or -1.</param>
/// <param name="Bounds">The numeric bounds of an integer or number, or null.</param>
/// <param name="MinItems">The schema's <c>minItems</c> of an array, or -1.</param>
/// <param name="MaxItems">The schema's <c>maxItems</c> of an array, or -1.</param>
/// <param name="Format">A checked string <c>format</c> (<c>date</c>, <c>uuid</c>, <c>uri</c>), or null.</param>
/// <param name="TypeNamespace">The namespace of a type that is not generated here (a shipped contract's), or null.</param>
/// <param name="Sensitive">A string never shown in <c>ToString()</c> or error messages (<c>x-antom-sensitive</c>).</param>
/// <param name="NumberOrString">An integer or number also read from a JSON string holding one (<c>x-antom-number-or-string</c>).</param>
/// <param name="RawObject">Pass-through JSON (<c>x-antom-raw-json</c>) whose schema says <c>"type": "object"</c>: only an object passes.</param>
internal sealed record ValueModel(ValueKind Kind, string? TypeName = null, int MaxLength = -1, string? Pattern = null, string? ConstValue = null, ValueModel? Item = null, int MinLength = -1, NumericBounds? Bounds = null, int MinItems = -1, int MaxItems = -1, string? Format = null, string? TypeNamespace = null, bool Sensitive = false, bool NumberOrString = false, bool RawObject = false);

/// <summary>The bounds of a number, each as invariant decimal text (exact), or null when absent.</summary>
internal sealed record NumericBounds(string? Minimum, string? Maximum, string? ExclusiveMinimum, string? ExclusiveMaximum)
{
    public bool IsEmpty => Minimum is null && Maximum is null && ExclusiveMinimum is null && ExclusiveMaximum is null;
}

/// <summary>One property of a record.</summary>
/// <param name="JsonName">The JSON name.</param>
/// <param name="CSharpName">The C# name.</param>
/// <param name="Description">Its documentation.</param>
/// <param name="Required">Whether it must be present.</param>
/// <param name="Value">Its value.</param>
/// <param name="Nullable">Whether its type admits <c>null</c> (<c>"type": ["X", "null"]</c>).</param>
internal sealed record PropertyModel(string JsonName, string CSharpName, string? Description, bool Required, ValueModel Value, bool Nullable = false);

/// <summary>One member of a closed enum or open set.</summary>
internal sealed record EnumMemberModel(string CSharpName, string WireValue, string? Description);

/// <summary>A type to emit. Every type carries what its emitter needs and nothing tied to a compilation.</summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="Name">The C# name.</param>
/// <param name="Description">Its documentation.</param>
/// <param name="SchemaFile">The schema's file name, as generated code cites it.</param>
/// <param name="SchemaPath">The schema's full path, where diagnostics about the type point.</param>
internal abstract record TypeModel(string Namespace, string Name, string? Description, string SchemaFile, string SchemaPath);

/// <summary>An object schema: a sealed record with its converter.</summary>
/// <param name="Union">The union this record is a branch of (it derives from it), or null.</param>
/// <param name="Discriminator">The JSON name of that union's discriminator, or null.</param>
/// <param name="RequiredAlternatives">
/// A draft-07 <c>anyOf</c> of <c>required</c> lists: at least one list must be complete (present and not null), or
/// null when the record has none.
/// </param>
internal sealed record RecordModel(string Namespace, string Name, string? Description, string SchemaFile, string SchemaPath, ImmutableEquatableArray<PropertyModel> Properties, string? Union = null, string? Discriminator = null, ImmutableEquatableArray<ImmutableEquatableArray<string>>? RequiredAlternatives = null)
    : TypeModel(Namespace, Name, Description, SchemaFile, SchemaPath);

/// <summary>
/// A <c>oneOf</c> whose branches each have a distinct <c>const</c> discriminator: an abstract record that the branch
/// records derive from, read by dispatching on the discriminator.
/// </summary>
/// <param name="Discriminator">The discriminator's JSON name.</param>
/// <param name="DiscriminatorProperty">The discriminator's C# property name.</param>
/// <param name="Branches">The branches, in schema order.</param>
internal sealed record UnionModel(string Namespace, string Name, string? Description, string SchemaFile, string SchemaPath, string Discriminator, string DiscriminatorProperty, ImmutableEquatableArray<UnionBranchModel> Branches)
    : TypeModel(Namespace, Name, Description, SchemaFile, SchemaPath);

/// <summary>One branch of a union: its record type and its discriminator value.</summary>
internal sealed record UnionBranchModel(string TypeName, string Value);

/// <summary>A closed enum (C# enum) or an open set (readonly struct over the wire string).</summary>
internal sealed record EnumModel(string Namespace, string Name, string? Description, string SchemaFile, string SchemaPath, bool IsOpen, bool IsExhaustive, int MaxLength, ImmutableEquatableArray<EnumMemberModel> Members)
    : TypeModel(Namespace, Name, Description, SchemaFile, SchemaPath);

/// <summary>The resolver that maps every generated contract type to its converter.</summary>
internal sealed record ResolverModel(string Namespace, string Name, ImmutableEquatableArray<string> RecordTypes, ImmutableEquatableArray<string> EnumTypes, ImmutableEquatableArray<string> MoneyFields);

/// <summary>Everything parsed from the schema files of one compilation.</summary>
/// <param name="Types">The types to generate.</param>
/// <param name="Resolver">The resolver over them, or null when there are none.</param>
/// <param name="Diagnostics">Every diagnostic, located.</param>
/// <param name="Emitted">The source of each type, emitted once (null until emitted).</param>
internal sealed record ContractsModel(ImmutableEquatableArray<TypeModel> Types, ResolverModel? Resolver, ImmutableEquatableArray<DiagnosticInfo> Diagnostics, ImmutableEquatableArray<EmittedType>? Emitted = null);

/// <summary>One generated file: the type it holds, where it came from, and its text.</summary>
internal sealed record EmittedType(string Name, string HintName, string SchemaFile, string Source);
