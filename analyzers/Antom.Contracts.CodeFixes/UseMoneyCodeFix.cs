using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Antom.Contracts.CodeFixes;

/// <summary>
/// "Use Antom.Contracts.Money" for ANTOM2001: changes the declared type <c>string</c> (or <c>string?</c>) to <c>Money</c>
/// (or <c>Money?</c>). An empty-string initializer or default (<c>= ""</c>, <c>= string.Empty</c>), which meant "no
/// amount yet", becomes <c>Money?</c> with no initializer: <c>default(Money)</c> has no currency and is not an amount.
/// Any other initializer is left for the author (the compiler then points at it).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseMoneyCodeFix)), Shared]
public sealed class UseMoneyCodeFix : CodeFixProvider
{
    /// <summary>The code action's title.</summary>
    public const string Title = "Use Antom.Contracts.Money";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.MoneyAsStringId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            SyntaxNode? declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
            TypeSyntax? type = DeclaredType(declaration);
            if (type is not null && IsString(type))
            {
                context.RegisterCodeFix(CodeAction.Create(Title, ct => ReplaceAsync(context.Document, root, declaration!, type, ct), equivalenceKey: Title), diagnostic);
            }
        }
    }

    private static TypeSyntax? DeclaredType(SyntaxNode? node) => node switch
    {
        PropertyDeclarationSyntax p => p.Type,
        ParameterSyntax p => p.Type,
        MethodDeclarationSyntax m => m.ReturnType,
        LocalFunctionStatementSyntax f => f.ReturnType,
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } d } => d.Type,
        _ => null,
    };

    private static bool IsString(TypeSyntax type)
        => type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword }
           || type is NullableTypeSyntax { ElementType: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword } };

    private static Task<Document> ReplaceAsync(Document document, SyntaxNode root, SyntaxNode declaration, TypeSyntax type, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        TypeSyntax money = SyntaxFactory.ParseTypeName("global::Antom.Contracts.Money").WithAdditionalAnnotations(Simplifier.Annotation);
        EqualsValueClauseSyntax? empty = EmptyStringInitializer(declaration);
        TypeSyntax replacement = type is NullableTypeSyntax || empty is not null ? SyntaxFactory.NullableType(money) : money;
        if (empty is null)
        {
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(type, replacement.WithTriviaFrom(type))));
        }

        SyntaxNode updated = declaration is VariableDeclaratorSyntax ? declaration : declaration.ReplaceNode(type, replacement.WithTriviaFrom(type));
        updated = updated switch
        {
            // "{ get; set; } = "";" → "{ get; set; }": the initializer and the semicolon that only it needed.
            PropertyDeclarationSyntax property => property
                .WithInitializer(null)
                .WithSemicolonToken(default)
                .WithAccessorList(property.AccessorList!.WithTrailingTrivia(property.SemicolonToken.TrailingTrivia)),
            ParameterSyntax parameter => parameter.WithDefault(null).WithIdentifier(parameter.Identifier.WithoutTrivia()),
            VariableDeclaratorSyntax declarator => declarator.WithInitializer(null).WithIdentifier(declarator.Identifier.WithoutTrivia()),
            _ => updated,
        };

        if (declaration is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax variables })
        {
            // The type sits on the declaration, the initializer on its one declarator.
            var declarator = (VariableDeclaratorSyntax)updated;
            VariableDeclarationSyntax replaced = variables
                .WithType(replacement.WithTriviaFrom(variables.Type))
                .WithVariables(SyntaxFactory.SingletonSeparatedList(declarator.WithTrailingTrivia(variables.Variables[0].GetTrailingTrivia())));
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(variables, replaced)));
        }

        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(declaration, updated)));
    }

    private static EqualsValueClauseSyntax? EmptyStringInitializer(SyntaxNode declaration)
    {
        EqualsValueClauseSyntax? clause = declaration switch
        {
            PropertyDeclarationSyntax p => p.Initializer,
            ParameterSyntax p => p.Default,
            VariableDeclaratorSyntax v => v.Initializer,
            _ => null,
        };
        return clause?.Value switch
        {
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal when literal.Token.ValueText.Length == 0 => clause,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword } or IdentifierNameSyntax { Identifier.ValueText: "String" } } => clause,
            _ => null,
        };
    }
}
