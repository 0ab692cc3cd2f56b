using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// Every client call is one log record naming the api, its idempotency key, the result and the time it took, and an
/// outcome unknown names its reason; no signature, key or body ever reaches the log.
/// </summary>
public sealed class ClientLoggingTests : IDisposable
{
    private const string Answered = """{"result":{"resultCode":"CAPTURE_IN_PROCESS","resultStatus":"U","resultMessage":"in process"},"captureRequestId":"cap-log","paymentId":"pay-log"}""";
    private readonly SignedAntomFake _antom = new();
    private readonly CapturingLogger _log = new();

    public void Dispose() => _antom.Dispose();

    private static CaptureRequest Capture() => new()
    {
        CaptureRequestId = "cap-log", PaymentId = "pay-log", CaptureAmount = Money.FromMinorUnits(6_000, "BRL"), IsLastCapture = false,
    };

    [Fact]
    public async Task An_answered_call_is_logged_with_api_request_id_result_and_elapsed_time_and_nothing_secret()
    {
        string? sentSignature = null;
        HttpResponseMessage? answer = null;
        AntomClient client = _antom.Client(
            (request, _) =>
            {
                sentSignature = request.Headers.GetValues("signature").Single();
                return answer = _antom.Answer(Answered);
            },
            logger: _log);

        await client.CaptureAsync(Capture());

        CapturingLogger.Record record = Assert.Single(_log.Records);
        Assert.Equal((LogLevel.Information, 20), (record.Level, record.EventId));
        Assert.Equal("capture", record.Values["Api"]);
        Assert.Equal("cap-log", record.Values["RequestId"]);
        Assert.Equal("U", record.Values["ResultStatus"]);
        Assert.Equal("CAPTURE_IN_PROCESS", record.Values["ResultCode"]);
        Assert.IsType<long>(record.Values["ElapsedMs"]);
        AssertNothingSecret(sentSignature!, answer!.Headers.GetValues("signature").Single());
    }

    [Fact]
    public async Task An_outcome_unknown_is_logged_with_its_reason_and_status_code()
    {
        AntomClient client = _antom.Client((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("upstream secret page") }, logger: _log);

        await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));

        CapturingLogger.Record record = Assert.Single(_log.Records);
        Assert.Equal((LogLevel.Warning, 21), (record.Level, record.EventId));
        Assert.Equal("cap-log", record.Values["RequestId"]);
        Assert.Equal(NoVerifiedAnswerReason.HttpStatus, record.Values["Reason"]);
        Assert.Equal(502, record.Values["StatusCode"]);
        Assert.DoesNotContain("upstream secret page", _log.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_inquiry_is_logged_with_its_reason()
    {
        AntomClient client = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"}}""", tamper: true), logger: _log);

        await Assert.ThrowsAsync<AntomInquiryFailedException>(() => client.InquiryPaymentAsync(paymentId: "pay-log"));

        CapturingLogger.Record record = Assert.Single(_log.Records);
        Assert.Equal((LogLevel.Warning, 22), (record.Level, record.EventId));
        Assert.Equal("inquiryPayment", record.Values["Api"]);
        Assert.Equal(NoVerifiedAnswerReason.SignatureInvalid, record.Values["Reason"]);
    }

    private void AssertNothingSecret(string sentSignature, string answerSignature)
    {
        string text = _log.AllText;
        Assert.DoesNotContain("signature=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(sentSignature, text, StringComparison.Ordinal);
        Assert.DoesNotContain(answerSignature, text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("in process", text, StringComparison.Ordinal); // the answer's body (its resultMessage)
        Assert.DoesNotContain(Encoding.UTF8.GetString(_antom.Requests[^1].Body), text, StringComparison.Ordinal);
        Assert.DoesNotContain("6000", text, StringComparison.Ordinal); // the request's body (its amount)
    }
}
