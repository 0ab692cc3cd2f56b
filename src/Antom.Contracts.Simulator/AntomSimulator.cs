using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Signatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Antom.Contracts.Simulator;

/// <summary>
/// An embedded Antom for integration tests: capture and inquiryPayment on 127.0.0.1, merchant signatures checked,
/// responses and notifications signed with its own key, Antom's capture rules and idempotency applied, and signed
/// notifyCapture posted (and re-sent) until the exact acknowledgement comes back.
/// </summary>
public sealed class AntomSimulator : IAsyncDisposable
{
    private readonly AntomSimulatorOptions _options;
    private readonly RSA _key = RSA.Create();
    private readonly AntomSigner _signer;
    private readonly AntomSignatureVerifier _merchant;
    private readonly ConcurrentDictionary<string, Payment> _payments = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CaptureScript> _scripts = new();
    private readonly HttpClient _notifier = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _background = [];
    private WebApplication? _app;
    private int _captureIds;
    private int _notificationAttempts;

    private AntomSimulator(AntomSimulatorOptions options)
    {
        _options = options;
        if (options.AntomPrivateKey is { } pem)
        {
            if (pem.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                _key.ImportFromPem(pem);
            }
            else
            {
                _key.ImportPkcs8PrivateKey(Convert.FromBase64String(pem), out _);
            }
        }
        else
        {
            _key.KeySize = 2048;
        }

        _signer = AntomSigner.FromPrivateKey(_key.ExportPkcs8PrivateKeyPem());
        _merchant = AntomSignatureVerifier.FromPublicKey(options.MerchantPublicKey);
        AntomPublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>The simulator's base address (<c>http://127.0.0.1:&lt;port&gt;</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>"Antom's" public key (PEM): verify the simulator's responses and notifications with it.</summary>
    public string AntomPublicKeyPem { get; }

    /// <summary>How many notification deliveries were attempted so far.</summary>
    public int NotificationAttempts => Volatile.Read(ref _notificationAttempts);

    /// <summary>Starts the simulator on 127.0.0.1 and an ephemeral port.</summary>
    public static async Task<AntomSimulator> StartAsync(AntomSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulator = new AntomSimulator(options);
        // An empty builder reads no configuration and no environment (ASPNETCORE_URLS, Kestrel__Endpoints__…), and
        // the one explicit listen is on loopback: a test tool is never reachable from the network.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        WebApplication app = builder.Build();
        foreach (string prefix in new[] { "/ams/api/", "/ams/sandbox/api/" })
        {
            app.MapPost(prefix + "v1/payments/capture", simulator.CaptureAsync);
            app.MapPost(prefix + "v1/payments/inquiryPayment", simulator.InquiryAsync);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        simulator._app = app;
        string[] addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
        if (addresses.Length == 0 || !addresses.All(IsLoopback))
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The simulator must listen on loopback only, and it listens on {string.Join(", ", addresses)}.");
        }

        simulator.ListenAddresses = Array.ConvertAll(addresses, a => new Uri(a));
        simulator.Endpoint = simulator.ListenAddresses[0];
        return simulator;
    }

    /// <summary>The addresses the simulator listens on (all loopback: checked when it starts).</summary>
    public IReadOnlyList<Uri> ListenAddresses { get; private set; } = [];

    /// <summary>The simulator's own record of a payment's captures, in the order they were made.</summary>
    public IReadOnlyList<SimulatedCapture> Captures(string paymentId)
    {
        Payment payment = _payments[paymentId];
        lock (payment)
        {
            return payment.Captures.Where(c => c.CaptureId is not null).Select(c => new SimulatedCapture(c.RequestId, c.CaptureId, c.Amount, c.Status)).ToArray();
        }
    }

    /// <summary>
    /// Completes when every notification delivery started so far has ended (acknowledged, or its schedule exhausted)
    /// and every scripted U has resolved: then the simulator's record and the merchant's can be compared.
    /// </summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        int seen = -1;
        while (_background.Count != seen)
        {
            seen = _background.Count;
            await Task.WhenAll(_background.ToArray()).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Seeds an authorised payment that can then be captured.</summary>
    public void SeedPayment(string paymentId, Money authorized, bool allowsMultipleCaptures = true)
        => _payments[paymentId] = new Payment(paymentId, authorized, allowsMultipleCaptures);

    /// <summary>Scripts the next new capture (scripts apply in order, one capture each).</summary>
    public void Script(CaptureScript script) => _scripts.Enqueue(script);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_background).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _notifier.Dispose();
        _signer.Dispose();
        _merchant.Dispose();
        _key.Dispose();
        _stopping.Dispose();
    }

    private async Task CaptureAsync(HttpContext context)
    {
        (byte[] body, bool signed) = await ReadVerifiedAsync(context).ConfigureAwait(false);
        if (!signed)
        {
            await RespondAsync(context, new CaptureResponse { Result = Result(ResultCode.InvalidSignature, ResultStatus.Failure, "invalid signature") }).ConfigureAwait(false);
            return;
        }

        CaptureRequest request;
        try
        {
            request = AntomJson.Deserialize<CaptureRequest>(body);
        }
        catch (AntomPayloadException e)
        {
            await RespondAsync(context, new CaptureResponse { Result = Result(ResultCode.ParamIllegal, ResultStatus.Failure, e.Message) }).ConfigureAwait(false);
            return;
        }

        if (!_payments.TryGetValue(request.PaymentId, out Payment? payment))
        {
            await RespondAsync(context, new CaptureResponse { Result = Result(ResultCode.AuthNotFound, ResultStatus.Failure, "no such authorised payment") }).ConfigureAwait(false);
            return;
        }

        CaptureScript? script = null;
        Capture capture;
        bool isNew;
        lock (payment)
        {
            (capture, isNew) = Decide(payment, request, ref script);
        }

        if (isNew && capture.Status == ResultStatus.Unknown)
        {
            Track(ResolveLaterAsync(payment, capture, script as CaptureScript.UnknownFirst ?? (CaptureScript.UnknownFirst)CaptureScript.AnswerUnknownFirst));
        }
        else if (isNew && capture.Status == ResultStatus.Success)
        {
            switch (script)
            {
                case CaptureScript.NotifyFirst:
                    await NotifyAsync(payment, capture).ConfigureAwait(false); // delivered (or given up on) before the answer
                    break;
                case CaptureScript.NotifyTwice:
                    Track(Task.WhenAll(NotifyAsync(payment, capture), NotifyAsync(payment, capture)));
                    break;
                default:
                    Track(NotifyAsync(payment, capture));
                    break;
            }
        }

        switch (script)
        {
            case CaptureScript.Wait wait:
                await Task.Delay(wait.Duration, context.RequestAborted).ConfigureAwait(false);
                break;
            case CaptureScript.Status status:
                context.Response.StatusCode = status.StatusCode;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync($"<html><body>{status.StatusCode} from a gateway</body></html>", context.RequestAborted).ConfigureAwait(false);
                return;
            case CaptureScript.Drop:
                context.Abort();
                return;
        }

        bool another = script is CaptureScript.Another;
        await RespondAsync(context, new CaptureResponse
        {
            Result = Result(capture.ResultCode, capture.Status, capture.Status == ResultStatus.Success ? "success" : capture.ResultCode.Value),
            CaptureRequestId = another ? "another-" + capture.RequestId : capture.RequestId,
            CaptureId = capture.CaptureId,
            PaymentId = another ? "another-" + payment.PaymentId : payment.PaymentId,
            CaptureAmount = capture.Amount,
            CaptureTime = capture.Time,
        }).ConfigureAwait(false);
    }

    // Antom's rules, under the payment's lock. A repeated request id returns what the first one got.
    private (Capture Capture, bool IsNew) Decide(Payment payment, CaptureRequest request, ref CaptureScript? script)
    {
        Capture? previous = payment.Captures.FirstOrDefault(c => c.RequestId == request.CaptureRequestId);
        if (previous is not null)
        {
            return previous.Amount == request.CaptureAmount
                ? (previous, false)
                : (new Capture(request.CaptureRequestId, null, request.CaptureAmount, ResultStatus.Failure, ResultCode.RepeatReqInconsistent, DateTimeOffset.UtcNow), false);
        }

        ResultCode? failure = null;
        long reserved = payment.Captures.Where(c => c.Status != ResultStatus.Failure).Sum(c => c.Amount.MinorUnits);
        if (request.CaptureAmount.Currency != payment.Authorized.Currency)
        {
            failure = ResultCode.CurrencyNotSupport;
        }
        else if (!payment.AllowsMultipleCaptures && payment.Captures.Any(c => c.Status != ResultStatus.Failure))
        {
            failure = ResultCode.MultiCaptureNotSupported;
        }
        else if (request.CaptureAmount.MinorUnits + reserved > payment.Authorized.MinorUnits)
        {
            failure = ResultCode.CaptureAmountExceedAuthLimit;
        }

        if (failure is null && _scripts.TryDequeue(out CaptureScript? next))
        {
            script = next;
            if (next is CaptureScript.Fail fail)
            {
                failure = fail.ResultCode;
            }
        }

        string captureId = "sim-capture-" + Interlocked.Increment(ref _captureIds).ToString(CultureInfo.InvariantCulture);
        Capture capture = failure is { } code
            ? new Capture(request.CaptureRequestId, captureId, request.CaptureAmount, ResultStatus.Failure, code, DateTimeOffset.UtcNow)
            : script is CaptureScript.UnknownFirst
                ? new Capture(request.CaptureRequestId, captureId, request.CaptureAmount, ResultStatus.Unknown, ResultCode.CaptureInProcess, DateTimeOffset.UtcNow)
                : new Capture(request.CaptureRequestId, captureId, request.CaptureAmount, ResultStatus.Success, ResultCode.Success, DateTimeOffset.UtcNow);
        payment.Captures.Add(capture);
        return (capture, true);
    }

    private async Task ResolveLaterAsync(Payment payment, Capture capture, CaptureScript.UnknownFirst script)
    {
        Capture undecided = capture;
        if (script.NotifyUnknown)
        {
            await NotifyAsync(payment, undecided).ConfigureAwait(false);
        }

        await Task.Delay(_options.UnknownResolvesAfter, _stopping.Token).ConfigureAwait(false);
        lock (payment)
        {
            int index = payment.Captures.IndexOf(capture);
            payment.Captures[index] = capture = script.FinalCode is { } code
                ? capture with { Status = ResultStatus.Failure, ResultCode = code }
                : capture with { Status = ResultStatus.Success, ResultCode = ResultCode.Success };
        }

        await NotifyAsync(payment, capture).ConfigureAwait(false);
        if (script.OutOfOrder)
        {
            await NotifyAsync(payment, undecided).ConfigureAwait(false); // the stale U arrives after the final result
        }
    }

    // Posts a signed notifyCapture and re-sends on the schedule until the exact acknowledgement comes back.
    private async Task NotifyAsync(Payment payment, Capture capture)
    {
        if (_options.NotifyUrl is not { } url)
        {
            return;
        }

        byte[] body = AntomJson.SerializeToUtf8Bytes(new CaptureResultNotification
        {
            Result = Result(capture.ResultCode, capture.Status, capture.Status == ResultStatus.Success ? "success" : capture.ResultCode.Value),
            CaptureRequestId = capture.RequestId,
            PaymentId = payment.PaymentId,
            CaptureId = capture.CaptureId!,
            CaptureAmount = capture.Amount,
            CaptureTime = capture.Time,
        });
        foreach (TimeSpan wait in _options.NotificationSchedule)
        {
            await Task.Delay(wait, _stopping.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _notificationAttempts);
            string time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            message.Headers.TryAddWithoutValidation("client-id", _options.ClientId);
            message.Headers.TryAddWithoutValidation("request-time", time);
            message.Headers.TryAddWithoutValidation("signature", _signer.CreateSignatureHeader("POST", url.AbsolutePath, _options.ClientId, time, body));
            try
            {
                using HttpResponseMessage response = await _notifier.SendAsync(message, _stopping.Token).ConfigureAwait(false);
                byte[] answer = await response.Content.ReadAsByteArrayAsync(_stopping.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode && answer.AsSpan().SequenceEqual(Antom.Contracts.Notifications.AntomNotificationReceiver.Acknowledgement.Span))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !_stopping.IsCancellationRequested))
            {
                // the merchant is down, or slower than the notifier's timeout: re-send on schedule, as Antom does
            }
        }
    }

    private async Task InquiryAsync(HttpContext context)
    {
        (byte[] body, bool signed) = await ReadVerifiedAsync(context).ConfigureAwait(false);
        string? paymentId = null;
        if (signed)
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            paymentId = document.RootElement.TryGetProperty("paymentId", out var id) ? id.GetString() : null;
        }

        if (!signed || paymentId is null || !_payments.TryGetValue(paymentId, out Payment? payment))
        {
            await RespondAsync(context, new InquiryPaymentResponse { Result = Result(signed ? ResultCode.ParamIllegal : ResultCode.InvalidSignature, ResultStatus.Failure, "cannot inquire") }).ConfigureAwait(false);
            return;
        }

        PaymentTransaction[] transactions;
        lock (payment)
        {
            transactions = payment.Captures.Where(c => c.CaptureId is not null).Select(c => new PaymentTransaction
            {
                TransactionType = TransactionType.Capture,
                TransactionStatus = c.Status switch { ResultStatus.Success => TransactionStatus.Success, ResultStatus.Failure => TransactionStatus.Fail, _ => TransactionStatus.Processing },
                TransactionResult = Result(c.ResultCode, c.Status, null),
                TransactionId = c.CaptureId!,
                TransactionRequestId = c.RequestId,
                TransactionAmount = c.Amount,
                TransactionTime = c.Time,
            }).ToArray();
        }

        await RespondAsync(context, new InquiryPaymentResponse
        {
            Result = Result(ResultCode.Success, ResultStatus.Success, "success"),
            PaymentStatus = PaymentStatus.Success,
            PaymentId = payment.PaymentId,
            PaymentAmount = payment.Authorized,
            Transactions = ValueList.From(transactions),
        }).ConfigureAwait(false);
    }

    private async Task<(byte[] Body, bool Signed)> ReadVerifiedAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        byte[] body = buffer.ToArray();
        bool signed = context.Request.Headers["client-id"].ToString() == _options.ClientId
                      && _merchant.Verify("POST", context.Request.Path.Value!, _options.ClientId, context.Request.Headers["request-time"].ToString(), context.Request.Headers["signature"].ToString(), body);
        return (body, signed);
    }

    private async Task RespondAsync<T>(HttpContext context, T response)
        where T : IAntomJsonContract<T>
    {
        byte[] body = AntomJson.SerializeToUtf8Bytes(response);
        string time = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json; charset=UTF-8";
        context.Response.Headers["response-time"] = time;
        context.Response.Headers["signature"] = _signer.CreateSignatureHeader("POST", context.Request.Path.Value!, _options.ClientId, time, body);
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsLoopback(string address)
        => Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) && IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip);

    private void Track(Task task) => _background.Add(task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default));

    private static AntomResult Result(ResultCode code, ResultStatus status, string? message) => new() { ResultCode = code, ResultStatus = status, ResultMessage = message };

    private sealed record Payment(string PaymentId, Money Authorized, bool AllowsMultipleCaptures)
    {
        public List<Capture> Captures { get; } = [];
    }

    private sealed record Capture(string RequestId, string? CaptureId, Money Amount, ResultStatus Status, ResultCode ResultCode, DateTimeOffset Time);
}
