using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>ANTOM1002 on a status test copied to a <c>bool</c> local assigned once and used as the branch condition.</summary>
public class StatusBoolLocalTests
{
    private static string Method(string body) => Usings + $$"""
        public static class C
        {
            public static int M(ResultStatus s, CaptureResponse r, bool amountOk)
            {
                {{body}}
                return 0;
            }

            private static void Change(ref bool b) { }
        }
        """;

    [Theory]
    [InlineData("var ok = s == ResultStatus.Success; [|if|] (ok) { return 1; } else { return 2; }")]
    [InlineData("bool failed = s == ResultStatus.Failure; [|if|] (failed) { return 2; } else { return 1; }")]
    [InlineData("bool ok = r.Result.ResultStatus is ResultStatus.Success; [|if|] (!ok) { return 2; }")]
    [InlineData("bool captured = r is { Result.ResultStatus: ResultStatus.Success }; [|if|] (captured) { return 1; } else { return 2; }")]
    [InlineData("var ok = s == ResultStatus.Success; return ok [|?|] 1 : 2;")]
    [InlineData("var notCaptured = s != ResultStatus.Success; [|if|] (notCaptured) { return 2; }")]
    [InlineData("var ok = s == ResultStatus.Success && amountOk; [|if|] (ok) { return 1; } else { return 2; }")]
    [InlineData("var ok = s == ResultStatus.Success; [|if|] (ok) return 1; return 2;")]
    [InlineData("var ok = s == ResultStatus.Success; Console.WriteLine(ok); [|if|] ((ok)) { return 1; } else { return 2; }")]
    public Task A_bool_that_holds_a_status_test_is_followed(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));

    [Fact]
    public Task The_message_names_the_local()
        => Analyze<UnknownFallsThroughAnalyzer>(
            Method("var ok = s == ResultStatus.Success; {|#0:if|} (ok) { return 1; } else { return 2; }"),
            new DiagnosticResult("ANTOM1002", DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage("resultStatus U (Unknown) reaches the else branch of 'ok' (ok = s == ResultStatus.Success) without being tested: test ResultStatus.Unknown explicitly before it"));

    [Theory]
    [InlineData("var ok = s == ResultStatus.Success; ok = ok && amountOk; if (ok) { return 1; } else { return 2; }")] // written again
    [InlineData("var ok = s == ResultStatus.Success; Change(ref ok); if (ok) { return 1; } else { return 2; }")] // passed by ref
    [InlineData("bool ok; ok = s == ResultStatus.Success; if (ok) { return 1; } else { return 2; }")] // not assigned at its declaration
    [InlineData("var ok = s == ResultStatus.Success; if (ok && amountOk) { return 1; } else { return 2; }")] // not the sole condition
    [InlineData("var ok = s == ResultStatus.Success; Console.WriteLine(ok); return 0;")] // never a branch condition
    [InlineData("if (s == ResultStatus.Unknown) { return 3; } var ok = s == ResultStatus.Success; if (ok) { return 1; } else { return 2; }")] // Unknown returned before
    [InlineData("var pending = s == ResultStatus.Unknown; if (pending) { return 3; } else { return 1; }")] // the bool tests Unknown
    [InlineData("var ok = s == ResultStatus.Success; bool copy = ok; if (copy) { return 1; } else { return 2; }")] // a copy of a copy is not followed
    [InlineData("var ok = amountOk; if (ok) { return 1; } else { return 2; }")] // no status
    [InlineData("var ok = DateTime.Now.DayOfWeek == DayOfWeek.Monday; if (ok) { return 1; } else { return 2; }")] // another enum
    [InlineData("var ok = s == ResultStatus.Success; for (int i = 0; i < 2; i++) { ok ^= amountOk; } if (ok) { return 1; } else { return 2; }")] // written in a loop
    [InlineData("var decided = s != ResultStatus.Unknown; if (!decided) { return 3; } var ok = s == ResultStatus.Success; if (ok) { return 1; } else { return 2; }")] // Unknown handled through another bool
    public Task Bools_that_are_rewritten_or_handle_Unknown_are_silent(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));
}
