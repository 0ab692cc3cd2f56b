using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Antom.Contracts.Analyzers;

/// <summary>
/// The symbols the closed-switch rules need, resolved once per compilation: the closed-enum marker and, for ANTOM1001,
/// the union marker (<c>[AntomUnion]</c> on the abstract record of a <c>oneOf</c>).
/// </summary>
internal sealed class ClosedEnumSymbols
{
    public const string MarkerName = "Antom.Contracts.Serialization.AntomClosedEnumAttribute";
    public const string WireValueName = "Antom.Contracts.Serialization.AntomWireValueAttribute";
    public const string UnionMarkerName = "Antom.Contracts.Serialization.AntomUnionAttribute";

    // Whether a type is a marked enum, decided once per type per compilation (attributes are not re-read per switch).
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _marked = new(SymbolEqualityComparer.Default);

    // The branches of a marked union, read once per type per compilation; default for a class that is not marked.
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>> _unions = new(SymbolEqualityComparer.Default);

    private ClosedEnumSymbols(INamedTypeSymbol? marker, INamedTypeSymbol? wireValue, INamedTypeSymbol? unionMarker)
    {
        Marker = marker;
        WireValue = wireValue;
        UnionMarker = unionMarker;
    }

    /// <summary><c>[AntomClosedEnum]</c>; null in a compilation without it, and then no enum is closed.</summary>
    public INamedTypeSymbol? Marker { get; }

    public INamedTypeSymbol? WireValue { get; }

    /// <summary><c>[AntomUnion]</c>; null in a compilation without it (an older Antom.Contracts), and then no class is a union.</summary>
    public INamedTypeSymbol? UnionMarker { get; }

    // One instance per compilation, shared by every analyzer and the suppressor: the lookups and the per-type caches
    // below are made once, not once per analyzer.
    private static readonly ConditionalWeakTable<Compilation, Box> PerCompilation = new();

    // A member's wire value and description, read from its attribute once per compilation (not per report).
    private readonly ConcurrentDictionary<IFieldSymbol, (string Wire, string? Description)> _described = new(SymbolEqualityComparer.Default);

    // The constant members of each marked enum, read once per compilation (not per switch).
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<(IFieldSymbol Field, object? Value)>> _constants = new(SymbolEqualityComparer.Default);

    /// <summary>Null when the compilation does not reference Antom.Contracts: every rule is then silent.</summary>
    public static ClosedEnumSymbols? From(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new Box(Create(c))).Symbols;

    private static ClosedEnumSymbols? Create(Compilation compilation)
    {
        INamedTypeSymbol? marker = compilation.GetTypeByMetadataName(MarkerName);
        if (marker is null)
        {
            INamedTypeSymbol? union = compilation.GetTypeByMetadataName(UnionMarkerName);
            return union is null ? null : new ClosedEnumSymbols(null, compilation.GetTypeByMetadataName(WireValueName), union);
        }

        // The other Antom types come from the marker's own assembly: one assembly searched, not every reference.
        IAssemblySymbol antom = marker.ContainingAssembly;
        return new ClosedEnumSymbols(marker, antom.GetTypeByMetadataName(WireValueName), antom.GetTypeByMetadataName(UnionMarkerName));
    }

    /// <summary>
    /// A type of Antom.Contracts by metadata name: from the marker's own assembly when the compilation has the marker
    /// (one assembly searched, not every reference), otherwise by the compilation's search.
    /// </summary>
    public static INamedTypeSymbol? AntomType(Compilation compilation, string metadataName)
        => From(compilation)?.Marker?.ContainingAssembly.GetTypeByMetadataName(metadataName) ?? compilation.GetTypeByMetadataName(metadataName);

    /// <summary>The members of <paramref name="enumType"/> with a constant value, and the values.</summary>
    public ImmutableArray<(IFieldSymbol Field, object? Value)> Constants(INamedTypeSymbol enumType)
        => _constants.GetOrAdd(enumType, static e => e.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => (f, f.ConstantValue)).ToImmutableArray());

    private sealed class Box(ClosedEnumSymbols? symbols)
    {
        public ClosedEnumSymbols? Symbols { get; } = symbols;
    }

    /// <summary>The marked enum a switch governs (through <c>Nullable&lt;T&gt;</c> too), or null.</summary>
    public INamedTypeSymbol? MarkedEnum(ITypeSymbol? type, out bool nullable)
    {
        nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n)
        {
            nullable = true;
            type = n.TypeArguments[0];
        }

        return Marker is { } marker
               && type is INamedTypeSymbol { TypeKind: TypeKind.Enum } e
               && _marked.GetOrAdd(e, t => t.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, marker)))
            ? e
            : null;
    }

    /// <summary>
    /// The branch types listed by the <c>[AntomUnion]</c> on the class a switch governs, or a default array when the
    /// class is not a marked union. <paramref name="nullable"/>: the value is annotated as possibly null
    /// (<c>PaymentEvent?</c> in a nullable context, as the compiler's nullable analysis sees it at the switch).
    /// </summary>
    public ImmutableArray<INamedTypeSymbol> MarkedUnion(ITypeSymbol? type, out bool nullable)
    {
        nullable = false;
        if (UnionMarker is null || type is not INamedTypeSymbol { TypeKind: TypeKind.Class } union)
        {
            return default;
        }

        ImmutableArray<INamedTypeSymbol> branches = _unions.GetOrAdd(union, ReadBranches);
        nullable = !branches.IsDefault && type.NullableAnnotation == NullableAnnotation.Annotated;
        return branches;
    }

    /// <summary>How messages name a marked enum or union: camelCase, as the JSON field is (<c>resultStatus</c>).</summary>
    public static string SubjectOf(INamedTypeSymbol type)
        => char.ToLowerInvariant(type.Name[0]) + type.Name.Substring(1);

    /// <summary>The wire value and description of a member, from its <c>[AntomWireValue]</c>.</summary>
    public (string Wire, string? Description) Describe(IFieldSymbol member) => _described.GetOrAdd(member, ReadDescription);

    private (string Wire, string? Description) ReadDescription(IFieldSymbol member)
    {
        AttributeData? data = WireValue is null ? null : member.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, WireValue));
        string wire = data?.ConstructorArguments.FirstOrDefault().Value as string ?? member.Name;
        string? description = data?.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string;
        return (wire, description);
    }

    // The attribute's `params Type[] branches` arrives as one array constant of type constants, in the order written.
    private ImmutableArray<INamedTypeSymbol> ReadBranches(INamedTypeSymbol type)
    {
        AttributeData? data = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, UnionMarker));
        if (data is null)
        {
            return default;
        }

        if (data.ConstructorArguments.Length != 1 || data.ConstructorArguments[0] is not { Kind: TypedConstantKind.Array, IsNull: false } branches)
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        return branches.Values.Select(v => v.Value).OfType<INamedTypeSymbol>()
            .Where(b => b.TypeKind != TypeKind.Error)
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
            .ToImmutableArray();
    }
}

/// <summary>What a switch over a marked enum or union names explicitly, and so what it misses.</summary>
internal readonly struct Coverage
{
    private Coverage(ImmutableArray<IFieldSymbol> missing, ImmutableArray<INamedTypeSymbol> missingBranches, bool missingNull)
    {
        Missing = missing;
        MissingBranches = missingBranches;
        MissingNull = missingNull;
    }

    /// <summary>Enum members no unguarded constant (or <c>or</c> of constants) names.</summary>
    public ImmutableArray<IFieldSymbol> Missing { get; }

    /// <summary>Union branches no unguarded plain type pattern (or <c>or</c> of them) names, in the attribute's order.</summary>
    public ImmutableArray<INamedTypeSymbol> MissingBranches { get; }

    /// <summary>The switch is over a nullable enum or union and no arm names <c>null</c>.</summary>
    public bool MissingNull { get; }

    public bool IsComplete => Missing.IsEmpty && MissingBranches.IsEmpty && !MissingNull;

    public static Coverage Of(IOperation switchOperation, INamedTypeSymbol enumType, bool nullable, ClosedEnumSymbols symbols)
    {
        Named named = Named.In(switchOperation);
        ImmutableArray<IFieldSymbol>.Builder? missing = null;
        foreach ((IFieldSymbol field, object? value) in symbols.Constants(enumType))
        {
            if (!named.Constants.Contains(value))
            {
                (missing ??= ImmutableArray.CreateBuilder<IFieldSymbol>()).Add(field);
            }
        }

        return new Coverage(missing?.ToImmutable() ?? ImmutableArray<IFieldSymbol>.Empty, ImmutableArray<INamedTypeSymbol>.Empty, nullable && !named.Null);
    }

    public static Coverage OfUnion(IOperation switchOperation, ImmutableArray<INamedTypeSymbol> branches, bool nullable)
    {
        Named named = Named.In(switchOperation);
        ImmutableArray<INamedTypeSymbol> missing = branches.Where(b => !named.Types.Contains(b)).ToImmutableArray();
        return new Coverage(ImmutableArray<IFieldSymbol>.Empty, missing, nullable && !named.Null);
    }

    /// <summary>
    /// A recursive pattern that is only a type and an optional designation (<c>CardEvent { } c</c>) names the type as a
    /// type pattern would; one with positional or property subpatterns tests something more, so it does not.
    /// </summary>
    public static bool IsPlainType(IRecursivePatternOperation pattern)
        => pattern.DeconstructionSubpatterns.IsEmpty && pattern.PropertySubpatterns.IsEmpty
           && pattern.Syntax is RecursivePatternSyntax { PositionalPatternClause: null, PropertyPatternClause: null or { Subpatterns.Count: 0 } };

    /// <summary>What the unguarded arms of a switch name: constants, <c>null</c>, and types.</summary>
    private sealed class Named
    {
        public HashSet<object?> Constants { get; } = [];

        public HashSet<ITypeSymbol> Types { get; } = new(SymbolEqualityComparer.Default);

        public bool Null { get; private set; }

        public static Named In(IOperation switchOperation)
        {
            var named = new Named();
            switch (switchOperation)
            {
                case ISwitchOperation statement:
                    foreach (ISwitchCaseOperation section in statement.Cases)
                    {
                        foreach (ICaseClauseOperation clause in section.Clauses)
                        {
                            switch (clause)
                            {
                                case ISingleValueCaseClauseOperation single:
                                    named.Add(single.Value);
                                    break;
                                case IPatternCaseClauseOperation { Guard: null } patternClause:
                                    named.FromPattern(patternClause.Pattern);
                                    break;

                                // default: and guarded cases handle nothing explicitly.
                            }
                        }
                    }

                    break;
                case ISwitchExpressionOperation expression:
                    foreach (ISwitchExpressionArmOperation arm in expression.Arms)
                    {
                        if (arm.Guard is null)
                        {
                            named.FromPattern(arm.Pattern);
                        }
                    }

                    break;
            }

            return named;
        }

        private void FromPattern(IPatternOperation? pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    Add(constant.Value);
                    break;
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                    FromPattern(or.LeftPattern);
                    FromPattern(or.RightPattern);
                    break;
                case ITypePatternOperation type:
                    Types.Add(type.MatchedType);
                    break;
                case IDeclarationPatternOperation { MatchesNull: false, MatchedType: { } declared }:
                    Types.Add(declared);
                    break;
                case IRecursivePatternOperation { MatchedType: { } matched } recursive when IsPlainType(recursive):
                    Types.Add(matched);
                    break;

                // Discards, `var`, relational, negated and `and` patterns, and recursive patterns with subpatterns,
                // name no member and no branch.
            }
        }

        private void Add(IOperation value)
        {
            Optional<object?> constant = value.ConstantValue;
            if (!constant.HasValue)
            {
                return;
            }

            if (constant.Value is null)
            {
                Null = true;
            }
            else
            {
                Constants.Add(constant.Value);
            }
        }
    }
}
