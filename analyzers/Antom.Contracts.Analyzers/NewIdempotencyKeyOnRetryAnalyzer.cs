using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Antom.Contracts.Analyzers;

/// <summary>
/// ANTOM1003: in a retry path (the block of a <c>catch</c> of <c>AntomOutcomeUnknownException</c>, or a branch taken
/// when a <c>ResultStatus</c> is <c>Unknown</c>) a <c>CaptureRequest</c>, <c>RefundRequest</c>, <c>PayRequest</c> or
/// <c>UpdateAmountRequest</c> is given an idempotency key computed there: a literal, an interpolation, a
/// concatenation, a call (<c>Guid.NewGuid().ToString()</c>), or a local declared in the retry path from one of those.
/// Keys read from a variable, parameter, field or property (<c>original.CaptureRequestId</c>,
/// <c>ex.IdempotencyKey</c>, a local declared before the try) are the key that was sent and stay silent.
/// Reported at the new key.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NewIdempotencyKeyOnRetryAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The property bag key with the expression the code fix puts in place of the new key (absent when none is in scope).</summary>
    internal const string ReplacementKey = "Replacement";

    // The request types whose id is an idempotency key, with the key's property and the operation's name. A
    // CancelRequest is left out: its paymentId/paymentRequestId name the payment to cancel, not the cancel, and a new
    // one names no payment (Antom answers ORDER_NOT_EXIST) instead of cancelling twice.
    private static readonly (string Type, string Key, string Operation)[] Keyed =
    [
        ("Antom.Contracts.CaptureRequest", "CaptureRequestId", "capture"),
        ("Antom.Contracts.RefundRequest", "RefundRequestId", "refund"),
        ("Antom.Contracts.PayRequest", "PaymentRequestId", "pay"),
        ("Antom.Contracts.UpdateAmountRequest", "UpdateRequestId", "updateAmount"),
    ];

    private static readonly ImmutableHashSet<string> KeyNames = ImmutableHashSet.Create(System.StringComparer.Ordinal, Keyed.Select(k => k.Key).ToArray());

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NewIdempotencyKeyOnRetry);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // Generated code is skipped by the callbacks (context.IsGeneratedCode), not by the driver's filter on
        // reported diagnostics, which works out inside our time which symbols of a whole file are generated (see
        // MoneyAnalyzer).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // The symbols are read at the first assignment that needs them, not when the compilation starts (see ANTOM1001).
            var symbols = new Lazy<Symbols?>(() => Symbols.From(start.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSyntaxNodeAction(c => Analyze(c, symbols), SyntaxKind.SimpleAssignmentExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, Lazy<Symbols?> lazySymbols)
    {
        // Syntax first: `CaptureRequestId = ...` inside `new X { ... }` or `x with { ... }`, somewhere below a catch,
        // an if, a switch section or arm, or a conditional expression.
        var assignment = (AssignmentExpressionSyntax)context.Node;
        if (context.IsGeneratedCode
            || assignment.Left is not IdentifierNameSyntax { Identifier.ValueText: { } name } left
            || !KeyNames.Contains(name)
            || assignment.Parent is not InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax or WithExpressionSyntax } initializer
            || !MayBeInRetryPath(assignment))
        {
            return;
        }

        if (lazySymbols.Value is not { } symbols)
        {
            return; // Antom.Contracts is not referenced
        }

        SemanticModel model = context.SemanticModel;
        CancellationToken ct = context.CancellationToken;
        if (model.GetSymbolInfo(left, ct).Symbol is not IPropertySymbol property
            || !symbols.Keys.TryGetValue(property.ContainingType, out (IPropertySymbol Key, string Operation) keyed)
            || !SymbolEqualityComparer.Default.Equals(property, keyed.Key))
        {
            return;
        }

        (SyntaxNode Region, string Why, CatchClauseSyntax? Catch)? path = RetryPath(assignment, model, symbols, ct);
        if (path is not { } retry || !IsFresh(assignment.Right, retry.Region, model, 0, ct))
        {
            return;
        }

        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        if (Replacement(initializer.Parent!, assignment, property, retry, model, symbols, ct) is { } replacement)
        {
            properties = properties.Add(ReplacementKey, replacement);
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NewIdempotencyKeyOnRetry, assignment.Right.GetLocation(), properties, property.Name, retry.Why, keyed.Operation));
    }

    private static bool MayBeInRetryPath(SyntaxNode node)
    {
        foreach (SyntaxNode ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case CatchClauseSyntax or IfStatementSyntax or SwitchSectionSyntax or SwitchExpressionArmSyntax or ConditionalExpressionSyntax:
                    return true;
                case MemberDeclarationSyntax or LocalFunctionStatementSyntax:
                    return false;
            }
        }

        return false;
    }

    // The outermost retry path the node is in, with why it is one; null when it is in none.
    private static (SyntaxNode Region, string Why, CatchClauseSyntax? Catch)? RetryPath(SyntaxNode node, SemanticModel model, Symbols symbols, CancellationToken ct)
    {
        (SyntaxNode Region, string Why, CatchClauseSyntax? Catch)? found = null;
        SyntaxNode child = node;
        foreach (SyntaxNode ancestor in node.Ancestors())
        {
            if (ancestor is MemberDeclarationSyntax or LocalFunctionStatementSyntax)
            {
                break;
            }

            switch (ancestor)
            {
                case CatchClauseSyntax c when child == c.Block && CatchesOutcomeUnknown(c, model, symbols, ct):
                    found = (c.Block, "after AntomOutcomeUnknownException", c);
                    break;
                case IfStatementSyntax i when (child == i.Statement && Tests(i.Condition, model, symbols, ct) == Polarity.IsUnknown)
                                              || (child == i.Else && Tests(i.Condition, model, symbols, ct) == Polarity.IsNotUnknown):
                    found = (child, "where resultStatus is U (Unknown)", null);
                    break;
                case ConditionalExpressionSyntax e when (child == e.WhenTrue && Tests(e.Condition, model, symbols, ct) == Polarity.IsUnknown)
                                                      || (child == e.WhenFalse && Tests(e.Condition, model, symbols, ct) == Polarity.IsNotUnknown):
                    found = (child, "where resultStatus is U (Unknown)", null);
                    break;
                case SwitchSectionSyntax s when s.Labels.Any(l => LabelMatchesUnknown(l, model, symbols, ct)):
                    found = (s, "where resultStatus is U (Unknown)", null);
                    break;
                case SwitchExpressionArmSyntax a when child == a.Expression && PatternMatchesUnknown(a.Pattern, model, symbols, ct):
                    found = (a.Expression, "where resultStatus is U (Unknown)", null);
                    break;
            }

            child = ancestor;
        }

        return found;
    }

    private static bool CatchesOutcomeUnknown(CatchClauseSyntax clause, SemanticModel model, Symbols symbols, CancellationToken ct)
    {
        if (clause.Declaration is { } declaration && symbols.IsOutcomeUnknown(model.GetTypeInfo(declaration.Type, ct).Type))
        {
            return true;
        }

        // catch (AntomTransportException e) when (e is AntomOutcomeUnknownException)
        return clause.Filter is { } filter
               && filter.FilterExpression.DescendantNodesAndSelf().OfType<SimpleNameSyntax>()
                   .Any(n => n.Identifier.ValueText == "AntomOutcomeUnknownException" && symbols.IsOutcomeUnknown(model.GetSymbolInfo(n, ct).Symbol as ITypeSymbol));
    }

    private enum Polarity
    {
        Unread,
        IsUnknown,
        IsNotUnknown,
    }

    // What a condition says about Unknown when it is true: `s == Unknown`, `s is Unknown`, `r is { ResultStatus: Unknown }`,
    // `s is Failure or Unknown` and `&&` with one of those say it is Unknown; `s != Unknown` and `s is not Unknown` say it is not.
    private static Polarity Tests(ExpressionSyntax condition, SemanticModel model, Symbols symbols, CancellationToken ct)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax p:
                return Tests(p.Expression, model, symbols, ct);
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.EqualsExpression) || b.IsKind(SyntaxKind.NotEqualsExpression):
                if (NamesUnknown(b.Left, model, symbols, ct) || NamesUnknown(b.Right, model, symbols, ct))
                {
                    return b.IsKind(SyntaxKind.EqualsExpression) ? Polarity.IsUnknown : Polarity.IsNotUnknown;
                }

                return Polarity.Unread;
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LogicalAndExpression):
                return Tests(b.Left, model, symbols, ct) == Polarity.IsUnknown || Tests(b.Right, model, symbols, ct) == Polarity.IsUnknown ? Polarity.IsUnknown : Polarity.Unread;
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LogicalOrExpression):
                return Tests(b.Left, model, symbols, ct) == Polarity.IsNotUnknown || Tests(b.Right, model, symbols, ct) == Polarity.IsNotUnknown ? Polarity.IsNotUnknown : Polarity.Unread;
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.IsExpression):
                return NamesUnknown(b.Right, model, symbols, ct) ? Polarity.IsUnknown : Polarity.Unread; // s is ResultStatus.Unknown
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { OperatorToken.RawKind: (int)SyntaxKind.NotKeyword } not }:
                return PatternMatchesUnknown(not.Pattern, model, symbols, ct) ? Polarity.IsNotUnknown : Polarity.Unread;
            case IsPatternExpressionSyntax i:
                return PatternMatchesUnknown(i.Pattern, model, symbols, ct) ? Polarity.IsUnknown : Polarity.Unread;
            default:
                return Polarity.Unread;
        }
    }

    private static bool LabelMatchesUnknown(SwitchLabelSyntax label, SemanticModel model, Symbols symbols, CancellationToken ct) => label switch
    {
        CaseSwitchLabelSyntax c => NamesUnknown(c.Value, model, symbols, ct),
        CasePatternSwitchLabelSyntax p => PatternMatchesUnknown(p.Pattern, model, symbols, ct),
        _ => false,
    };

    // A pattern that Unknown can match because it names Unknown outside any `not`.
    private static bool PatternMatchesUnknown(PatternSyntax pattern, SemanticModel model, Symbols symbols, CancellationToken ct) => pattern switch
    {
        ConstantPatternSyntax c => NamesUnknown(c.Expression, model, symbols, ct),
        ParenthesizedPatternSyntax p => PatternMatchesUnknown(p.Pattern, model, symbols, ct),
        BinaryPatternSyntax b => PatternMatchesUnknown(b.Left, model, symbols, ct) || PatternMatchesUnknown(b.Right, model, symbols, ct),
        RecursivePatternSyntax r => r.PropertyPatternClause?.Subpatterns.Any(s => PatternMatchesUnknown(s.Pattern, model, symbols, ct)) == true
                                    || r.PositionalPatternClause?.Subpatterns.Any(s => PatternMatchesUnknown(s.Pattern, model, symbols, ct)) == true,
        _ => false,
    };

    private static bool NamesUnknown(ExpressionSyntax expression, SemanticModel model, Symbols symbols, CancellationToken ct)
    {
        SimpleNameSyntax? name = expression switch
        {
            MemberAccessExpressionSyntax m => m.Name,
            QualifiedNameSyntax q => q.Right,
            IdentifierNameSyntax i => i,
            _ => null,
        };
        return name is { Identifier.ValueText: "Unknown" } && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression, ct).Symbol, symbols.Unknown);
    }

    // Whether a key is computed in the retry path rather than read from what was sent.
    private static bool IsFresh(ExpressionSyntax expression, SyntaxNode region, SemanticModel model, int depth, CancellationToken ct)
    {
        if (depth > 4)
        {
            return false;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax p:
                return IsFresh(p.Expression, region, model, depth, ct);
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                return IsFresh(bang.Operand, region, model, depth, ct);
            case CastExpressionSyntax cast:
                return IsFresh(cast.Expression, region, model, depth, ct);
            case LiteralExpressionSyntax literal:
                return literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.NumericLiteralExpression);
            case InterpolatedStringExpressionSyntax:
            case BaseObjectCreationExpressionSyntax:
                return true;
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression):
                return true;
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.CoalesceExpression):
                return IsFresh(b.Left, region, model, depth + 1, ct) || IsFresh(b.Right, region, model, depth + 1, ct);
            case ConditionalExpressionSyntax c:
                return IsFresh(c.WhenTrue, region, model, depth + 1, ct) || IsFresh(c.WhenFalse, region, model, depth + 1, ct);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } m, ArgumentList.Arguments.Count: 0 }:
                return IsFresh(m.Expression, region, model, depth + 1, ct); // ex.IdempotencyKey.ToString() is the same key
            case InvocationExpressionSyntax:
                return true; // Guid.NewGuid().ToString(), NewCaptureId(), string.Concat(...)
            case MemberAccessExpressionSyntax m:
                return m.Expression is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax && IsFresh(m.Expression, region, model, depth + 1, ct);
            case IdentifierNameSyntax identifier:
                if (model.GetSymbolInfo(identifier, ct).Symbol is ILocalSymbol local
                    && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct) is VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator
                    && region.Span.Contains(declarator.Span))
                {
                    return IsFresh(initial, region, model, depth + 1, ct);
                }

                return false;
            default:
                return false;
        }
    }

    // What the fix puts in place of the new key: the key of the request the `with` copies, or of the one request
    // variable of the same type in scope that was declared before the retry path, or the caught exception's key.
    private static string? Replacement(SyntaxNode creation, AssignmentExpressionSyntax assignment, IPropertySymbol key, (SyntaxNode Region, string Why, CatchClauseSyntax? Catch) retry, SemanticModel model, Symbols symbols, CancellationToken ct)
    {
        if (creation is WithExpressionSyntax with
            && with.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
            && !IsFresh(with.Expression, retry.Region, model, 0, ct))
        {
            return with.Expression.WithoutTrivia().ToString() + "." + key.Name;
        }

        List<ISymbol> requests = model.LookupSymbols(assignment.SpanStart)
            .Where(s => s switch
            {
                ILocalSymbol l => SymbolEqualityComparer.Default.Equals(l.Type, key.ContainingType)
                                  && l.DeclaringSyntaxReferences.FirstOrDefault() is { } reference
                                  && reference.SyntaxTree == assignment.SyntaxTree
                                  && reference.Span.End <= assignment.SpanStart
                                  && !retry.Region.Span.Contains(reference.Span),
                IParameterSymbol p => SymbolEqualityComparer.Default.Equals(p.Type, key.ContainingType),
                _ => false,
            })
            .ToList();
        if (requests.Count == 1)
        {
            return Escaped(requests[0].Name) + "." + key.Name;
        }

        if (retry.Catch?.Declaration is { Identifier.ValueText: { Length: > 0 } exception } declaration
            && symbols.IsOutcomeUnknown(model.GetTypeInfo(declaration.Type, ct).Type))
        {
            return Escaped(exception) + ".IdempotencyKey";
        }

        return null;
    }

    private static string Escaped(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private sealed class Symbols
    {
        private Symbols(Dictionary<INamedTypeSymbol, (IPropertySymbol Key, string Operation)> keys, INamedTypeSymbol? outcomeUnknown, IFieldSymbol? unknown)
        {
            Keys = keys;
            OutcomeUnknown = outcomeUnknown;
            Unknown = unknown;
        }

        public Dictionary<INamedTypeSymbol, (IPropertySymbol Key, string Operation)> Keys { get; }

        public INamedTypeSymbol? OutcomeUnknown { get; }

        public IFieldSymbol? Unknown { get; }

        public static Symbols? From(Compilation compilation)
        {
            var keys = new Dictionary<INamedTypeSymbol, (IPropertySymbol, string)>(SymbolEqualityComparer.Default);
            foreach ((string type, string key, string operation) in Keyed)
            {
                if (ClosedEnumSymbols.AntomType(compilation, type) is { } request
                    && request.GetMembers(key).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
                {
                    keys.Add(request, (property, operation));
                }
            }

            INamedTypeSymbol? outcomeUnknown = ClosedEnumSymbols.AntomType(compilation, "Antom.Contracts.Http.AntomOutcomeUnknownException");
            IFieldSymbol? unknown = ClosedEnumSymbols.AntomType(compilation, "Antom.Contracts.ResultStatus")?.GetMembers("Unknown").OfType<IFieldSymbol>().FirstOrDefault();
            return keys.Count == 0 || (outcomeUnknown is null && unknown is null) ? null : new Symbols(keys, outcomeUnknown, unknown);
        }

        public bool IsOutcomeUnknown(ITypeSymbol? type)
        {
            for (ITypeSymbol? t = type; t is not null && OutcomeUnknown is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, OutcomeUnknown))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
