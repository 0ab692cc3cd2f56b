namespace Antom.Contracts.Capture;

/// <summary>One capture the ledger knows of.</summary>
/// <param name="CaptureRequestId">The merchant's idempotency key.</param>
/// <param name="CaptureId">Antom's capture id, once known.</param>
/// <param name="Amount">The amount: as requested while undecided, as Antom reported it once final.</param>
/// <param name="State">Where it stands.</param>
/// <param name="IsLastCapture">Whether it was sent as the last capture.</param>
public sealed record CaptureEntry(string CaptureRequestId, string? CaptureId, Money Amount, CaptureState State, bool IsLastCapture);
