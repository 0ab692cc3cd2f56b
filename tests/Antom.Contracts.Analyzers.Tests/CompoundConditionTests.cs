using System.Threading.Tasks;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>
/// ANTOM1002 on <c>&amp;&amp;</c>/<c>||</c>: the operand that is not a status test is taken as not deciding, so Unknown
/// goes where the status test sends it (<c>s == Success &amp;&amp; amountOk</c>: the else; <c>s == Failure || timedOut</c>: the else).
/// </summary>
public class CompoundConditionTests
{
    private static string Method(string body) => Usings + $$"""
        public static class C
        {
            public static int M(ResultStatus s, bool amountOk, bool timedOut, CaptureResponse r)
            {
                {{body}}
                return 0;
            }

            private static bool IsDecided(ResultStatus s) => s != ResultStatus.Unknown;
        }
        """;

    [Theory]
    [InlineData("[|if|] (s == ResultStatus.Success && amountOk) { return 1; } else { return 2; }")] // U always reaches the else
    [InlineData("[|if|] (amountOk && s == ResultStatus.Success) { return 1; } else { return 2; }")]
    [InlineData("[|if|] (s == ResultStatus.Failure || timedOut) { return 2; } else { return 1; }")] // U without a timeout reaches the else, written for S
    [InlineData("[|if|] (s != ResultStatus.Success && !timedOut) { return 2; }")] // U reaches the failure branch
    [InlineData("[|if|] (s != ResultStatus.Success || timedOut) { return 2; }")]
    [InlineData("[|if|] (s == ResultStatus.Success && amountOk && r.CaptureId != null) { return 1; } else { return 2; }")]
    [InlineData("[|if|] ((s == ResultStatus.Success || s == ResultStatus.Failure) && amountOk) { return 1; } else { return 2; }")]
    [InlineData("[|if|] (!(s == ResultStatus.Success && amountOk)) { return 2; }")]
    [InlineData("[|if|] (s == ResultStatus.Success & amountOk) { return 1; } else { return 2; }")]
    [InlineData("return s == ResultStatus.Success && amountOk [|?|] 1 : 2;")]
    [InlineData("[|if|] (s == ResultStatus.Success && amountOk) return 1; return 2;")] // a guard: the code after
    [InlineData("[|if|] (s == ResultStatus.Failure || timedOut) return 2; return 1;")] // a guard: U without a timeout reaches the code after, written for S
    public Task Unknown_sent_by_the_status_operand_is_reported(string body)
        => Analyze<UnknownFallsThroughAnalyzer>(Method(body));

    [Theory]
    [InlineData("if (s == ResultStatus.Failure || timedOut) { Console.WriteLine(\"failed\"); }")] // no else: Unknown reaches the branch only through the timeout
    [InlineData("if (s == ResultStatus.Success && amountOk) { return 1; } else if (s == ResultStatus.Unknown) { return 3; } else { return 2; }")] // Unknown tested before the else
    [InlineData("if (s == ResultStatus.Unknown || timedOut) { return 3; } else if (s == ResultStatus.Success) { return 1; } else { return 2; }")] // Unknown tested first
    [InlineData("if (s != ResultStatus.Unknown && s != ResultStatus.Success) { return 2; }")] // both operands test the status, one names Unknown
    [InlineData("if (s == ResultStatus.Unknown || s == ResultStatus.Success) { return 1; } else { return 2; }")]
    [InlineData("if (IsDecided(s) && s != ResultStatus.Success) { return 2; }")] // the other operand hands the status on: not read
    [InlineData("if (s == ResultStatus.Success && r.Result.ResultStatus == ResultStatus.Failure) { return 1; } else { return 2; }")] // two status values: not read
    [InlineData("if (amountOk && timedOut) { return 1; } else { return 2; }")] // no status at all
    [InlineData("if (s == ResultStatus.Success || s == ResultStatus.Failure || s == ResultStatus.Unknown) { return 1; } else { return 2; }")] // every member named
    [InlineData("if (s == ResultStatus.Unknown) { return 3; } if (s == ResultStatus.Success && amountOk) { return 1; } else { return 2; }")] // Unknown returned before
    [InlineData("if (DateTime.Now.DayOfWeek == DayOfWeek.Monday && amountOk) { return 1; } else { return 2; }")] // another enum
    [InlineData("System.Linq.Expressions.Expression<Func<ResultStatus, bool, int>> e = (x, ok) => x == ResultStatus.Success && ok ? 1 : 2;")] // an expression tree, not code that runs
    public Task Compound_conditions_that_leave_Unknown_alone_are_silent(string body) => Analyze<UnknownFallsThroughAnalyzer>(Method(body));
}
