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
/// ANTOM1001: a switch over <c>ResultStatus</c>, or any closed enum the generator marked, must name every member; a
/// switch over a <c>oneOf</c> union the generator marked (<c>[AntomUnion]</c>) must name every branch type with a plain
/// type pattern. <c>default</c>, <c>_</c> and guarded arms do not count. Reported once per switch, at the <c>switch</c> keyword.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnhandledResultStatusAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// The property bag key listing the missing enum members for the code fix (for a union, the missing branch types'
    /// names, for reading only: the fix works out a union's missing branches from the switch itself).
    /// </summary>
    internal const string MissingKey = "Missing";

    /// <summary>The property bag key saying a <c>null</c> arm is missing.</summary>
    internal const string MissingNullKey = "MissingNull";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnhandledResultStatus);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            ClosedEnumSymbols? symbols = ClosedEnumSymbols.From(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            // A syntax action, not an operation action: an operation action makes the driver build the operation tree
            // of every method body in the project. Switches whose arms are all literals (and catch-alls) are passed
            // over by syntax; the others by the governing expression's type; only a switch over a marked enum or union
            // is turned into operations.
            start.RegisterSyntaxNodeAction(c => Analyze(c, symbols), SyntaxKind.SwitchStatement, SyntaxKind.SwitchExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, ClosedEnumSymbols symbols)
    {
        ExpressionSyntax governing = context.Node switch
        {
            SwitchStatementSyntax s => s.Expression,
            SwitchExpressionSyntax e => e.GoverningExpression,
            _ => null!,
        };
        if (OnlyLiterals(context.Node))
        {
            return;
        }

        ITypeSymbol? type = context.SemanticModel.GetTypeInfo(governing, context.CancellationToken).Type;
        INamedTypeSymbol? enumType = symbols.MarkedEnum(type, out bool nullable);
        ImmutableArray<INamedTypeSymbol> branches = enumType is null ? symbols.MarkedUnion(type, out nullable) : default;
        if ((enumType is null && branches.IsDefault)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not { } operation
            || operation is not (ISwitchOperation or ISwitchExpressionOperation))
        {
            return;
        }

        if (enumType is not null)
        {
            Coverage coverage = Coverage.Of(operation, enumType, nullable);
            if (coverage.IsComplete)
            {
                return;
            }

            string subject = ClosedEnumSymbols.SubjectOf(enumType);
            var parts = coverage.Missing.Select(m =>
            {
                (string wire, string? description) = symbols.Describe(m);
                string named = wire == m.Name ? wire : $"{wire} ({m.Name})"; // a library enum's member is its own name
                return $"{subject} {named} is not handled" + (description is null ? string.Empty : ": " + description);
            }).ToList();
            Report(context, subject, parts, coverage.Missing.Select(m => m.Name), coverage.MissingNull);
            return;
        }

        if (type is INamedTypeSymbol union)
        {
            Coverage coverage = Coverage.OfUnion(operation, branches, nullable);
            if (coverage.IsComplete)
            {
                return;
            }

            string subject = ClosedEnumSymbols.SubjectOf(union);
            var parts = coverage.MissingBranches.Select(b => UnionBranchMessage(subject, b)).ToList();
            Report(context, subject, parts, coverage.MissingBranches.Select(b => b.Name), coverage.MissingNull);
        }
    }

    /// <summary>How the message, and the code fix's exception, say that a union branch is not handled.</summary>
    internal static string UnionBranchMessage(string subject, INamedTypeSymbol branch) => $"{subject} branch {branch.Name} is not handled";

    // Every label or arm a literal (a number, a string, a character, true/false) or a catch-all (default, _, var x,
    // null), with at least one literal: the switch is over a type of literals, never a marked enum (whose constants are
    // its members, by name) nor a union (whose arms are types). Syntax only.
    private static bool OnlyLiterals(SyntaxNode node)
    {
        bool literal = false;
        IEnumerable<SyntaxNode> tests = node is SwitchStatementSyntax statement
            ? statement.Sections.SelectMany(s => s.Labels)
            : ((SwitchExpressionSyntax)node).Arms.Select(a => (SyntaxNode)a.Pattern);
        foreach (SyntaxNode test in tests)
        {
            ExpressionSyntax? constant = test switch
            {
                CaseSwitchLabelSyntax c => c.Value,
                CasePatternSwitchLabelSyntax { Pattern: ConstantPatternSyntax p } => p.Expression,
                ConstantPatternSyntax p => p.Expression,
                _ => null,
            };
            if (test is DefaultSwitchLabelSyntax or DiscardPatternSyntax or VarPatternSyntax or CasePatternSwitchLabelSyntax { Pattern: DiscardPatternSyntax or VarPatternSyntax })
            {
                continue; // a catch-all
            }

            if (constant is null || !IsLiteral(constant))
            {
                return false; // a name, a type, a property or relational pattern: for the semantic check
            }

            literal |= !constant.IsKind(SyntaxKind.NullLiteralExpression);
        }

        return literal;
    }

    // A literal zero converts to any enum (`case 0:` over a status), so it is left to the semantic check.
    private static bool IsLiteral(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.ValueText: "0" } => false,
        LiteralExpressionSyntax => true,
        ParenthesizedExpressionSyntax p => IsLiteral(p.Expression),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression } u => IsLiteral(u.Operand),
        _ => false,
    };

    private static void Report(SyntaxNodeAnalysisContext context, string subject, List<string> parts, IEnumerable<string> missingNames, bool missingNull)
    {
        if (missingNull)
        {
            parts.Add($"a null {subject} is not handled");
        }

        Location location = context.Node switch
        {
            SwitchStatementSyntax s => s.SwitchKeyword.GetLocation(),
            SwitchExpressionSyntax e => e.SwitchKeyword.GetLocation(),
            _ => context.Node.GetLocation(),
        };
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(MissingKey, string.Join(",", missingNames))
            .Add(MissingNullKey, missingNull ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnhandledResultStatus, location, properties, string.Join("; ", parts)));
    }
}
