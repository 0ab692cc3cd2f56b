using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>ANTOM1002 on property patterns: <c>r is { Result.ResultStatus: ... }</c> in conditions and in switch arms.</summary>
public class PropertyPatternTests
{
    private static string Method(string body) => Usings + $$"""
        public static class C
        {
            public static string M(CaptureResponse r, bool amountOk)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("[|if|] (r is { Result.ResultStatus: ResultStatus.Success }) { return \"captured\"; } else { return \"failed\"; }")]
    [InlineData("[|if|] (r is { Result: { ResultStatus: ResultStatus.Success } }) { return \"captured\"; } else { return \"failed\"; }")]
    [InlineData("[|if|] (r is { Result.ResultStatus: ResultStatus.Success } or { Result.ResultStatus: ResultStatus.Failure }) { return \"decided\"; } else { return \"?\"; }")]
    [InlineData("[|if|] (r is { Result.ResultStatus: not ResultStatus.Success }) { return \"failed\"; } return \"captured\";")]
    [InlineData("[|if|] (r is { Result.ResultStatus: ResultStatus.Success, CaptureId: not null }) { return \"captured\"; } else { return \"failed\"; }")]
    [InlineData("[|if|] (r.Result is { ResultStatus: ResultStatus.Success }) return \"captured\"; return \"failed\";")]
    [InlineData("return r is { Result.ResultStatus: ResultStatus.Failure } [|?|] \"failed\" : \"captured\";")]
    [InlineData("return r [|switch|] { { Result.ResultStatus: ResultStatus.Success } => \"captured\", _ => \"failed\" };")]
    [InlineData("return r [|switch|] { { Result.ResultStatus: ResultStatus.Success } => \"captured\", { Result.ResultStatus: ResultStatus.Failure } => \"failed\", _ => \"?\" };")]
    [InlineData("return r [|switch|] { null => \"none\", { Result.ResultStatus: ResultStatus.Success } => \"captured\", var other => \"failed\" };")]
    [InlineData("return r [|switch|] { { Result.ResultStatus: not ResultStatus.Success } => \"failed\", _ => \"captured\" };")]
    [InlineData("return r [|switch|] { { Result.ResultStatus: ResultStatus.Success } when amountOk => \"captured\", _ => \"failed\" };")]
    [InlineData("[|switch|] (r) { case { Result.ResultStatus: ResultStatus.Success }: return \"captured\"; default: return \"failed\"; }")]
    [InlineData("[|switch|] (r) { default: return \"failed\"; case { Result.ResultStatus: ResultStatus.Success }: return \"captured\"; }")]
    public Task Property_patterns_that_let_Unknown_through_are_reported(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));

    // A type test that every non-null response passes is a catch-all like `_`.
    [Theory]
    [InlineData("return r [|switch|] { { Result.ResultStatus: ResultStatus.Success } => \"captured\", CaptureResponse other => \"failed \" + other.CaptureId };")]
    [InlineData("return r [|switch|] { { Result.ResultStatus: ResultStatus.Success } => \"captured\", CaptureResponse => \"failed\", null => \"none\" };")]
    [InlineData("return r [|switch|] { { Result.ResultStatus: ResultStatus.Success } => \"captured\", { } => \"failed\", null => \"none\" };")]
    [InlineData("return r [|switch|] { { Result.ResultStatus: ResultStatus.Success } => \"captured\", object o => \"failed\", null => \"none\" };")]
    [InlineData("[|switch|] (r) { case { Result.ResultStatus: ResultStatus.Success }: return \"captured\"; case CaptureResponse other: return \"failed\"; case null: return \"none\"; } return \"\";")]
    [InlineData("return r.Result [|switch|] { { ResultStatus: ResultStatus.Success } => \"captured\", AntomResult other => \"failed: \" + other.ResultCode, null => \"none\" };")]
    public Task Typed_catch_all_arms_are_reported(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));

    [Theory]
    [InlineData("return r switch { { Result.ResultStatus: ResultStatus.Success } => \"captured\", { Result.ResultStatus: ResultStatus.Unknown } => \"wait\", CaptureResponse other => \"failed\" };")] // Unknown has its arm first
    [InlineData("return r switch { { Result.ResultStatus: ResultStatus.Success } => \"captured\", { Result.ResultStatus: ResultStatus.Failure } => \"failed\", null => \"none\" };")] // null is not a status
    [InlineData("return r switch { { Result.ResultStatus: ResultStatus.Success } => \"captured\", { CaptureId: null } => \"odd\", { Result.ResultStatus: ResultStatus.Failure } => \"failed\" };")] // a narrower arm, no catch-all
    [InlineData("return r switch { { Result.ResultStatus: ResultStatus.Success } => \"captured\", CaptureResponse { CaptureId: null } => \"odd\", { Result.ResultStatus: ResultStatus.Failure } => \"failed\" };")] // a typed arm with a subpattern is no catch-all
    [InlineData("return r switch { { Result.ResultStatus: ResultStatus.Unknown } => \"wait\", CaptureResponse other => \"decided\" };")] // Unknown first, then everything else
    [InlineData("return r switch { CaptureResponse other => other.CaptureId ?? \"\" };")] // no status test at all
    public Task Typed_arms_that_do_not_let_Unknown_through_are_silent(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));

    [Fact]
    public Task The_message_names_the_arm()
        => Analyze<UnknownFallsThroughAnalyzer>(
            Method("return r {|#0:switch|} { { Result.ResultStatus: ResultStatus.Success } => \"captured\", _ => \"failed\" };"),
            new DiagnosticResult("ANTOM1002", DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage("resultStatus U (Unknown) reaches the arm '_' without being tested: test ResultStatus.Unknown explicitly before it"));

    [Theory]
    [InlineData("if (r is { Result.ResultStatus: ResultStatus.Unknown }) { return \"wait\"; } else if (r is { Result.ResultStatus: ResultStatus.Success }) { return \"captured\"; } else { return \"failed\"; }")] // Unknown first
    [InlineData("if (r is { Result.ResultStatus: ResultStatus.Success }) { return \"captured\"; } else if (r is { Result.ResultStatus: ResultStatus.Unknown }) { return \"wait\"; } else { return \"failed\"; }")] // Unknown before the else
    [InlineData("return r switch { { Result.ResultStatus: ResultStatus.Success } => \"captured\", { Result.ResultStatus: ResultStatus.Unknown } => \"wait\", _ => \"failed\" };")] // an arm for Unknown
    [InlineData("return r switch { { Result.ResultStatus: ResultStatus.Success } => \"captured\", { Result.ResultStatus: ResultStatus.Failure } => \"failed\", { Result.ResultStatus: ResultStatus.Unknown } => \"wait\", _ => \"?\" };")] // every member named
    [InlineData("switch (r) { case { Result.ResultStatus: ResultStatus.Success }: return \"captured\"; case { Result.ResultStatus: ResultStatus.Unknown }: return \"wait\"; default: return \"failed\"; }")] // a case for Unknown
    [InlineData("return r.Result.ResultStatus switch { ResultStatus.Success => \"captured\", _ => \"failed\" };")] // a switch on the status itself is ANTOM1001's
    [InlineData("return r switch { { Result.ResultStatus: ResultStatus.Success } => \"captured\", { Result.ResultStatus: ResultStatus.Failure } => \"failed\" };")] // no catch-all arm for Unknown to fall into
    [InlineData("return r switch { { CaptureId: null } => \"none\", _ => \"some\" };")] // another property
    [InlineData("return r switch { { Result.ResultStatus: var status } => status.ToString() };")] // the status is passed on, not tested
    [InlineData("if (r is { Result.ResultStatus: not ResultStatus.Unknown }) { return \"decided\"; } else { return \"wait\"; }")] // tests Unknown itself
    [InlineData("if (r.Result.ResultStatus == ResultStatus.Unknown) { return \"wait\"; } return r switch { { Result.ResultStatus: ResultStatus.Success } => \"captured\", _ => \"failed\" };")] // Unknown handled before the switch
    [InlineData("var t = DateTime.Now; return t switch { { DayOfWeek: DayOfWeek.Monday } => \"monday\", _ => \"other\" };")] // another enum
    [InlineData("if (r is { Result.ResultStatus: ResultStatus.Success } && r.Result.ResultStatus != ResultStatus.Unknown) { return \"captured\"; } else { return \"failed\"; }")] // names Unknown in the condition
    public Task Property_patterns_that_handle_Unknown_are_silent(string body)
        => Analyze<UnknownFallsThroughAnalyzer>(Method(body));
}
