using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Antom.Contracts.Analyzers;

/// <summary>
/// Removes CS8524 (and CS8509) from a switch expression over a closed Antom enum that names every member, and CS8509
/// from one over an Antom union that names every branch (the compiler cannot see that the union's sealed branches are
/// all there is), so nobody adds the <c>_ =&gt;</c> arm that would swallow a member or branch Antom adds later.
/// ANTOM1001 guards exhaustiveness instead.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class ExhaustiveSwitchSuppressor : DiagnosticSuppressor
{
    /// <inheritdoc/>
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } =
        ImmutableArray.Create(Descriptors.ExhaustiveSwitchUnnamedValue, Descriptors.ExhaustiveSwitchNotExhaustive);

    /// <inheritdoc/>
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        ClosedEnumSymbols? symbols = ClosedEnumSymbols.From(context.Compilation);
        if (symbols is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.ReportedDiagnostics)
        {
            SyntaxTree? tree = diagnostic.Location.SourceTree;
            if (tree is null)
            {
                continue;
            }

            SyntaxNode node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            SwitchExpressionSyntax? switchExpression = node as SwitchExpressionSyntax ?? node.FirstAncestorOrSelf<SwitchExpressionSyntax>();
            if (switchExpression is null)
            {
                continue;
            }

            SemanticModel model = context.GetSemanticModel(tree);
            if (model.GetOperation(switchExpression, context.CancellationToken) is not ISwitchExpressionOperation operation)
            {
                continue;
            }

            if (!IsComplete(symbols, operation))
            {
                continue;
            }

            foreach (SuppressionDescriptor descriptor in SupportedSuppressions)
            {
                if (descriptor.SuppressedDiagnosticId == diagnostic.Id)
                {
                    context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
                }
            }
        }
    }

    private static bool IsComplete(ClosedEnumSymbols symbols, ISwitchExpressionOperation operation)
    {
        if (symbols.MarkedEnum(operation.Value.Type, out bool nullable) is { } enumType)
        {
            return Coverage.Of(operation, enumType, nullable, symbols).IsComplete;
        }

        ImmutableArray<INamedTypeSymbol> branches = symbols.MarkedUnion(operation.Value.Type, out nullable);
        return !branches.IsDefault && Coverage.OfUnion(operation, branches, nullable).IsComplete;
    }
}
