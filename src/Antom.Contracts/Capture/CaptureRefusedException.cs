using System;
using System.Collections.Generic;

namespace Antom.Contracts.Capture;

/// <summary><see cref="CaptureLedger.Reserve"/> refused a capture: it would break one or more of Antom's rules. Nothing was reserved; do not send it.</summary>
public sealed class CaptureRefusedException : InvalidOperationException
{
    internal CaptureRefusedException(string captureRequestId, IReadOnlyList<CaptureViolation> violations)
        : base($"capture {captureRequestId} is refused before sending: {string.Join(", ", violations)}.")
    {
        CaptureRequestId = captureRequestId;
        Violations = violations;
    }

    /// <summary>The refused request's id.</summary>
    public string CaptureRequestId { get; }

    /// <summary>Every rule it would break.</summary>
    public IReadOnlyList<CaptureViolation> Violations { get; }
}
