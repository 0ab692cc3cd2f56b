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

/// <summary>"Use Antom.Contracts.Money" for ANTOM2001: changes the declared type <c>string</c> (or <c>string?</c>) to <c>Money</c> (or <c>Money?</c>).</summary>
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
                context.RegisterCodeFix(CodeAction.Create(Title, ct => ReplaceAsync(context.Document, root, type, ct), equivalenceKey: Title), diagnostic);
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

    private static Task<Document> ReplaceAsync(Document document, SyntaxNode root, TypeSyntax type, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        TypeSyntax money = SyntaxFactory.ParseTypeName("global::Antom.Contracts.Money").WithAdditionalAnnotations(Simplifier.Annotation);
        TypeSyntax replacement = type is NullableTypeSyntax ? SyntaxFactory.NullableType(money) : money;
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(type, replacement.WithTriviaFrom(type))));
    }
}
