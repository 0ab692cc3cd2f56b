using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Signatures;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>The typed client against an in-process fake of Antom that checks the merchant's signatures and signs its answers.</summary>
public sealed class AntomClientTests : IDisposable
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Signatures");
    private readonly RSA _antomKey = RSA.Create(2048);
    private readonly List<string> _paths = [];

    public void Dispose() => _antomKey.Dispose();

    private static CaptureRequest Capture(string id = "cap-1") => new()
    {
        CaptureRequestId = id, PaymentId = "pay-1", CaptureAmount = Money.FromMinorUnits(6_000, "BRL"), IsLastCapture = false,
    };

    [Fact]
    public async Task A_capture_is_signed_over_the_exact_bytes_sent_and_the_signed_answer_is_typed()
    {
        AntomClient client = Client((_, _) => Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"captureId":"c-1","captureRequestId":"cap-1","captureAmount":{"currency":"BRL","value":"6000"}}"""));

        CaptureResponse response = await client.CaptureAsync(Capture());

        Assert.Equal(ResultStatus.Success, response.Result.ResultStatus);
        Assert.Equal("c-1", response.CaptureId);
        Assert.Equal(["/ams/api/v1/payments/capture"], _paths);
    }

    [Fact]
    public async Task A_sandbox_client_calls_the_sandbox_path()
    {
        AntomClient client = Client((_, _) => Answer("""{"result":{"resultCode":"CAPTURE_IN_PROCESS","resultStatus":"U"}}"""), clientId: "SANDBOX_TEST");
        CaptureResponse response = await client.CaptureAsync(Capture());
        Assert.Equal(ResultStatus.Unknown, response.Result.ResultStatus);
        Assert.Equal(["/ams/sandbox/api/v1/payments/capture"], _paths);
    }

    [Fact]
    public async Task A_tampered_response_is_rejected()
    {
        AntomClient client = Client((_, _) => Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"}}""", tamper: true));
        await Assert.ThrowsAsync<AntomSignatureException>(() => client.CaptureAsync(Capture()));
    }

    [Fact]
    public async Task An_unsigned_success_is_rejected_and_an_unsigned_failure_is_believed()
    {
        AntomClient success = Client((_, _) => Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"}}""", sign: false));
        await Assert.ThrowsAsync<AntomSignatureException>(() => success.CaptureAsync(Capture()));

        AntomClient failure = Client((_, _) => Answer("""{"result":{"resultCode":"RISK_REJECT","resultStatus":"F"}}""", sign: false));
        Assert.Equal(ResultStatus.Failure, (await failure.CaptureAsync(Capture())).Result.ResultStatus);
    }

    [Fact]
    public async Task A_capture_timeout_is_outcome_unknown_never_a_failure()
    {
        AntomClient client = Client(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return Answer("{}");
        }, timeout: TimeSpan.FromMilliseconds(200));

        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));
        Assert.Contains("same request id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_2xx_status_is_its_own_error()
    {
        AntomClient client = Client((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("upstream") });
        AntomHttpStatusException e = await Assert.ThrowsAsync<AntomHttpStatusException>(() => client.CaptureAsync(Capture()));
        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Equal("upstream", e.Body);
    }

    [Fact]
    public async Task An_invalid_request_is_refused_before_anything_is_sent()
    {
        Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> never = (_, _) => throw new InvalidOperationException("must not be called");
        AntomClient client = Client(never);
        await Assert.ThrowsAsync<AntomPayloadException>(() => client.CaptureAsync(Capture(new string('c', 65))));
        Assert.Empty(_paths);
    }

    [Fact]
    public async Task The_poller_resolves_a_U_capture_through_inquiryPayment()
    {
        int calls = 0;
        AntomClient client = Client((_, _) => Answer(Interlocked.Increment(ref calls) < 3 ? Inquiry("U", "PROCESSING") : Inquiry("S", "SUCCESS")));

        PaymentTransaction resolved = await CapturePoller.ResolveAsync(client, Capture(), new PollingOptions(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(10)));

        Assert.Equal(ResultStatus.Success, resolved.TransactionResult.ResultStatus);
        Assert.Equal("cap-1", resolved.TransactionRequestId);
        Assert.Equal(3, calls);
        Assert.All(_paths, p => Assert.Equal("/ams/api/v1/payments/inquiryPayment", p));
    }

    [Fact]
    public async Task The_poller_gives_up_at_its_deadline_with_outcome_unknown()
    {
        AntomClient client = Client((_, _) => Answer(Inquiry("U", "PROCESSING")));
        await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => CapturePoller.ResolveAsync(client, Capture(), new PollingOptions(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(60))));
    }

    private static string Inquiry(string status, string transactionStatus) => $$$"""
        {"result":{"resultCode":"SUCCESS","resultStatus":"S"},"transactions":[{"transactionType":"CAPTURE","transactionStatus":"{{{transactionStatus}}}",
        "transactionResult":{"resultCode":"X","resultStatus":"{{{status}}}"},"transactionId":"c-1","transactionRequestId":"cap-1","transactionAmount":{"currency":"BRL","value":"6000"}}]}
        """;

    private HttpResponseMessage Answer(string json, bool sign = true, bool tamper = false)
    {
        var message = new HttpResponseMessage(HttpStatusCode.OK);
        byte[] body = Encoding.UTF8.GetBytes(json);
        if (sign)
        {
            const string responseTime = "2026-09-01T07:13:50-07:00";
            byte[] content = Encoding.UTF8.GetBytes("POST " + _paths[^1] + "\n" + CurrentClient + "." + responseTime + ".").Concat(body).ToArray();
            string signature = Convert.ToBase64String(_antomKey.SignData(content, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            message.Headers.Add("response-time", responseTime);
            message.Headers.Add("signature", "algorithm=RSA256,keyVersion=1,signature=" + Uri.EscapeDataString(signature));
        }

        if (tamper)
        {
            body = Encoding.UTF8.GetBytes(json.Replace("SUCCESS", "SUCCES5", StringComparison.Ordinal));
        }

        message.Content = new ByteArrayContent(body);
        return message;
    }

    private string CurrentClient { get; set; } = "TEST_CLIENT_1";

    private AntomClient Client(Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> answer, string clientId = "TEST_CLIENT_1", TimeSpan? timeout = null)
        => Client((r, ct) => Task.FromResult(answer(r, ct)), clientId, timeout);

    private AntomClient Client(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer, string clientId = "TEST_CLIENT_1", TimeSpan? timeout = null)
    {
        CurrentClient = clientId;
        var merchant = AntomSignatureVerifier.FromPublicKey(File.ReadAllText(Path.Combine(Dir, "test-public-key.pem")));
        var handler = new FakeAntom(async (request, ct) =>
        {
            // The fake checks what real Antom checks: the merchant's signature over the exact bytes that arrived.
            byte[] body = await request.Content!.ReadAsByteArrayAsync(ct);
            string path = request.RequestUri!.AbsolutePath;
            _paths.Add(path);
            string sig = request.Headers.GetValues("signature").Single();
            string time = request.Headers.GetValues("request-time").Single();
            Assert.Equal(clientId, request.Headers.GetValues("client-id").Single());
            Assert.True(merchant.Verify("POST", path, clientId, time, sig, body), "the merchant's signature did not verify");
            return await answer(request, ct);
        });
        var http = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        return new AntomClient(http, new AntomClientOptions
        {
            Endpoint = new Uri("http://antom.test"),
            ClientId = clientId,
            Signer = AntomSigner.FromPrivateKey(File.ReadAllText(Path.Combine(Dir, "test-private-key.pem"))),
            Verifier = AntomSignatureVerifier.FromPublicKey(_antomKey.ExportSubjectPublicKeyInfoPem()),
        });
    }

    private sealed class FakeAntom(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
    }
}
