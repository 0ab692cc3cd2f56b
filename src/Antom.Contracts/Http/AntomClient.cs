using System;
using System.Buffers;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Signatures;

namespace Antom.Contracts.Http;

/// <summary>Settings of an <see cref="AntomClient"/>.</summary>
public sealed class AntomClientOptions
{
    /// <summary>The Antom gateway, scheme and host only (e.g. <c>https://open-sea-global.alipay.com</c>).</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The merchant's client id; a <c>SANDBOX_…</c> id calls the sandbox paths.</summary>
    public required string ClientId { get; init; }

    /// <summary>Signs every request with the merchant's private key.</summary>
    public required AntomSigner Signer { get; init; }

    /// <summary>Verifies every response with Antom's public key, under its unsigned-response policy.</summary>
    public required AntomSignatureVerifier Verifier { get; init; }

    /// <summary>The clock for <c>request-time</c> and for polling; the system clock by default.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// A typed Antom client over a plain <see cref="HttpClient"/> (IHttpClientFactory-friendly): it signs exactly the bytes it
/// sends, verifies every response's signature, and returns typed, rule-checked responses.
/// </summary>
public sealed class AntomClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "UTF-8" };

    private readonly HttpClient _http;
    private readonly AntomClientOptions _options;

    /// <summary>Creates a client; the <see cref="HttpClient"/> is not disposed by it.</summary>
    public AntomClient(HttpClient http, AntomClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
    }

    /// <summary>
    /// Sends a capture. A <c>U</c> result is returned as is (see <see cref="CapturePoller"/> to resolve it).
    /// </summary>
    /// <exception cref="AntomPayloadException">The request breaks its contract (nothing was sent), or the response does.</exception>
    /// <exception cref="AntomOutcomeUnknownException">Timed out or the connection failed: the same meaning as <c>U</c>, never a failure.</exception>
    /// <exception cref="AntomHttpStatusException">Antom answered a non-2xx status.</exception>
    /// <exception cref="AntomSignatureException">The response's signature does not verify.</exception>
    public async Task<CaptureResponse> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken = default)
    {
        byte[] body = AntomJson.SerializeToUtf8Bytes(request);
        byte[] response = await SendAsync(AntomApiPath.Capture, body, "capture " + request.CaptureRequestId, cancellationToken).ConfigureAwait(false);
        return AntomJson.Deserialize<CaptureResponse>(response);
    }

    /// <summary>Queries a payment by <paramref name="paymentId"/> or <paramref name="paymentRequestId"/> (exactly one).</summary>
    /// <exception cref="ArgumentException">Neither or both ids were given.</exception>
    public async Task<InquiryPaymentResponse> InquiryPaymentAsync(string? paymentId = null, string? paymentRequestId = null, CancellationToken cancellationToken = default)
    {
        if ((paymentId is null) == (paymentRequestId is null))
        {
            throw new ArgumentException("Give exactly one of paymentId and paymentRequestId.");
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(paymentId is null ? "paymentRequestId" : "paymentId", paymentId ?? paymentRequestId);
            writer.WriteEndObject();
        }

        byte[] response = await SendAsync(AntomApiPath.InquiryPayment, buffer.WrittenSpan.ToArray(), "inquiryPayment", cancellationToken).ConfigureAwait(false);
        return AntomJson.Deserialize<InquiryPaymentResponse>(response);
    }

    private async Task<byte[]> SendAsync(string livePath, byte[] body, string what, CancellationToken cancellationToken)
    {
        string path = AntomApiPath.For(_options.ClientId, livePath);
        string requestTime = _options.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.Endpoint, path));
        message.Headers.TryAddWithoutValidation("client-id", _options.ClientId);
        message.Headers.TryAddWithoutValidation("request-time", requestTime);
        message.Headers.TryAddWithoutValidation("signature", _options.Signer.CreateSignatureHeader("POST", path, _options.ClientId, requestTime, body));
        message.Content = new ByteArrayContent(body); // exactly the bytes that were signed
        message.Content.Headers.ContentType = Json;

        HttpResponseMessage response;
        byte[] responseBody;
        try
        {
            response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AntomOutcomeUnknownException($"{what}: timed out; the outcome is unknown (treat it as U: wait for notifyCapture or query inquiryPayment, and retry only with the same request id).", e);
        }
        catch (HttpRequestException e)
        {
            throw new AntomOutcomeUnknownException($"{what}: the connection failed ({e.Message}); the outcome is unknown (treat it as U).", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                string text = System.Text.Encoding.UTF8.GetString(responseBody.AsSpan(0, Math.Min(responseBody.Length, 4096)));
                throw new AntomHttpStatusException(response.StatusCode, text);
            }

            string? signature = response.Headers.TryGetValues("signature", out var s) ? s.FirstOrDefault() : null;
            string? responseTime = response.Headers.TryGetValues("response-time", out var t) ? t.FirstOrDefault() : null;
            if (!_options.Verifier.VerifyResponse("POST", path, _options.ClientId, responseTime, signature, responseBody))
            {
                throw new AntomSignatureException(signature is null
                    ? $"{what}: the response is unsigned and the policy ({_options.Verifier.UnsignedResponses}) refuses it."
                    : $"{what}: the response's signature does not verify with Antom's public key.");
            }

            return responseBody;
        }
    }
}
