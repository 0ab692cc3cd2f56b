using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Antom.Contracts.Analyzers;

/// <summary>
/// ANTOM1002: an <c>if</c>/<c>else if</c>/<c>else</c> chain or a conditional expression that tests a closed Antom enum
/// (<c>ResultStatus</c>) against some members and lets <c>Unknown</c> reach a branch, without testing <c>Unknown</c>
/// explicitly first. The typical bug: <c>if (s == ResultStatus.Success) { ... } else { /* failure */ }</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownFallsThroughAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnknownFallsThrough);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            ClosedEnumSymbols? symbols = ClosedEnumSymbols.From(start.Compilation);
            if (symbols is not null)
            {
                // Found by syntax, with a cheap filter on the condition's shape; operations are built only for candidates.
                start.RegisterSyntaxNodeAction(c => AnalyzeNode(c, symbols), SyntaxKind.IfStatement, SyntaxKind.ConditionalExpression);
            }
        });
    }

    private static void AnalyzeNode(SyntaxNodeAnalysisContext context, ClosedEnumSymbols symbols)
    {
        ExpressionSyntax condition = context.Node is IfStatementSyntax ifStatement ? ifStatement.Condition : ((ConditionalExpressionSyntax)context.Node).Condition;
        while (condition is ParenthesizedExpressionSyntax parenthesized)
        {
            condition = parenthesized.Expression;
        }

        if (!condition.IsKind(SyntaxKind.EqualsExpression) && !condition.IsKind(SyntaxKind.NotEqualsExpression) && !condition.IsKind(SyntaxKind.IsPatternExpression)
            && !condition.IsKind(SyntaxKind.IsExpression)) // `s is ResultStatus.Success` parses as an is-type expression
        {
            return;
        }

        if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is IConditionalOperation head)
        {
            Analyze(context, symbols, head);
        }
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, ClosedEnumSymbols symbols, IConditionalOperation head)
    {
        if (head.Parent is IConditionalOperation parent && parent.WhenFalse == head)
        {
            return; // an else-if: analysed as part of the chain that starts above it
        }

        INamedTypeSymbol? enumType = null;
        ISymbol? subject = null;
        IFieldSymbol? unknown = null;
        HashSet<object?>? remaining = null;
        bool unknownTested = false;
        IConditionalOperation? current = head;
        while (current is not null)
        {
            if (!TryReadTest(current.Condition, symbols, out Test test) || (subject is not null && !SymbolEqualityComparer.Default.Equals(subject, test.Subject)))
            {
                return; // a condition this rule does not understand: say nothing rather than guess
            }

            if (enumType is null)
            {
                enumType = test.Enum;
                subject = test.Subject;
                unknown = UnknownMember(enumType);
                if (unknown is null)
                {
                    return;
                }

                remaining = new HashSet<object?>(enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.ConstantValue));
            }

            unknownTested |= test.Members.Contains(unknown!.ConstantValue);
            var reachesTrue = new HashSet<object?>(test.Negated ? remaining!.Except(test.Members) : remaining!.Intersect(test.Members));
            if (reachesTrue.Contains(unknown!.ConstantValue) && !unknownTested)
            {
                Report(context, symbols, head, unknown, "the branch of '" + current.Condition.Syntax + "'");
                return;
            }

            remaining!.ExceptWith(reachesTrue);
            switch (current.WhenFalse)
            {
                case IConditionalOperation next when next.Syntax is IfStatementSyntax or ConditionalExpressionSyntax:
                    current = next;
                    break;
                case null:
                    return; // no else: Unknown reaches no branch written for anything
                default:
                    if (remaining.Contains(unknown.ConstantValue) && !unknownTested)
                    {
                        Report(context, symbols, head, unknown, current.Syntax is ConditionalExpressionSyntax ? "the ': ' branch" : "the else branch");
                    }

                    return;
            }
        }
    }

    private static void Report(SyntaxNodeAnalysisContext context, ClosedEnumSymbols symbols, IConditionalOperation head, IFieldSymbol unknown, string branch)
    {
        (string wire, _) = symbols.Describe(unknown);
        string subject = ClosedEnumSymbols.SubjectOf(unknown.ContainingType);
        Location location = head.Syntax switch
        {
            IfStatementSyntax s => s.IfKeyword.GetLocation(),
            ConditionalExpressionSyntax c => c.QuestionToken.GetLocation(),
            _ => head.Syntax.GetLocation(),
        };
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownFallsThrough, location, subject, wire, unknown.Name, branch, unknown.ContainingType.Name));
    }

    private static IFieldSymbol? UnknownMember(INamedTypeSymbol enumType)
        => enumType.GetMembers("Unknown").OfType<IFieldSymbol>().FirstOrDefault();

    private readonly struct Test
    {
        public Test(INamedTypeSymbol @enum, ISymbol subject, HashSet<object?> members, bool negated)
        {
            Enum = @enum;
            Subject = subject;
            Members = members;
            Negated = negated;
        }

        public INamedTypeSymbol Enum { get; }

        public ISymbol Subject { get; }

        public HashSet<object?> Members { get; }

        public bool Negated { get; }
    }

    // Recognises `x == M`, `M == x`, `x != M`, `x is M`, `x is M or N`, `x is not M` over a marked enum.
    private static bool TryReadTest(IOperation condition, ClosedEnumSymbols symbols, out Test test)
    {
        test = default;
        switch (condition)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
            {
                (IOperation value, IOperation constant) = binary.RightOperand.ConstantValue.HasValue ? (binary.LeftOperand, binary.RightOperand) : (binary.RightOperand, binary.LeftOperand);
                if (!constant.ConstantValue.HasValue || constant.ConstantValue.Value is null)
                {
                    return false;
                }

                return Make(value, symbols, new HashSet<object?> { constant.ConstantValue.Value }, binary.OperatorKind == BinaryOperatorKind.NotEquals, out test);
            }

            case IIsPatternOperation isPattern:
            {
                var members = new HashSet<object?>();
                bool negated = false;
                IPatternOperation pattern = isPattern.Pattern;
                if (pattern is INegatedPatternOperation not)
                {
                    negated = true;
                    pattern = not.Pattern;
                }

                return Collect(pattern, members) && Make(isPattern.Value, symbols, members, negated, out test);
            }

            default:
                return false;
        }
    }

    private static bool Collect(IPatternOperation pattern, HashSet<object?> members)
    {
        switch (pattern)
        {
            case IConstantPatternOperation { Value.ConstantValue.HasValue: true } constant when constant.Value.ConstantValue.Value is not null:
                members.Add(constant.Value.ConstantValue.Value);
                return true;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                return Collect(or.LeftPattern, members) && Collect(or.RightPattern, members);
            default:
                return false;
        }
    }

    private static bool Make(IOperation value, ClosedEnumSymbols symbols, HashSet<object?> members, bool negated, out Test test)
    {
        test = default;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        INamedTypeSymbol? enumType = symbols.MarkedEnum(value.Type, out _);
        ISymbol? subject = value switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            IFieldReferenceOperation f => f.Field,
            IPropertyReferenceOperation p => p.Property,
            _ => null,
        };
        if (enumType is null || subject is null)
        {
            return false;
        }

        test = new Test(enumType, subject, members, negated);
        return true;
    }
}
