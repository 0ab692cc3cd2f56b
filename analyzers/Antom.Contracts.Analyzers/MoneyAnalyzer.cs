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

            ImmutableHashSet<string> moneyKeys = MoneyKeys(start.Compilation);
            INamedTypeSymbol?[] jsonTypes =
            [
                start.Compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonNode"),
                start.Compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonObject"),
                start.Compilation.GetTypeByMetadataName("System.Text.Json.JsonElement"),
            ];
            start.RegisterOperationAction(c => AnalyzeKeyAccess(c, moneyKeys, jsonTypes), OperationKind.PropertyReference);
            start.RegisterOperationAction(
                c =>
                {
                    AnalyzeKeyAccess(c, moneyKeys, jsonTypes);
                    AnalyzeInvocation(c, money);
                },
                OperationKind.Invocation);
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

    // The JSON names of every generated contract's money fields: from this assembly's and every referenced
    // assembly's [AntomMoneyFields], which the generator emits, so a consumer's own schemas count too.
    private static ImmutableHashSet<string> MoneyKeys(Compilation compilation)
    {
        var keys = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols.Append(compilation.Assembly))
        {
            foreach (AttributeData attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == "Antom.Contracts.Serialization.AntomMoneyFieldsAttribute"
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array)
                {
                    foreach (TypedConstant name in attribute.ConstructorArguments[0].Values)
                    {
                        if (name.Value is string s)
                        {
                            keys.Add(s);
                        }
                    }
                }
            }
        }

        return keys.ToImmutable();
    }

    // node["captureAmount"], element.GetProperty("captureAmount"), dictionary["captureAmount"], TryGetValue(...), and a
    // "value" key used where the same method also reads a "currency" key.
    private static void AnalyzeKeyAccess(OperationAnalysisContext context, ImmutableHashSet<string> moneyKeys, INamedTypeSymbol?[] jsonTypes)
    {
        (ITypeSymbol? receiver, IOperation? key) = context.Operation switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer => (indexer.Property.ContainingType, indexer.Arguments[0].Value),
            IInvocationOperation { TargetMethod.Name: "GetProperty" or "TryGetProperty" or "TryGetPropertyValue" or "TryGetValue", Arguments.Length: > 0 } call => (call.TargetMethod.ContainingType, call.Arguments[0].Value),
            _ => (null, null),
        };
        if (receiver is null || key is null || key.ConstantValue is not { HasValue: true, Value: string name } || !IsKeyed(receiver, jsonTypes))
        {
            return;
        }

        bool money = moneyKeys.Contains(name)
                     || (name == "value" && key.Syntax.Ancestors().FirstOrDefault(a => a is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax) is { } body
                         && body.DescendantTokens().Any(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken) && t.ValueText == "currency"));
        if (money)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MoneyAsString, key.Syntax.GetLocation(), name, "a money field read out of raw JSON by key"));
        }
    }

    private static bool IsKeyed(ITypeSymbol receiver, INamedTypeSymbol?[] jsonTypes)
    {
        foreach (INamedTypeSymbol? json in jsonTypes)
        {
            if (json is not null && SymbolEqualityComparer.Default.Equals(receiver, json))
            {
                return true;
            }
        }

        string? definition = (receiver as INamedTypeSymbol)?.OriginalDefinition.ToDisplayString();
        return definition is "System.Collections.Generic.Dictionary<TKey, TValue>" or "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>";
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
