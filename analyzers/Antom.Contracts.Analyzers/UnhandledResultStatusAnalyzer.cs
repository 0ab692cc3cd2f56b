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
        // Generated code is skipped by the callbacks (context.IsGeneratedCode), not by the driver's filter on
        // reported diagnostics, which works out inside our time which symbols of a whole file are generated (see
        // MoneyAnalyzer).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        // An operation action on purpose: the driver builds each body's operation tree once for every analyzer that
        // asks (the SDK's own analyzers do), where a syntax action that asks the semantic model for a switch's type
        // binds the body again inside our time (measured: 0.4 s against 0.05 s on 1,000 files). The symbols are read
        // at the first switch, once per compilation for all the rules: read when the compilation starts, they would
        // pay for (or wait on) the compiler's own binding of the references inside our time. Each switch then reads
        // them from this compilation's Lazy, not from the shared table.
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = new Lazy<ClosedEnumSymbols?>(() => ClosedEnumSymbols.From(start.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterOperationAction(
                c =>
                {
                    if (!c.IsGeneratedCode && symbols.Value is { } s)
                    {
                        Analyze(c, s);
                    }
                },
                OperationKind.Switch,
                OperationKind.SwitchExpression);
        });
    }

    private static void Analyze(OperationAnalysisContext context, ClosedEnumSymbols symbols)
    {
        IOperation value = context.Operation switch
        {
            ISwitchOperation s => s.Value,
            ISwitchExpressionOperation e => e.Value,
            _ => null!,
        };
        INamedTypeSymbol? enumType = symbols.MarkedEnum(value?.Type, out bool nullable);
        if (enumType is not null)
        {
            Coverage coverage = Coverage.Of(context.Operation, enumType, nullable, symbols);
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

        ImmutableArray<INamedTypeSymbol> branches = symbols.MarkedUnion(value?.Type, out nullable);
        if (!branches.IsDefault && value!.Type is INamedTypeSymbol union)
        {
            Coverage coverage = Coverage.OfUnion(context.Operation, branches, nullable);
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

    private static void Report(OperationAnalysisContext context, string subject, List<string> parts, IEnumerable<string> missingNames, bool missingNull)
    {
        if (missingNull)
        {
            parts.Add($"a null {subject} is not handled");
        }

        Location location = context.Operation.Syntax switch
        {
            SwitchStatementSyntax s => s.SwitchKeyword.GetLocation(),
            SwitchExpressionSyntax e => e.SwitchKeyword.GetLocation(),
            _ => context.Operation.Syntax.GetLocation(),
        };
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(MissingKey, string.Join(",", missingNames))
            .Add(MissingNullKey, missingNull ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnhandledResultStatus, location, properties, string.Join("; ", parts)));
    }
}
