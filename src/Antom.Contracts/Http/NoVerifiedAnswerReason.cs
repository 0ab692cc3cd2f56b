
namespace Antom.Contracts.Http;

/// <summary>Why a call that reached (or may have reached) Antom produced no verified answer that belongs to it.</summary>
public enum NoVerifiedAnswerReason
{
    /// <summary>Antom, or something in between (a gateway, a proxy), answered an HTTP status other than 200.</summary>
    HttpStatus = 1,

    /// <summary>The connection failed or was dropped after the request may have left.</summary>
    ConnectionFailed,

    /// <summary>No answer came within the client's timeout.</summary>
    Timeout,

    /// <summary>The caller's own cancellation fired after the request may have left.</summary>
    Cancelled,

    /// <summary>The answer carries no signature.</summary>
    SignatureMissing,

    /// <summary>The answer's signature does not verify with Antom's public key.</summary>
    SignatureInvalid,

    /// <summary>The answer is larger than <see cref="AntomClientOptions.MaxResponseBytes"/>; it was not read.</summary>
    BodyTooLarge,

    /// <summary>The answer is signed but is not JSON, or breaks its contract; <see cref="System.Exception.InnerException"/> is the <see cref="AntomPayloadException"/>.</summary>
    InvalidResponse,

    /// <summary>The answer is signed and valid, but its echoed ids or amount are not this request's: it answers another request.</summary>
    NotThisRequest,

    /// <summary>The operation was still undecided when polling gave up at its deadline.</summary>
    StillUndecided,

    /// <summary>Something else failed after the request may have left (a handler in the HTTP pipeline, a disposed verifier); the inner exception says what.</summary>
    UnexpectedError,
}
