using System.Threading.Tasks;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>
/// ANTOM1002 and what comes before a test: Unknown is taken as dealt with only when a guard before it sends Unknown
/// away (returns, throws, continues, breaks out of the loop) or an enclosing test keeps it out, not because
/// <c>Unknown</c> is named somewhere earlier in the member.
/// </summary>
public class UnknownSentAwayBeforeTests
{
    private static string Method(string body) => Usings + $$"""
        public static class C
        {
            public static string M(CaptureResponse r, ResultStatus s)
            {
                {{body}}
            }

            private static void Log(string text) { }
        }
        """;

    [Theory]
    [InlineData("if (s == ResultStatus.Unknown) Log(\"pending\"); [|if|] (s == ResultStatus.Success) return \"captured\"; return \"failed\";")] // named, logged, not sent away
    [InlineData("Log(ResultStatus.Unknown.ToString()); [|if|] (s == ResultStatus.Success) return \"captured\"; return \"failed\";")] // named in passing
    [InlineData("var pending = ResultStatus.Unknown; Log(pending.ToString()); [|if|] (s == ResultStatus.Success) { return \"captured\"; } else { return \"failed\"; }")] // a value, not a test
    [InlineData("if (s == ResultStatus.Unknown) { Log(\"wait\"); } else { Log(\"decided\"); } [|if|] (s == ResultStatus.Success) return \"captured\"; return \"failed\";")] // an if/else that does not leave
    [InlineData("switch (s) { case ResultStatus.Unknown: Log(\"wait\"); break; } [|if|] (s == ResultStatus.Success) return \"captured\"; return \"failed\";")] // break only leaves the switch
    [InlineData("if (r.Result.ResultStatus == ResultStatus.Unknown) return \"wait\"; [|if|] (s == ResultStatus.Success) return \"captured\"; return \"failed\";")] // another subject
    [InlineData("if (s == ResultStatus.Unknown && r.CaptureId is null) return \"wait\"; [|if|] (s == ResultStatus.Success) return \"captured\"; return \"failed\";")] // Unknown with a capture id gets past
    [InlineData("System.Func<string> f = () => { if (s == ResultStatus.Unknown) return \"wait\"; return \"\"; }; [|if|] (s == ResultStatus.Success) return \"captured\"; return \"failed\";")] // the guard is in a lambda
    [InlineData("if (s == ResultStatus.Unknown) Log(\"pending\"); return s == ResultStatus.Success [|?|] \"captured\" : \"failed\";")] // a ?: after a guard that does not leave
    [InlineData("if (s == ResultStatus.Unknown) Log(\"pending\"); return r [|switch|] { { Result.ResultStatus: ResultStatus.Success } => \"captured\", _ => \"failed\" };")] // a switch after it
    [InlineData("if (s == ResultStatus.Success) { Log(\"ok\"); } if (s == ResultStatus.Unknown) Log(\"pending\"); [|if|] (s == ResultStatus.Failure) return \"failed\"; return \"captured\";")] // Unknown named between, not sent away
    public Task Unknown_named_but_not_sent_away_is_reported(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));

    [Theory]
    [InlineData("if (s == ResultStatus.Unknown) return \"wait\"; return s == ResultStatus.Success ? \"captured\" : \"failed\";")] // a ?: after the guard
    [InlineData("if (s == ResultStatus.Unknown) { throw new InvalidOperationException(\"poll first\"); } using (new System.IO.MemoryStream()) { if (s == ResultStatus.Success) { return \"captured\"; } else { return \"failed\"; } }")] // the guard is in an enclosing block
    [InlineData("switch (s) { case ResultStatus.Unknown: return \"wait\"; } if (s == ResultStatus.Success) return \"captured\"; return \"failed\";")] // a switch section that returns
    [InlineData("switch (s) { case ResultStatus.Unknown: throw new InvalidOperationException(); default: break; } return s == ResultStatus.Success ? \"captured\" : \"failed\";")] // a switch section that throws
    [InlineData("var decided = s != ResultStatus.Unknown; if (!decided) return \"wait\"; return s == ResultStatus.Success ? \"captured\" : \"failed\";")] // a bool local guard
    [InlineData("if (s is ResultStatus.Unknown) return \"wait\"; foreach (var x in new[] { 1 }) { if (s == ResultStatus.Success) { Log(\"ok\"); } else { Log(\"failed\"); } } return \"\";")] // a loop after the guard
    [InlineData("if (r.Result.ResultStatus == ResultStatus.Unknown) return \"wait\"; return r.Result.ResultStatus == ResultStatus.Success ? \"captured\" : \"failed\";")] // the same property
    [InlineData("if (s == ResultStatus.Unknown || r.CaptureId is null) return \"wait\"; if (s == ResultStatus.Success) return \"captured\"; return \"failed\";")] // Unknown always leaves
    [InlineData("if (s != ResultStatus.Unknown) { return s == ResultStatus.Success ? \"captured\" : \"failed\"; } return \"wait\";")] // an enclosing test keeps it out
    [InlineData("while (true) { if (s == ResultStatus.Unknown) { continue; } if (s == ResultStatus.Success) { break; } else { return \"failed\"; } } return \"captured\";")] // continue sends it away
    [InlineData("if (r.Result.ResultStatus == ResultStatus.Unknown) { return \"wait\"; } return r switch { { Result.ResultStatus: ResultStatus.Success } => \"captured\", _ => \"failed\" };")] // a switch after the guard
    [InlineData("if (s == ResultStatus.Unknown) return \"wait\"; else if (s == ResultStatus.Failure) return \"failed\"; return \"captured\";")] // a chain of guards
    public Task Unknown_sent_away_before_is_silent(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));
}
