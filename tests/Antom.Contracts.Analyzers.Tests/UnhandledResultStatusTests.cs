using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

public class UnhandledResultStatusTests
{
    private static string In(string body, string parameters = "ResultStatus s") => Usings + $$"""
        public static class C
        {
            public static int M({{parameters}})
            {
                {{body}}
            }
        }
        """;

    // ---- reported --------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("[|switch|] (s) { case ResultStatus.Success: return 1; case ResultStatus.Failure: return 2; } return 0;")]
    [InlineData("[|switch|] (s) { case ResultStatus.Success: return 1; case ResultStatus.Failure: return 2; default: return 3; }")]
    [InlineData("return s [|switch|] { ResultStatus.Success => 1, ResultStatus.Failure => 2, _ => 3 };")]
    [InlineData("return s [|switch|] { ResultStatus.Success => 1, _ => 2 };")]
    [InlineData("return s [|switch|] { ResultStatus.Success => 1, ResultStatus.Failure => 2, ResultStatus.Unknown when DateTime.Now.Year > 2000 => 3, _ => 4 };")]
    [InlineData("[|switch|] (s) { case ResultStatus.Success: return 1; case ResultStatus.Failure: return 2; case ResultStatus.Unknown when s > 0: return 3; } return 0;")]
    [InlineData("return s [|switch|] { not ResultStatus.Success => 1, _ => 2 };")]
    [InlineData("return s [|switch|] { > ResultStatus.Success => 1, _ => 2 };")]
    [InlineData("[|switch|] (s) { default: return 0; }")]
    [InlineData("return s [|switch|] { var x => 1 };")]
    [InlineData("[|switch|] (s) { case 0: return 1; default: return 0; }")] // a literal zero converts to any enum
    [InlineData("return s [|switch|] { 0 => 1, _ => 0 };")]
    [InlineData("[|switch|] (s) { case null: return 1; default: return 0; }", "ResultStatus? s")] // null and catch-alls only
    public Task A_switch_that_does_not_name_every_member_is_reported(string body, string parameters = "ResultStatus s") => Analyze<UnhandledResultStatusAnalyzer>(In(body, parameters));

    // Switches whose labels are all literals are passed over by syntax, before any semantic work (the analyzer's cost
    // on ordinary code): they never govern a marked enum or union.
    [Theory]
    [InlineData("switch (n) { case 1: return 1; case -2: return 2; default: return 0; }", "int n")]
    [InlineData("return n switch { 1 => 1, (2) => 2, _ => 0 };", "int n")]
    [InlineData("return t switch { \"S\" => 1, \"F\" => 2, null => 3, _ => 0 };", "string? t")]
    [InlineData("switch (c) { case 'S': return 1; case 'F': return 2; } return 0;", "char c")]
    [InlineData("return b switch { true => 1, false => 2 };", "bool b")]
    public Task Switches_over_literals_are_silent(string body, string parameters) => Analyze<UnhandledResultStatusAnalyzer>(In(body, parameters));

    [Fact]
    public Task A_nullable_status_also_needs_a_null_arm()
        => Analyze<UnhandledResultStatusAnalyzer>(In("return s [|switch|] { ResultStatus.Success => 1, ResultStatus.Failure => 2, ResultStatus.Unknown => 3, _ => 0 };", "ResultStatus? s"));

    [Fact]
    public Task The_message_names_the_member_and_what_to_do()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("return s {|#0:switch|} { ResultStatus.Success => 1, ResultStatus.Failure => 2, _ => 3 };"),
            new DiagnosticResult("ANTOM1001", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
                "resultStatus U (Unknown) is not handled: Antom has not decided yet: wait for the notification or ask the inquiry, and never retry under a new request id (captureRequestId, paymentRequestId, refundRequestId, updateRequestId)"));

    [Fact]
    public Task Each_switch_is_reported_once_listing_every_missing_member()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("return s {|#0:switch|} { ResultStatus.Success => 1, _ => 3 };", "ResultStatus? s"),
            new DiagnosticResult("ANTOM1001", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
                "resultStatus F (Failure) is not handled: the call failed: resultCode says why; the same request id returns the same result; "
                + "resultStatus U (Unknown) is not handled: Antom has not decided yet: wait for the notification or ask the inquiry, and never retry under a new request id (captureRequestId, paymentRequestId, refundRequestId, updateRequestId); "
                + "a null resultStatus is not handled"));

    [Fact]
    public Task A_switch_on_a_contract_property_is_checked()
        => Analyze<UnhandledResultStatusAnalyzer>(In("[|switch|] (r.Result.ResultStatus) { case ResultStatus.Success: return 1; default: return 0; }", "CaptureResponse r"));

    // ---- silent ----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("switch (s) { case ResultStatus.Success: return 1; case ResultStatus.Failure: return 2; case ResultStatus.Unknown: return 3; } return 0;")]
    [InlineData("switch (s) { case ResultStatus.Success: return 1; case ResultStatus.Failure: return 2; case ResultStatus.Unknown: return 3; default: return 0; }")]
    [InlineData("return s switch { ResultStatus.Success => 1, ResultStatus.Failure => 2, ResultStatus.Unknown => 3 };")]
    [InlineData("return s switch { ResultStatus.Success => 1, ResultStatus.Failure or ResultStatus.Unknown => 2 };")]
    [InlineData("return s switch { ResultStatus.Success or ResultStatus.Failure or ResultStatus.Unknown => 1 };")]
    [InlineData("switch (s) { case ResultStatus.Success: case ResultStatus.Failure: return 1; case ResultStatus.Unknown: return 2; } return 0;")]
    [InlineData("switch (s) { case ResultStatus.Success: return 1; case ResultStatus.Failure or ResultStatus.Unknown: return 2; } return 0;")]
    [InlineData("switch (s) { case (ResultStatus.Success): return 1; case (ResultStatus)2: return 2; case ResultStatus.Unknown: return 3; } return 0;")]
    [InlineData("return s switch { ResultStatus.Success => 1, ResultStatus.Failure => 2, ResultStatus.Unknown => 3, _ => 4 };")]
    [InlineData("return s switch { ResultStatus.Success when s > 0 => 0, ResultStatus.Success => 1, ResultStatus.Failure => 2, ResultStatus.Unknown => 3 };")]
    [InlineData("if (s == ResultStatus.Success) { return 1; } return 0;")]
    [InlineData("Func<ResultStatus, int> f = x => x switch { ResultStatus.Success => 1, ResultStatus.Failure => 2, ResultStatus.Unknown => 3 }; return f(s);")]
    [InlineData("return s switch { ResultStatus.Success => 1, ResultStatus.Failure => 2, ResultStatus.Unknown => 3 } + 0;")]
    public Task A_switch_that_names_every_member_is_silent(string body) => Analyze<UnhandledResultStatusAnalyzer>(In(body));

    [Fact]
    public Task A_nullable_switch_with_a_null_arm_and_every_member_is_silent()
        => Analyze<UnhandledResultStatusAnalyzer>(In("return s switch { ResultStatus.Success => 1, ResultStatus.Failure => 2, ResultStatus.Unknown => 3, null => 0 };", "ResultStatus? s"));

    [Fact]
    public Task Using_static_member_names_count()
        => Analyze<UnhandledResultStatusAnalyzer>("using static Antom.Contracts.ResultStatus;\n" + In("switch (s) { case Success: return 1; case Failure: return 2; case Unknown: return 3; } return 0;").Replace("using System;", "using System;\nusing Antom.Contracts;", System.StringComparison.Ordinal));

    [Theory]
    [InlineData("enum Status { S, F, U } static int N(Status s) { switch (s) { case Status.S: return 1; default: return 0; } }")]
    [InlineData("enum ResultStatus { Success, Failure, Unknown } static int N(ResultStatus s) => s switch { ResultStatus.Success => 1, _ => 0 };")]
    [InlineData("static int N(string s) { switch (s) { case \"S\": return 1; default: return 0; } }")]
    [InlineData("static int N(int s) => s switch { 1 => 1, _ => 0 };")]
    [InlineData("static int N(Antom.Contracts.TransactionType t) => t.Value switch { \"CAPTURE\" => 1, _ => 0 };")]
    [InlineData("static int N(Antom.Contracts.PayloadRule r) => r switch { Antom.Contracts.PayloadRule.Syntax => 1, _ => 0 };")]
    [InlineData("static int N(System.DayOfWeek d) { switch (d) { case System.DayOfWeek.Monday: return 1; default: return 0; } }")]
    public Task Look_alikes_and_other_types_are_silent(string member)
        => Analyze<UnhandledResultStatusAnalyzer>("namespace Other { static class D { " + member + " } }");

    [Fact]
    public Task Generated_code_is_skipped()
        => Analyze<UnhandledResultStatusAnalyzer>("// <auto-generated/>\n" + In("return s switch { ResultStatus.Success => 1, _ => 0 };"));

    // Generated code is left out by the rule itself (context.IsGeneratedCode), not by the driver's diagnostic filter.
    [Fact]
    public Task A_class_marked_GeneratedCode_is_skipped()
        => Analyze<UnhandledResultStatusAnalyzer>(In("return s switch { ResultStatus.Success => 1, _ => 0 };").Replace("public static class C", "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1\")]\npublic static class C", System.StringComparison.Ordinal));
}
