using System;
using System.Net;

namespace Antom.Contracts.Http;

/// <summary>A call to Antom produced no verified answer that belongs to it; <see cref="Reason"/> says why.</summary>
public abstract class AntomTransportException : Exception
{
    private protected AntomTransportException(string message, string api, NoVerifiedAnswerReason reason, HttpStatusCode? statusCode, Exception? inner)
        : base(message, inner)
    {
        Api = api;
        Reason = reason;
        StatusCode = statusCode;
    }

    /// <summary>The API that was called: <c>capture</c>, <c>inquiryPayment</c>, ...</summary>
    public string Api { get; }

    /// <summary>Why there is no verified answer.</summary>
    public NoVerifiedAnswerReason Reason { get; }

    /// <summary>The HTTP status, when <see cref="Reason"/> is <see cref="NoVerifiedAnswerReason.HttpStatus"/>.</summary>
    public HttpStatusCode? StatusCode { get; }

    private protected static string Describe(NoVerifiedAnswerReason reason, HttpStatusCode? statusCode) => reason switch
    {
        NoVerifiedAnswerReason.HttpStatus => $"HTTP {(int?)statusCode} was answered instead of a signed 200",
        NoVerifiedAnswerReason.ConnectionFailed => "the connection failed",
        NoVerifiedAnswerReason.Timeout => "no answer came in time",
        NoVerifiedAnswerReason.Cancelled => "the call was cancelled after the request was sent",
        NoVerifiedAnswerReason.SignatureMissing => "the answer is unsigned",
        NoVerifiedAnswerReason.SignatureInvalid => "the answer's signature does not verify",
        NoVerifiedAnswerReason.BodyTooLarge => "the answer is larger than the configured cap",
        NoVerifiedAnswerReason.InvalidResponse => "the answer breaks its contract",
        NoVerifiedAnswerReason.NotThisRequest => "the answer belongs to another request",
        NoVerifiedAnswerReason.StillUndecided => "it was still undecided at the polling deadline",
        NoVerifiedAnswerReason.UnexpectedError => "an unexpected error came after sending",
        _ => reason.ToString(),
    };
}
