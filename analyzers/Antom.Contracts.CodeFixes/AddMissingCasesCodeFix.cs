using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Antom.Contracts.CodeFixes;

/// <summary>
/// "Add missing resultStatus cases" for ANTOM1001: inserts one arm per missing member (and <c>null</c>) whose body
/// compiles and makes the gap loud, <c>throw new NotImplementedException("resultStatus U (Unknown) is not handled")</c>,
/// before any <c>default</c>/<c>_</c> arm. Works on switch statements and switch expressions.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingCasesCodeFix)), Shared]
public sealed class AddMissingCasesCodeFix : CodeFixProvider
{
    /// <summary>The code action's title.</summary>
    public const string Title = "Add missing resultStatus cases";

    private static readonly char[] Comma = [','];

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.UnhandledResultStatusId);

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
            SyntaxNode? node = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
            if (node is SwitchStatementSyntax or SwitchExpressionSyntax)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => AddCasesAsync(context.Document, node, diagnostic, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> AddCasesAsync(Document document, SyntaxNode switchNode, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null)
        {
            return document;
        }

        ExpressionSyntax governing = switchNode is SwitchStatementSyntax s ? s.Expression : ((SwitchExpressionSyntax)switchNode).GoverningExpression;
        ITypeSymbol? type = model.GetTypeInfo(governing, cancellationToken).Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return document;
        }

        ClosedEnumSymbols? symbols = ClosedEnumSymbols.From(model.Compilation);
        string subject = ClosedEnumSymbols.SubjectOf(enumType);
        diagnostic.Properties.TryGetValue(UnhandledResultStatusAnalyzer.MissingKey, out string? missingText);
        var missing = new List<(ExpressionSyntax Label, string Message)>();
        foreach (string name in (missingText ?? string.Empty).Split(Comma, StringSplitOptions.RemoveEmptyEntries))
        {
            IFieldSymbol? member = enumType.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault();
            if (member is null)
            {
                continue;
            }

            string wire = symbols?.Describe(member).Wire ?? member.Name;
            ExpressionSyntax label = MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                ParseTypeName(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)),
                IdentifierName(member.Name)).WithAdditionalAnnotations(Simplifier.Annotation);
            missing.Add((label, $"{subject} {wire} ({member.Name}) is not handled"));
        }

        if (diagnostic.Properties.TryGetValue(UnhandledResultStatusAnalyzer.MissingNullKey, out string? missingNull) && missingNull == "true")
        {
            missing.Add((LiteralExpression(SyntaxKind.NullLiteralExpression), $"a null {subject} is not handled"));
        }

        SyntaxNode replacement = switchNode switch
        {
            SwitchStatementSyntax statement => AddSections(statement, missing),
            SwitchExpressionSyntax expression => AddArms(expression, missing),
            _ => switchNode,
        };
        return document.WithSyntaxRoot(root.ReplaceNode(switchNode, replacement.WithAdditionalAnnotations(Formatter.Annotation)));
    }

    private static ThrowExpressionSyntax ThrowExpression(string message) => SyntaxFactory.ThrowExpression(Creation(message));

    private static ObjectCreationExpressionSyntax Creation(string message)
        => ObjectCreationExpression(ParseTypeName("global::System.NotImplementedException").WithAdditionalAnnotations(Simplifier.Annotation))
            .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(message))))));

    private static SwitchStatementSyntax AddSections(SwitchStatementSyntax statement, List<(ExpressionSyntax Label, string Message)> missing)
    {
        IEnumerable<SwitchSectionSyntax> added = missing.Select(m => SwitchSection(
            SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(m.Label)),
            SingletonList<StatementSyntax>(ThrowStatement(Creation(m.Message)))));
        int defaultIndex = statement.Sections.IndexOf(section => section.Labels.Any(l => l is DefaultSwitchLabelSyntax));
        SyntaxList<SwitchSectionSyntax> sections = defaultIndex < 0
            ? statement.Sections.AddRange(added)
            : statement.Sections.InsertRange(defaultIndex, added);
        return statement.WithSections(sections);
    }

    private static SwitchExpressionSyntax AddArms(SwitchExpressionSyntax expression, List<(ExpressionSyntax Label, string Message)> missing)
    {
        var arms = expression.Arms.ToList();
        int discardIndex = arms.FindIndex(a => a.Pattern is DiscardPatternSyntax && a.WhenClause is null);
        IEnumerable<SwitchExpressionArmSyntax> added = missing.Select(m => SwitchExpressionArm(ConstantPattern(m.Label), ThrowExpression(m.Message)));
        if (discardIndex < 0)
        {
            arms.AddRange(added);
        }
        else
        {
            arms.InsertRange(discardIndex, added);
        }

        return expression.WithArms(SeparatedList(arms, Enumerable.Repeat(Token(SyntaxKind.CommaToken), Math.Max(0, arms.Count - 1))));
    }
}
