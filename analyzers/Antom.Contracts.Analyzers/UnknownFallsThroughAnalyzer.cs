using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Antom.Contracts.Analyzers;

/// <summary>
/// ANTOM1002: code that tests a closed Antom enum (<c>ResultStatus</c>) against some members and lets <c>Unknown</c>
/// reach a branch written for another status, without naming <c>Unknown</c> first. The shapes: an
/// <c>if</c>/<c>else if</c>/<c>else</c> chain or a conditional expression (with <c>==</c>, <c>!=</c>, <c>is</c>,
/// <c>is not</c>, <c>or</c>, property patterns, <c>&amp;&amp;</c>/<c>||</c> with other conditions, or a <c>bool</c>
/// local that holds such a test); an early-return guard (<c>if (s == Success) return ...;</c> and the code after it);
/// a <c>switch</c> on a response whose property-pattern arms leave Unknown to <c>_</c> or <c>default</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownFallsThroughAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnknownFallsThrough);

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
            // Operation actions, filtered by syntax first (the condition must name a status member other than Unknown,
            // from a name set resolved once per compilation). Operation actions on purpose: the driver builds each
            // body's operation tree once for every analyzer that asks, where a syntax action asking the semantic model
            // binds the body again inside our time (see ANTOM1001 and docs/performance.md). The reader is made at the
            // first conditional or switch, not here: at the compilation's start its lookups and its walk of the
            // declared types would pay for (or wait on) the compiler's own binding of references and declarations.
            var reader = new Lazy<StatusReader?>(
                () => ClosedEnumSymbols.From(start.Compilation) is { Marker: not null } symbols ? new StatusReader(start.Compilation, symbols) : null,
                LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterOperationAction(
                c =>
                {
                    if (!c.IsGeneratedCode && reader.Value is { } r)
                    {
                        AnalyzeConditional(new Site(c), r);
                    }
                },
                OperationKind.Conditional);
            start.RegisterOperationAction(
                c =>
                {
                    if (!c.IsGeneratedCode && reader.Value is { } r)
                    {
                        AnalyzeSwitch(new Site(c), r);
                    }
                },
                OperationKind.Switch,
                OperationKind.SwitchExpression);
        });
    }

    private static void AnalyzeConditional(Site context, StatusReader reader)
    {
        ExpressionSyntax condition;
        if (context.Node is not (IfStatementSyntax or ConditionalExpressionSyntax))
        {
            return;
        }

        if (context.Node is IfStatementSyntax ifStatement)
        {
            if (ifStatement.Parent is ElseClauseSyntax)
            {
                return; // an else-if: analysed as part of the chain that starts above it
            }

            condition = ifStatement.Condition;
        }
        else
        {
            var conditional = (ConditionalExpressionSyntax)context.Node;
            SyntaxNode child = conditional;
            while (child.Parent is ParenthesizedExpressionSyntax)
            {
                child = child.Parent;
            }

            if (child.Parent is ConditionalExpressionSyntax outer && outer.WhenFalse == child)
            {
                return; // the ': ' part of a chain that starts above it
            }

            condition = conditional.Condition;
        }

        if (!reader.MentionsName(condition) && !IsBoolLocalCandidate(condition, reader))
        {
            return;
        }

        if (context.Operation is IConditionalOperation head)
        {
            AnalyzeChain(context, reader, head);
        }
    }

    private static void AnalyzeChain(Site context, StatusReader reader, IConditionalOperation head)
    {
        StatusCondition? first = null;
        ulong remaining = 0;
        bool unknownTested = false;
        var branches = new List<IOperation>();
        IConditionalOperation current = head;
        while (true)
        {
            StatusCondition? test = reader.ReadBranchCondition(current.Condition, context.SemanticModel, context.CancellationToken, out ILocalSymbol? local);
            if (test is not { Kind: ConditionKind.Status } || (first is not null && !SameSubject(first, test)))
            {
                return; // a condition this rule does not understand: say nothing rather than guess
            }

            if (first is null)
            {
                first = test;
                remaining = Incoming(head.Syntax, test, reader, context.SemanticModel, context.CancellationToken);
            }

            StatusEnum status = test.Enum!;
            unknownTested |= test.NamesUnknown;
            if ((test.Neutral & remaining & status.UnknownBit) != 0 && !unknownTested)
            {
                Report(context, reader, head.Syntax, first, "the branch of " + ConditionText(current, local, context.CancellationToken));
                return;
            }

            remaining &= ~test.Must;
            branches.Add(current.WhenTrue);
            switch (current.WhenFalse)
            {
                case IConditionalOperation next when next.Syntax is IfStatementSyntax or ConditionalExpressionSyntax:
                    current = next;
                    break;
                case null:
                    // No else: Unknown reaches no branch of the chain, but it reaches the code after it when every
                    // branch leaves (an early-return guard).
                    if (!unknownTested && (remaining & status.UnknownBit) != 0 && (remaining & ~status.UnknownBit) != 0
                        && head.Syntax is IfStatementSyntax guard && branches.All(b => b.Syntax is StatementSyntax s && Leaves(s))
                        && CodeAfter(guard) is { Count: > 0 } after && !after.Any(s => MentionsMember(s, status)))
                    {
                        Report(context, reader, head.Syntax, first, "the code after 'if (" + guard.Condition + ")'" + (local is null ? string.Empty : $" ({local.Name} = {Held(local, context.CancellationToken)})"));
                    }

                    return;
                default:
                    if ((remaining & status.UnknownBit) != 0 && !unknownTested)
                    {
                        string branch = current.Syntax is ConditionalExpressionSyntax ? "the ': ' branch" : "the else branch";
                        Report(context, reader, head.Syntax, first, local is null ? branch : $"{branch} of {ConditionText(current, local, context.CancellationToken)}");
                    }

                    return;
            }
        }
    }

    // The members that can reach an if, a ?: or a switch: all, less those that guards before it sent away, in its block and in the
    // enclosing blocks of the same body (`if (s == Success) return ...; if (s == Failure) return ...;`: only Unknown
    // reaches the second guard's code after; `if (s == Unknown) return ...;` before a chain: Unknown reaches none of it).
    private static ulong Incoming(SyntaxNode head, StatusCondition test, StatusReader reader, SemanticModel model, CancellationToken cancellationToken)
    {
        ulong incoming = test.Enum!.All;
        SyntaxNode child = head;
        foreach (SyntaxNode ancestor in head.Ancestors())
        {
            if (ancestor is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                break;
            }

            SyntaxList<StatementSyntax> statements = ancestor switch
            {
                BlockSyntax b => b.Statements,
                SwitchSectionSyntax s => s.Statements,
                _ => default,
            };
            foreach (StatementSyntax statement in statements)
            {
                if (statement == child)
                {
                    break;
                }

                incoming &= statement switch
                {
                    IfStatementSyntax previous => PassesGuard(previous, test, reader, model, cancellationToken),
                    SwitchStatementSyntax previous => PassesSwitch(previous, test, reader, model, cancellationToken),
                    _ => test.Enum.All,
                };
            }

            child = ancestor;
        }

        return incoming;
    }

    // The members that get past an if-chain every branch of which leaves: those none of its conditions must hold.
    private static ulong PassesGuard(IfStatementSyntax guard, StatusCondition test, StatusReader reader, SemanticModel model, CancellationToken cancellationToken)
    {
        ulong all = test.Enum!.All;
        if ((!reader.MentionsAnyName(guard.Condition) && !IsIdentifierTest(guard.Condition))
            || model.GetOperation(guard, cancellationToken) is not IConditionalOperation chain)
        {
            return all;
        }

        ulong after = all;
        IConditionalOperation current = chain;
        while (true)
        {
            if (reader.ReadBranchCondition(current.Condition, model, cancellationToken, out _) is not { Kind: ConditionKind.Status } condition
                || !SameSubject(condition, test) || current.WhenTrue.Syntax is not StatementSyntax branch || !Leaves(branch))
            {
                return all;
            }

            after &= ~condition.Must;
            switch (current.WhenFalse)
            {
                case null:
                    return after;
                case IConditionalOperation { Syntax: IfStatementSyntax } next:
                    current = next;
                    break;
                default:
                    return all; // an else: not a guard
            }
        }
    }

    // A switch on the same status before the if: a section whose labels are status members and that returns or throws
    // (a break only leaves the switch) sends those members away: `switch (s) { case Unknown: return "wait"; }`.
    private static ulong PassesSwitch(SwitchStatementSyntax previous, StatusCondition test, StatusReader reader, SemanticModel model, CancellationToken cancellationToken)
    {
        ulong all = test.Enum!.All;
        if (!reader.MentionsAnyName(previous) || model.GetOperation(previous, cancellationToken) is not ISwitchOperation operation
            || !reader.TrySubject(operation.Value, out StatusEnum? status, out ISymbol? subject)
            || !SymbolEqualityComparer.Default.Equals(status!.Type, test.Enum.Type) || !SymbolEqualityComparer.Default.Equals(subject, test.Subject))
        {
            return all;
        }

        ulong after = all;
        foreach (ISwitchCaseOperation section in operation.Cases)
        {
            if (section.Syntax is not SwitchSectionSyntax { Statements.Count: > 0 } syntax || !ReturnsOrThrows(syntax.Statements[syntax.Statements.Count - 1]))
            {
                continue;
            }

            foreach (ICaseClauseOperation clause in section.Clauses)
            {
                if (clause is ISingleValueCaseClauseOperation { Value.ConstantValue: { HasValue: true, Value: { } value } })
                {
                    after &= ~status.Bit(value);
                }
            }
        }

        return after;
    }

    private static bool ReturnsOrThrows(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax => true,
        BlockSyntax b => b.Statements.Count > 0 && ReturnsOrThrows(b.Statements[b.Statements.Count - 1]),
        _ => false,
    };

    // `ok`, `!ok`, `(ok)`: a condition that may be a bool local holding a status test (read on demand).
    private static bool IsIdentifierTest(ExpressionSyntax condition) => TestedIdentifier(condition) is not null;

    // The name a condition tests, under parentheses and `!`: `ok` in `!(ok)`; null when it is anything else.
    private static IdentifierNameSyntax? TestedIdentifier(ExpressionSyntax condition)
    {
        while (condition is ParenthesizedExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression })
        {
            condition = condition is ParenthesizedExpressionSyntax p ? p.Expression : ((PrefixUnaryExpressionSyntax)condition).Operand;
        }

        return condition as IdentifierNameSyntax;
    }

    private static void AnalyzeSwitch(Site context, StatusReader reader)
    {
        // Only switches with a property pattern that names a status member: a switch on the status itself is ANTOM1001's.
        if (!HasStatusPropertyPattern(context.Node, reader))
        {
            return;
        }

        IOperation operation = context.Operation;
        IOperation? value = operation switch
        {
            ISwitchOperation s => s.Value,
            ISwitchExpressionOperation e => e.Value,
            _ => null,
        };
        if (value is null || reader.Symbols.MarkedEnum(value.Type, out _) is not null)
        {
            return;
        }

        // Each arm in order, with the text the message names it by; the catch-all (`_`, `default`) reads as True.
        var arms = new List<(StatusCondition? Test, string Text)>();
        if (operation is ISwitchExpressionOperation switchExpression)
        {
            foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms)
            {
                StatusCondition? test = reader.ReadPattern(arm.Pattern, value);
                if (arm.Guard is not null)
                {
                    test = StatusCondition.And(test, reader.Read(arm.Guard));
                }

                arms.Add((test, "the arm '" + arm.Pattern.Syntax + "'"));
            }
        }
        else
        {
            string? defaultText = null;
            foreach (ISwitchCaseOperation section in ((ISwitchOperation)operation!).Cases)
            {
                StatusCondition? test = null;
                bool isDefault = false;
                foreach (ICaseClauseOperation clause in section.Clauses)
                {
                    StatusCondition? one = clause switch
                    {
                        IPatternCaseClauseOperation p => p.Guard is null ? reader.ReadPattern(p.Pattern, value) : StatusCondition.And(reader.ReadPattern(p.Pattern, value), reader.Read(p.Guard)),
                        IDefaultCaseClauseOperation => StatusCondition.True,
                        _ => StatusCondition.Opaque,
                    };
                    isDefault |= clause is IDefaultCaseClauseOperation;
                    test = test is null ? one : StatusCondition.Or(test, one);
                }

                if (isDefault)
                {
                    defaultText = "the default section";
                }
                else
                {
                    arms.Add((test, "the section '" + section.Clauses[0].Syntax + "'"));
                }
            }

            if (defaultText is not null)
            {
                arms.Add((StatusCondition.True, defaultText)); // default is taken last, wherever it is written
            }
        }

        StatusCondition? first = null;
        ulong remaining = 0;
        bool unknownTested = false;
        foreach ((StatusCondition? test, string text) in arms)
        {
            switch (test?.Kind)
            {
                case null:
                    return;
                case ConditionKind.Opaque:
                    continue; // `null =>`, `{ CaptureId: null } =>`: says nothing about the status
                case ConditionKind.True:
                    if (first is not null && (remaining & first.Enum!.UnknownBit) != 0 && !unknownTested)
                    {
                        Report(context, reader, context.Node, first, text);
                    }

                    return;
            }

            if (first is null)
            {
                first = test;
                remaining = Incoming(context.Node, test, reader, context.SemanticModel, context.CancellationToken);
            }
            else if (!SameSubject(first, test))
            {
                return;
            }

            unknownTested |= test.NamesUnknown;
            if ((test.Neutral & remaining & first.Enum!.UnknownBit) != 0 && !unknownTested)
            {
                Report(context, reader, context.Node, first, text);
                return;
            }

            remaining &= ~test.Must;
        }
    }

    // Syntax only: an arm or case label whose pattern holds a property pattern and names a status member.
    private static bool HasStatusPropertyPattern(SyntaxNode node, StatusReader reader)
    {
        if (node is SwitchExpressionSyntax expression)
        {
            foreach (SwitchExpressionArmSyntax arm in expression.Arms)
            {
                if (HasRecursivePattern(arm.Pattern) && reader.MentionsName(arm.Pattern))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (SwitchSectionSyntax section in ((SwitchStatementSyntax)node).Sections)
        {
            foreach (SwitchLabelSyntax label in section.Labels)
            {
                if (label is CasePatternSwitchLabelSyntax { Pattern: { } pattern } && HasRecursivePattern(pattern) && reader.MentionsName(pattern))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Whether the node or one below it is a recursive (property or positional) pattern; a walk without allocation.
    private static bool HasRecursivePattern(SyntaxNode node)
    {
        if (node.IsKind(SyntaxKind.RecursivePattern))
        {
            return true;
        }

        foreach (SyntaxNodeOrToken child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } inner && HasRecursivePattern(inner))
            {
                return true;
            }
        }

        return false;
    }

    // How a message names a branch's condition (text made only when something is reported).
    private static string ConditionText(IConditionalOperation branch, ILocalSymbol? local, CancellationToken cancellationToken)
        => local is null ? "'" + branch.Condition.Syntax + "'" : $"'{branch.Condition.Syntax}' ({local.Name} = {Held(local, cancellationToken)})";

    private static bool SameSubject(StatusCondition a, StatusCondition b)
        => SymbolEqualityComparer.Default.Equals(a.Enum!.Type, b.Enum!.Type) && SymbolEqualityComparer.Default.Equals(a.Subject, b.Subject);

    // `if (ok)` / `if (!ok)` where a declaration before it, in an enclosing block, gives `ok` a status test.
    private static bool IsBoolLocalCandidate(ExpressionSyntax condition, StatusReader reader)
    {
        if (TestedIdentifier(condition) is not { } name)
        {
            return false;
        }

        foreach (SyntaxNode ancestor in name.Ancestors())
        {
            SyntaxList<StatementSyntax> statements = ancestor switch
            {
                BlockSyntax b => b.Statements,
                SwitchSectionSyntax s => s.Statements,
                _ => default,
            };
            foreach (StatementSyntax statement in statements)
            {
                if (statement.SpanStart >= name.SpanStart)
                {
                    break;
                }

                if (statement is LocalDeclarationStatementSyntax declaration
                    && declaration.Declaration.Variables.Any(v => v.Identifier.ValueText == name.Identifier.ValueText && v.Initializer is { } init && reader.MentionsName(init.Value)))
                {
                    return true;
                }
            }

            if (ancestor is MemberDeclarationSyntax)
            {
                break;
            }
        }

        return false;
    }

    private static string Held(ILocalSymbol local, CancellationToken cancellationToken)
        => local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value } ? value.ToString() : local.Name;

    // A statement that cannot complete normally, read from syntax alone: return, throw, break, continue, goto, yield
    // break, a block that ends in one, an if/else whose two branches both leave.
    private static bool Leaves(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax => true,
        YieldStatementSyntax y => y.IsKind(SyntaxKind.YieldBreakStatement),
        BlockSyntax b => b.Statements.Count > 0 && Leaves(b.Statements[b.Statements.Count - 1]),
        IfStatementSyntax { Else: { } e } i => Leaves(i.Statement) && Leaves(e.Statement),
        _ => false,
    };

    private static List<StatementSyntax> CodeAfter(IfStatementSyntax guard)
    {
        SyntaxList<StatementSyntax> statements = guard.Parent switch
        {
            BlockSyntax b => b.Statements,
            SwitchSectionSyntax s => s.Statements,
            _ => default,
        };
        int index = statements.IndexOf(guard);
        return index < 0 ? new List<StatementSyntax>() : statements.Skip(index + 1).Where(s => s is not LocalFunctionStatementSyntax).ToList();
    }

    // The code after a guard tests the status again (any member named, Unknown too): it is not written for one status.
    private static bool MentionsMember(SyntaxNode node, StatusEnum status)
        => node.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && status.Members.Any(m => m.Name == t.ValueText));

    private static void Report(Site context, StatusReader reader, SyntaxNode head, StatusCondition test, string branch)
    {
        StatusEnum status = test.Enum!;
        if (UnknownExcludedAround(head, test, reader, context.SemanticModel, context.CancellationToken)
            || InExpressionTree(head, reader, context.SemanticModel, context.CancellationToken))
        {
            return;
        }

        IFieldSymbol unknown = status.Unknown;
        (string wire, _) = reader.Symbols.Describe(unknown);
        string subject = ClosedEnumSymbols.SubjectOf(unknown.ContainingType);
        Location location = head switch
        {
            IfStatementSyntax s => s.IfKeyword.GetLocation(),
            ConditionalExpressionSyntax c => c.QuestionToken.GetLocation(),
            SwitchStatementSyntax s => s.SwitchKeyword.GetLocation(),
            SwitchExpressionSyntax e => e.SwitchKeyword.GetLocation(),
            _ => head.GetLocation(),
        };
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownFallsThrough, location, subject, wire, unknown.Name, branch, unknown.ContainingType.Name));
    }

    // Inside a branch of an enclosing test of the same status that Unknown cannot reach (`if (s == Failure) { ... }`,
    // the else of `if (s is Unknown or ...)`): the status is known not to be Unknown here. Read only on a finding.
    private static bool UnknownExcludedAround(SyntaxNode head, StatusCondition test, StatusReader reader, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode child = head;
        foreach (SyntaxNode ancestor in head.Ancestors())
        {
            (ExpressionSyntax? condition, bool inTrue, bool inFalse) = ancestor switch
            {
                IfStatementSyntax i => (i.Condition, child == i.Statement, child == i.Else),
                ConditionalExpressionSyntax c => (c.Condition, child == c.WhenTrue, child == c.WhenFalse),
                _ => (null, false, false),
            };
            child = ancestor;
            if (ancestor is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                break;
            }

            if (condition is null || (!inTrue && !inFalse) || (!reader.MentionsAnyName(condition) && !IsIdentifierTest(condition))
                || model.GetOperation(condition, cancellationToken) is not { } operation
                || reader.ReadBranchCondition(operation, model, cancellationToken, out _) is not { Kind: ConditionKind.Status } enclosing
                || !SameSubject(enclosing, test))
            {
                continue;
            }

            ulong reaching = inTrue ? enclosing.May : enclosing.Enum!.All & ~enclosing.Must;
            if ((reaching & enclosing.Enum!.UnknownBit) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InExpressionTree(SyntaxNode head, StatusReader reader, SemanticModel model, CancellationToken cancellationToken)
        => reader.ExpressionOfT is { } expression
           && head.Ancestors().OfType<AnonymousFunctionExpressionSyntax>()
               .Any(f => SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(f, cancellationToken).ConvertedType?.OriginalDefinition, expression));

    // What the rule needs of the operation action it runs in: the operation and its syntax, the semantic model for the
    // (rare) look-ups around a finding, and the report.
    private readonly struct Site
    {
        private readonly OperationAnalysisContext _context;

        public Site(OperationAnalysisContext context) => _context = context;

        public IOperation Operation => _context.Operation;

        public SyntaxNode Node => _context.Operation.Syntax;

        public SemanticModel SemanticModel => _context.Operation.SemanticModel!;

        public CancellationToken CancellationToken => _context.CancellationToken;

        public void ReportDiagnostic(Diagnostic diagnostic) => _context.ReportDiagnostic(diagnostic);
    }
}
