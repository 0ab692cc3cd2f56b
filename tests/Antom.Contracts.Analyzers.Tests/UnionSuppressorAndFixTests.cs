using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>The suppressor and the "Add missing cases" fix over a <c>oneOf</c> union (<see cref="UnionSwitchTests.Union"/>).</summary>
public class UnionSuppressorAndFixTests
{
    private const string Head = "#nullable enable\nusing System;\nusing Shop;\n\n";

    // ---- suppressor ------------------------------------------------------------------------------------------------

    [Fact]
    public Task CS8509_is_suppressed_on_a_union_switch_expression_naming_every_branch()
        => AnalyzeWithCompilerWarnings<ExhaustiveSwitchSuppressor>(
            Head + "internal static class C { internal static int M(PaymentEvent e) => e {|#0:switch|} { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3 }; }" + UnionSwitchTests.Union,
            DiagnosticResult.CompilerWarning("CS8509").WithLocation(0).WithArguments("_").WithIsSuppressed(true));

    [Fact]
    public Task CS8509_stays_when_a_branch_is_missing()
        => AnalyzeWithCompilerWarnings<ExhaustiveSwitchSuppressor>(
            Head + "internal static class C { internal static int M(PaymentEvent e) => e {|#0:switch|} { CardEvent => 1, WalletEvent => 2 }; }" + UnionSwitchTests.Union,
            DiagnosticResult.CompilerWarning("CS8509").WithLocation(0).WithArguments("_"));

    [Fact]
    public Task CS8509_stays_on_a_nullable_union_without_a_null_arm()
        => AnalyzeWithCompilerWarnings<ExhaustiveSwitchSuppressor>(
            Head + "internal static class C { internal static int M(PaymentEvent? e) => e {|#0:switch|} { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3 }; }" + UnionSwitchTests.Union,
            DiagnosticResult.CompilerWarning("CS8509").WithLocation(0).WithArguments("_"));

    [Fact]
    public Task CS8509_is_suppressed_on_a_nullable_union_naming_every_branch_and_null()
        => AnalyzeWithCompilerWarnings<ExhaustiveSwitchSuppressor>(
            Head + "internal static class C { internal static int M(PaymentEvent? e) => e {|#0:switch|} { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3, null => 0 }; }" + UnionSwitchTests.Union,
            DiagnosticResult.CompilerWarning("CS8509").WithLocation(0).WithArguments("not null").WithIsSuppressed(true));

    [Fact]
    public Task CS8509_stays_for_an_abstract_record_that_is_not_a_marked_union()
        => AnalyzeWithCompilerWarnings<ExhaustiveSwitchSuppressor>(
            "internal abstract record Shape; internal sealed record Circle : Shape; internal sealed record Square : Shape;\n"
            + "internal static class C { internal static int M(Shape s) => s {|#0:switch|} { Circle => 1, Square => 2 }; }",
            DiagnosticResult.CompilerWarning("CS8509").WithLocation(0).WithArguments("_"));

    // ---- code fix --------------------------------------------------------------------------------------------------

    [Fact]
    public Task The_fix_adds_declaration_cases_to_a_union_switch_statement_before_default()
        => Fix<UnhandledResultStatusAnalyzer, AddMissingCasesCodeFix>(
            Head + """
            public static class C
            {
                public static int M(PaymentEvent e)
                {
                    [|switch|] (e)
                    {
                        case CardEvent card:
                            return 1;
                        default:
                            return 0;
                    }
                }
            }
            """ + UnionSwitchTests.Union,
            Head + """
            public static class C
            {
                public static int M(PaymentEvent e)
                {
                    switch (e)
                    {
                        case CardEvent card:
                            return 1;
                        case WalletEvent walletEvent:
                            throw new NotImplementedException("paymentEvent branch WalletEvent is not handled");
                        case BankTransferEvent bankTransferEvent:
                            throw new NotImplementedException("paymentEvent branch BankTransferEvent is not handled");
                        default:
                            return 0;
                    }
                }
            }
            """ + UnionSwitchTests.Union);

    [Fact]
    public Task The_fix_adds_arms_to_a_union_switch_expression_before_the_discard_and_a_null_arm_when_nullable()
        => Fix<UnhandledResultStatusAnalyzer, AddMissingCasesCodeFix>(
            Head + """
            public static class C
            {
                public static int M(PaymentEvent? e) => e [|switch|]
                {
                    CardEvent => 1,
                    _ => 0
                };
            }
            """ + UnionSwitchTests.Union,
            Head + """
            public static class C
            {
                public static int M(PaymentEvent? e) => e switch
                {
                    CardEvent => 1,
                    WalletEvent walletEvent => throw new NotImplementedException("paymentEvent branch WalletEvent is not handled"),
                    BankTransferEvent bankTransferEvent => throw new NotImplementedException("paymentEvent branch BankTransferEvent is not handled"),
                    null => throw new NotImplementedException("a null paymentEvent is not handled"),
                    _ => 0
                };
            }
            """ + UnionSwitchTests.Union);

    [Fact]
    public Task The_fix_goes_before_a_catch_all_arm_and_picks_names_that_are_free()
        => Fix<UnhandledResultStatusAnalyzer, AddMissingCasesCodeFix>(
            Head + """
            public static class C
            {
                public static int M(PaymentEvent e, int walletEvent) => e [|switch|]
                {
                    CardEvent => 1,
                    PaymentEvent bankTransferEvent => walletEvent
                };
            }
            """ + UnionSwitchTests.Union,
            Head + """
            public static class C
            {
                public static int M(PaymentEvent e, int walletEvent) => e switch
                {
                    CardEvent => 1,
                    WalletEvent walletEvent2 => throw new NotImplementedException("paymentEvent branch WalletEvent is not handled"),
                    BankTransferEvent bankTransferEvent2 => throw new NotImplementedException("paymentEvent branch BankTransferEvent is not handled"),
                    PaymentEvent bankTransferEvent => walletEvent
                };
            }
            """ + UnionSwitchTests.Union);

    [Fact]
    public Task The_fix_escapes_a_branch_name_that_is_a_keyword()
        => Fix<UnhandledResultStatusAnalyzer, AddMissingCasesCodeFix>(
            Head + """
            [Antom.Contracts.Serialization.AntomUnion(typeof(Event), typeof(Note))]
            public abstract record Signal { private protected Signal() { } }
            public sealed record Event : Signal;
            public sealed record Note : Signal;

            public static class C
            {
                public static int M(Signal s) => s [|switch|]
                {
                    Note => 1
                };
            }
            """ + UnionSwitchTests.Union,
            Head + """
            [Antom.Contracts.Serialization.AntomUnion(typeof(Event), typeof(Note))]
            public abstract record Signal { private protected Signal() { } }
            public sealed record Event : Signal;
            public sealed record Note : Signal;

            public static class C
            {
                public static int M(Signal s) => s switch
                {
                    Note => 1,
                    Event @event => throw new NotImplementedException("signal branch Event is not handled")
                };
            }
            """ + UnionSwitchTests.Union);

    [Fact]
    public Task Fix_all_fixes_union_and_enum_switches_in_one_pass()
        => FixAll<UnhandledResultStatusAnalyzer, AddMissingCasesCodeFix>(
            Head + """
            using Antom.Contracts;

            public static class C
            {
                public static int Statement(PaymentEvent e)
                {
                    [|switch|] (e)
                    {
                        case CardEvent:
                            return 1;
                        case WalletEvent:
                            return 2;
                    }

                    return 0;
                }

                public static int Expression(PaymentEvent e) => e [|switch|]
                {
                    WalletEvent or BankTransferEvent => 2,
                    _ => 0
                };

                public static int Status(ResultStatus s) => s [|switch|]
                {
                    ResultStatus.Success => 1,
                    ResultStatus.Failure => 2,
                    _ => 0
                };
            }
            """ + UnionSwitchTests.Union,
            Head + """
            using Antom.Contracts;

            public static class C
            {
                public static int Statement(PaymentEvent e)
                {
                    switch (e)
                    {
                        case CardEvent:
                            return 1;
                        case WalletEvent:
                            return 2;
                        case BankTransferEvent bankTransferEvent:
                            throw new NotImplementedException("paymentEvent branch BankTransferEvent is not handled");
                    }

                    return 0;
                }

                public static int Expression(PaymentEvent e) => e switch
                {
                    WalletEvent or BankTransferEvent => 2,
                    CardEvent cardEvent => throw new NotImplementedException("paymentEvent branch CardEvent is not handled"),
                    _ => 0
                };

                public static int Status(ResultStatus s) => s switch
                {
                    ResultStatus.Success => 1,
                    ResultStatus.Failure => 2,
                    ResultStatus.Unknown => throw new NotImplementedException("resultStatus U (Unknown) is not handled"),
                    _ => 0
                };
            }
            """ + UnionSwitchTests.Union,
            diagnostics: 3);

    [Fact]
    public async Task The_fix_is_titled_after_the_union_and_shares_the_enum_fix_equivalence_key()
    {
        string code = Head + """
            using Antom.Contracts;
            public static class C
            {
                public static int M(PaymentEvent e) => e switch { CardEvent => 1, _ => 0 };
                public static int N(ResultStatus s) => s switch { ResultStatus.Success => 1, _ => 0 };
            }
            """ + UnionSwitchTests.Union;
        MetadataReference[] references = [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(Money).Assembly.Location)];
        using var workspace = new AdhocWorkspace();
        Document document = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "P", "P", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary), metadataReferences: references))
            .AddDocument("C.cs", SourceText.From(code));
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers([new UnhandledResultStatusAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var actions = new List<CodeAction>();
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            await new AddMissingCasesCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        }

        Assert.Equal(["Add missing paymentEvent cases", AddMissingCasesCodeFix.Title], actions.Select(a => a.Title));
        Assert.All(actions, a => Assert.Equal(AddMissingCasesCodeFix.Title, a.EquivalenceKey));
    }
}
