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
        AntomClient client = Client((_, _) => Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"captureId":"c-1","captureRequestId":"cap-1","paymentId":"pay-1","captureAmount":{"currency":"BRL","value":"6000"}}"""));

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

    // The rows of issue 10's table that concern the client: after a capture may have left the process, the caller sees
    // a verified answer that belongs to the request, or AntomOutcomeUnknownException with a reason, never anything else.

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.Created)]
    public async Task Any_status_but_200_after_sending_is_outcome_unknown_never_a_failure(HttpStatusCode status)
    {
        AntomClient client = Client((_, _) => new HttpResponseMessage(status) { Content = new StringContent("upstream") });

        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));

        Assert.Equal(NoVerifiedAnswerReason.HttpStatus, e.Reason);
        Assert.Equal(status, e.StatusCode);
        AssertTellsWhatToDo(e, "cap-1");
    }

    [Fact]
    public async Task A_tampered_answer_is_outcome_unknown_with_the_signature_reason()
    {
        AntomClient client = Client((_, _) => Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"}}""", tamper: true));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));
        Assert.Equal(NoVerifiedAnswerReason.SignatureInvalid, e.Reason);
        AssertTellsWhatToDo(e, "cap-1");
    }

    [Theory]
    [InlineData("S", "SUCCESS")]
    [InlineData("F", "RISK_REJECT")]
    [InlineData("U", "CAPTURE_IN_PROCESS")]
    public async Task An_unsigned_capture_answer_is_outcome_unknown_whatever_it_says(string status, string code)
    {
        // Believing an unsigned F would invite a second capture under a new id.
        AntomClient client = Client((_, _) => Answer($$$"""{"result":{"resultCode":"{{{code}}}","resultStatus":"{{{status}}}"}}""", sign: false));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));
        Assert.Equal(NoVerifiedAnswerReason.SignatureMissing, e.Reason);
    }

    [Fact]
    public async Task A_signed_answer_that_breaks_its_contract_is_outcome_unknown_not_a_payload_error()
    {
        string message = new('m', 300);
        AntomClient client = Client((_, _) => Answer($$$"""{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"{{{message}}}"},"captureRequestId":"cap-1","paymentId":"pay-1","captureAmount":{"currency":"BRL","value":"6000"}}"""));

        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));

        Assert.Equal(NoVerifiedAnswerReason.InvalidResponse, e.Reason);
        AntomPayloadException inner = Assert.IsType<AntomPayloadException>(e.InnerException);
        Assert.Equal("$.result.resultMessage", inner.Path);
        Assert.Single(_paths); // it was sent: not the "invalid request, nothing sent" error
    }

    [Theory]
    [InlineData("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"captureRequestId":"cap-OTHER","paymentId":"pay-OTHER","captureAmount":{"currency":"BRL","value":"6000"}}""", "captureRequestId")]
    [InlineData("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"captureRequestId":"cap-1","paymentId":"pay-OTHER","captureAmount":{"currency":"BRL","value":"6000"}}""", "paymentId")]
    [InlineData("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"captureRequestId":"cap-1","paymentId":"pay-1","captureAmount":{"currency":"BRL","value":"6001"}}""", "captureAmount")]
    [InlineData("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"captureRequestId":"cap-1","captureAmount":{"currency":"BRL","value":"6000"}}""", "paymentId")]
    [InlineData("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"}}""", "captureRequestId")]
    [InlineData("""{"result":{"resultCode":"PROCESS_FAIL","resultStatus":"F"},"captureRequestId":"cap-OTHER"}""", "captureRequestId")]
    public async Task A_signed_answer_that_belongs_to_another_capture_is_outcome_unknown(string json, string field)
    {
        AntomClient client = Client((_, _) => Answer(json));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));
        Assert.Equal(NoVerifiedAnswerReason.NotThisRequest, e.Reason);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_that_echoes_nothing_is_believed_because_it_contradicts_nothing()
    {
        AntomClient client = Client((_, _) => Answer("""{"result":{"resultCode":"RISK_REJECT","resultStatus":"F","resultMessage":"risk"}}"""));
        Assert.Equal(ResultStatus.Failure, (await client.CaptureAsync(Capture())).Result.ResultStatus);
    }

    [Fact]
    public async Task The_callers_cancellation_after_sending_is_outcome_unknown_and_before_sending_is_plain()
    {
        using var cts = new CancellationTokenSource();
        AntomClient client = Client(async (_, ct) =>
        {
            await cts.CancelAsync(); // the request has arrived: now the caller gives up
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return Answer("{}");
        });

        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture(), cts.Token));
        Assert.Equal(NoVerifiedAnswerReason.Cancelled, e.Reason);
        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);

        _paths.Clear();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CaptureAsync(Capture(), cts.Token));
        Assert.Empty(_paths); // nothing was sent
    }

    [Fact]
    public async Task A_dropped_connection_is_outcome_unknown()
    {
        Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> reset = (_, _) => throw new HttpRequestException("connection reset", new IOException("reset"));
        AntomClient client = Client(reset);
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));
        Assert.Equal(NoVerifiedAnswerReason.ConnectionFailed, e.Reason);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task A_body_cut_off_halfway_is_outcome_unknown()
    {
        AntomClient client = Client((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream(100)) });
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));
        Assert.Equal(NoVerifiedAnswerReason.ConnectionFailed, e.Reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_5_MB_answer_is_never_buffered_whole(bool declaresLength)
    {
        var stream = new CountingStream(5 * 1024 * 1024);
        AntomClient client = Client((_, _) =>
        {
            var content = new StreamContent(stream);
            content.Headers.ContentLength = declaresLength ? stream.Length : null;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));

        Assert.Equal(NoVerifiedAnswerReason.BodyTooLarge, e.Reason);
        Assert.True(stream.Served <= AntomClientOptions.DefaultMaxResponseBytes + 1, $"read {stream.Served} bytes");
        Assert.True(stream.Disposed, "the answer was not disposed");
    }

    [Fact]
    public async Task The_size_cap_is_configurable_and_checked()
    {
        AntomClient client = Client((_, _) => Answer("""{"result":{"resultCode":"RISK_REJECT","resultStatus":"F","resultMessage":"risk"}}"""), maxResponseBytes: 16);
        Assert.Equal(NoVerifiedAnswerReason.BodyTooLarge, (await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()))).Reason);
        Assert.Throws<ArgumentOutOfRangeException>(() => Client((_, _) => Answer("{}"), maxResponseBytes: 0));
    }

    [Fact]
    public async Task An_inquiry_that_gets_no_usable_answer_says_so_and_implies_no_payment_state()
    {
        AntomClient client = Client((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway));
        AntomInquiryFailedException e = await Assert.ThrowsAsync<AntomInquiryFailedException>(() => client.InquiryPaymentAsync(paymentId: "pay-1"));
        Assert.Equal(NoVerifiedAnswerReason.HttpStatus, e.Reason);
        Assert.Contains("says nothing about the payment", e.Message, StringComparison.Ordinal);
        Assert.Equal("inquiryPayment", e.Api);
    }

    [Fact]
    public async Task An_inquiry_answer_for_another_payment_is_refused()
    {
        AntomClient client = Client((_, _) => Answer(Inquiry("S", "SUCCESS", paymentId: "pay-OTHER")));
        AntomInquiryFailedException e = await Assert.ThrowsAsync<AntomInquiryFailedException>(() => client.InquiryPaymentAsync(paymentId: "pay-1"));
        Assert.Equal(NoVerifiedAnswerReason.NotThisRequest, e.Reason);
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
        Assert.Equal(NoVerifiedAnswerReason.Timeout, e.Reason);
        AssertTellsWhatToDo(e, "cap-1");
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

        ResolvedCapture resolved = await OperationPoller.ResolveCaptureAsync(client, Capture(), Fast(TimeSpan.FromSeconds(10)));

        Assert.Equal(ResultStatus.Success, resolved.Transaction.TransactionResult.ResultStatus);
        Assert.Equal("cap-1", resolved.Transaction.TransactionRequestId);
        Assert.Equal("pay-1", resolved.Inquiry.PaymentId);
        Assert.Equal(3, calls);
        Assert.All(_paths, p => Assert.Equal("/ams/api/v1/payments/inquiryPayment", p));
    }

    [Fact]
    public async Task The_poller_keeps_polling_past_a_malformed_unrelated_transaction()
    {
        // One bad transaction (a 17-digit amount on a REFUND) makes that inquiry unusable, not the capture failed.
        string broken = Inquiry("S", "SUCCESS").Replace("\"transactions\":[", "\"transactions\":[{\"transactionType\":\"REFUND\",\"transactionStatus\":\"SUCCESS\",\"transactionResult\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"},\"transactionId\":\"r\",\"transactionRequestId\":\"r\",\"transactionAmount\":{\"currency\":\"BRL\",\"value\":\"12345678901234567\"}},", StringComparison.Ordinal);
        int calls = 0;
        AntomClient client = Client((_, _) => Answer(Interlocked.Increment(ref calls) < 3 ? broken : Inquiry("S", "SUCCESS")));

        ResolvedCapture resolved = await OperationPoller.ResolveCaptureAsync(client, Capture(), Fast(TimeSpan.FromSeconds(10)));

        Assert.Equal(ResultStatus.Success, resolved.Transaction.TransactionResult.ResultStatus);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task The_poller_gives_up_at_its_deadline_with_outcome_unknown_carrying_the_last_error()
    {
        AntomClient client = Client((_, _) => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => OperationPoller.ResolveCaptureAsync(client, Capture(), Fast(TimeSpan.FromMilliseconds(80))));
        Assert.Equal(NoVerifiedAnswerReason.StillUndecided, e.Reason);
        Assert.Equal("cap-1", e.IdempotencyKey);
        AntomInquiryFailedException last = Assert.IsType<AntomInquiryFailedException>(e.InnerException);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, last.StatusCode);
    }

    [Fact]
    public async Task The_poller_still_undecided_at_the_deadline_is_outcome_unknown()
    {
        AntomClient client = Client((_, _) => Answer(Inquiry("U", "PROCESSING")));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => OperationPoller.ResolveCaptureAsync(client, Capture(), Fast(TimeSpan.FromMilliseconds(60))));
        Assert.Equal(NoVerifiedAnswerReason.StillUndecided, e.Reason);
    }

    [Theory]
    [InlineData(0, 1000, 1000, "FirstDelay")]
    [InlineData(-5, 1000, 1000, "FirstDelay")]
    [InlineData(9, 1000, 1000, "FirstDelay")]
    [InlineData(100, 50, 1000, "MaxDelay")]
    [InlineData(100, 1000, 0, "Deadline")]
    public async Task Polling_options_that_would_hammer_or_never_stop_are_refused_before_any_call(int first, int max, int deadline, string setting)
    {
        AntomClient client = Client((_, _) => Answer(Inquiry("U", "PROCESSING")));
        var options = new PollingOptions(TimeSpan.FromMilliseconds(first), TimeSpan.FromMilliseconds(max), TimeSpan.FromMilliseconds(deadline));
        ArgumentOutOfRangeException e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => OperationPoller.ResolveCaptureAsync(client, Capture(), options));
        Assert.Equal(setting, e.ParamName);
        Assert.Empty(_paths);
    }

    [Fact]
    public void The_backoff_doubles_saturates_without_overflow_and_jitters_within_half_to_full()
    {
        var options = new PollingOptions(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
        TimeSpan step = options.FirstDelay;
        var steps = new List<TimeSpan>();
        for (int i = 0; i < 200; i++)
        {
            steps.Add(step);
            step = options.Next(step);
        }

        Assert.Equal([2, 4, 8, 16, 32, 60, 60], steps.Take(7).Select(s => s.TotalSeconds));
        Assert.All(steps, s => Assert.InRange(s, options.FirstDelay, options.MaxDelay));
        Assert.Equal(TimeSpan.MaxValue, new PollingOptions(TimeSpan.FromDays(1), TimeSpan.MaxValue, TimeSpan.FromDays(1)).Next(TimeSpan.MaxValue / 2 + TimeSpan.FromTicks(1)));
        Assert.Equal(TimeSpan.FromSeconds(1), PollingOptions.Jittered(TimeSpan.FromSeconds(2), _ => 0));
        Assert.Equal(TimeSpan.FromSeconds(2), PollingOptions.Jittered(TimeSpan.FromSeconds(2), max => max));
        Assert.Equal(TimeSpan.FromTicks(5), PollingOptions.Jittered(TimeSpan.FromTicks(5), max => max)); // odd ticks: never above the step
        Assert.Equal(TimeSpan.FromTicks(2), PollingOptions.Jittered(TimeSpan.FromTicks(5), _ => 0));
        for (int i = 0; i < 1_000; i++)
        {
            Assert.InRange(PollingOptions.Jittered(TimeSpan.FromSeconds(2), max => Random.Shared.NextInt64(max + 1)), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        }
    }

    [Fact]
    public async Task Any_other_exception_after_sending_is_outcome_unknown_with_the_original_inside()
    {
        // A resilience handler, say, that gives up with its own exception type after the request was sent.
        AntomClient client = Client(async (_, _) =>
        {
            await Task.Yield();
            throw new TimeoutRejectedLike();
        });

        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));

        Assert.Equal(NoVerifiedAnswerReason.UnexpectedError, e.Reason);
        Assert.IsType<TimeoutRejectedLike>(e.InnerException);
    }

    [Fact]
    public async Task A_verifier_disposed_while_a_capture_is_in_flight_is_outcome_unknown()
    {
        var verifier = AntomSignatureVerifier.FromPublicKey(_antomKey.ExportSubjectPublicKeyInfoPem());
        AntomClient client = Client(
            (_, _) =>
            {
                verifier.Dispose();
                return Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"captureRequestId":"cap-1","paymentId":"pay-1","captureAmount":{"currency":"BRL","value":"6000"}}""");
            },
            verifier: verifier);

        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()));
        Assert.True(e.Reason is NoVerifiedAnswerReason.UnexpectedError or NoVerifiedAnswerReason.SignatureInvalid, e.Reason.ToString());
    }

    [Fact]
    public async Task A_body_that_trickles_past_the_call_timeout_is_outcome_unknown_not_a_hang()
    {
        AntomClient client = Client((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new NeverEndingStream()) }, callTimeout: TimeSpan.FromMilliseconds(300));

        Task<CaptureResponse> capture = client.CaptureAsync(Capture());
        Assert.Same(capture, await Task.WhenAny(capture, Task.Delay(TimeSpan.FromSeconds(10))));

        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => capture);
        Assert.Equal(NoVerifiedAnswerReason.Timeout, e.Reason);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    public void Client_options_out_of_range_are_refused_when_the_client_is_made(int maxResponseBytes)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => Client((_, _) => Answer("{}"), maxResponseBytes: maxResponseBytes));
        Assert.Equal("MaxResponseBytes", e.ParamName);
        Assert.Equal("Timeout", Assert.Throws<ArgumentOutOfRangeException>(() => Client((_, _) => Answer("{}"), callTimeout: TimeSpan.Zero)).ParamName);
    }

    [Fact]
    public async Task A_failure_that_echoes_no_id_is_believed_only_when_its_signed_time_is_fresh()
    {
        const string failure = """{"result":{"resultCode":"RISK_REJECT","resultStatus":"F","resultMessage":"risk"}}""";
        string old = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

        AntomClient replayed = Client((_, _) => Answer(failure, responseTime: old));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => replayed.CaptureAsync(Capture()));
        Assert.Equal(NoVerifiedAnswerReason.NotThisRequest, e.Reason);

        AntomClient fresh = Client((_, _) => Answer(failure));
        Assert.Equal(ResultStatus.Failure, (await fresh.CaptureAsync(Capture())).Result.ResultStatus);
    }

    [Fact]
    public async Task An_answer_with_two_signature_headers_is_not_believed()
    {
        AntomClient client = Client((_, _) =>
        {
            HttpResponseMessage answer = Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"captureRequestId":"cap-1","paymentId":"pay-1","captureAmount":{"currency":"BRL","value":"6000"}}""");
            answer.Headers.TryAddWithoutValidation("signature", "algorithm=RSA256,keyVersion=1,signature=AAAA");
            return answer;
        });

        Assert.Equal(NoVerifiedAnswerReason.SignatureInvalid, (await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture()))).Reason);
    }

    [Fact]
    public async Task The_poller_never_resolves_a_capture_with_another_captures_result()
    {
        // Another capture of the same payment succeeded; ours (cap-1) is still processing.
        string inquiry = Inquiry("U", "PROCESSING").Replace("\"transactions\":[", "\"transactions\":[{\"transactionType\":\"CAPTURE\",\"transactionStatus\":\"SUCCESS\",\"transactionResult\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"},\"transactionId\":\"c-9\",\"transactionRequestId\":\"cap-9\",\"transactionAmount\":{\"currency\":\"BRL\",\"value\":\"6000\"}},", StringComparison.Ordinal);
        AntomClient client = Client((_, _) => Answer(inquiry));

        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => OperationPoller.ResolveCaptureAsync(client, Capture(), Fast(TimeSpan.FromMilliseconds(80))));
        Assert.Equal(NoVerifiedAnswerReason.StillUndecided, e.Reason);
    }

    [Fact]
    public async Task The_poller_waits_the_jittered_backoff_between_inquiries()
    {
        var time = new RecordingTime();
        AntomClient client = Client((_, _) => Answer(Inquiry("U", "PROCESSING")), time: time);
        var options = new PollingOptions(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(16), TimeSpan.FromMinutes(2));

        await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => OperationPoller.ResolveCaptureAsync(client, Capture(), options, time));

        // Steps of 2, 4, 8, 16, 16, ... s; each wait between half the step and the step, and not all exactly the step.
        Assert.True(time.Waits.Count >= 8, $"{time.Waits.Count} waits");
        TimeSpan step = options.FirstDelay;
        foreach (TimeSpan wait in time.Waits.Take(6))
        {
            Assert.InRange(wait, step / 2, step);
            step = options.Next(step);
        }

        Assert.Contains(time.Waits.Take(6), w => w != TimeSpan.FromSeconds(2) && w != TimeSpan.FromSeconds(4) && w != TimeSpan.FromSeconds(8) && w != TimeSpan.FromSeconds(16));
    }

    // A clock whose timers fire at once and move time forward by their due time, recording each wait.
    private sealed class RecordingTime : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public List<TimeSpan> Waits { get; } = [];

        public override DateTimeOffset GetUtcNow()
        {
            lock (Waits)
            {
                return _now;
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Waits)
            {
                Waits.Add(dueTime);
                _now += dueTime;
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class TimeoutRejectedLike() : Exception("The operation didn't complete within the allowed timeout");

    // Headers came; the body never ends.
    private sealed class NeverEndingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static PollingOptions Fast(TimeSpan deadline) => new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), deadline);

    private static void AssertTellsWhatToDo(AntomOutcomeUnknownException e, string captureRequestId)
    {
        Assert.Equal("capture", e.Api);
        Assert.Equal("captureRequestId", e.IdempotencyKeyName);
        Assert.Equal(captureRequestId, e.IdempotencyKey);
        Assert.Equal(captureRequestId, Assert.IsType<CaptureRequest>(e.Request).CaptureRequestId);
        Assert.Contains("The capture may have happened: resolve it with inquiryPayment or notifyCapture; retry only with the same captureRequestId", e.Message, StringComparison.Ordinal);
    }

    private static string Inquiry(string status, string transactionStatus, string paymentId = "pay-1") => $$$"""
        {"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentId":"{{{paymentId}}}","transactions":[{"transactionType":"CAPTURE","transactionStatus":"{{{transactionStatus}}}",
        "transactionResult":{"resultCode":"X","resultStatus":"{{{status}}}"},"transactionId":"c-1","transactionRequestId":"cap-1","transactionAmount":{"currency":"BRL","value":"6000"}}]}
        """;

    private HttpResponseMessage Answer(string json, bool sign = true, bool tamper = false, string? responseTime = null)
    {
        var message = new HttpResponseMessage(HttpStatusCode.OK);
        byte[] body = Encoding.UTF8.GetBytes(json);
        if (sign)
        {
            responseTime ??= DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
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

    private AntomClient Client(Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> answer, string clientId = "TEST_CLIENT_1", TimeSpan? timeout = null, int maxResponseBytes = AntomClientOptions.DefaultMaxResponseBytes, TimeSpan? callTimeout = null, AntomSignatureVerifier? verifier = null, TimeProvider? time = null)
        => Client((r, ct) => Task.FromResult(answer(r, ct)), clientId, timeout, maxResponseBytes, callTimeout, verifier, time);

    private AntomClient Client(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer, string clientId = "TEST_CLIENT_1", TimeSpan? timeout = null, int maxResponseBytes = AntomClientOptions.DefaultMaxResponseBytes, TimeSpan? callTimeout = null, AntomSignatureVerifier? verifier = null, TimeProvider? time = null)
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
            Verifier = verifier ?? AntomSignatureVerifier.FromPublicKey(_antomKey.ExportSubjectPublicKeyInfoPem()),
            MaxResponseBytes = maxResponseBytes,
            Timeout = callTimeout ?? TimeSpan.FromSeconds(30),
            Time = time ?? TimeProvider.System,
        });
    }

    // An endless-looking answer that counts what was read from it, and whether it was disposed.
    private sealed class CountingStream(long length) : Stream
    {
        public long Served { get; private set; }

        public bool Disposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - Served);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            Served += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    // A body that breaks off after some bytes, as a dropped connection does.
    private sealed class FailingStream(int failAfter) : Stream
    {
        private int _served;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_served >= failAfter)
            {
                throw new IOException("The response ended prematurely.");
            }

            int n = Math.Min(count, failAfter - _served);
            buffer.AsSpan(offset, n).Fill((byte)'{');
            _served += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class FakeAntom(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
    }
}
