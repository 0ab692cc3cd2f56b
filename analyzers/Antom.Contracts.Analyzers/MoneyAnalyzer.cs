using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Antom.Contracts.Analyzers;

/// <summary>
/// ANTOM2001: money held as a raw string (a declaration whose name says money, typed <c>string</c>).
/// ANTOM2002: money through binary floating point (double/float into or out of <c>Money</c>, or a money-named
/// double/float declaration). The naming heuristics can be switched off with the MSBuild property
/// <c>AntomMoneyNamingHeuristics=false</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MoneyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The analyzer-config key of the MSBuild switch.</summary>
    public const string NamingSwitch = "build_property.AntomMoneyNamingHeuristics";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MoneyAsString, Descriptors.MoneyAsFloatingPoint);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? money = start.Compilation.GetTypeByMetadataName("Antom.Contracts.Money");
            if (money is null)
            {
                return;
            }

            bool naming = !(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(NamingSwitch, out string? value)
                            && string.Equals(value?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase));
            if (naming)
            {
                start.RegisterSymbolAction(AnalyzeDeclaration, SymbolKind.Property, SymbolKind.Field, SymbolKind.Method);
                start.RegisterOperationAction(AnalyzeLocal, OperationKind.VariableDeclarator);
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, money), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeConversion(c, money), OperationKind.Conversion);
        });
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context)
    {
        ISymbol symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || symbol.IsOverride)
        {
            return;
        }

        switch (symbol)
        {
            case IPropertySymbol property when property.ExplicitInterfaceImplementations.IsEmpty:
                Check(context.ReportDiagnostic, property, property.Type, "property");
                break;
            case IFieldSymbol field when !field.IsConst || field.Type.SpecialType != SpecialType.System_String:
                Check(context.ReportDiagnostic, field, field.Type, "field");
                break;
            case IFieldSymbol constant:
                Check(context.ReportDiagnostic, constant, constant.Type, "constant");
                break;
            case IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction } method when method.ExplicitInterfaceImplementations.IsEmpty:
                if (method.MethodKind == MethodKind.Ordinary)
                {
                    Check(context.ReportDiagnostic, method, method.ReturnType, "method return value");
                }

                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    if (!parameter.IsImplicitlyDeclared)
                    {
                        Check(context.ReportDiagnostic, parameter, parameter.Type, "parameter");
                    }
                }

                break;
        }
    }

    private static void AnalyzeLocal(OperationAnalysisContext context)
    {
        ILocalSymbol local = ((IVariableDeclaratorOperation)context.Operation).Symbol;
        if (!local.IsImplicitlyDeclared)
        {
            Check(context.ReportDiagnostic, local, local.Type, "local");
        }
    }

    private static void Check(System.Action<Diagnostic> report, ISymbol symbol, ITypeSymbol type, string kind)
    {
        if (!MoneyNaming.NamesMoney(symbol.Name) || symbol.Locations.FirstOrDefault(l => l.IsInSource) is not { } location)
        {
            return;
        }

        ITypeSymbol underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n ? n.TypeArguments[0] : type;
        if (underlying.SpecialType == SpecialType.System_String)
        {
            report(Diagnostic.Create(Descriptors.MoneyAsString, location, symbol.Name, kind));
        }
        else if (underlying.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        {
            report(Diagnostic.Create(Descriptors.MoneyAsFloatingPoint, location, $"'{symbol.Name}' ({kind}) holds money as {underlying.ToDisplayString()}"));
        }
    }

    // Money.FromMajorUnits((decimal)someDouble, ...), and ToMajorUnits() handed to a method that returns double/float.
    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol money)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, money) && method.Name == "FromMajorUnits" && invocation.Arguments.Length > 0)
        {
            IOperation amount = invocation.Arguments[0].Value;
            if (amount is IConversionOperation { Operand.Type.SpecialType: SpecialType.System_Double or SpecialType.System_Single } conversion)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.MoneyAsFloatingPoint, amount.Syntax.GetLocation(),
                    $"Money.FromMajorUnits receives a {conversion.Operand.Type!.ToDisplayString()} converted to decimal, which has already rounded the amount"));
            }

            return;
        }

        if (method.ReturnType.SpecialType is SpecialType.System_Double or SpecialType.System_Single
            && invocation.Arguments.Any(a => IsToMajorUnits(Unwrap(a.Value), money)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MoneyAsFloatingPoint, invocation.Syntax.GetLocation(),
                $"{method.ContainingType.Name}.{method.Name} turns Money.ToMajorUnits() into {method.ReturnType.ToDisplayString()}"));
        }
    }

    // (double)money.ToMajorUnits()
    private static void AnalyzeConversion(OperationAnalysisContext context, INamedTypeSymbol money)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.Type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single && IsToMajorUnits(Unwrap(conversion.Operand), money))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MoneyAsFloatingPoint, conversion.Syntax.GetLocation(),
                $"Money.ToMajorUnits() is converted to {conversion.Type.ToDisplayString()}"));
        }
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } c)
        {
            operation = c.Operand;
        }

        return operation;
    }

    private static bool IsToMajorUnits(IOperation operation, INamedTypeSymbol money)
        => operation is IInvocationOperation { TargetMethod.Name: "ToMajorUnits" } call && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, money);
}
