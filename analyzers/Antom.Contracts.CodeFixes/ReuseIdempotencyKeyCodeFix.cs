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

namespace Antom.Contracts.CodeFixes;

/// <summary>
/// "Reuse the idempotency key that was sent" for ANTOM1003: puts the key of the request that was sent in place of the
/// new one: <c>original.CaptureRequestId</c> (the request a <c>with</c> copies, or the one request variable of that type
/// declared before the retry path), else the caught exception's <c>IdempotencyKey</c>. The analyzer works out which
/// and hands it over in the diagnostic, so every fix is a single replacement and Fix All applies them together.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReuseIdempotencyKeyCodeFix)), Shared]
public sealed class ReuseIdempotencyKeyCodeFix : CodeFixProvider
{
    /// <summary>The code action's title.</summary>
    public const string Title = "Reuse the idempotency key that was sent";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.NewIdempotencyKeyOnRetryId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(NewIdempotencyKeyOnRetryAnalyzer.ReplacementKey, out string? replacement) && replacement is { Length: > 0 })
            {
                context.RegisterCodeFix(CodeAction.Create(Title, ct => ReplaceAsync(context.Document, diagnostic, replacement, ct), equivalenceKey: Title), diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> ReplaceAsync(Document document, Diagnostic diagnostic, string replacement, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: false) is not ExpressionSyntax key)
        {
            return document;
        }

        ExpressionSyntax reused = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(key);
        return document.WithSyntaxRoot(root.ReplaceNode(key, reused));
    }
}
