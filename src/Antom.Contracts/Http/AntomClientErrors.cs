using System;
using System.Net;

namespace Antom.Contracts.Http;

/// <summary>A call to Antom did not produce a usable, verified response.</summary>
public abstract class AntomTransportException : Exception
{
    private protected AntomTransportException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// The outcome of a call is not known: it timed out or the connection failed after the request may have left.
/// For a capture this means the same as <c>U</c>: it is NOT a failure. Wait for notifyCapture or query
/// inquiryPayment, and retry only with the same <c>captureRequestId</c>.
/// </summary>
public sealed class AntomOutcomeUnknownException : AntomTransportException
{
    internal AntomOutcomeUnknownException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>Antom answered with a non-2xx HTTP status.</summary>
public sealed class AntomHttpStatusException : AntomTransportException
{
    internal AntomHttpStatusException(HttpStatusCode statusCode, string body)
        : base($"Antom answered HTTP {(int)statusCode} ({statusCode}).", null)
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response body, as text (at most 4,096 characters).</summary>
    public string Body { get; }
}

/// <summary>The response's signature is missing or does not verify with Antom's public key: it is not believed.</summary>
public sealed class AntomSignatureException : AntomTransportException
{
    internal AntomSignatureException(string message)
        : base(message, null)
    {
    }
}
