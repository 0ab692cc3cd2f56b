using System.Threading.Tasks;
using Antom.Contracts.CodeFixes;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>
/// Every code fix applies in bulk: Fix All in document, project and solution must reach the same result in one pass as
/// fixing one diagnostic at a time, which is what <c>dotnet format analyzers</c> and the IDE's "Fix all" do.
/// tests/Package/verify-package.sh proves the same through dotnet format on a consumer of the packed package.
/// </summary>
public class FixAllTests
{
    [Fact]
    public Task Use_Money_fixes_every_declaration_in_one_pass()
        => FixAll<MoneyAnalyzer, UseMoneyCodeFix>(
            Usings + """
            public class C
            {
                public string? {|ANTOM2001:CaptureAmount|} { get; set; }

                public string? {|ANTOM2001:RefundAmount|} { get; init; }

                public void Record(string {|ANTOM2001:fee|}, string? {|ANTOM2001:total|})
                {
                }
            }
            """,
            Usings + """
            public class C
            {
                public Money? CaptureAmount { get; set; }

                public Money? RefundAmount { get; init; }

                public void Record(Money fee, Money? total)
                {
                }
            }
            """,
            diagnostics: 4);

    [Fact]
    public Task Add_missing_cases_fixes_every_enum_switch_in_one_pass()
        => FixAll<UnhandledResultStatusAnalyzer, AddMissingCasesCodeFix>(
            Usings + """
            public static class C
            {
                public static int A(ResultStatus s) => s [|switch|]
                {
                    ResultStatus.Success => 1,
                    _ => 0
                };

                public static int B(ResultStatus s)
                {
                    [|switch|] (s)
                    {
                        case ResultStatus.Failure:
                            return 2;
                        default:
                            return 0;
                    }
                }
            }
            """,
            Usings + """
            public static class C
            {
                public static int A(ResultStatus s) => s switch
                {
                    ResultStatus.Success => 1,
                    ResultStatus.Failure => throw new NotImplementedException("resultStatus F (Failure) is not handled"),
                    ResultStatus.Unknown => throw new NotImplementedException("resultStatus U (Unknown) is not handled"),
                    _ => 0
                };

                public static int B(ResultStatus s)
                {
                    switch (s)
                    {
                        case ResultStatus.Failure:
                            return 2;
                        case ResultStatus.Success:
                            throw new NotImplementedException("resultStatus S (Success) is not handled");
                        case ResultStatus.Unknown:
                            throw new NotImplementedException("resultStatus U (Unknown) is not handled");
                        default:
                            return 0;
                    }
                }
            }
            """,
            diagnostics: 2);

    [Fact]
    public Task Reuse_the_key_fixes_every_retry_in_one_pass()
        => FixAll<NewIdempotencyKeyOnRetryAnalyzer, ReuseIdempotencyKeyCodeFix>(
            Head + """
            public static class C
            {
                public static async Task Capture(AntomClient client, CaptureRequest request)
                {
                    try { await client.CaptureAsync(request); }
                    catch (AntomOutcomeUnknownException)
                    {
                        await client.CaptureAsync(request with { CaptureRequestId = {|ANTOM1003:Guid.NewGuid().ToString()|} });
                    }
                }

                public static async Task Refund(AntomClient client, RefundRequest request, ResultStatus s)
                {
                    if (s == ResultStatus.Unknown)
                    {
                        await client.RefundAsync(new RefundRequest { RefundRequestId = {|ANTOM1003:"ref-2"|}, PaymentId = request.PaymentId, RefundAmount = request.RefundAmount });
                    }
                }

                public static async Task Pay(AntomClient client, PayRequest request)
                {
                    try { await client.PayAsync(request); }
                    catch (AntomOutcomeUnknownException unknown)
                    {
                        await client.PayAsync(request with { PaymentRequestId = {|ANTOM1003:$"{unknown.IdempotencyKey}-2"|} });
                    }
                }
            }
            """,
            Head + """
            public static class C
            {
                public static async Task Capture(AntomClient client, CaptureRequest request)
                {
                    try { await client.CaptureAsync(request); }
                    catch (AntomOutcomeUnknownException)
                    {
                        await client.CaptureAsync(request with { CaptureRequestId = request.CaptureRequestId });
                    }
                }

                public static async Task Refund(AntomClient client, RefundRequest request, ResultStatus s)
                {
                    if (s == ResultStatus.Unknown)
                    {
                        await client.RefundAsync(new RefundRequest { RefundRequestId = request.RefundRequestId, PaymentId = request.PaymentId, RefundAmount = request.RefundAmount });
                    }
                }

                public static async Task Pay(AntomClient client, PayRequest request)
                {
                    try { await client.PayAsync(request); }
                    catch (AntomOutcomeUnknownException unknown)
                    {
                        await client.PayAsync(request with { PaymentRequestId = request.PaymentRequestId });
                    }
                }
            }
            """,
            diagnostics: 3);

    private const string Head = "using System;\nusing System.Threading.Tasks;\nusing Antom.Contracts;\nusing Antom.Contracts.Http;\n\n";
}
