namespace Antom.Contracts.Notifications;

/// <summary>The answer to a claim.</summary>
public enum ClaimStatus
{
    /// <summary>This delivery holds the claim: run the handler as a first delivery.</summary>
    Claimed = 1,

    /// <summary>This same key was handled successfully before: a re-delivery.</summary>
    AlreadyCompleted,

    /// <summary>Another delivery holds a live claim and is running the handler now: do not acknowledge; Antom re-sends.</summary>
    HeldByAnother,
}
