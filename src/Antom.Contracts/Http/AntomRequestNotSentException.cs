using System;

namespace Antom.Contracts.Http;

/// <summary>
/// The request provably never left the process: something in the HTTP pipeline refused it before it was handed to the
/// network (an open circuit breaker, say, or a connection that could not be made on every attempt). Nothing happened at
/// Antom. Send it again later with the same idempotency key (<c>paymentRequestId</c>, <c>captureRequestId</c>, ...);
/// never with a new one. A handler throws this only when it knows nothing was sent; whenever a request may have left,
/// <see cref="AntomClient"/> reports <see cref="AntomOutcomeUnknownException"/> instead.
/// </summary>
public sealed class AntomRequestNotSentException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> says why nothing was sent.</summary>
    public AntomRequestNotSentException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
