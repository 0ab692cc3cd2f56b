using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Antom.Contracts.Analyzers;

/// <summary>A marked closed enum with an <c>Unknown</c> member, as ANTOM1002 reads it: its members as bits.</summary>
internal sealed class StatusEnum
{
    private readonly Dictionary<object, int> _bits;

    private StatusEnum(INamedTypeSymbol type, IFieldSymbol unknown, List<IFieldSymbol> members)
    {
        Type = type;
        Unknown = unknown;
        Members = members;
        _bits = new Dictionary<object, int>();
        foreach (IFieldSymbol member in members)
        {
            if (!_bits.ContainsKey(member.ConstantValue!))
            {
                _bits.Add(member.ConstantValue!, _bits.Count);
            }
        }

        All = _bits.Count == 64 ? ulong.MaxValue : (1UL << _bits.Count) - 1;
        UnknownBit = Bit(unknown.ConstantValue);
    }

    public INamedTypeSymbol Type { get; }

    public IFieldSymbol Unknown { get; }

    public List<IFieldSymbol> Members { get; }

    public ulong All { get; }

    public ulong UnknownBit { get; }

    /// <summary>Null when the type is not a marked enum, has no <c>Unknown</c>, or has more than 64 distinct values.</summary>
    public static StatusEnum? Create(INamedTypeSymbol type)
    {
        IFieldSymbol? unknown = type.GetMembers("Unknown").OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue);
        if (unknown is null)
        {
            return null;
        }

        var members = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue && f.ConstantValue is not null).ToList();
        return members.Select(m => m.ConstantValue).Distinct().Count() > 64 ? null : new StatusEnum(type, unknown, members);
    }

    /// <summary>The bit of a member's value; 0 for a value that is no member (a cast number).</summary>
    public ulong Bit(object? value)
        => value is not null && _bits.TryGetValue(value, out int index) ? 1UL << index : 0;
}

/// <summary>
/// What a condition says about one status value: for which members it is always true (<see cref="Must"/>), can be true
/// (<see cref="May"/>), and is true when every operand that does not test the status is taken as not deciding
/// (<see cref="Neutral"/>: <c>true</c> under <c>&amp;&amp;</c>, <c>false</c> under <c>||</c>). The neutral reading is where the
/// status itself sends each member: <c>s == Success &amp;&amp; amountOk</c> sends U to the else branch.
/// </summary>
internal sealed class StatusCondition
{
    private StatusCondition(ConditionKind kind, StatusEnum? @enum, ISymbol? subject, ulong must, ulong may, ulong neutral, bool namesUnknown)
    {
        Kind = kind;
        Enum = @enum;
        Subject = subject;
        Must = must;
        May = may;
        Neutral = neutral;
        NamesUnknown = namesUnknown;
    }

    public static StatusCondition Opaque { get; } = new(ConditionKind.Opaque, null, null, 0, 0, 0, false);

    public static StatusCondition True { get; } = new(ConditionKind.True, null, null, 0, 0, 0, false);

    public ConditionKind Kind { get; }

    public StatusEnum? Enum { get; }

    public ISymbol? Subject { get; }

    public ulong Must { get; }

    public ulong May { get; }

    public ulong Neutral { get; }

    /// <summary>A constant in the condition is <c>Unknown</c>: the author thought about it.</summary>
    public bool NamesUnknown { get; }

    public static StatusCondition Test(StatusEnum @enum, ISymbol subject, ulong members, bool namesUnknown)
        => new(ConditionKind.Status, @enum, subject, members, members, members, namesUnknown);

    /// <summary>Null when both sides test statuses that cannot be compared (two subjects, two enums).</summary>
    public static StatusCondition? And(StatusCondition? a, StatusCondition? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        if (a.Kind == ConditionKind.True)
        {
            return b;
        }

        if (b.Kind == ConditionKind.True)
        {
            return a;
        }

        if (a.Kind == ConditionKind.Opaque && b.Kind == ConditionKind.Opaque)
        {
            return Opaque;
        }

        if (a.Kind == ConditionKind.Opaque || b.Kind == ConditionKind.Opaque)
        {
            StatusCondition s = a.Kind == ConditionKind.Status ? a : b;
            return new(ConditionKind.Status, s.Enum, s.Subject, 0, s.May, s.Neutral, s.NamesUnknown);
        }

        return Same(a, b) ? new(ConditionKind.Status, a.Enum, a.Subject, a.Must & b.Must, a.May & b.May, a.Neutral & b.Neutral, a.NamesUnknown | b.NamesUnknown) : null;
    }

    public static StatusCondition? Or(StatusCondition? a, StatusCondition? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        if (a.Kind == ConditionKind.True || b.Kind == ConditionKind.True)
        {
            return True;
        }

        if (a.Kind == ConditionKind.Opaque && b.Kind == ConditionKind.Opaque)
        {
            return Opaque;
        }

        if (a.Kind == ConditionKind.Opaque || b.Kind == ConditionKind.Opaque)
        {
            StatusCondition s = a.Kind == ConditionKind.Status ? a : b;
            return new(ConditionKind.Status, s.Enum, s.Subject, s.Must, s.Enum!.All, s.Neutral, s.NamesUnknown);
        }

        return Same(a, b) ? new(ConditionKind.Status, a.Enum, a.Subject, a.Must | b.Must, a.May | b.May, a.Neutral | b.Neutral, a.NamesUnknown | b.NamesUnknown) : null;
    }

    public static StatusCondition? Not(StatusCondition? a)
    {
        if (a is null || a.Kind != ConditionKind.Status)
        {
            return a is null ? null : Opaque;
        }

        ulong all = a.Enum!.All;
        return new(ConditionKind.Status, a.Enum, a.Subject, all & ~a.May, all & ~a.Must, all & ~a.Neutral, a.NamesUnknown);
    }

    private static bool Same(StatusCondition a, StatusCondition b)
        => SymbolEqualityComparer.Default.Equals(a.Enum!.Type, b.Enum!.Type) && SymbolEqualityComparer.Default.Equals(a.Subject, b.Subject);
}

internal enum ConditionKind
{
    /// <summary>Says nothing about any status (<c>amountOk</c>, <c>r is null</c>).</summary>
    Opaque,

    /// <summary>Always true (<c>_</c>, <c>var x</c>).</summary>
    True,

    /// <summary>Tests one status value.</summary>
    Status,
}

/// <summary>
/// Reads conditions and patterns into <see cref="StatusCondition"/>s. Everything is resolved once per compilation:
/// which enums count, and the member names the syntactic filter looks for.
/// </summary>
internal sealed class StatusReader
{
    private readonly ClosedEnumSymbols _symbols;
    private readonly ConcurrentDictionary<INamedTypeSymbol, StatusEnum?> _enums = new(SymbolEqualityComparer.Default);
    public StatusReader(Compilation compilation, ClosedEnumSymbols symbols)
    {
        _symbols = symbols;

        // Read here, once per compilation: the analyzer makes its reader at the first conditional or switch, when the
        // compiler has declared the symbols this walks (callbacks that come meanwhile wait on that one read).
        Names = CollectNames(compilation, UnknownNames);
        ExpressionOfT = compilation.GetTypeByMetadataName("System.Linq.Expressions.Expression`1");
    }

    public INamedTypeSymbol? ExpressionOfT { get; }

    public ClosedEnumSymbols Symbols => _symbols;

    /// <summary>
    /// The names of the members other than <c>Unknown</c> of every marked enum with an <c>Unknown</c>: a condition
    /// that names none of them cannot send Unknown anywhere without naming it (the syntactic filter).
    /// </summary>
    public HashSet<string> Names { get; }

    /// <summary>The names of the <c>Unknown</c> members of the same enums (for the reads that look for Unknown being dealt with).</summary>
    public HashSet<string> UnknownNames { get; } = new();

    public StatusEnum? Enum(ITypeSymbol? type)
    {
        INamedTypeSymbol? marked = _symbols.MarkedEnum(type, out _);
        return marked is null ? null : _enums.GetOrAdd(marked, StatusEnum.Create);
    }

    /// <summary>Whether the node holds an identifier that is the name of a status member other than Unknown.</summary>
    public bool MentionsName(SyntaxNode node) => Mentions(node, unknownToo: false);

    /// <summary>Whether the node holds an identifier that is the name of any status member, Unknown included.</summary>
    public bool MentionsAnyName(SyntaxNode node) => Mentions(node, unknownToo: true);

    private bool Mentions(SyntaxNode node, bool unknownToo)
    {
        HashSet<string> names = Names;
        if (names.Count == 0)
        {
            return false;
        }

        return MentionsIn(node, names, unknownToo ? UnknownNames : null);
    }

    // The tokens below the node, walked without allocating (DescendantTokens builds an iterator chain per call, and
    // this runs for every condition in the compilation).
    private static bool MentionsIn(SyntaxNode node, HashSet<string> names, HashSet<string>? unknownNames)
    {
        foreach (SyntaxNodeOrToken child in node.ChildNodesAndTokens())
        {
            if (child.IsToken)
            {
                SyntaxToken token = child.AsToken();
                if (token.IsKind(SyntaxKind.IdentifierToken) && (names.Contains(token.ValueText) || (unknownNames?.Contains(token.ValueText) ?? false)))
                {
                    return true;
                }
            }
            else if (child.AsNode() is { } inner && MentionsIn(inner, names, unknownNames))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A condition of an <c>if</c> or <c>?:</c>: like <see cref="Read"/>, and a <c>bool</c> local that holds a status test (optionally negated).</summary>
    public StatusCondition? ReadBranchCondition(IOperation condition, SemanticModel model, CancellationToken cancellationToken, out ILocalSymbol? throughLocal)
    {
        throughLocal = null;
        bool negated = false;
        IOperation inner = condition;
        while (inner is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            negated = !negated;
            inner = not.Operand;
        }

        if (inner is ILocalReferenceOperation { Local: { Type.SpecialType: SpecialType.System_Boolean } local })
        {
            StatusCondition? held = ReadLocal(local, model, cancellationToken);
            if (held is { Kind: ConditionKind.Status })
            {
                throughLocal = local;
                return negated ? StatusCondition.Not(held) : held;
            }

            return StatusCondition.Opaque;
        }

        return Read(condition);
    }

    /// <summary>Null when the condition tests a status in a way this rule does not read: say nothing rather than guess.</summary>
    public StatusCondition? Read(IOperation condition)
    {
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return StatusCondition.Not(Read(not.Operand));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } both when IsBoolean(both):
                return StatusCondition.And(Read(both.LeftOperand), Read(both.RightOperand));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } either when IsBoolean(either):
                return StatusCondition.Or(Read(either.LeftOperand), Read(either.RightOperand));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                when Enum(Unwrap(binary.LeftOperand).Type) is not null || Enum(Unwrap(binary.RightOperand).Type) is not null:
            {
                // Unwrapped: against a nullable status the constant is converted, and the conversion has no constant value.
                (IOperation value, IOperation constant) = Unwrap(binary.RightOperand).ConstantValue.HasValue ? (binary.LeftOperand, Unwrap(binary.RightOperand)) : (binary.RightOperand, Unwrap(binary.LeftOperand));
                if (!constant.ConstantValue.HasValue || constant.ConstantValue.Value is null || !TrySubject(value, out StatusEnum? e, out ISymbol? subject))
                {
                    return null;
                }

                ulong bit = e!.Bit(constant.ConstantValue.Value);
                StatusCondition test = StatusCondition.Test(e, subject!, bit, bit == e.UnknownBit);
                return binary.OperatorKind == BinaryOperatorKind.NotEquals ? StatusCondition.Not(test) : test;
            }

            case IIsPatternOperation isPattern:
                return ReadPattern(isPattern.Pattern, isPattern.Value);
            default:
                return MentionsStatus(condition) ? null : StatusCondition.Opaque;
        }
    }

    /// <summary>A pattern matched against <paramref name="input"/> (a status value, or an object whose properties hold one).</summary>
    public StatusCondition? ReadPattern(IPatternOperation pattern, IOperation? input)
    {
        StatusEnum? inputEnum = input is null ? null : Enum(Unwrap(input).Type);
        ISymbol? subject = null;
        if (inputEnum is not null && !TrySubject(input!, out _, out subject))
        {
            return null; // a status read from a call: not a subject the chain can follow
        }

        return ReadPattern(pattern, inputEnum, subject);
    }

    private StatusCondition? ReadPattern(IPatternOperation pattern, StatusEnum? inputEnum, ISymbol? subject)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant when inputEnum is not null:
            {
                if (!constant.Value.ConstantValue.HasValue)
                {
                    return null;
                }

                if (constant.Value.ConstantValue.Value is null)
                {
                    return StatusCondition.Opaque; // `maybe is null`: a null test, not a status test
                }

                ulong bit = inputEnum.Bit(constant.Value.ConstantValue.Value);
                return StatusCondition.Test(inputEnum, subject!, bit, bit != 0 && bit == inputEnum.UnknownBit);
            }

            case INegatedPatternOperation not:
                return StatusCondition.Not(ReadPattern(not.Pattern, inputEnum, subject));
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either:
                return StatusCondition.Or(ReadPattern(either.LeftPattern, inputEnum, subject), ReadPattern(either.RightPattern, inputEnum, subject));
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both:
                return StatusCondition.And(ReadPattern(both.LeftPattern, inputEnum, subject), ReadPattern(both.RightPattern, inputEnum, subject));
            case IDiscardPatternOperation:
            case IDeclarationPatternOperation { MatchesNull: true }:
                return StatusCondition.True;
            case IDeclarationPatternOperation declaration when inputEnum is null && Covers(declaration.InputType, declaration.NarrowedType):
            case ITypePatternOperation type when inputEnum is null && Covers(type.InputType, type.NarrowedType):
            case IRecursivePatternOperation { DeconstructionSubpatterns.IsEmpty: true, PropertySubpatterns.IsEmpty: true } empty when inputEnum is null && Covers(empty.InputType, empty.NarrowedType):
                // `CaptureResponse other =>`, `CaptureResponse =>`, `{ } =>`: every value but null, whatever its status
                // (null says nothing about one): a catch-all like `_`.
                return StatusCondition.True;
            case IRecursivePatternOperation recursive when inputEnum is null:
            {
                // The type and null test, and any positional part, say nothing about a status.
                StatusCondition? result = StatusCondition.Opaque;
                foreach (IPatternOperation positional in recursive.DeconstructionSubpatterns)
                {
                    result = StatusCondition.And(result, ReadPattern(positional, null, null));
                }

                foreach (IPropertySubpatternOperation property in recursive.PropertySubpatterns)
                {
                    StatusCondition? part = property.Member switch
                    {
                        IPropertyReferenceOperation { Property: { } p } => ReadMember(property.Pattern, p, p.Type),
                        IFieldReferenceOperation { Field: { } f } => ReadMember(property.Pattern, f, f.Type),
                        _ => null,
                    };
                    result = StatusCondition.And(result, part);
                }

                return result;
            }

            default:
                // Relational patterns and the like over a status are not read; over anything else they say nothing about one.
                return inputEnum is null ? StatusCondition.Opaque : null;
        }
    }

    // Whether a type test of a value of type `input` against `narrowed` holds for every non-null value: the same type,
    // or a base class or interface of it.
    private static bool Covers(ITypeSymbol input, ITypeSymbol narrowed)
    {
        if (input is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            input = nullable.TypeArguments[0];
        }

        if (narrowed.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(input, narrowed))
        {
            return true;
        }

        for (ITypeSymbol? type = input.BaseType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, narrowed))
            {
                return true;
            }
        }

        return narrowed.TypeKind == TypeKind.Interface && input.AllInterfaces.Contains((INamedTypeSymbol)narrowed, SymbolEqualityComparer.Default);
    }

    private StatusCondition? ReadMember(IPatternOperation pattern, ISymbol member, ITypeSymbol type)
    {
        StatusEnum? memberEnum = Enum(type);
        return ReadPattern(pattern, memberEnum, memberEnum is null ? null : member);
    }

    /// <summary>
    /// What a <c>bool</c> local holds when it is assigned once, at its declaration, with a status test, and never written
    /// again (no assignment, <c>ref</c>/<c>out</c>, <c>++</c>/<c>--</c> of that name in its block).
    /// </summary>
    private StatusCondition? ReadLocal(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
            || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax } declaration
            || !MentionsAnyName(value) || IsWritten(declaration.Parent!, local.Name)
            || model.GetOperation(value, cancellationToken) is not { } initializer)
        {
            return null;
        }

        return Read(initializer);
    }

    private static bool IsWritten(SyntaxNode scope, string name)
    {
        foreach (SyntaxNode node in scope.DescendantNodes())
        {
            ExpressionSyntax? target = node switch
            {
                AssignmentExpressionSyntax a => a.Left,
                PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression) => p.Operand,
                PostfixUnaryExpressionSyntax p => p.Operand,
                ArgumentSyntax a when !a.RefKindKeyword.IsKind(SyntaxKind.None) => a.Expression,
                RefExpressionSyntax r => r.Expression,
                _ => null,
            };
            if (target is IdentifierNameSyntax id && id.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The status enum and the symbol (local, parameter, field, property) a value reads, when it reads one.</summary>
    public bool TrySubject(IOperation value, out StatusEnum? @enum, out ISymbol? subject)
    {
        value = Unwrap(value);
        @enum = Enum(value.Type);
        subject = value switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            IFieldReferenceOperation f => f.Field,
            IPropertyReferenceOperation p => p.Property,
            _ => null,
        };
        return @enum is not null && subject is not null;
    }

    // An operand that reads no status, but hands one to something else (`IsFinal(s)`), may well decide Unknown: not read.
    private bool MentionsStatus(IOperation operation)
    {
        foreach (IOperation descendant in operation.DescendantsAndSelf())
        {
            if (descendant.Type is { TypeKind: TypeKind.Enum or TypeKind.Struct } t && Enum(t) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBoolean(IBinaryOperation operation) => operation.Type?.SpecialType == SpecialType.System_Boolean;

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private HashSet<string> CollectNames(Compilation compilation, HashSet<string> unknownNames)
    {
        var names = new HashSet<string>();
        IAssemblySymbol? markerAssembly = _symbols.Marker?.ContainingAssembly;
        if (markerAssembly is null)
        {
            return names;
        }

        Walk(compilation.Assembly.GlobalNamespace, names, unknownNames);
        foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, markerAssembly)
                || assembly.Modules.Any(m => m.ReferencedAssemblySymbols.Contains(markerAssembly, SymbolEqualityComparer.Default)))
            {
                Walk(assembly.GlobalNamespace, names, unknownNames);
            }
        }

        return names;
    }

    private void Walk(INamespaceOrTypeSymbol container, HashSet<string> names, HashSet<string> unknownNames)
    {
        IEnumerable<ISymbol> members = container is INamespaceSymbol ns0 ? ns0.GetMembers() : container.GetTypeMembers();
        foreach (ISymbol member in members)
        {
            switch (member)
            {
                case INamespaceSymbol ns:
                    Walk(ns, names, unknownNames);
                    break;
                case INamedTypeSymbol { TypeKind: TypeKind.Enum } e:
                    if (Enum(e) is { } status)
                    {
                        unknownNames.Add(status.Unknown.Name);
                        foreach (IFieldSymbol field in status.Members)
                        {
                            if (field.Name != status.Unknown.Name)
                            {
                                names.Add(field.Name);
                            }
                        }
                    }

                    break;
                case INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } t:
                    Walk(t, names, unknownNames);
                    break;
            }
        }
    }
}
