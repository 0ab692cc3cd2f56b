namespace Antom.Contracts.Capture;

/// <summary>Where one capture stands. Only <see cref="Captured"/> and <see cref="Failed"/> are final.</summary>
public enum CaptureState
{
    /// <summary>Reserved before sending: no verified answer yet (or the outcome is unknown). Its amount stays held.</summary>
    Reserved = 1,

    /// <summary>Antom answered U: undecided. Its amount stays held.</summary>
    Pending,

    /// <summary>Captured (S).</summary>
    Captured,

    /// <summary>Failed (F): its amount is released.</summary>
    Failed,
}
