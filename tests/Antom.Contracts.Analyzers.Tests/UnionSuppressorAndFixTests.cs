using System.Threading.Tasks;
using Antom.Contracts.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
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
}
