using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Antom.Contracts.Analyzers;

/// <summary>
/// ANTOM2001's key/value shapes: Antom's money object <c>{"currency": …, "value": …}</c> written by hand. A string-keyed
/// dictionary or <c>JsonObject</c> initialised with a <c>currency</c> and a <c>value</c> key (indexer or Add form, keys
/// compared ignoring case), and an anonymous object with <c>currency</c> and <c>value</c> members that is serialized:
/// an argument of <c>JsonSerializer.Serialize*</c>, <c>JsonContent.Create</c>, <c>Post/Put/PatchAsJsonAsync</c>,
/// Newtonsoft's <c>JsonConvert.SerializeObject</c> or <c>JObject/JToken.FromObject</c>, ASP.NET Core's
/// <c>Results/TypedResults.Json</c>, directly, nested in other anonymous objects, arrays or initializers, or through a
/// local that is then passed to one of them in the same body. An anonymous object that is only returned or stored is
/// not reported: nothing says it becomes JSON.
/// </summary>
internal sealed class KeyValueMoney
{
    // Resolved on first need (an anonymous object with currency and value members, which few compilations have):
    // most of these types are not referenced at all, and a lookup that finds nothing searches every reference.
    private readonly Lazy<(INamedTypeSymbol Type, Func<string, bool> Method)[]> _serializers;

    public KeyValueMoney(Compilation compilation) => _serializers = new(() => Serializers(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

    private static (INamedTypeSymbol Type, Func<string, bool> Method)[] Serializers(Compilation compilation)
    {
        (string Type, Func<string, bool> Method)[] known =
        [
            ("System.Text.Json.JsonSerializer", m => m.StartsWith("Serialize", StringComparison.Ordinal)),
            ("System.Net.Http.Json.JsonContent", m => m == "Create"),
            ("System.Net.Http.Json.HttpClientJsonExtensions", m => m.EndsWith("AsJsonAsync", StringComparison.Ordinal)),
            ("Newtonsoft.Json.JsonConvert", m => m == "SerializeObject"),
            ("Newtonsoft.Json.Linq.JObject", m => m == "FromObject"),
            ("Newtonsoft.Json.Linq.JToken", m => m == "FromObject"),
            ("Microsoft.AspNetCore.Http.Results", m => m == "Json"),
            ("Microsoft.AspNetCore.Http.TypedResults", m => m == "Json"),
        ];
        return known
            .Select(k => (Type: compilation.GetTypeByMetadataName(k.Type), k.Method))
            .Where(k => k.Type is not null)
            .Select(k => (k.Type!, k.Method))
            .ToArray();
    }

    /// <summary>The <c>"value"</c> key literal of an initializer that also has a <c>"currency"</c> key; null otherwise.</summary>
    public static LiteralExpressionSyntax? KeyedCandidate(InitializerExpressionSyntax initializer)
    {
        if (initializer.Parent is not BaseObjectCreationExpressionSyntax || initializer.Expressions.Count < 2)
        {
            return null;
        }

        bool currency = false;
        LiteralExpressionSyntax? value = null;
        foreach (ExpressionSyntax entry in initializer.Expressions)
        {
            ExpressionSyntax? key = entry switch
            {
                // ["currency"] = "BRL"
                AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } element } => element.ArgumentList.Arguments[0].Expression,
                // { "currency", "BRL" }
                InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Expressions.Count: 2 } pair => pair.Expressions[0],
                _ => null,
            };
            if (key is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
            {
                string text = literal.Token.ValueText;
                currency |= string.Equals(text, "currency", StringComparison.OrdinalIgnoreCase);
                if (string.Equals(text, "value", StringComparison.OrdinalIgnoreCase))
                {
                    value = literal;
                }
            }
        }

        return currency ? value : null;
    }

    public static string KeyText(LiteralExpressionSyntax key) => key.Token.ValueText;

    /// <summary>Whether the created type is keyed by strings: it is or implements <c>IDictionary&lt;string, T&gt;</c> or <c>IReadOnlyDictionary&lt;string, T&gt;</c> (a <c>JsonObject</c> is one).</summary>
    public static bool IsStringKeyed(ITypeSymbol created, INamedTypeSymbol?[] dictionaries)
    {
        foreach (INamedTypeSymbol type in created is INamedTypeSymbol named ? created.AllInterfaces.Prepend(named) : created.AllInterfaces)
        {
            if (type.TypeArguments.Length == 2 && type.TypeArguments[0].SpecialType == SpecialType.System_String
                && dictionaries.Any(d => d is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, d)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>value</c> member (its name and where it is) of an anonymous object that also has a <c>currency</c> member; null otherwise.</summary>
    public static (string Name, Location Location)? AnonymousCandidate(AnonymousObjectCreationExpressionSyntax anonymous)
    {
        bool currency = false;
        (string, Location)? value = null;
        foreach (AnonymousObjectMemberDeclaratorSyntax member in anonymous.Initializers)
        {
            SyntaxToken? name = member.NameEquals?.Name.Identifier ?? member.Expression switch
            {
                IdentifierNameSyntax i => i.Identifier,
                MemberAccessExpressionSyntax m => m.Name.Identifier,
                _ => null,
            };
            if (name is not { } token)
            {
                continue;
            }

            currency |= string.Equals(token.ValueText, "currency", StringComparison.OrdinalIgnoreCase);
            if (string.Equals(token.ValueText, "value", StringComparison.OrdinalIgnoreCase))
            {
                value = (token.ValueText, token.GetLocation());
            }
        }

        return currency ? value : null;
    }

    /// <summary>Whether the anonymous object, or the data it is nested in, is handed to a serializer.</summary>
    public bool IsSerialized(AnonymousObjectCreationExpressionSyntax anonymous, SemanticModel model, CancellationToken cancellationToken)
    {
        if (_serializers.Value.Length == 0)
        {
            return false;
        }

        ExpressionSyntax top = Outermost(anonymous);
        switch (top.Parent)
        {
            case ArgumentSyntax argument:
                return IsSerializerArgument(argument, model, cancellationToken);
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                when declarator.Ancestors().FirstOrDefault(a => a is BlockSyntax) is { } body
                     && model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local:
                foreach (IdentifierNameSyntax use in body.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (use.Identifier.ValueText == local.Name && use.Parent is ArgumentSyntax passed
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, local)
                        && IsSerializerArgument(passed, model, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    // The data an anonymous object is part of: up through enclosing anonymous objects, array, collection and object
    // initializers, collection expressions and parentheses.
    private static ExpressionSyntax Outermost(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression.Parent)
            {
                case AnonymousObjectMemberDeclaratorSyntax { Parent: AnonymousObjectCreationExpressionSyntax outer }:
                    expression = outer;
                    break;
                case InitializerExpressionSyntax { Parent: ExpressionSyntax creation }: // also { "key", new { … } } inside an initializer
                    expression = creation;
                    break;
                case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: ExpressionSyntax creation } } assignment when assignment.Right == expression:
                    expression = creation;
                    break;
                case ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection }:
                    expression = collection;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized;
                    break;
                default:
                    return expression;
            }
        }
    }

    private bool IsSerializerArgument(ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (argument.Parent?.Parent is not InvocationExpressionSyntax invocation
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return false;
        }

        INamedTypeSymbol type = (method.ReducedFrom ?? method).ContainingType.OriginalDefinition;
        foreach ((INamedTypeSymbol serializer, Func<string, bool> named) in _serializers.Value)
        {
            if (SymbolEqualityComparer.Default.Equals(type, serializer) && named(method.Name))
            {
                return true;
            }
        }

        return false;
    }
}
