using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>ANTOM1002 on early-return guards: the code after an <c>if</c> that leaves on one status is reached by Unknown.</summary>
public class EarlyReturnGuardTests
{
    private static string Method(string body, string parameters = "CaptureResponse r, ResultStatus s") => Usings + $$"""
        public static class C
        {
            public static string M({{parameters}})
            {
                {{body}}
            }

            private static void Log(string text) { }
        }
        """;

    [Theory]
    [InlineData("[|if|] (r.Result.ResultStatus == ResultStatus.Success) return \"captured\"; return \"failed, start a new capture\";")]
    [InlineData("[|if|] (s == ResultStatus.Success) { Log(\"ok\"); return \"captured\"; } Log(\"no\"); return \"failed\";")]
    [InlineData("[|if|] (s == ResultStatus.Failure) { throw new InvalidOperationException(); } return \"captured\";")]
    [InlineData("[|if|] (s is ResultStatus.Success) return \"captured\"; return \"failed\";")]
    [InlineData("[|if|] (ResultStatus.Success == s) { return \"captured\"; } else if (s == ResultStatus.Failure && r.CaptureId is null) { return \"odd\"; } return \"failed\";")]
    [InlineData("foreach (var x in new[] { 1, 2 }) { [|if|] (s == ResultStatus.Success) continue; Log(\"failed\"); } return \"\";")]
    [InlineData("while (true) { [|if|] (s == ResultStatus.Success) break; Log(\"retry with a new request id\"); } return \"\";")]
    [InlineData("[|if|] (s == ResultStatus.Success) { if (r.CaptureId is null) { return \"odd\"; } else { return \"captured\"; } } return \"failed\";")]
    public Task The_code_after_a_guard_on_another_status_is_reported(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));

    [Fact]
    public Task The_message_names_the_guard()
        => Analyze<UnknownFallsThroughAnalyzer>(
            Method("{|#0:if|} (r.Result.ResultStatus == ResultStatus.Success) return \"captured\"; return \"failed\";"),
            new DiagnosticResult("ANTOM1002", DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage("resultStatus U (Unknown) reaches the code after 'if (r.Result.ResultStatus == ResultStatus.Success)' without being tested: test ResultStatus.Unknown explicitly before it"));

    [Fact]
    public Task A_guard_in_a_switch_section_is_reported()
        => Analyze<UnknownFallsThroughAnalyzer>(Method("switch (r.CaptureId) { case \"a\": [|if|] (s == ResultStatus.Success) break; Log(\"failed\"); break; } return \"\";"));

    [Theory]
    [InlineData("if (s == ResultStatus.Unknown) return \"wait\"; if (s == ResultStatus.Success) return \"captured\"; return \"failed\";")] // Unknown dealt with first
    [InlineData("if (s != ResultStatus.Unknown) { if (s == ResultStatus.Success) return \"captured\"; return \"failed\"; } return \"wait\";")] // known not Unknown here
    [InlineData("if (s == ResultStatus.Success) return \"captured\"; if (s == ResultStatus.Failure) return \"failed\"; return \"wait\";")] // the code after tests the status again
    [InlineData("if (s == ResultStatus.Success) return \"captured\"; return s == ResultStatus.Unknown ? \"wait\" : \"failed\";")] // the code after names Unknown
    [InlineData("if (s is ResultStatus.Success or ResultStatus.Failure) return \"decided\"; return \"wait\";")] // the guard covers both other members
    [InlineData("if (s == ResultStatus.Success) return \"captured\"; else if (s == ResultStatus.Failure) return \"failed\"; return \"wait\";")] // a chain that covers both other members
    [InlineData("if (s == ResultStatus.Success) { Log(\"captured\"); } return \"done\";")] // the branch does not leave: no guard
    [InlineData("if (s == ResultStatus.Success) { if (r.CaptureId is null) return \"odd\"; } return \"failed\";")] // the branch may complete normally
    [InlineData("if (r.Result.ResultStatus.ToString() == \"Success\") return \"captured\"; return \"failed\";")] // a string comparison, not a status test
    [InlineData("if (r.CaptureId is null) return \"none\"; return \"some\";")] // no status test
    [InlineData("if (r.Result.ResultMessage is null) return \"none\"; return \"some\";")] // another property
    [InlineData("DayOfWeek d = DateTime.Now.DayOfWeek; if (d == DayOfWeek.Monday) return \"monday\"; return \"other\";")] // another enum
    [InlineData("if (s == ResultStatus.Unknown) return \"wait\"; return \"decided\";")] // a guard on Unknown itself
    [InlineData("{ if (s == ResultStatus.Success) return \"captured\"; } return \"failed\";")] // last statement of its block: the code after is not its sibling
    [InlineData("if (s == ResultStatus.Success) return \"captured\"; switch (s) { case ResultStatus.Failure: return \"failed\"; case ResultStatus.Unknown: return \"wait\"; } return \"\";")] // a switch handles the rest
    public Task Guards_that_Unknown_cannot_slip_past_are_silent(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));
}
