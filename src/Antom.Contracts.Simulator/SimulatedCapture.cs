namespace Antom.Contracts.Simulator;

/// <summary>A capture as the simulator (that is, "Antom") records it.</summary>
/// <param name="CaptureRequestId">The merchant's request id.</param>
/// <param name="CaptureId">The simulator's capture id.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Status">S, F, or U while undecided.</param>
public sealed record SimulatedCapture(string CaptureRequestId, string? CaptureId, Money Amount, ResultStatus Status);
