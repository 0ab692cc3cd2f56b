using System;
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
        // Generated code is skipped by each callback (context.IsGeneratedCode, which the driver has already worked out
        // for the symbol or declaration), not by the driver's filter on reported diagnostics: that filter works out,
        // inside our time, which symbols of the whole file are generated, for every file we report in.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Nothing is looked up here. A compilation-start action runs while the compiler is still binding the
            // references and declaring the symbols, so a lookup made here pays for (or waits on) that work inside our
            // time; made at the first callback that needs it, it finds it done. Only the options are read here.
            bool naming = !(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(NamingSwitch, out string? value)
                            && string.Equals(value?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase));
            var lazy = new Lazy<MoneySymbols?>(() => MoneySymbols.From(start.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            if (naming)
            {
                start.RegisterSymbolAction(
                    c =>
                    {
                        if (!c.IsGeneratedCode && lazy.Value is not null)
                        {
                            AnalyzeDeclaration(c);
                        }
                    },
                    SymbolKind.Property,
                    SymbolKind.Field,
                    SymbolKind.Method);
                start.RegisterSyntaxNodeAction(
                    c =>
                    {
                        if (!c.IsGeneratedCode && lazy.Value is not null)
                        {
                            AnalyzeLocal(c);
                        }
                    },
                    SyntaxKind.VariableDeclarator);
            }

            // Candidates are found by syntax (a literal key, a call named FromMajorUnits, a ToMajorUnits() call in an
            // argument or a cast); the operation tree is asked for only for those.
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    if (c.IsGeneratedCode || lazy.Value is not { } symbols)
                    {
                        return;
                    }

                    if (IsKeyCandidate(c.Node, symbols.MoneyKeys) && c.SemanticModel.GetOperation(c.Node, c.CancellationToken) is { } access)
                    {
                        AnalyzeKeyAccess(access, c.ReportDiagnostic, symbols.MoneyKeys.Value, symbols.JsonTypes.Value);
                    }

                    if (c.Node is InvocationExpressionSyntax call && IsConversionCandidate(call) && c.SemanticModel.GetOperation(call, c.CancellationToken) is IInvocationOperation invocation)
                    {
                        AnalyzeInvocation(invocation, c.ReportDiagnostic, symbols.Money);
                    }
                },
                SyntaxKind.ElementAccessExpression,
                SyntaxKind.InvocationExpression);

            // Money built as key/value data: a string-keyed dictionary or JsonObject initialised with a "currency" and a
            // "value" key, and an anonymous object with currency and value members handed to a serializer.
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    if (!c.IsGeneratedCode && lazy.Value is { } symbols
                        && KeyValueMoney.KeyedCandidate((InitializerExpressionSyntax)c.Node) is { } valueKey
                        && c.SemanticModel.GetTypeInfo(c.Node.Parent!, c.CancellationToken).Type is { } created
                        && KeyValueMoney.IsStringKeyed(created, symbols.Dictionaries.Value))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.MoneyAsString, valueKey.GetLocation(), KeyValueMoney.KeyText(valueKey), "a money amount written as key/value data beside a currency key"));
                    }
                },
                SyntaxKind.ObjectInitializerExpression,
                SyntaxKind.CollectionInitializerExpression);
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    var anonymous = (AnonymousObjectCreationExpressionSyntax)c.Node;
                    if (!c.IsGeneratedCode && lazy.Value is { } symbols && KeyValueMoney.AnonymousCandidate(anonymous) is { } value && symbols.KeyValue.IsSerialized(anonymous, c.SemanticModel, c.CancellationToken))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.MoneyAsString, value.Location, value.Name, "a money amount in an anonymous object that is serialized"));
                    }
                },
                SyntaxKind.AnonymousObjectCreationExpression);
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    var cast = (CastExpressionSyntax)c.Node;
                    if (!c.IsGeneratedCode && lazy.Value is { } symbols && IsToMajorUnitsCall(cast.Expression) && c.SemanticModel.GetOperation(cast, c.CancellationToken) is IConversionOperation conversion)
                    {
                        AnalyzeConversion(conversion, c.ReportDiagnostic, symbols.Money);
                    }
                },
                SyntaxKind.CastExpression);
        });
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context)
    {
        ISymbol symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || symbol.IsOverride)
        {
            return;
        }

        // The name first: it is all most declarations need, and the types, parameters and interface implementations
        // are asked for only when a name says money.
        switch (symbol)
        {
            case IPropertySymbol property:
                if (MoneyNaming.NamesMoney(property.Name) && property.ExplicitInterfaceImplementations.IsEmpty)
                {
                    Check(context.ReportDiagnostic, property, property.Type, "property");
                }

                break;
            case IFieldSymbol field:
                if (MoneyNaming.NamesMoney(field.Name))
                {
                    Check(context.ReportDiagnostic, field, field.Type, field.IsConst && field.Type.SpecialType == SpecialType.System_String ? "constant" : "field");
                }

                break;
            case IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction } method:
                bool returnsMoney = method.MethodKind == MethodKind.Ordinary && MoneyNaming.NamesMoney(method.Name);
                bool parameterNamesMoney = false;
                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    parameterNamesMoney |= MoneyNaming.NamesMoney(parameter.Name);
                }

                if ((!returnsMoney && !parameterNamesMoney) || !method.ExplicitInterfaceImplementations.IsEmpty)
                {
                    break;
                }

                if (returnsMoney)
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

    private static void AnalyzeLocal(SyntaxNodeAnalysisContext context)
    {
        var declarator = (VariableDeclaratorSyntax)context.Node;
        if (!MoneyNaming.NamesMoney(declarator.Identifier.ValueText)
            || context.SemanticModel.GetDeclaredSymbol(declarator, context.CancellationToken) is not ILocalSymbol local)
        {
            return; // fields are symbols, handled by AnalyzeDeclaration
        }

        Check(context.ReportDiagnostic, local, local.Type, "local");
    }

    private static bool IsKeyCandidate(SyntaxNode node, Lazy<ImmutableHashSet<string>> moneyKeys)
    {
        ArgumentListSyntax? arguments = node switch
        {
            InvocationExpressionSyntax i => i.ArgumentList,
            _ => null,
        };
        ExpressionSyntax? first = node is ElementAccessExpressionSyntax e
            ? e.ArgumentList.Arguments.FirstOrDefault()?.Expression
            : arguments?.Arguments.FirstOrDefault()?.Expression;
        return first is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
               && (literal.Token.ValueText == "value" || moneyKeys.Value.Contains(literal.Token.ValueText));
    }

    private static bool IsConversionCandidate(InvocationExpressionSyntax call)
        => Name(call.Expression) == "FromMajorUnits" || call.ArgumentList.Arguments.Any(a => IsToMajorUnitsCall(a.Expression));

    private static bool IsToMajorUnitsCall(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax p)
        {
            expression = p.Expression;
        }

        return expression is InvocationExpressionSyntax call && Name(call.Expression) == "ToMajorUnits";
    }

    private static string? Name(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        _ => null,
    };

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
    private static void AnalyzeInvocation(IInvocationOperation invocation, System.Action<Diagnostic> report, INamedTypeSymbol money)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, money) && method.Name == "FromMajorUnits" && invocation.Arguments.Length > 0)
        {
            IOperation amount = invocation.Arguments[0].Value;
            if (amount is IConversionOperation { Operand.Type.SpecialType: SpecialType.System_Double or SpecialType.System_Single } conversion)
            {
                report(Diagnostic.Create(Descriptors.MoneyAsFloatingPoint, amount.Syntax.GetLocation(),
                    $"Money.FromMajorUnits receives a {conversion.Operand.Type!.ToDisplayString()} converted to decimal, which has already rounded the amount"));
            }

            return;
        }

        if (method.ReturnType.SpecialType is SpecialType.System_Double or SpecialType.System_Single
            && invocation.Arguments.Any(a => IsToMajorUnits(Unwrap(a.Value), money)))
        {
            report(Diagnostic.Create(Descriptors.MoneyAsFloatingPoint, invocation.Syntax.GetLocation(),
                $"{method.ContainingType.Name}.{method.Name} turns Money.ToMajorUnits() into {method.ReturnType.ToDisplayString()}"));
        }
    }

    // (double)money.ToMajorUnits()
    private static void AnalyzeConversion(IConversionOperation conversion, System.Action<Diagnostic> report, INamedTypeSymbol money)
    {
        if (conversion.Type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single && IsToMajorUnits(Unwrap(conversion.Operand), money))
        {
            report(Diagnostic.Create(Descriptors.MoneyAsFloatingPoint, conversion.Syntax.GetLocation(),
                $"Money.ToMajorUnits() is converted to {conversion.Type.ToDisplayString()}"));
        }
    }

    // The JSON names of every generated contract's money fields: from this assembly's and every referenced
    // assembly's [AntomMoneyFields], which the generator emits, so a consumer's own schemas count too.
    // Only assemblies that can carry the attribute are read: Antom.Contracts itself, those that reference it, and this
    // one; the framework's hundreds of assemblies never decode their attributes for this.
    internal static ImmutableHashSet<string> MoneyKeys(Compilation compilation, INamedTypeSymbol money)
    {
        var keys = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        INamedTypeSymbol? moneyFields = money.ContainingAssembly.GetTypeByMetadataName("Antom.Contracts.Serialization.AntomMoneyFieldsAttribute");
        if (moneyFields is null)
        {
            return keys.ToImmutable();
        }

        IAssemblySymbol antom = moneyFields.ContainingAssembly;
        foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols.Append(compilation.Assembly))
        {
            if (!SymbolEqualityComparer.Default.Equals(assembly, antom)
                && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly)
                && !assembly.Modules.Any(m => m.ReferencedAssemblySymbols.Any(r => SymbolEqualityComparer.Default.Equals(r, antom))))
            {
                continue;
            }

            foreach (AttributeData attribute in assembly.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, moneyFields)
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
    private static void AnalyzeKeyAccess(IOperation operation, System.Action<Diagnostic> report, ImmutableHashSet<string> moneyKeys, INamedTypeSymbol?[] jsonTypes)
    {
        (ITypeSymbol? receiver, IOperation? key) = operation switch
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
            report(Diagnostic.Create(Descriptors.MoneyAsString, key.Syntax.GetLocation(), name, "a money field read out of raw JSON by key"));
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

/// <summary>
/// What the money rules need from one compilation: <c>Money</c> (null when Antom.Contracts is not referenced, and every
/// rule is then silent), and the rest resolved on first need: most compilations never meet a key or initializer that
/// asks for them.
/// </summary>
internal sealed class MoneySymbols
{
    private MoneySymbols(Compilation compilation, INamedTypeSymbol money)
    {
        Money = money;
        MoneyKeys = new(() => MoneyAnalyzer.MoneyKeys(compilation, money), LazyThreadSafetyMode.ExecutionAndPublication);
        JsonTypes = new(
            () =>
            [
                compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonNode"),
                compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonObject"),
                compilation.GetTypeByMetadataName("System.Text.Json.JsonElement"),
            ],
            LazyThreadSafetyMode.ExecutionAndPublication);
        Dictionaries = new(
            () =>
            [
                compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2"),
                compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyDictionary`2"),
            ],
            LazyThreadSafetyMode.ExecutionAndPublication);
        KeyValue = new KeyValueMoney(compilation);
    }

    public INamedTypeSymbol Money { get; }

    /// <summary>The JSON names of every generated contract's money fields.</summary>
    public Lazy<ImmutableHashSet<string>> MoneyKeys { get; }

    public Lazy<INamedTypeSymbol?[]> JsonTypes { get; }

    public Lazy<INamedTypeSymbol?[]> Dictionaries { get; }

    public KeyValueMoney KeyValue { get; }

    public static MoneySymbols? From(Compilation compilation)
    {
        INamedTypeSymbol? money = ClosedEnumSymbols.AntomType(compilation, "Antom.Contracts.Money");
        return money is null ? null : new MoneySymbols(compilation, money);
    }
}
