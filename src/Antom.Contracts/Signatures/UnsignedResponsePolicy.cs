namespace Antom.Contracts.Signatures;

/// <summary>What to do with a response that carries no signature.</summary>
public enum UnsignedResponsePolicy
{
    /// <summary>
    /// The default, as Antom's Java and Python SDKs do since 2026: an unsigned response is refused when its
    /// <c>resultStatus</c> is <c>S</c> (or cannot be read), so a forged or stripped success is never believed.
    /// Unsigned F and U responses are accepted: believing them cannot capture money.
    /// </summary>
    RejectUnsignedSuccess = 1,

    /// <summary>Every response must be signed.</summary>
    RejectAllUnsigned,
}
