using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Signatures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antom.Contracts.Http;

/// <summary>
/// A typed Antom client over a plain <see cref="HttpClient"/> (IHttpClientFactory-friendly). It signs exactly the bytes
/// it sends, and for a state-changing call it has exactly two outcomes once the request may have left the process: a
/// signed, verified, contract-valid answer that provably belongs to the request, or <see cref="AntomOutcomeUnknownException"/>.
/// </summary>
public sealed class AntomClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "UTF-8" };

    private readonly HttpClient _http;
    private readonly AntomClientOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a client; the <see cref="HttpClient"/> is not disposed by it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public AntomClient(HttpClient http, AntomClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        _options = options;
        _logger = options.Logger ?? NullLogger.Instance;
    }

    /// <summary>Where calls are logged; <see cref="OperationPoller"/> logs there too.</summary>
    internal ILogger Logger => _logger;

    /// <summary>
    /// Sends a pay (a card authorisation; with <c>paymentFactor.captureMode</c> <c>MANUAL</c> it is not captured) and
    /// returns Antom's verified answer to it: <c>S</c>, <c>F</c>, or <c>U</c> (<c>PAYMENT_IN_PROCESS</c> carries the 3DS
    /// redirect; any <c>U</c> is resolved by notifyPayment or inquiryPayment, or a retry with the same
    /// <c>paymentRequestId</c>).
    /// </summary>
    /// <exception cref="AntomPayloadException">The request breaks its contract; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired before sending; nothing was sent.</exception>
    /// <exception cref="AntomOutcomeUnknownException">
    /// The request may have reached Antom and no verified answer that belongs to it came back (an HTTP status other than
    /// 200, a dropped connection, a timeout, a cancellation after sending, a missing or bad signature, an unreadable or
    /// oversized answer, or an answer to another request). The payment may have been authorised: treat it as <c>U</c>,
    /// wait for notifyPayment or call inquiryPayment, and never retry with a new <c>paymentRequestId</c>.
    /// </exception>
    public async Task<PayResponse> PayAsync(PayRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = AntomJson.SerializeToUtf8Bytes(request);
        var call = Call.StateChanging("pay", AntomApiPath.Pay, "paymentRequestId", request.PaymentRequestId, request, "notifyPayment or inquiryPayment by paymentRequestId, never by a pay under a new paymentRequestId");
        return await SendAsync<PayResponse>(
            call,
            body,
            (response, responseTime) => Unbound(AnswerBinding.PayMismatch(request, response), response.Result, response.PaymentRequestId, responseTime),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a capture and returns Antom's verified answer to it: <c>S</c>, <c>F</c>, or <c>U</c> (see
    /// <see cref="OperationPoller"/> to resolve a <c>U</c>).
    /// </summary>
    /// <exception cref="AntomPayloadException">The request breaks its contract; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired before sending; nothing was sent.</exception>
    /// <exception cref="AntomOutcomeUnknownException">
    /// The request may have reached Antom and no verified answer that belongs to it came back (an HTTP status other than
    /// 200, a dropped connection, a timeout, a cancellation after sending, a missing or bad signature, an unreadable or
    /// oversized answer, or an answer to another request). The capture may have happened: treat it as <c>U</c>.
    /// </exception>
    public async Task<CaptureResponse> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = AntomJson.SerializeToUtf8Bytes(request);
        var call = Call.StateChanging("capture", AntomApiPath.Capture, "captureRequestId", request.CaptureRequestId, request, "inquiryPayment or notifyCapture");
        return await SendAsync<CaptureResponse>(
            call,
            body,
            (response, responseTime) => Unbound(AnswerBinding.CaptureMismatch(request, response), response.Result, response.CaptureRequestId, responseTime),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a cancel (of a payment, or the void of an authorisation not captured yet) and returns Antom's verified
    /// answer to it: <c>S</c> (cancelled), <c>F</c>, or <c>U</c> (retry the cancel with the same ids).
    /// </summary>
    /// <exception cref="AntomPayloadException">The request breaks its contract (it names neither <c>paymentId</c> nor <c>paymentRequestId</c>, say); nothing was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired before sending; nothing was sent.</exception>
    /// <exception cref="AntomOutcomeUnknownException">
    /// The request may have reached Antom and no verified answer that belongs to it came back (an HTTP status other than
    /// 200, a dropped connection, a timeout, a cancellation after sending, a missing or bad signature, an unreadable or
    /// oversized answer, or an answer to another request). The cancel may have happened: treat it as <c>U</c> and retry
    /// the cancel with the same <c>paymentId</c>/<c>paymentRequestId</c>.
    /// </exception>
    public async Task<CancelResponse> CancelAsync(CancelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = AntomJson.SerializeToUtf8Bytes(request);
        var call = Call.StateChanging("cancel", AntomApiPath.Cancel, request.PaymentRequestId is null ? "paymentId" : "paymentRequestId", (request.PaymentRequestId ?? request.PaymentId)!, request, "a retry of this cancel with the same paymentId and paymentRequestId (inquiryPayment shows CANCELLED once it took)");
        return await SendAsync<CancelResponse>(
            call,
            body,
            (response, responseTime) => Unbound(AnswerBinding.CancelMismatch(request, response), response.Result, AnswerBinding.CancelBoundId(request, response), responseTime),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a refund and returns Antom's verified answer to it: <c>S</c>, <c>F</c>, or <c>U</c> (<c>REFUND_IN_PROCESS</c>
    /// and any other <c>U</c> are resolved by notifyRefund or inquiryRefund, or a retry with the same <c>refundRequestId</c>).
    /// </summary>
    /// <exception cref="AntomPayloadException">The request breaks its contract; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired before sending; nothing was sent.</exception>
    /// <exception cref="AntomOutcomeUnknownException">
    /// The request may have reached Antom and no verified answer that belongs to it came back (an HTTP status other than
    /// 200, a dropped connection, a timeout, a cancellation after sending, a missing or bad signature, an unreadable or
    /// oversized answer, or an answer to another request). The refund may have happened: treat it as <c>U</c>, wait for
    /// notifyRefund or call inquiryRefund, and retry only with the same <c>refundRequestId</c>.
    /// </exception>
    public async Task<RefundResponse> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = AntomJson.SerializeToUtf8Bytes(request);
        var call = Call.StateChanging("refund", AntomApiPath.Refund, "refundRequestId", request.RefundRequestId, request, "notifyRefund or inquiryRefund by refundRequestId");
        return await SendAsync<RefundResponse>(
            call,
            body,
            (response, responseTime) => Unbound(AnswerBinding.RefundMismatch(request, response), response.Result, response.RefundRequestId, responseTime),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends an updateAmount (an incremental authorisation: <c>amount</c> is the new total) and returns Antom's verified
    /// answer to it: <c>S</c> (accepted only: the amount is final when notifyPayment <c>UPDATE_AMOUNT_RESULT</c> says
    /// so), <c>F</c>, or <c>U</c>.
    /// </summary>
    /// <exception cref="AntomPayloadException">The request breaks its contract; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired before sending; nothing was sent.</exception>
    /// <exception cref="AntomOutcomeUnknownException">
    /// The request may have reached Antom and no verified answer that belongs to it came back (an HTTP status other than
    /// 200, a dropped connection, a timeout, a cancellation after sending, a missing or bad signature, an unreadable or
    /// oversized answer, or an answer to another request). The update may have been accepted: treat it as <c>U</c>, wait
    /// for notifyPayment <c>UPDATE_AMOUNT_RESULT</c> or call inquiryPayment, and retry only with the same <c>updateRequestId</c>.
    /// </exception>
    public async Task<UpdateAmountResponse> UpdateAmountAsync(UpdateAmountRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = AntomJson.SerializeToUtf8Bytes(request);
        var call = Call.StateChanging("updateAmount", AntomApiPath.UpdateAmount, "updateRequestId", request.UpdateRequestId, request, "notifyPayment (notifyType UPDATE_AMOUNT_RESULT) or inquiryPayment");
        return await SendAsync<UpdateAmountResponse>(
            call,
            body,
            (response, responseTime) => Unbound(AnswerBinding.UpdateAmountMismatch(request, response), response.Result, response.UpdateRequestId, responseTime),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queries a payment by <paramref name="paymentId"/> or <paramref name="paymentRequestId"/> (exactly one). Its
    /// <c>result</c> says only whether the inquiry worked; the payment's state is in <c>paymentStatus</c> and the transactions.
    /// </summary>
    /// <exception cref="ArgumentException">Neither or both ids were given.</exception>
    /// <exception cref="AntomPayloadException">An id breaks the contract (longer than 64 characters); nothing was sent.</exception>
    /// <exception cref="AntomInquiryFailedException">No verified answer that belongs to this inquiry; it says nothing about the payment.</exception>
    public async Task<InquiryPaymentResponse> InquiryPaymentAsync(string? paymentId = null, string? paymentRequestId = null, CancellationToken cancellationToken = default)
    {
        if ((paymentId is null) == (paymentRequestId is null))
        {
            throw new ArgumentException("Give exactly one of paymentId and paymentRequestId.");
        }

        return await InquiryPaymentAsync(new InquiryPaymentRequest { PaymentId = paymentId, PaymentRequestId = paymentRequestId }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queries a payment by the <c>paymentId</c> or <c>paymentRequestId</c> of <paramref name="request"/> (at least one;
    /// Antom looks up by <c>paymentId</c> when both are given). Its <c>result</c> says only whether the inquiry worked;
    /// the payment's state is in <c>paymentStatus</c> and the transactions.
    /// </summary>
    /// <exception cref="AntomPayloadException">The request breaks its contract; nothing was sent.</exception>
    /// <exception cref="AntomInquiryFailedException">No verified answer that belongs to this inquiry; it says nothing about the payment.</exception>
    public Task<InquiryPaymentResponse> InquiryPaymentAsync(InquiryPaymentRequest request) => InquiryPaymentAsync(request, CancellationToken.None);

    /// <summary>
    /// Queries a payment by the <c>paymentId</c> or <c>paymentRequestId</c> of <paramref name="request"/> (at least one;
    /// Antom looks up by <c>paymentId</c> when both are given). Its <c>result</c> says only whether the inquiry worked;
    /// the payment's state is in <c>paymentStatus</c> and the transactions.
    /// </summary>
    /// <exception cref="AntomPayloadException">The request breaks its contract; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the inquiry changed nothing.</exception>
    /// <exception cref="AntomInquiryFailedException">No verified answer that belongs to this inquiry; it says nothing about the payment.</exception>
    public async Task<InquiryPaymentResponse> InquiryPaymentAsync(InquiryPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = AntomJson.SerializeToUtf8Bytes(request);
        var call = Call.ReadOnly("inquiryPayment", AntomApiPath.InquiryPayment, "payment");
        return await SendAsync<InquiryPaymentResponse>(
            call,
            body,
            (response, _) => AnswerBinding.InquiryMismatch(request, response),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queries a refund by the <c>refundId</c> or <c>refundRequestId</c> of <paramref name="request"/> (at least one;
    /// Antom looks up by <c>refundId</c> when both are given). Its <c>result</c> says only whether the inquiry worked:
    /// the refund's state is <c>refundStatus</c>, and a <c>result</c> <c>S</c> with <c>refundStatus</c>
    /// <c>PROCESSING</c> is not refunded.
    /// </summary>
    /// <exception cref="AntomPayloadException">The request breaks its contract; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the inquiry changed nothing.</exception>
    /// <exception cref="AntomInquiryFailedException">No verified answer that belongs to this inquiry (including an answer about another refund); it says nothing about the refund.</exception>
    public async Task<InquiryRefundResponse> InquiryRefundAsync(InquiryRefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = AntomJson.SerializeToUtf8Bytes(request);
        var call = Call.ReadOnly("inquiryRefund", AntomApiPath.InquiryRefund, "refund");
        return await SendAsync<InquiryRefundResponse>(
            call,
            body,
            (response, _) => AnswerBinding.InquiryRefundMismatch(request, response),
            cancellationToken).ConfigureAwait(false);
    }

    // After the last cancellation check, every failure is a reason inside the call's one exception type: a state-changing
    // call has exactly two outcomes from there, a verified answer that belongs to it or AntomOutcomeUnknownException.
    // Why a state-changing answer is not this request's, or null when it is: something it echoes disagrees with the
    // request (mismatch), or it is an F that echoes no request id and whose signed response-time is not recent.
    private string? Unbound(string? mismatch, AntomResult result, string? echoedRequestId, string? responseTime)
        => mismatch ?? AnswerBinding.StaleFailure(result, echoedRequestId, responseTime, _options.ResponseTimeTolerance, _options.Time.GetUtcNow());

    private async Task<T> SendAsync<T>(Call call, byte[] body, Func<T, string?, string?> mismatch, CancellationToken cancellationToken)
        where T : IAntomJsonContract<T>
    {
        string path = AntomApiPath.For(_options.ClientId, call.LivePath);
        string requestTime = _options.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.Endpoint, path));
        message.Headers.TryAddWithoutValidation("client-id", _options.ClientId);
        message.Headers.TryAddWithoutValidation("request-time", requestTime);
        message.Headers.TryAddWithoutValidation("signature", _options.Signer.CreateSignatureHeader("POST", path, _options.ClientId, requestTime, body));
        message.Content = new ByteArrayContent(body); // exactly the bytes that were signed
        message.Content.Headers.ContentType = Json;

        // The last moment at which nothing has left the process: a cancellation up to here is plain.
        cancellationToken.ThrowIfCancellationRequested();

        CallTelemetry telemetry = CallTelemetry.Start(_logger, call.Api, call.RequestId);
        try
        {
            T value = await ExchangeAsync(call, message, path, mismatch, cancellationToken).ConfigureAwait(false);
            telemetry.Answered(ResultOf(value));
            return value;
        }
        catch (Exception e)
        {
            telemetry.Failed(e);
            throw;
        }
    }

    // Sends and reads the answer: from here every failure is the call's one exception type (or a plain cancelled inquiry).
    private async Task<T> ExchangeAsync<T>(Call call, HttpRequestMessage message, string path, Func<T, string?, string?> mismatch, CancellationToken cancellationToken)
        where T : IAntomJsonContract<T>
    {
        // HttpClient.Timeout stops at the headers; this one also covers reading the body.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        byte[] rented = [];
        try
        {
            int length;
            string? signature;
            string? responseTime;
            using (HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false))
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw call.Fail(NoVerifiedAnswerReason.HttpStatus, null, response.StatusCode);
                }

                if (response.Content.Headers.ContentLength > _options.MaxResponseBytes)
                {
                    throw call.Fail(NoVerifiedAnswerReason.BodyTooLarge, $"Content-Length {response.Content.Headers.ContentLength} > {_options.MaxResponseBytes}");
                }

                signature = Single(response, "signature", call);
                responseTime = Single(response, "response-time", call);
                (rented, length) = await ReadCappedAsync(response.Content, call, deadline.Token).ConfigureAwait(false);
            }

            ReadOnlySpan<byte> answer = rented.AsSpan(0, length);
            if (string.IsNullOrWhiteSpace(signature) && call.ChangesState)
            {
                // Believing an unsigned F could start a second capture under a new id; an unsigned U says nothing more.
                throw call.Fail(NoVerifiedAnswerReason.SignatureMissing, "a state-changing answer must be signed, whatever it says");
            }

            if (!_options.Verifier.VerifyResponse("POST", path, _options.ClientId, responseTime, signature, answer))
            {
                throw call.Fail(
                    string.IsNullOrWhiteSpace(signature) ? NoVerifiedAnswerReason.SignatureMissing : NoVerifiedAnswerReason.SignatureInvalid,
                    string.IsNullOrWhiteSpace(signature) ? $"the unsigned-response policy ({_options.Verifier.UnsignedResponses}) refuses it" : null);
            }

            T value;
            try
            {
                value = AntomJson.Deserialize<T>(answer);
            }
            catch (AntomPayloadException e)
            {
                throw call.Fail(NoVerifiedAnswerReason.InvalidResponse, e.Message, inner: e);
            }

            return mismatch(value, responseTime) is { } why ? throw call.Fail(NoVerifiedAnswerReason.NotThisRequest, why) : value;
        }
        catch (Exception e) when (e is AntomTransportException or AntomRequestNotSentException)
        {
            throw; // already says what the caller needs: no verified answer, or provably nothing sent
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !call.ChangesState)
        {
            throw; // an inquiry the caller cancelled: plainly cancelled, it changed nothing
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw call.Fail(NoVerifiedAnswerReason.Cancelled, null, inner: e);
        }
        catch (OperationCanceledException e)
        {
            throw call.Fail(NoVerifiedAnswerReason.Timeout, null, inner: e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw call.Fail(NoVerifiedAnswerReason.ConnectionFailed, e.Message, inner: e);
        }
        catch (Exception e)
        {
            // Anything else after sending (a handler in the HTTP pipeline, a disposed verifier) is still no answer.
            throw call.Fail(NoVerifiedAnswerReason.UnexpectedError, e.GetType().Name + ": " + e.Message, inner: e);
        }
        finally
        {
            if (rented.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static AntomResult ResultOf(object answer) => answer switch
    {
        PayResponse r => r.Result,
        CaptureResponse r => r.Result,
        CancelResponse r => r.Result,
        RefundResponse r => r.Result,
        UpdateAmountResponse r => r.Result,
        InquiryPaymentResponse r => r.Result,
        InquiryRefundResponse r => r.Result,
        _ => throw new ArgumentException(answer.GetType().Name + " is not an answer of this client.", nameof(answer)),
    };

    // A header that must appear at most once: a repeated signature (or time) is not an answer to trust.
    private static string? Single(HttpResponseMessage response, string name, Call call)
    {
        if (!response.Headers.TryGetValues(name, out var values))
        {
            return null;
        }

        string[] all = values.ToArray();
        return all.Length == 1 ? all[0] : throw call.Fail(NoVerifiedAnswerReason.SignatureInvalid, $"the answer carries {all.Length} '{name}' headers");
    }

    // Reads at most MaxResponseBytes into a pooled buffer; one byte more is BodyTooLarge, and nothing more is read.
    private async Task<(byte[] Buffer, int Length)> ReadCappedAsync(HttpContent content, Call call, CancellationToken cancellationToken)
    {
        int cap = _options.MaxResponseBytes;
        long? declared = content.Headers.ContentLength;
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared is > 0 ? declared.Value + 1 : 16 * 1024, (long)cap + 1));
        int length = 0;
        try
        {
            Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)cap + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap + 1) - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return (buffer, length);
                    }

                    length += read;
                    if (length > cap)
                    {
                        throw call.Fail(NoVerifiedAnswerReason.BodyTooLarge, $"more than {cap} bytes");
                    }
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>What is being called, and how its failures are told: a state-changing call's as outcome unknown.</summary>
    private sealed class Call
    {
        private Call(string api, string livePath, string? keyName, string? key, object? request, string? resolveWith, string? subject)
        {
            Api = api;
            LivePath = livePath;
            KeyName = keyName;
            Key = key;
            Request = request;
            ResolveWith = resolveWith;
            Subject = subject;
        }

        public string Api { get; }

        public string LivePath { get; }

        public bool ChangesState => KeyName is not null;

        private string? KeyName { get; }

        /// <summary>The idempotency key of a state-changing call; null for an inquiry.</summary>
        public string? RequestId => Key;

        private string? Key { get; }

        private object? Request { get; }

        private string? ResolveWith { get; }

        private string? Subject { get; }

        public static Call StateChanging(string api, string livePath, string keyName, string key, object request, string resolveWith)
            => new(api, livePath, keyName, key, request, resolveWith, null);

        // subject: what the inquiry is about ("payment", "refund"); its failure says nothing about that.
        public static Call ReadOnly(string api, string livePath, string subject) => new(api, livePath, null, null, null, null, subject);

        public AntomTransportException Fail(NoVerifiedAnswerReason reason, string? detail, HttpStatusCode? statusCode = null, Exception? inner = null)
            => ChangesState
                ? new AntomOutcomeUnknownException(Api, KeyName!, Key!, Request!, ResolveWith!, reason, detail, statusCode, inner)
                : new AntomInquiryFailedException(Api, Subject!, reason, detail, statusCode, inner);
    }
}
