namespace Antom.Contracts.Notifications;

/// <summary>A claim on a notification key.</summary>
/// <param name="Key">The key.</param>
/// <param name="Status">What the claim got.</param>
/// <param name="Token">Identifies this claim, so that a claim taken over after its lease cannot release the new holder's.</param>
public sealed record NotificationClaim(string Key, ClaimStatus Status, string Token);
