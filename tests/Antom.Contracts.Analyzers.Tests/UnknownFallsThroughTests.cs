using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

public class UnknownFallsThroughTests
{
    private static string In(string body, string parameters = "ResultStatus s") => Usings + $$"""
        public static class C
        {
            public static int M({{parameters}})
            {
                {{body}}
                return 0;
            }
        }
        """;

    [Theory]
    [InlineData("[|if|] (s == ResultStatus.Success) { return 1; } else { return 2; }")]
    [InlineData("[|if|] (ResultStatus.Success == s) { return 1; } else { return 2; }")]
    [InlineData("[|if|] (s != ResultStatus.Success) { return 2; }")]
    [InlineData("[|if|] (s is not ResultStatus.Success) { return 2; }")]
    [InlineData("[|if|] (s == ResultStatus.Failure) { return 2; } else { return 1; }")]
    [InlineData("[|if|] (s == ResultStatus.Success) { return 1; } else if (s == ResultStatus.Failure) { return 2; } else { return 3; }")]
    [InlineData("[|if|] (s is ResultStatus.Success) { return 1; } else { return 2; }")]
    [InlineData("[|if|] (s is ResultStatus.Success or ResultStatus.Failure) { return 1; } else { return 2; }")]
    [InlineData("return s == ResultStatus.Success [|?|] 1 : 2;")]
    [InlineData("return s == ResultStatus.Success [|?|] 1 : s == ResultStatus.Failure ? 2 : 3;")]
    [InlineData("return s != ResultStatus.Success [|?|] 2 : 1;")]
    // Issue 14 widened the rule: these three were silent before (the rule did not read guards, && or bool locals).
    [InlineData("[|if|] (s == ResultStatus.Success) { return 1; }")] // a guard: the method's `return 0` after it receives U
    [InlineData("[|if|] (s == ResultStatus.Success && DateTime.Now.Year > 2000) { return 1; } else { return 2; }")]
    [InlineData("bool ok = s == ResultStatus.Success; return ok [|?|] 1 : 2;")]
    public Task Unknown_reaching_a_branch_for_another_status_is_reported(string body) => Analyze<UnknownFallsThroughAnalyzer>(In(body));

    [Fact]
    public Task A_status_read_from_a_contract_is_checked_and_the_message_says_what_to_do()
        => Analyze<UnknownFallsThroughAnalyzer>(
            In("var status = r.Result.ResultStatus; {|#0:if|} (status == ResultStatus.Success) { return 1; } else { return 2; }", "CaptureResponse r"),
            new DiagnosticResult("ANTOM1002", DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage("resultStatus U (Unknown) reaches the else branch without being tested: test ResultStatus.Unknown explicitly before it"));

    [Fact]
    public Task A_property_access_is_checked()
        => Analyze<UnknownFallsThroughAnalyzer>(In("[|if|] (r.Result.ResultStatus != ResultStatus.Success) { return 2; }", "CaptureResponse r"));

    [Theory]
    [InlineData("if (s == ResultStatus.Unknown) { return 0; } else if (s == ResultStatus.Success) { return 1; } else { return 2; }")]
    [InlineData("if (s == ResultStatus.Unknown) { return 0; } if (s == ResultStatus.Success) { return 1; }")]
    [InlineData("if (s == ResultStatus.Success) { return 1; } else if (s == ResultStatus.Failure) { return 2; }")]
    [InlineData("if (s == ResultStatus.Success) { return 1; } else if (s == ResultStatus.Unknown) { return 3; } else { return 2; }")]
    [InlineData("if (s is ResultStatus.Unknown) { return 0; } else { return 1; }")]
    [InlineData("if (s != ResultStatus.Unknown) { return 1; } else { return 0; }")]
    [InlineData("if (s is ResultStatus.Failure or ResultStatus.Unknown) { return 2; } else { return 1; }")]
    [InlineData("if (s is not ResultStatus.Unknown) { return 1; }")]
    [InlineData("return s == ResultStatus.Unknown ? 0 : s == ResultStatus.Success ? 1 : 2;")]
    [InlineData("return s == ResultStatus.Success ? 1 : s == ResultStatus.Unknown ? 3 : 2;")]
    [InlineData("if (DateTime.Now.Year > 2000) { return 1; } else { return 2; }")]
    [InlineData("int x = 3; if (x == 1) { return 1; } else { return 2; }")]
    [InlineData("switch (s) { case ResultStatus.Success: return 1; case ResultStatus.Failure: return 2; case ResultStatus.Unknown: return 3; }")]
    [InlineData("if (s == ResultStatus.Unknown || s == ResultStatus.Success) { return 1; } else { return 2; }")]
    public Task Chains_that_test_Unknown_first_or_have_no_fallthrough_are_silent(string body) => Analyze<UnknownFallsThroughAnalyzer>(In(body));

    [Theory]
    [InlineData("enum ResultStatus { Success, Failure, Unknown } static int N(ResultStatus s) { if (s == ResultStatus.Success) { return 1; } else { return 2; } }")]
    [InlineData("static int N(Antom.Contracts.PayloadRule r) { if (r == Antom.Contracts.PayloadRule.Syntax) { return 1; } else { return 2; } }")]
    [InlineData("static int N(string s) => s == \"S\" ? 1 : 2;")]
    [InlineData("static int N(Antom.Contracts.TransactionType t) => t == Antom.Contracts.TransactionType.Capture ? 1 : 2;")]
    public Task Look_alikes_are_silent(string member)
        => Analyze<UnknownFallsThroughAnalyzer>("namespace Other { static class D { " + member + " } }");

    [Fact]
    public Task Generated_code_is_skipped()
        => Analyze<UnknownFallsThroughAnalyzer>("// <auto-generated/>\n" + In("if (s == ResultStatus.Success) { return 1; } else { return 2; }"));

    // Generated code is left out by the rule itself (context.IsGeneratedCode), not by the driver's diagnostic filter.
    [Fact]
    public Task A_class_marked_GeneratedCode_is_skipped()
        => Analyze<UnknownFallsThroughAnalyzer>(In("if (s == ResultStatus.Success) { return 1; } else { return 2; }").Replace("public static class C", "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1\")]\npublic static class C", System.StringComparison.Ordinal));

    [Fact]
    public Task A_method_marked_GeneratedCode_is_skipped()
        => Analyze<UnknownFallsThroughAnalyzer>(In("return s == ResultStatus.Success ? 1 : 2;").Replace("public static int M(", "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1\")]\npublic static int M(", System.StringComparison.Ordinal));
}
