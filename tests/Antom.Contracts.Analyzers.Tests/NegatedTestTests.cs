using System.Threading.Tasks;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>ANTOM1002 on <c>!=</c>, <c>is not</c> and <c>!</c>: a branch for "not this status" receives Unknown.</summary>
public class NegatedTestTests
{
    private static string Method(string body) => Usings + $$"""
        public static class C
        {
            public static int M(ResultStatus s, CaptureResponse r, ResultStatus? maybe)
            {
                {{body}}
                return 0;
            }

            private static void Fail() { }
        }
        """;

    [Theory]
    [InlineData("[|if|] (s != ResultStatus.Success) { Fail(); }")]
    [InlineData("[|if|] (s is not ResultStatus.Failure) { return 1; }")]
    [InlineData("[|if|] (!(s == ResultStatus.Success)) { Fail(); }")]
    [InlineData("[|if|] (ResultStatus.Success != r.Result.ResultStatus) { Fail(); }")]
    [InlineData("[|if|] (s is not (ResultStatus.Success or ResultStatus.Failure)) { return 3; } else { return 1; }")] // the branch receives only U, yet never names it (as an else that only U reaches)
    [InlineData("[|if|] (s != ResultStatus.Success) return 2; return 1;")]
    [InlineData("[|if|] (s is not ResultStatus.Failure and not ResultStatus.Success) { return 3; }")]
    [InlineData("[|if|] (maybe != ResultStatus.Success) { Fail(); }")]
    [InlineData("[|if|] (s == ResultStatus.Success) { return 1; } else if (s != ResultStatus.Failure) { return 3; }")]
    public Task Negated_tests_that_take_Unknown_are_reported(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));

    [Theory]
    [InlineData("if (s != ResultStatus.Unknown) { if (s != ResultStatus.Success) { Fail(); } }")] // known not Unknown
    [InlineData("if (s is not ResultStatus.Unknown) { return 1; }")] // the test is about Unknown
    [InlineData("if (s is not ResultStatus.Unknown and not ResultStatus.Success) { Fail(); }")] // Unknown excluded in the same pattern
    [InlineData("if (s != ResultStatus.Success && s != ResultStatus.Unknown) { Fail(); }")] // Unknown excluded with &&
    [InlineData("if (s == ResultStatus.Unknown) { return 3; } if (s != ResultStatus.Success) { Fail(); }")] // Unknown returned before
    [InlineData("if (s == ResultStatus.Failure) { if (s != ResultStatus.Success) { Fail(); } }")] // known to be Failure by the enclosing test
    [InlineData("if (!(s != ResultStatus.Failure)) { Fail(); }")] // double negation: only Failure reaches Fail
    [InlineData("if (DateTime.Now.DayOfWeek != DayOfWeek.Monday) { Fail(); }")] // another enum
    [InlineData("if (r.CaptureId != null) { Fail(); }")] // no status
    [InlineData("if (maybe is not null) { Fail(); }")] // a null test on a nullable status
    [InlineData("if (s is ResultStatus.Success or ResultStatus.Failure) { return s != ResultStatus.Success ? 2 : 1; }")] // known decided by the enclosing test
    public Task Negated_tests_that_leave_Unknown_alone_are_silent(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));
}
