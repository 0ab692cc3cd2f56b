using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Antom.Contracts.Analyzers;

/// <summary>
/// ANTOM1001: a switch over <c>ResultStatus</c>, or any closed enum the generator marked, must name every member;
/// <c>default</c>, <c>_</c> and guarded arms do not count. Reported once per switch, at the <c>switch</c> keyword.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnhandledResultStatusAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The property bag key listing the missing members for the code fix.</summary>
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

            start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Switch, OperationKind.SwitchExpression);
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
        if (enumType is null)
        {
            return;
        }

        Coverage coverage = Coverage.Of(context.Operation, enumType, nullable);
        if (coverage.IsComplete)
        {
            return;
        }

        string subject = ClosedEnumSymbols.SubjectOf(enumType);
        var parts = coverage.Missing.Select(m =>
        {
            (string wire, string? description) = symbols.Describe(m);
            return $"{subject} {wire} ({m.Name}) is not handled" + (description is null ? string.Empty : ": " + description);
        }).ToList();
        if (coverage.MissingNull)
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
            .Add(MissingKey, string.Join(",", coverage.Missing.Select(m => m.Name)))
            .Add(MissingNullKey, coverage.MissingNull ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnhandledResultStatus, location, properties, string.Join("; ", parts)));
    }
}
