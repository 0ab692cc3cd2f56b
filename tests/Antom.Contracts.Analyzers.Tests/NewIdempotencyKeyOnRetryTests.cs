using System.Threading.Tasks;
using Antom.Contracts.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

public class NewIdempotencyKeyOnRetryTests
{
    private const string Head = "using System;\nusing System.Threading.Tasks;\nusing Antom.Contracts;\nusing Antom.Contracts.Http;\n\n";

    private static DiagnosticResult NewKey(int location) => new DiagnosticResult("ANTOM1003", DiagnosticSeverity.Warning).WithLocation(location);

    // A method with the original request, the client and a status in scope, around the statements under test.
    private static string InMethod(string body) => Head + """
        public sealed class MyCapture { public string CaptureRequestId { get; init; } = ""; }

        public static class C
        {
            public static async Task M(AntomClient client, CaptureRequest original, RefundRequest refund, PayRequest pay, ResultStatus s, CaptureResponse r)
            {
        """ + body + """

            }
        }
        """;

    [Theory]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { await client.CaptureAsync(new CaptureRequest { CaptureRequestId = {|#0:Guid.NewGuid().ToString()|}, PaymentId = original.PaymentId, CaptureAmount = original.CaptureAmount }); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { await client.CaptureAsync(original with { CaptureRequestId = {|#0:$\"{original.CaptureRequestId}-retry\"|} }); }")]
    [InlineData("try { await client.RefundAsync(refund); } catch (AntomTransportException e) when (e is AntomOutcomeUnknownException) { await client.RefundAsync(refund with { RefundRequestId = {|#0:\"ref-2\"|} }); }")]
    [InlineData("if (s == ResultStatus.Unknown) { await client.PayAsync(pay with { PaymentRequestId = {|#0:Guid.NewGuid().ToString(\"N\")|} }); }")]
    [InlineData("switch (s) { case ResultStatus.Unknown: await client.CaptureAsync(original with { CaptureRequestId = {|#0:\"cap-\" + Guid.NewGuid()|} }); break; case ResultStatus.Success: break; }")]
    [InlineData("CaptureRequest next = s switch { ResultStatus.Unknown => original with { CaptureRequestId = {|#0:Guid.NewGuid().ToString()|} }, _ => original }; await client.CaptureAsync(next);")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { string fresh = Guid.NewGuid().ToString(); await client.CaptureAsync(original with { CaptureRequestId = {|#0:fresh|} }); }")]
    [InlineData("if (s != ResultStatus.Unknown) { return; } else { await client.CaptureAsync(original with { CaptureRequestId = {|#0:Guid.NewGuid().ToString()|} }); }")]
    [InlineData("if (r.Result.ResultStatus is ResultStatus.Unknown) { await client.CaptureAsync(original with { CaptureRequestId = {|#0:Guid.NewGuid().ToString()|} }); }")]
    [InlineData("if (r is { Result.ResultStatus: ResultStatus.Failure or ResultStatus.Unknown }) { await client.CaptureAsync(original with { CaptureRequestId = {|#0:Guid.NewGuid().ToString()|} }); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { await client.UpdateAmountAsync(new UpdateAmountRequest { UpdateRequestId = {|#0:\"upd-2\"|}, PaymentId = original.PaymentId, Amount = original.CaptureAmount }); }")]
    [InlineData("CaptureRequest next = s == ResultStatus.Unknown ? original with { CaptureRequestId = {|#0:Guid.NewGuid().ToString()|} } : original; await client.CaptureAsync(next);")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { if (DateTime.UtcNow.Hour > 1) { await client.CaptureAsync(original with { CaptureRequestId = {|#0:original.PaymentId + \"-2\"|} }); } }")]
    public Task A_new_key_in_a_retry_path_is_reported(string body)
        => Analyze<NewIdempotencyKeyOnRetryAnalyzer>(InMethod(body), NewKey(0));

    [Theory]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { await client.CaptureAsync(original); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { await client.CaptureAsync(original with { IsLastCapture = true }); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { await client.CaptureAsync(new CaptureRequest { CaptureRequestId = original.CaptureRequestId, PaymentId = original.PaymentId, CaptureAmount = original.CaptureAmount }); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException ex) { await client.CaptureAsync(original with { CaptureRequestId = ex.IdempotencyKey }); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException ex) { await client.CaptureAsync(original with { CaptureRequestId = ex.IdempotencyKey.ToString() }); }")]
    [InlineData("await client.CaptureAsync(new CaptureRequest { CaptureRequestId = Guid.NewGuid().ToString(), PaymentId = original.PaymentId, CaptureAmount = original.CaptureAmount });")]
    [InlineData("if (s == ResultStatus.Failure) { await client.CaptureAsync(original with { CaptureRequestId = Guid.NewGuid().ToString() }); }")]
    [InlineData("if (s != ResultStatus.Unknown) { await client.CaptureAsync(original with { CaptureRequestId = Guid.NewGuid().ToString() }); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (ArgumentException) { await client.CaptureAsync(original with { CaptureRequestId = Guid.NewGuid().ToString() }); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomPayloadException) { await client.CaptureAsync(original with { CaptureRequestId = Guid.NewGuid().ToString() }); }")]
    [InlineData("string id = Guid.NewGuid().ToString(); try { await client.CaptureAsync(original with { CaptureRequestId = id }); } catch (AntomOutcomeUnknownException) { await client.CaptureAsync(original with { CaptureRequestId = id }); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { await client.CancelAsync(new CancelRequest { PaymentRequestId = Guid.NewGuid().ToString() }); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { _ = new MyCapture { CaptureRequestId = Guid.NewGuid().ToString() }; }")]
    [InlineData("switch (s) { case ResultStatus.Success: await client.CaptureAsync(original with { CaptureRequestId = Guid.NewGuid().ToString() }); break; case ResultStatus.Unknown: await client.CaptureAsync(original); break; }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomTransportException e) when (e.Reason == NoVerifiedAnswerReason.Timeout) { await client.CaptureAsync(original with { CaptureRequestId = Guid.NewGuid().ToString() }); }")]
    [InlineData("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { } await client.CaptureAsync(original with { CaptureRequestId = Guid.NewGuid().ToString() });")]
    [InlineData("try { try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { throw; } } catch (AntomOutcomeUnknownException) when (s == ResultStatus.Success) { await client.CaptureAsync(original with { CaptureRequestId = original.CaptureRequestId }); }")]
    public Task The_key_that_was_sent_and_other_paths_are_silent(string body)
        => Analyze<NewIdempotencyKeyOnRetryAnalyzer>(InMethod(body));

    [Fact]
    public Task The_message_names_the_key_the_path_and_the_operation()
        => Analyze<NewIdempotencyKeyOnRetryAnalyzer>(
            InMethod("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { await client.CaptureAsync(original with { CaptureRequestId = {|#0:Guid.NewGuid().ToString()|} }); }"),
            NewKey(0).WithMessage("CaptureRequestId is set to a new id after AntomOutcomeUnknownException: the first capture may have happened, and a second one under a new id can happen too; retry with the CaptureRequestId that was sent"));

    [Fact]
    public Task The_fix_takes_the_key_from_the_original_request()
        => Fix<NewIdempotencyKeyOnRetryAnalyzer, ReuseIdempotencyKeyCodeFix>(
            InMethod("""
                    try { await client.CaptureAsync(original); }
                    catch (AntomOutcomeUnknownException)
                    {
                        await client.CaptureAsync(new CaptureRequest { CaptureRequestId = {|ANTOM1003:Guid.NewGuid().ToString()|}, PaymentId = original.PaymentId, CaptureAmount = original.CaptureAmount });
                    }
            """),
            InMethod("""
                    try { await client.CaptureAsync(original); }
                    catch (AntomOutcomeUnknownException)
                    {
                        await client.CaptureAsync(new CaptureRequest { CaptureRequestId = original.CaptureRequestId, PaymentId = original.PaymentId, CaptureAmount = original.CaptureAmount });
                    }
            """));

    [Fact]
    public Task The_fix_takes_the_key_from_the_request_a_with_copies()
        => Fix<NewIdempotencyKeyOnRetryAnalyzer, ReuseIdempotencyKeyCodeFix>(
            InMethod("""
                    CaptureRequest first = original with { IsLastCapture = true };
                    if (s == ResultStatus.Unknown)
                    {
                        await client.CaptureAsync(first with { CaptureRequestId = {|ANTOM1003:$"{first.CaptureRequestId}-2"|} });
                    }
            """),
            InMethod("""
                    CaptureRequest first = original with { IsLastCapture = true };
                    if (s == ResultStatus.Unknown)
                    {
                        await client.CaptureAsync(first with { CaptureRequestId = first.CaptureRequestId });
                    }
            """));

    [Fact]
    public Task The_fix_takes_the_key_from_the_exception_when_no_request_is_in_scope()
        => Fix<NewIdempotencyKeyOnRetryAnalyzer, ReuseIdempotencyKeyCodeFix>(
            Head + """
            public static class C
            {
                public static async Task M(AntomClient client, string paymentId, Money amount)
                {
                    try { await client.CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-1", PaymentId = paymentId, CaptureAmount = amount }); }
                    catch (AntomOutcomeUnknownException unknown)
                    {
                        await client.CaptureAsync(new CaptureRequest { CaptureRequestId = {|ANTOM1003:"cap-2"|}, PaymentId = paymentId, CaptureAmount = amount });
                    }
                }
            }
            """,
            Head + """
            public static class C
            {
                public static async Task M(AntomClient client, string paymentId, Money amount)
                {
                    try { await client.CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-1", PaymentId = paymentId, CaptureAmount = amount }); }
                    catch (AntomOutcomeUnknownException unknown)
                    {
                        await client.CaptureAsync(new CaptureRequest { CaptureRequestId = unknown.IdempotencyKey, PaymentId = paymentId, CaptureAmount = amount });
                    }
                }
            }
            """);

    [Fact]
    public Task No_fix_is_offered_when_no_key_that_was_sent_is_in_scope()
    {
        string source = Head + """
            public static class C
            {
                public static async Task M(AntomClient client, string paymentId, Money amount, ResultStatus s)
                {
                    if (s == ResultStatus.Unknown)
                    {
                        await client.CaptureAsync(new CaptureRequest { CaptureRequestId = {|#0:Guid.NewGuid().ToString()|}, PaymentId = paymentId, CaptureAmount = amount });
                    }
                }
            }
            """;
        return NoFix<NewIdempotencyKeyOnRetryAnalyzer, ReuseIdempotencyKeyCodeFix>(source, NewKey(0));
    }

    // Generated code is left out by the rule itself (context.IsGeneratedCode), not by the driver's diagnostic filter.
    [Theory]
    [InlineData("// <auto-generated/>\n")]
    [InlineData("[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1\")]\n")]
    public Task Generated_code_is_skipped(string marker)
    {
        string source = InMethod("try { await client.CaptureAsync(original); } catch (AntomOutcomeUnknownException) { await client.CaptureAsync(original with { CaptureRequestId = Guid.NewGuid().ToString() }); }");
        source = marker.StartsWith("//", System.StringComparison.Ordinal) ? marker + source : source.Replace("public static class C", marker + "public static class C", System.StringComparison.Ordinal);
        return Analyze<NewIdempotencyKeyOnRetryAnalyzer>(source);
    }
}
