using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>ANTOM1001 over a <c>oneOf</c> union: every branch the <c>[AntomUnion]</c> lists must be named.</summary>
public class UnionSwitchTests
{
    /// <summary>A union as the generator emits it (without the JSON plumbing), written by hand.</summary>
    public const string Union = """

        #pragma warning disable CS1591 // the generator writes docs from the schema; these hand-written stand-ins have none
        namespace Shop
        {
            [global::Antom.Contracts.Serialization.AntomUnion(typeof(CardEvent), typeof(WalletEvent), typeof(BankTransferEvent), Discriminator = "kind")]
            public abstract partial record PaymentEvent
            {
                private protected PaymentEvent() { }
                public abstract string Kind { get; }
            }

            public sealed partial record CardEvent : PaymentEvent
            {
                public override string Kind => "CARD";
                public string? Last4 { get; init; }
            }

            public sealed partial record WalletEvent : PaymentEvent
            {
                public override string Kind => "WALLET";
            }

            public sealed partial record BankTransferEvent : PaymentEvent
            {
                public override string Kind => "BANK_TRANSFER";
            }
        }
        """;

    private static string In(string body, string parameters = "PaymentEvent e") => "#nullable enable\nusing System;\nusing Shop;\n\n" + $$"""
        public static class C
        {
            public static int M({{parameters}})
            {
                {{body}}
            }
        }
        """ + Union;

    private static DiagnosticResult Antom1001(string message)
        => new DiagnosticResult("ANTOM1001", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(message);

    // ---- reported --------------------------------------------------------------------------------------------------

    [Fact]
    public Task A_switch_statement_missing_a_branch_is_reported_naming_it()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("{|#0:switch|} (e) { case CardEvent c: return 1; case WalletEvent w: return 2; } return 0;"),
            Antom1001("paymentEvent branch BankTransferEvent is not handled"));

    [Fact]
    public Task A_switch_expression_missing_a_branch_is_reported_naming_it()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("return e {|#0:switch|} { CardEvent => 1, BankTransferEvent => 3 };"),
            Antom1001("paymentEvent branch WalletEvent is not handled"));

    [Fact]
    public Task Every_missing_branch_is_listed_once_in_the_attribute_order()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("return e {|#0:switch|} { WalletEvent => 2, _ => 0 };"),
            Antom1001("paymentEvent branch CardEvent is not handled; paymentEvent branch BankTransferEvent is not handled"));

    [Theory]
    [InlineData("return e {|#0:switch|} { CardEvent => 1, WalletEvent => 2, _ => 0 };")]
    [InlineData("{|#0:switch|} (e) { case CardEvent: return 1; case WalletEvent: return 2; default: return 0; }")]
    [InlineData("return e {|#0:switch|} { CardEvent => 1, WalletEvent => 2, var other => 0 };")]
    [InlineData("return e {|#0:switch|} { CardEvent => 1, WalletEvent => 2, PaymentEvent other => 0 };")]
    public Task A_discard_default_or_catch_all_arm_does_not_count(string body)
        => Analyze<UnhandledResultStatusAnalyzer>(In(body), Antom1001("paymentEvent branch BankTransferEvent is not handled"));

    [Theory]
    [InlineData("return e {|#0:switch|} { CardEvent => 1, WalletEvent => 2, BankTransferEvent b when b.Kind.Length > 0 => 3, _ => 0 };")]
    [InlineData("{|#0:switch|} (e) { case CardEvent: return 1; case WalletEvent: return 2; case BankTransferEvent b when b.Kind.Length > 0: return 3; } return 0;")]
    public Task A_guarded_arm_does_not_count(string body)
        => Analyze<UnhandledResultStatusAnalyzer>(In(body), Antom1001("paymentEvent branch BankTransferEvent is not handled"));

    [Theory]
    [InlineData("return e {|#0:switch|} { CardEvent => 1, WalletEvent => 2, BankTransferEvent { Kind: \"BANK_TRANSFER\" } => 3, _ => 0 };")]
    [InlineData("{|#0:switch|} (e) { case CardEvent: return 1; case WalletEvent: return 2; case BankTransferEvent { Kind.Length: > 0 } b: return 3; } return 0;")]
    public Task An_arm_with_property_subpatterns_does_not_count(string body)
        => Analyze<UnhandledResultStatusAnalyzer>(In(body), Antom1001("paymentEvent branch BankTransferEvent is not handled"));

    [Fact]
    public Task A_negated_pattern_names_no_branch()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("return e {|#0:switch|} { CardEvent => 1, not CardEvent => 2 };"),
            Antom1001("paymentEvent branch WalletEvent is not handled; paymentEvent branch BankTransferEvent is not handled"));

    [Fact]
    public Task A_nullable_union_also_needs_a_null_arm()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("return e {|#0:switch|} { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3, _ => 0 };", "PaymentEvent? e"),
            Antom1001("a null paymentEvent is not handled"));

    [Fact]
    public Task A_nullable_union_switch_statement_lists_missing_branches_then_null()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("{|#0:switch|} (e) { case CardEvent: return 1; case WalletEvent: return 2; } return 0;", "PaymentEvent? e"),
            Antom1001("paymentEvent branch BankTransferEvent is not handled; a null paymentEvent is not handled"));

    [Fact]
    public Task A_not_null_catch_all_counts_for_no_branch_and_makes_the_value_maybe_null_as_the_compiler_sees_it()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("return e {|#0:switch|} { CardEvent => 1, WalletEvent => 2, { } => 0 };"),
            Antom1001("paymentEvent branch BankTransferEvent is not handled; a null paymentEvent is not handled"));

    [Fact]
    public Task A_union_property_of_a_nullable_type_needs_a_null_arm_too()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("return h.Event {|#0:switch|} { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3 };", "Holder h")
                + "\npublic sealed class Holder { public Shop.PaymentEvent? Event { get; set; } }",
            Antom1001("a null paymentEvent is not handled"));

    // ---- silent ----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("switch (e) { case CardEvent c: return 1; case WalletEvent w: return 2; case BankTransferEvent b: return 3; } return 0;")]
    [InlineData("switch (e) { case CardEvent: return 1; case WalletEvent: return 2; case BankTransferEvent: return 3; default: return 0; }")]
    [InlineData("switch (e) { case CardEvent { } c: return 1; case WalletEvent { }: return 2; case BankTransferEvent { } b: return 3; } return 0;")]
    [InlineData("switch (e) { case CardEvent or WalletEvent: return 1; case BankTransferEvent: return 3; } return 0;")]
    [InlineData("switch (e) { case CardEvent: case WalletEvent: return 1; case BankTransferEvent: return 3; } return 0;")]
    [InlineData("return e switch { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3 };")]
    [InlineData("return e switch { CardEvent c => 1, WalletEvent w => 2, BankTransferEvent { } b => 3 };")]
    [InlineData("return e switch { CardEvent or WalletEvent => 1, BankTransferEvent => 3 };")]
    [InlineData("return e switch { (CardEvent or WalletEvent) or (BankTransferEvent) => 1 };")]
    [InlineData("return e switch { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3, _ => 0 };")]
    [InlineData("return e switch { CardEvent { Last4: null } => 0, CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3 };")]
    [InlineData("return e switch { CardEvent c when c.Last4 is null => 0, CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3 };")]
    [InlineData("return e switch { global::Shop.CardEvent => 1, Shop.WalletEvent => 2, BankTransferEvent => 3 };")]
    public Task A_switch_that_names_every_branch_is_silent(string body) => Analyze<UnhandledResultStatusAnalyzer>(In(body));

    [Theory]
    [InlineData("return e switch { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3, null => 0 };")]
    [InlineData("switch (e) { case CardEvent: return 1; case WalletEvent: return 2; case BankTransferEvent: return 3; case null: return 0; } return 0;")]
    [InlineData("return e switch { CardEvent or null => 1, WalletEvent => 2, BankTransferEvent => 3 };")]
    public Task A_nullable_union_switch_with_a_null_arm_and_every_branch_is_silent(string body)
        => Analyze<UnhandledResultStatusAnalyzer>(In(body, "PaymentEvent? e"));

    [Theory]
    [InlineData("if (e is null) { return 0; } return e switch { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3 };")]
    [InlineData("var copy = e ?? new CardEvent(); return copy switch { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3 };")]
    public Task A_nullable_union_already_checked_for_null_needs_no_null_arm(string body)
        => Analyze<UnhandledResultStatusAnalyzer>(In(body, "PaymentEvent? e"));

    [Fact]
    public Task Outside_a_nullable_context_no_null_arm_is_required()
        => Analyze<UnhandledResultStatusAnalyzer>(In("return e switch { CardEvent => 1, WalletEvent => 2, BankTransferEvent => 3 };").Replace("#nullable enable", "#nullable disable", System.StringComparison.Ordinal));

    [Theory]
    [InlineData("abstract record Shape; sealed record Circle : Shape; sealed record Square : Shape; static int N(Shape s) => s switch { Circle => 1, _ => 0 };")]
    [InlineData("static int N(Shop.CardEvent c) => c switch { { Last4: null } => 0, _ => 1 };")]
    [InlineData("static int N(object o) => o switch { Shop.CardEvent => 1, _ => 0 };")]
    [InlineData("[AntomUnion(typeof(Circle))] abstract record Shape; sealed record Circle : Shape; sealed record Square : Shape; static int N(Shape s) => s switch { Square => 1, _ => 0 };")]
    public Task Types_that_are_not_marked_unions_are_ignored(string member)
        => Analyze<UnhandledResultStatusAnalyzer>(
            "namespace Other { sealed class AntomUnionAttribute : System.Attribute { public AntomUnionAttribute(params System.Type[] t) { } } static class D { "
            + member + " } }" + Union);

    [Fact]
    public Task Generated_code_is_skipped()
        => Analyze<UnhandledResultStatusAnalyzer>("// <auto-generated/>\n" + In("return e switch { CardEvent => 1, _ => 0 };"));
}
