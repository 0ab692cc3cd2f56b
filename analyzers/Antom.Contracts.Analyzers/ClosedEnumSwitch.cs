using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Antom.Contracts.Analyzers;

/// <summary>The symbols the closed-enum rules need, resolved once per compilation.</summary>
internal sealed class ClosedEnumSymbols
{
    public const string MarkerName = "Antom.Contracts.Serialization.AntomClosedEnumAttribute";
    public const string WireValueName = "Antom.Contracts.Serialization.AntomWireValueAttribute";

    // Whether a type is a marked enum, decided once per type per compilation (attributes are not re-read per switch).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool> _marked = new(SymbolEqualityComparer.Default);

    private ClosedEnumSymbols(INamedTypeSymbol marker, INamedTypeSymbol? wireValue)
    {
        Marker = marker;
        WireValue = wireValue;
    }

    public INamedTypeSymbol Marker { get; }

    public INamedTypeSymbol? WireValue { get; }

    /// <summary>Null when the compilation does not reference Antom.Contracts: every rule is then silent.</summary>
    public static ClosedEnumSymbols? From(Compilation compilation)
        => compilation.GetTypeByMetadataName(MarkerName) is { } marker
            ? new ClosedEnumSymbols(marker, compilation.GetTypeByMetadataName(WireValueName))
            : null;

    /// <summary>The marked enum a switch governs (through <c>Nullable&lt;T&gt;</c> too), or null.</summary>
    public INamedTypeSymbol? MarkedEnum(ITypeSymbol? type, out bool nullable)
    {
        nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n)
        {
            nullable = true;
            type = n.TypeArguments[0];
        }

        return type is INamedTypeSymbol { TypeKind: TypeKind.Enum } e
               && _marked.GetOrAdd(e, t => t.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, Marker)))
            ? e
            : null;
    }

    /// <summary>How messages name a marked enum: camelCase, as the JSON field is (<c>resultStatus</c>).</summary>
    public static string SubjectOf(INamedTypeSymbol enumType)
        => char.ToLowerInvariant(enumType.Name[0]) + enumType.Name.Substring(1);

    /// <summary>The wire value and description of a member, from its <c>[AntomWireValue]</c>.</summary>
    public (string Wire, string? Description) Describe(IFieldSymbol member)
    {
        AttributeData? data = WireValue is null ? null : member.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, WireValue));
        string wire = data?.ConstructorArguments.FirstOrDefault().Value as string ?? member.Name;
        string? description = data?.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string;
        return (wire, description);
    }
}

/// <summary>What a switch over a marked enum names explicitly, and so what it misses.</summary>
internal readonly struct Coverage
{
    private Coverage(ImmutableArray<IFieldSymbol> missing, bool missingNull)
    {
        Missing = missing;
        MissingNull = missingNull;
    }

    /// <summary>Members no unguarded constant (or <c>or</c> of constants) names.</summary>
    public ImmutableArray<IFieldSymbol> Missing { get; }

    /// <summary>The switch is over a nullable enum and no arm names <c>null</c>.</summary>
    public bool MissingNull { get; }

    public bool IsComplete => Missing.IsEmpty && !MissingNull;

    public static Coverage Of(IOperation switchOperation, INamedTypeSymbol enumType, bool nullable)
    {
        var named = new HashSet<object?>();
        bool namesNull = false;

        void FromPattern(IPatternOperation? pattern)
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

                // Discards, type patterns, relational and negated patterns name no member.
            }
        }

        void Add(IOperation value)
        {
            Optional<object?> constant = value.ConstantValue;
            if (!constant.HasValue)
            {
                return;
            }

            if (constant.Value is null)
            {
                namesNull = true;
            }
            else
            {
                named.Add(constant.Value);
            }
        }

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
                                Add(single.Value);
                                break;
                            case IPatternCaseClauseOperation { Guard: null } patternClause:
                                FromPattern(patternClause.Pattern);
                                break;

                            // default: and guarded cases handle no member explicitly.
                        }
                    }
                }

                break;
            case ISwitchExpressionOperation expression:
                foreach (ISwitchExpressionArmOperation arm in expression.Arms)
                {
                    if (arm.Guard is null)
                    {
                        FromPattern(arm.Pattern);
                    }
                }

                break;
        }

        ImmutableArray<IFieldSymbol> missing = enumType.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue && !named.Contains(f.ConstantValue))
            .ToImmutableArray();
        return new Coverage(missing, nullable && !namesNull);
    }
}
