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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Antom.Contracts.CodeFixes;

/// <summary>
/// "Add missing resultStatus cases" for ANTOM1001: inserts one arm per missing member (and <c>null</c>) whose body
/// compiles and makes the gap loud, <c>throw new NotImplementedException("resultStatus U (Unknown) is not handled")</c>,
/// before any <c>default</c>/<c>_</c> arm. Works on switch statements and switch expressions. Over a union
/// ("Add missing paymentEvent cases") it inserts <c>CardEvent cardEvent =&gt; throw ...</c> per missing branch.
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
                // One equivalence key for enums and unions alike, so Fix All fixes every ANTOM1001 whichever it starts from.
                string title = await UnionTitleAsync(context.Document, node, context.CancellationToken).ConfigureAwait(false) ?? Title;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => AddCasesAsync(context.Document, node, diagnostic, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    // "Add missing paymentEvent cases" for a switch over a union; null for anything else, which keeps Title.
    private static async Task<string?> UnionTitleAsync(Document document, SyntaxNode switchNode, CancellationToken cancellationToken)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is not null && UnionOf(model, switchNode, cancellationToken) is { } union
            ? $"Add missing {ClosedEnumSymbols.SubjectOf(union.Type)} cases"
            : null;
    }

    // The union a switch governs, its branches and what the switch misses, worked out again from the switch itself.
    private static (INamedTypeSymbol Type, Coverage Coverage)? UnionOf(SemanticModel model, SyntaxNode switchNode, CancellationToken cancellationToken)
    {
        IOperation? operation = model.GetOperation(switchNode, cancellationToken);
        ITypeSymbol? type = operation switch
        {
            ISwitchOperation s => s.Value.Type,
            ISwitchExpressionOperation e => e.Value.Type,
            _ => null,
        };
        if (operation is null || ClosedEnumSymbols.From(model.Compilation) is not { } symbols || type is not INamedTypeSymbol union)
        {
            return null;
        }

        ImmutableArray<INamedTypeSymbol> branches = symbols.MarkedUnion(union, out bool nullable);
        return branches.IsDefault ? null : (union, Coverage.OfUnion(operation, branches, nullable));
    }

    private static async Task<Document> AddCasesAsync(Document document, SyntaxNode switchNode, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null)
        {
            return document;
        }

        if (UnionOf(model, switchNode, cancellationToken) is { } union)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(switchNode, AddUnionCases(model, switchNode, union.Type, union.Coverage, cancellationToken).WithAdditionalAnnotations(Formatter.Annotation)));
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
        var missing = new List<(PatternSyntax Pattern, string Message)>();
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
            missing.Add((ConstantPattern(label), $"{subject} {wire} ({member.Name}) is not handled"));
        }

        if (diagnostic.Properties.TryGetValue(UnhandledResultStatusAnalyzer.MissingNullKey, out string? missingNull) && missingNull == "true")
        {
            missing.Add((ConstantPattern(LiteralExpression(SyntaxKind.NullLiteralExpression)), $"a null {subject} is not handled"));
        }

        SyntaxNode replacement = InsertBeforeCatchAll(model, switchNode, missing, enumType, cancellationToken);
        return document.WithSyntaxRoot(root.ReplaceNode(switchNode, replacement.WithAdditionalAnnotations(Formatter.Annotation)));
    }

    // The new arms go before the first arm that would otherwise catch them first (`_`, `default:`, `var x`, a type
    // pattern of the switched type itself, `{ }`), where they would not compile (CS8510, CS8120).
    private static SyntaxNode InsertBeforeCatchAll(SemanticModel model, SyntaxNode switchNode, List<(PatternSyntax Pattern, string Message)> missing, INamedTypeSymbol switched, CancellationToken cancellationToken)
    {
        bool IsSwitchedType(ITypeSymbol? type)
            => SymbolEqualityComparer.Default.Equals(type, switched)
               || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n && SymbolEqualityComparer.Default.Equals(n.TypeArguments[0], switched));

        bool CatchesAll(IPatternOperation? pattern) => pattern switch
        {
            IDiscardPatternOperation => true,
            IDeclarationPatternOperation d => d.MatchesNull || IsSwitchedType(d.MatchedType),
            ITypePatternOperation t => IsSwitchedType(t.MatchedType),
            IRecursivePatternOperation r => Coverage.IsPlainType(r) && (r.MatchedType is null || IsSwitchedType(r.MatchedType)),
            _ => false,
        };

        return switchNode switch
        {
            SwitchStatementSyntax statement => AddSections(statement, missing, section => section.Labels.Any(label =>
                label is DefaultSwitchLabelSyntax
                || (label is CasePatternSwitchLabelSyntax { WhenClause: null } p && CatchesAll(model.GetOperation(p.Pattern, cancellationToken) as IPatternOperation)))),
            SwitchExpressionSyntax expression => AddArms(expression, missing, arm =>
                arm.WhenClause is null && CatchesAll(model.GetOperation(arm.Pattern, cancellationToken) as IPatternOperation)),
            _ => switchNode,
        };
    }

    // One `case CardEvent cardEvent:` / `CardEvent cardEvent =>` per missing branch, in the attribute's order, then
    // `null` if it is missing; each throws as the enum arms do. They go before the first arm that would otherwise catch
    // them first (`_`, `default:`, `var x`, `PaymentEvent p`, `{ }`), where they would not compile.
    private static SyntaxNode AddUnionCases(SemanticModel model, SyntaxNode switchNode, INamedTypeSymbol union, Coverage coverage, CancellationToken cancellationToken)
    {
        string subject = ClosedEnumSymbols.SubjectOf(union);
        HashSet<string> taken = NamesInScope(model, switchNode);
        var missing = new List<(PatternSyntax Pattern, string Message)>();
        foreach (INamedTypeSymbol branch in coverage.MissingBranches)
        {
            TypeSyntax type = ParseTypeName(branch.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation);
            missing.Add((DeclarationPattern(type, SingleVariableDesignation(FreshIdentifier(ClosedEnumSymbols.SubjectOf(branch), taken))), UnhandledResultStatusAnalyzer.UnionBranchMessage(subject, branch)));
        }

        if (coverage.MissingNull)
        {
            missing.Add((ConstantPattern(LiteralExpression(SyntaxKind.NullLiteralExpression)), $"a null {subject} is not handled"));
        }

        return InsertBeforeCatchAll(model, switchNode, missing, union, cancellationToken);
    }

    // Every name a new pattern variable could clash with: what is in scope at the switch and what the switch declares.
    private static HashSet<string> NamesInScope(SemanticModel model, SyntaxNode switchNode)
    {
        int position = switchNode is SwitchStatementSyntax statement ? statement.OpenBraceToken.Span.End : ((SwitchExpressionSyntax)switchNode).OpenBraceToken.Span.End;
        var names = new HashSet<string>(model.LookupSymbols(position).Select(s => s.Name), StringComparer.Ordinal);
        foreach (SyntaxNode node in switchNode.DescendantNodes())
        {
            switch (node)
            {
                case SingleVariableDesignationSyntax designation:
                    names.Add(designation.Identifier.ValueText);
                    break;
                case VariableDeclaratorSyntax declarator:
                    names.Add(declarator.Identifier.ValueText);
                    break;
            }
        }

        return names;
    }

    private static SyntaxToken FreshIdentifier(string name, HashSet<string> taken)
    {
        string fresh = name;
        for (int i = 2; taken.Contains(fresh); i++)
        {
            fresh = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        taken.Add(fresh);
        return SyntaxFacts.GetKeywordKind(fresh) != SyntaxKind.None ? ParseToken("@" + fresh) : Identifier(fresh);
    }

    private static ThrowExpressionSyntax ThrowExpression(string message) => SyntaxFactory.ThrowExpression(Creation(message));

    private static ObjectCreationExpressionSyntax Creation(string message)
        => ObjectCreationExpression(ParseTypeName("global::System.NotImplementedException").WithAdditionalAnnotations(Simplifier.Annotation))
            .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(message))))));

    private static SwitchStatementSyntax AddSections(SwitchStatementSyntax statement, List<(PatternSyntax Pattern, string Message)> missing, Func<SwitchSectionSyntax, bool> insertBefore)
    {
        IEnumerable<SwitchSectionSyntax> added = missing.Select(m => SwitchSection(
            SingletonList(m.Pattern is ConstantPatternSyntax constant ? CaseSwitchLabel(constant.Expression) : (SwitchLabelSyntax)CasePatternSwitchLabel(m.Pattern, Token(SyntaxKind.ColonToken))),
            SingletonList<StatementSyntax>(ThrowStatement(Creation(m.Message)))));
        int index = statement.Sections.IndexOf(insertBefore);
        SyntaxList<SwitchSectionSyntax> sections = index < 0
            ? statement.Sections.AddRange(added)
            : statement.Sections.InsertRange(index, added);
        return statement.WithSections(sections);
    }

    private static SwitchExpressionSyntax AddArms(SwitchExpressionSyntax expression, List<(PatternSyntax Pattern, string Message)> missing, Func<SwitchExpressionArmSyntax, bool> insertBefore)
    {
        var arms = expression.Arms.ToList();
        int index = arms.FindIndex(a => insertBefore(a));
        IEnumerable<SwitchExpressionArmSyntax> added = missing.Select(m => SwitchExpressionArm(m.Pattern, ThrowExpression(m.Message)));
        if (index < 0)
        {
            arms.AddRange(added);
        }
        else
        {
            arms.InsertRange(index, added);
        }

        return expression.WithArms(SeparatedList(arms, Enumerable.Repeat(Token(SyntaxKind.CommaToken), Math.Max(0, arms.Count - 1))));
    }
}
