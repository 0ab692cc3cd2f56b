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
/// An embedded Antom for integration tests, on 127.0.0.1: pay (card authorisation, manual capture), capture, cancel,
/// refund, updateAmount, inquiryPayment and inquiryRefund, under the live and the sandbox paths. Merchant signatures
/// are checked; answers and notifications are signed with the simulator's own key; Antom's rules and idempotency on
/// every request id are applied under the payment's lock; and each result is notified (notifyPayment, notifyCapture,
/// notifyRefund), signed and re-sent on <see cref="AntomSimulatorOptions.NotificationSchedule"/> until the exact
/// acknowledgement comes back. Every state-changing operation can be scripted (<see cref="Script"/>).
/// </summary>
public sealed class AntomSimulator : IAsyncDisposable
{
    private static readonly TimeSpan CaptureWindow = TimeSpan.FromDays(7);

    private readonly AntomSimulatorOptions _options;
    private readonly RSA _key = RSA.Create();
    private readonly AntomSigner _signer;
    private readonly AntomSignatureVerifier _merchant;
    private readonly ConcurrentDictionary<string, SimulatedPaymentRecord> _payments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedPaymentRecord> _paymentRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedPaymentRecord> _refundRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedPaymentRecord> _refundIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SimulatedOperation, ConcurrentQueue<OperationScript>> _scripts = new();
    private readonly object _payGate = new();
    private readonly HttpClient _notifier = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _background = [];
    private WebApplication? _app;
    private int _ids;
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

    /// <summary>The addresses the simulator listens on (all loopback: checked when it starts).</summary>
    public IReadOnlyList<Uri> ListenAddresses { get; private set; } = [];

    private DateTimeOffset Now => _options.Time.GetUtcNow();

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
        (string Path, RequestDelegate Handler)[] routes =
        [
            (AntomApiPath.Pay, simulator.PayAsync),
            (AntomApiPath.Capture, simulator.CaptureAsync),
            (AntomApiPath.Cancel, simulator.CancelAsync),
            (AntomApiPath.Refund, simulator.RefundAsync),
            (AntomApiPath.UpdateAmount, simulator.UpdateAmountAsync),
            (AntomApiPath.InquiryPayment, simulator.InquiryPaymentAsync),
            (AntomApiPath.InquiryRefund, simulator.InquiryRefundAsync),
        ];
        foreach ((string path, RequestDelegate handler) in routes)
        {
            app.MapPost(path, handler);
            app.MapPost("/ams/sandbox/api/" + path["/ams/api/".Length..], handler); // what a SANDBOX_ client id calls
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

    /// <summary>The simulator's own record of a payment's captures, in the order they were made.</summary>
    /// <exception cref="KeyNotFoundException">No such payment.</exception>
    public IReadOnlyList<SimulatedCapture> Captures(string paymentId)
        => Read(paymentId, p => p.Of(SimulatedOperation.Capture).Select(c => new SimulatedCapture(c.RequestId, c.Id, c.Amount, c.Status)).ToArray());

    /// <summary>The simulator's own record of a payment's refunds, in the order they were made.</summary>
    /// <exception cref="KeyNotFoundException">No such payment.</exception>
    public IReadOnlyList<SimulatedRefund> Refunds(string paymentId)
        => Read(paymentId, p => p.Of(SimulatedOperation.Refund).Select(r => new SimulatedRefund(r.RequestId, r.Id, r.Amount, r.Status, r.Code)).ToArray());

    /// <summary>Where a payment stands now, as inquiryPayment would say.</summary>
    /// <exception cref="KeyNotFoundException">No such payment.</exception>
    public SimulatedPayment PaymentState(string paymentId) => Read(paymentId, p => p.Snapshot());

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

    /// <summary>
    /// Seeds a payment authorised now (with no <c>authExpiryTime</c>) that can then be captured, cancelled, refunded
    /// and updated, as if a pay had succeeded; its <c>paymentRequestId</c> is <paramref name="paymentId"/>. Nothing is notified.
    /// </summary>
    public void SeedPayment(string paymentId, Money authorized, bool allowsMultipleCaptures = true)
    {
        ArgumentNullException.ThrowIfNull(paymentId);
        var authorization = new SimulatedTransaction(SimulatedOperation.Pay, paymentId, paymentId, authorized, Now) { Status = ResultStatus.Success, Code = ResultCode.Success };
        var payment = new SimulatedPaymentRecord(paymentId, paymentId, authorization, allowsMultipleCaptures, authExpiry: null);
        _payments[paymentId] = payment;
        _paymentRequests[paymentId] = payment;
    }

    /// <summary>Scripts the next new request of <paramref name="operation"/> (scripts of one operation apply in order, one request each).</summary>
    /// <exception cref="ArgumentException">A notification script for <see cref="SimulatedOperation.Cancel"/>, which has no notification.</exception>
    public void Script(SimulatedOperation operation, OperationScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (!Enum.IsDefined(operation))
        {
            throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }

        if (operation == SimulatedOperation.Cancel && script.Notifies)
        {
            throw new ArgumentException("cancel has no notification, so a notification script cannot apply to it", nameof(script));
        }

        Queue(operation).Enqueue(script);
    }

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

    private Task PayAsync(HttpContext context) => RunAsync<PayRequest>(context, DecidePay, (request, decision, another) =>
    {
        SimulatedTransaction? t = decision.Transaction;
        SimulatedPaymentRecord? p = decision.Payment;
        bool success = t?.Status == ResultStatus.Success;
        return AntomJson.SerializeToUtf8Bytes(new PayResponse
        {
            Result = decision.Result,
            PaymentRequestId = Echo(request?.PaymentRequestId, another),
            PaymentId = t is null ? null : p!.PaymentId,
            PaymentAmount = request?.PaymentAmount,
            PaymentCreateTime = t is null ? null : p!.Created,
            PaymentTime = success ? t!.Time : null,
            AuthExpiryTime = success ? p!.AuthExpiry : null,
            NormalUrl = t?.Status == ResultStatus.Unknown ? new Uri(Endpoint, "/sim/3ds/" + Uri.EscapeDataString(p!.PaymentId)).ToString() : null,
            PaymentResultInfo = success ? new PaymentResultInfo { IncrementalAuthorizationAvailable = true } : null,
        });
    });

    private Task CaptureAsync(HttpContext context) => RunAsync<CaptureRequest>(context, DecideCapture, (request, decision, another) =>
        AntomJson.SerializeToUtf8Bytes(new CaptureResponse
        {
            Result = decision.Result,
            CaptureRequestId = Echo(request?.CaptureRequestId, another),
            CaptureId = decision.Transaction?.Id,
            PaymentId = Echo(request?.PaymentId, another),
            CaptureAmount = request?.CaptureAmount,
            CaptureTime = decision.Transaction?.Time,
        }));

    private Task CancelAsync(HttpContext context) => RunAsync<CancelRequest>(context, DecideCancel, (request, decision, another) =>
    {
        SimulatedPaymentRecord? p = decision.Payment;
        return AntomJson.SerializeToUtf8Bytes(new CancelResponse
        {
            Result = decision.Result,
            PaymentId = Echo(p?.PaymentId ?? request?.PaymentId, another),

            // paymentId wins: a paymentRequestId that was sent and is another payment's is not echoed as this one's.
            PaymentRequestId = Echo(p is null ? request?.PaymentRequestId : request?.PaymentRequestId is null || request.PaymentRequestId == p.PaymentRequestId ? p.PaymentRequestId : null, another),
            CancelTime = decision.Transaction is { Status: ResultStatus.Success } t ? t.Time : null,
        });
    });

    private Task RefundAsync(HttpContext context) => RunAsync<RefundRequest>(context, DecideRefund, (request, decision, another) =>
        AntomJson.SerializeToUtf8Bytes(new RefundResponse
        {
            Result = decision.Result,
            RefundRequestId = Echo(request?.RefundRequestId, another),
            RefundId = decision.Transaction?.Id,
            PaymentId = Echo(request?.PaymentId, another),
            RefundAmount = request?.RefundAmount,
            RefundTime = decision.Transaction?.Time,
        }));

    private Task UpdateAmountAsync(HttpContext context) => RunAsync<UpdateAmountRequest>(context, DecideUpdateAmount, (request, decision, another) =>
        AntomJson.SerializeToUtf8Bytes(new UpdateAmountResponse
        {
            Result = decision.Result,
            UpdateRequestId = Echo(request?.UpdateRequestId, another),
            PaymentId = Echo(request?.PaymentId, another),
            Amount = request?.Amount,
        }));

    // Antom's rules for each operation, under the payment's lock. A repeated request id gets what the first one got
    // (its current state), a repeated id with another amount REPEAT_REQ_INCONSISTENT.
    private Decision DecidePay(PayRequest request)
    {
        if (request.PaymentMethod.PaymentMethodType != "CARD" || request.PaymentFactor.IsAuthorization != true || request.PaymentFactor.CaptureMode != CaptureMode.Manual)
        {
            return Decision.Refused(ResultCode.ParamIllegal, "the simulator authorises cards only: paymentMethodType CARD, paymentFactor.isAuthorization true, captureMode MANUAL");
        }

        lock (_payGate)
        {
            if (_paymentRequests.TryGetValue(request.PaymentRequestId, out SimulatedPaymentRecord? existing))
            {
                lock (existing)
                {
                    return Repeat(existing, existing.Authorization, existing.Authorization.Amount == request.PaymentAmount);
                }
            }

            SimulatedTransaction authorization = Open(SimulatedOperation.Pay, request.PaymentRequestId, request.PaymentAmount, null, out OperationScript? script);
            var payment = new SimulatedPaymentRecord(authorization.Id, request.PaymentRequestId, authorization, allowsMultipleCaptures: true, authorization.Time + CaptureWindow);
            _payments[payment.PaymentId] = payment;
            _paymentRequests[payment.PaymentRequestId] = payment;
            return new Decision(payment, authorization, IsNew: true, script, Refusal: null);
        }
    }

    private Decision DecideCapture(CaptureRequest request)
        => Decide(request.PaymentId, ResultCode.AuthNotFound, SimulatedOperation.Capture, request.CaptureRequestId, request.CaptureAmount, p => p.RefuseCapture(request.CaptureAmount, Now));

    private Decision DecideCancel(CancelRequest request)
    {
        // paymentId wins when both are given.
        SimulatedPaymentRecord? payment = request.PaymentId is { } paymentId ? _payments.GetValueOrDefault(paymentId)
            : request.PaymentRequestId is { } paymentRequestId ? _paymentRequests.GetValueOrDefault(paymentRequestId)
            : null;
        if (payment is null)
        {
            return Decision.Refused(ResultCode.OrderNotExist, "no such payment");
        }

        lock (payment)
        {
            if (payment.Cancel is { } previous)
            {
                return new Decision(payment, previous, IsNew: false, Script: null, Refusal: null); // idempotent: a repeat answers as before
            }

            if (payment.RefuseCancel(Now) is { } refusal)
            {
                return Decision.Refused(refusal, null, payment); // not recorded: the same rule answers a repeat the same way
            }

            Decision decision = Record(payment, SimulatedOperation.Cancel, payment.PaymentRequestId, payment.Authorized, null);
            payment.Cancel = decision.Transaction;
            return decision;
        }
    }

    private Decision DecideRefund(RefundRequest request)
    {
        // A refundRequestId is Antom-wide (inquiryRefund finds the refund by it alone): one used for another payment is inconsistent.
        Decision decision = Decide(
            request.PaymentId, ResultCode.OrderNotExist, SimulatedOperation.Refund, request.RefundRequestId, request.RefundAmount, p => p.RefuseRefund(request.RefundAmount),
            owns: p => _refundRequests.GetOrAdd(request.RefundRequestId, p) == p);
        if (decision is { IsNew: true, Payment: { } payment, Transaction: { } refund })
        {
            _refundIds[refund.Id] = payment; // before the answer: nobody knows the refundId until then
        }

        return decision;
    }

    private Decision DecideUpdateAmount(UpdateAmountRequest request)
        => Decide(request.PaymentId, ResultCode.OrderNotExist, SimulatedOperation.UpdateAmount, request.UpdateRequestId, request.Amount, p => p.RefuseUpdate(request.Amount, Now));

    // An operation with its own request id on an existing payment, under its lock: a repeated id gets the first one's
    // transaction (another amount: REPEAT_REQ_INCONSISTENT); a new one is refused by the rules or recorded.
    private Decision Decide(string paymentId, ResultCode notFound, SimulatedOperation kind, string requestId, Money amount, Func<SimulatedPaymentRecord, ResultCode?> refuse, Func<SimulatedPaymentRecord, bool>? owns = null)
    {
        if (!_payments.TryGetValue(paymentId, out SimulatedPaymentRecord? payment))
        {
            return Decision.Refused(notFound, "no such payment");
        }

        lock (payment)
        {
            if (owns is not null && !owns(payment))
            {
                return Decision.Refused(ResultCode.RepeatReqInconsistent, "this request id was used for another payment");
            }

            return payment.Find(kind, requestId) is { } previous
                ? Repeat(payment, previous, previous.Amount == amount)
                : Record(payment, kind, requestId, amount, refuse(payment));
        }
    }

    private static Decision Repeat(SimulatedPaymentRecord payment, SimulatedTransaction previous, bool sameAmount)
        => sameAmount
            ? new Decision(payment, previous, IsNew: false, Script: null, Refusal: null)
            : Decision.Refused(ResultCode.RepeatReqInconsistent, "the same request id with another amount");

    // A new transaction: refused by the rules (recorded, so a repeat gets the same F), or as the next script says.
    private Decision Record(SimulatedPaymentRecord payment, SimulatedOperation kind, string requestId, Money amount, ResultCode? refusal)
    {
        SimulatedTransaction transaction = Open(kind, requestId, amount, refusal, out OperationScript? script);
        payment.Transactions.Add(transaction);
        payment.Settle(transaction, transaction.Status, transaction.Code, transaction.Time);
        return new Decision(payment, transaction, IsNew: true, script, Refusal: null);
    }

    private SimulatedTransaction Open(SimulatedOperation kind, string requestId, Money amount, ResultCode? refusal, out OperationScript? script)
    {
        script = null;
        (ResultStatus status, ResultCode code) = (ResultStatus.Success, ResultCode.Success);
        if (refusal is { } refused)
        {
            (status, code) = (ResultStatus.Failure, refused);
        }
        else if (Queue(kind).TryDequeue(out script))
        {
            (status, code) = script switch
            {
                OperationScript.Fail fail => (ResultStatus.Failure, fail.ResultCode),
                OperationScript.UnknownFirst => (ResultStatus.Unknown, InProcess(kind)),
                _ => (status, code),
            };
        }

        string id = "sim-" + kind.ToString().ToLowerInvariant() + "-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        return new SimulatedTransaction(kind, requestId, id, amount, Now) { Status = status, Code = code };
    }

    private static ResultCode InProcess(SimulatedOperation kind) => kind switch
    {
        SimulatedOperation.Pay => ResultCode.PaymentInProcess,
        SimulatedOperation.Capture => ResultCode.CaptureInProcess,
        SimulatedOperation.Refund => ResultCode.RefundInProcess,
        _ => ResultCode.UnknownException,
    };

    // The one owner of the fault behaviour: read and verify, decide, notify as the script says, then answer (or not).
    private async Task RunAsync<TRequest>(HttpContext context, Func<TRequest, Decision> decide, Func<TRequest?, Decision, bool, byte[]> answer)
        where TRequest : class, IAntomJsonContract<TRequest>
    {
        (TRequest? request, Decision? unread) = await ReadAsync<TRequest>(context).ConfigureAwait(false);
        Decision decision = unread ?? decide(request!);
        OperationScript? script = decision.Script;
        if (decision is { IsNew: true, Payment: { } payment, Transaction: { } transaction })
        {
            if (transaction.Status == ResultStatus.Unknown)
            {
                Track(ResolveLaterAsync(payment, transaction, script as OperationScript.UnknownFirst ?? (OperationScript.UnknownFirst)OperationScript.AnswerUnknownFirst));
            }
            else if (transaction.Status == ResultStatus.Success)
            {
                switch (script)
                {
                    case OperationScript.NotifyFirst:
                        await NotifyAsync(payment, transaction).ConfigureAwait(false); // delivered (or given up on) before the answer
                        break;
                    case OperationScript.NotifyTwice:
                        Track(Task.WhenAll(NotifyAsync(payment, transaction), NotifyAsync(payment, transaction)));
                        break;
                    default:
                        Track(NotifyAsync(payment, transaction));
                        break;
                }
            }
        }

        switch (script)
        {
            case OperationScript.Wait wait:
                await Task.Delay(wait.Duration, context.RequestAborted).ConfigureAwait(false);
                break;
            case OperationScript.Status status:
                context.Response.StatusCode = status.StatusCode;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync($"<html><body>{status.StatusCode} from a gateway</body></html>", context.RequestAborted).ConfigureAwait(false);
                return;
            case OperationScript.Drop:
                context.Abort();
                return;
        }

        bool another = script is OperationScript.Another;
        byte[] body;
        if (decision.Payment is { } locked)
        {
            lock (locked)
            {
                body = answer(request, decision, another); // the transaction's state now: a retry after a U resolved gets the result
            }
        }
        else
        {
            body = answer(request, decision, another);
        }

        await RespondAsync(context, body).ConfigureAwait(false);
    }

    private async Task ResolveLaterAsync(SimulatedPaymentRecord payment, SimulatedTransaction transaction, OperationScript.UnknownFirst script)
    {
        byte[]? undecided;
        lock (payment)
        {
            undecided = NotificationBody(payment, transaction);
        }

        if (script.NotifyUnknown && undecided is not null)
        {
            await DeliverAsync(undecided).ConfigureAwait(false);
        }

        await Task.Delay(_options.UnknownResolvesAfter, _stopping.Token).ConfigureAwait(false);
        byte[]? final;
        lock (payment)
        {
            payment.Settle(transaction, script.FinalCode is null ? ResultStatus.Success : ResultStatus.Failure, script.FinalCode ?? ResultCode.Success, Now);
            final = NotificationBody(payment, transaction);
        }

        if (final is not null)
        {
            await DeliverAsync(final).ConfigureAwait(false);
        }

        if (script.OutOfOrder && undecided is not null)
        {
            await DeliverAsync(undecided).ConfigureAwait(false); // the stale U arrives after the final result
        }
    }

    private async Task NotifyAsync(SimulatedPaymentRecord payment, SimulatedTransaction transaction)
    {
        byte[]? body;
        lock (payment)
        {
            body = NotificationBody(payment, transaction);
        }

        if (body is not null)
        {
            await DeliverAsync(body).ConfigureAwait(false);
        }
    }

    // The notification of the transaction's current state (under the payment's lock), or null: cancel has none.
    private static byte[]? NotificationBody(SimulatedPaymentRecord payment, SimulatedTransaction transaction) => transaction.Kind switch
    {
        SimulatedOperation.Pay or SimulatedOperation.UpdateAmount => AntomJson.SerializeToUtf8Bytes(PaymentNotification(payment, transaction)),
        SimulatedOperation.Capture => AntomJson.SerializeToUtf8Bytes(new CaptureResultNotification
        {
            Result = transaction.Result,
            CaptureRequestId = transaction.RequestId,
            PaymentId = payment.PaymentId,
            CaptureId = transaction.Id,
            CaptureAmount = transaction.Amount,
            CaptureTime = transaction.Time,
        }),
        SimulatedOperation.Refund => AntomJson.SerializeToUtf8Bytes(new RefundResultNotification
        {
            Result = transaction.Result,
            RefundStatus = transaction.Status switch
            {
                ResultStatus.Success => RefundStatus.Success,
                ResultStatus.Failure => RefundStatus.Fail,
                _ => RefundStatus.Processing,
            },
            RefundRequestId = transaction.RequestId, // notifyRefund carries no paymentId
            RefundId = transaction.Id,
            RefundAmount = transaction.Amount,
            RefundTime = transaction.Status == ResultStatus.Success ? transaction.Time : null,
        }),
        _ => null,
    };

    // notifyPayment: PAYMENT_RESULT for the pay, UPDATE_AMOUNT_RESULT (with its updateRequestId) for an increment.
    private static PaymentResultNotification PaymentNotification(SimulatedPaymentRecord payment, SimulatedTransaction transaction)
    {
        bool pay = transaction.Kind == SimulatedOperation.Pay;
        bool success = transaction.Status == ResultStatus.Success;
        return new PaymentResultNotification
        {
            NotifyType = pay ? PaymentNotifyType.PaymentResult : PaymentNotifyType.UpdateAmountResult,
            Result = transaction.Result,
            PaymentRequestId = payment.PaymentRequestId,
            PaymentId = payment.PaymentId,
            PaymentAmount = pay ? transaction.Amount : payment.Authorized, // an increment's: the new total once it took effect, the old one otherwise
            PaymentCreateTime = payment.Created,
            PaymentTime = pay && success ? transaction.Time : null,
            AuthExpiryTime = payment.AuthExpiry,
            UpdateRequestId = pay ? null : transaction.RequestId,
            PaymentMethodType = "CARD",
            PaymentResultInfo = pay && success ? new PaymentResultInfo { IncrementalAuthorizationAvailable = true } : null,
        };
    }

    // Posts a signed notification and re-sends on the schedule until the exact acknowledgement comes back.
    private async Task DeliverAsync(byte[] body)
    {
        if (_options.NotifyUrl is not { } url)
        {
            return;
        }

        foreach (TimeSpan wait in _options.NotificationSchedule)
        {
            await Task.Delay(wait, _stopping.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _notificationAttempts);
            string time = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
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

    // inquiryPayment: by paymentId (it wins) or paymentRequestId; result S says only that the inquiry worked.
    private async Task InquiryPaymentAsync(HttpContext context)
    {
        (InquiryPaymentRequest? request, Decision? unread) = await ReadAsync<InquiryPaymentRequest>(context).ConfigureAwait(false);
        SimulatedPaymentRecord? payment = request?.PaymentId is { } paymentId ? _payments.GetValueOrDefault(paymentId)
            : request?.PaymentRequestId is { } paymentRequestId ? _paymentRequests.GetValueOrDefault(paymentRequestId)
            : null;
        if (payment is null)
        {
            await RespondAsync(context, AntomJson.SerializeToUtf8Bytes(new InquiryPaymentResponse
            {
                Result = unread?.Result ?? Result(ResultCode.OrderNotExist, ResultStatus.Failure, "no such payment"),
                PaymentId = request?.PaymentId,
                PaymentRequestId = request?.PaymentRequestId,
            })).ConfigureAwait(false);
            return;
        }

        byte[] body;
        lock (payment)
        {
            SimulatedTransaction authorization = payment.Authorization;
            body = AntomJson.SerializeToUtf8Bytes(new InquiryPaymentResponse
            {
                Result = Result(ResultCode.Success, ResultStatus.Success, "success"),
                PaymentStatus = payment.Status,
                PaymentResultCode = authorization.Code.Value,
                PaymentRequestId = payment.PaymentRequestId,
                PaymentId = payment.PaymentId,
                PaymentAmount = payment.Authorized,
                PaymentCreateTime = payment.Created,
                PaymentTime = authorization.Status == ResultStatus.Success ? authorization.Time : null,
                AuthExpiryTime = payment.AuthExpiry,
                PaymentMethodType = "CARD",
                Transactions = ValueList.From(payment.Transactions.Select(t => new PaymentTransaction
                {
                    TransactionType = t.Type,
                    TransactionStatus = t.TransactionStatus,
                    TransactionResult = t.Result,
                    TransactionId = t.Id,
                    TransactionRequestId = t.RequestId,
                    TransactionAmount = t.Amount,
                    TransactionTime = t.Time,
                }).ToArray()),
            });
        }

        await RespondAsync(context, body).ConfigureAwait(false);
    }

    // inquiryRefund: by refundId (it wins) or refundRequestId; result S says only that the inquiry worked, refundStatus says where the refund stands.
    private async Task InquiryRefundAsync(HttpContext context)
    {
        (InquiryRefundRequest? request, Decision? unread) = await ReadAsync<InquiryRefundRequest>(context).ConfigureAwait(false);
        SimulatedPaymentRecord? payment = request?.RefundId is { } refundId ? _refundIds.GetValueOrDefault(refundId)
            : request?.RefundRequestId is { } refundRequestId ? _refundRequests.GetValueOrDefault(refundRequestId)
            : null;
        SimulatedTransaction? refund = null;
        byte[] body;
        if (payment is not null)
        {
            lock (payment)
            {
                refund = payment.Of(SimulatedOperation.Refund).FirstOrDefault(t => request!.RefundId is { } id ? t.Id == id : t.RequestId == request.RefundRequestId);
                body = Answer();
            }
        }
        else
        {
            body = Answer();
        }

        await RespondAsync(context, body).ConfigureAwait(false);

        byte[] Answer() => refund is null
            ? AntomJson.SerializeToUtf8Bytes(new InquiryRefundResponse
            {
                Result = unread?.Result ?? Result(ResultCode.OrderNotExist, ResultStatus.Failure, "no such refund"),
                RefundId = request?.RefundId,
                RefundRequestId = request?.RefundRequestId,
            })
            : AntomJson.SerializeToUtf8Bytes(new InquiryRefundResponse
            {
                Result = Result(ResultCode.Success, ResultStatus.Success, "success"),
                RefundId = refund.Id,
                RefundRequestId = refund.RequestId,
                RefundAmount = refund.Amount,
                RefundStatus = refund.Status switch
                {
                    ResultStatus.Success => RefundStatus.Success,
                    ResultStatus.Failure => RefundStatus.Fail,
                    _ => RefundStatus.Processing,
                },
                RefundTime = refund.Status == ResultStatus.Success ? refund.Time : null,
            });
    }

    // The request, or the decision an unreadable one gets: INVALID_SIGNATURE, or PARAM_ILLEGAL for a body that breaks its contract.
    private async Task<(T? Request, Decision? Unread)> ReadAsync<T>(HttpContext context)
        where T : class, IAntomJsonContract<T>
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        byte[] body = buffer.ToArray();
        bool signed = context.Request.Headers["client-id"].ToString() == _options.ClientId
                      && _merchant.Verify("POST", context.Request.Path.Value!, _options.ClientId, context.Request.Headers["request-time"].ToString(), context.Request.Headers["signature"].ToString(), body);
        if (!signed)
        {
            return (null, Decision.Refused(ResultCode.InvalidSignature, "invalid signature"));
        }

        try
        {
            return (AntomJson.Deserialize<T>(body), null);
        }
        catch (AntomPayloadException e)
        {
            return (null, Decision.Refused(ResultCode.ParamIllegal, e.Message));
        }
    }

    private async Task RespondAsync(HttpContext context, byte[] body)
    {
        string time = Now.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json; charset=UTF-8";
        context.Response.Headers["response-time"] = time;
        context.Response.Headers["signature"] = _signer.CreateSignatureHeader("POST", context.Request.Path.Value!, _options.ClientId, time, body);
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private T Read<T>(string paymentId, Func<SimulatedPaymentRecord, T> read)
    {
        SimulatedPaymentRecord payment = _payments[paymentId];
        lock (payment)
        {
            return read(payment);
        }
    }

    private ConcurrentQueue<OperationScript> Queue(SimulatedOperation operation) => _scripts.GetOrAdd(operation, static _ => new ConcurrentQueue<OperationScript>());

    private static string? Echo(string? id, bool another) => another && id is not null ? "another-" + id : id;

    private static bool IsLoopback(string address)
        => Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) && IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip);

    private void Track(Task task) => _background.Add(task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default));

    private static AntomResult Result(ResultCode code, ResultStatus status, string? message) => new() { ResultCode = code, ResultStatus = status, ResultMessage = message };

    /// <summary>What a state-changing request got: a transaction (new, or the earlier one of a repeated id), or a refusal not recorded.</summary>
    private sealed record Decision(SimulatedPaymentRecord? Payment, SimulatedTransaction? Transaction, bool IsNew, OperationScript? Script, AntomResult? Refusal)
    {
        public AntomResult Result => Refusal ?? Transaction!.Result;

        public static Decision Refused(ResultCode code, string? message, SimulatedPaymentRecord? payment = null)
            => new(payment, null, IsNew: false, Script: null, AntomSimulator.Result(code, ResultStatus.Failure, message ?? code.Value));
    }
}
