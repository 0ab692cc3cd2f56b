using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Antom.Contracts.Capture;

/// <summary>A rule of Antom's capture API that a capture request would break.</summary>
public enum CaptureViolation
{
    /// <summary>The capture is not in the authorisation's currency. Antom always captures in the payment's currency.</summary>
    CurrencyMismatch = 1,

    /// <summary>The amount is zero.</summary>
    NotPositive,

    /// <summary>The amount exceeds what is left: authorised − captured − pending (CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT).</summary>
    ExceedsRemaining,

    /// <summary>A second capture on a method that allows only one (MULTI_CAPTURE_NOT_SUPPORTED).</summary>
    MultipleCapturesNotAllowed,

    /// <summary>An American card must be captured for exactly the authorised amount.</summary>
    AmericanCardNotInFull,

    /// <summary>More than 7 days after the authorisation: Antom has released the funds.</summary>
    CaptureWindowClosed,

    /// <summary>After <c>authExpiryTime</c>.</summary>
    AuthorizationExpired,

    /// <summary>A capture after one marked <c>isLastCapture</c>.</summary>
    AfterLastCapture,

    /// <summary>A <c>captureRequestId</c> already used with a different amount (REPEAT_REQ_INCONSISTENT).</summary>
    RequestIdReusedWithDifferentAmount,
}

/// <summary>Where one capture stands.</summary>
public enum CaptureState
{
    /// <summary>Sent, outcome unknown (U): its amount stays reserved.</summary>
    Pending = 1,

    /// <summary>Captured (S).</summary>
    Captured,

    /// <summary>Failed (F): its reservation is released.</summary>
    Failed,
}

/// <summary>One capture the ledger knows of.</summary>
/// <param name="CaptureRequestId">The merchant's idempotency key.</param>
/// <param name="CaptureId">Antom's capture id, once known.</param>
/// <param name="Amount">The amount.</param>
/// <param name="State">Where it stands.</param>
/// <param name="IsLastCapture">Whether it was sent as the last capture.</param>
public sealed record CaptureEntry(string CaptureRequestId, string? CaptureId, Money Amount, CaptureState State, bool IsLastCapture);

/// <summary>
/// The captures of one authorised payment, immutable: every outcome gives a new ledger. A capture whose outcome is
/// unknown (U) stays <b>reserved</b>, so <see cref="Remaining"/> (authorised − captured − pending) never lets a second
/// capture overshoot while the first is undecided.
/// </summary>
public sealed class CaptureLedger
{
    /// <summary>How long after a successful authorisation a capture is possible.</summary>
    public static readonly TimeSpan CaptureWindow = TimeSpan.FromDays(7);

    private readonly ImmutableDictionary<string, CaptureEntry> _byRequestId;

    private CaptureLedger(Money authorized, DateTimeOffset authorizedAt, DateTimeOffset? authExpiryTime, bool allowsMultipleCaptures, bool isAmericanCard, ImmutableDictionary<string, CaptureEntry> entries)
    {
        Authorized = authorized;
        AuthorizedAt = authorizedAt;
        AuthExpiryTime = authExpiryTime;
        AllowsMultipleCaptures = allowsMultipleCaptures;
        IsAmericanCard = isAmericanCard;
        _byRequestId = entries;
        Captured = Sum(CaptureState.Captured);
        Pending = Sum(CaptureState.Pending);
    }

    /// <summary>The authorised amount.</summary>
    public Money Authorized { get; }

    /// <summary>When the authorisation succeeded.</summary>
    public DateTimeOffset AuthorizedAt { get; }

    /// <summary><c>authExpiryTime</c>, when Antom gave one: no capture after it.</summary>
    public DateTimeOffset? AuthExpiryTime { get; }

    /// <summary>Whether the payment method allows several partial captures.</summary>
    public bool AllowsMultipleCaptures { get; }

    /// <summary>Whether this is an American card, which must be captured in full.</summary>
    public bool IsAmericanCard { get; }

    /// <summary>The sum of successful captures.</summary>
    public Money Captured { get; }

    /// <summary>The sum of captures whose outcome is not known yet (reserved).</summary>
    public Money Pending { get; }

    /// <summary>
    /// What may still be captured: authorised − captured − pending, and never below zero (Antom's own records, applied
    /// from notifications, could say more was captured than this ledger allowed).
    /// </summary>
    public Money Remaining => Money.FromMinorUnits(Math.Max(0, Authorized.MinorUnits - Captured.MinorUnits - Pending.MinorUnits), Authorized.Currency);

    /// <summary>Every capture, by request id.</summary>
    public IReadOnlyCollection<CaptureEntry> Entries => _byRequestId.Values.ToArray();

    /// <summary>Opens the ledger of an authorisation.</summary>
    /// <exception cref="ArgumentException">The authorised amount has no currency, or is zero.</exception>
    public static CaptureLedger Open(Money authorized, DateTimeOffset authorizedAt, DateTimeOffset? authExpiryTime = null, bool allowsMultipleCaptures = false, bool isAmericanCard = false)
    {
        if (authorized.Currency.IsDefault || authorized.MinorUnits == 0)
        {
            throw new ArgumentException($"An authorisation of {authorized} cannot be captured.", nameof(authorized));
        }

        return new CaptureLedger(authorized, authorizedAt, authExpiryTime, allowsMultipleCaptures, isAmericanCard, ImmutableDictionary.Create<string, CaptureEntry>(StringComparer.Ordinal));
    }

    /// <summary>Every rule of Antom's capture API that <paramref name="request"/> would break at <paramref name="now"/>; empty when it may be sent.</summary>
    public IReadOnlyList<CaptureViolation> Check(CaptureRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<CaptureViolation>();
        Money amount = request.CaptureAmount;
        if (amount.Currency != Authorized.Currency)
        {
            violations.Add(CaptureViolation.CurrencyMismatch);
        }

        if (amount.MinorUnits == 0)
        {
            violations.Add(CaptureViolation.NotPositive);
        }

        if (now > AuthorizedAt + CaptureWindow)
        {
            violations.Add(CaptureViolation.CaptureWindowClosed);
        }

        if (AuthExpiryTime is { } expiry && now > expiry)
        {
            violations.Add(CaptureViolation.AuthorizationExpired);
        }

        if (_byRequestId.TryGetValue(request.CaptureRequestId, out CaptureEntry? previous))
        {
            // The same id again is a retry, which is how a U is resolved: fine with the same amount, never with another.
            if (previous.Amount != amount)
            {
                violations.Add(CaptureViolation.RequestIdReusedWithDifferentAmount);
            }

            return violations;
        }

        IEnumerable<CaptureEntry> live = _byRequestId.Values.Where(e => e.State != CaptureState.Failed);
        if (live.Any(e => e.IsLastCapture))
        {
            violations.Add(CaptureViolation.AfterLastCapture);
        }

        if (!AllowsMultipleCaptures && live.Any())
        {
            violations.Add(CaptureViolation.MultipleCapturesNotAllowed);
        }

        if (amount.Currency == Authorized.Currency)
        {
            if (amount > Remaining)
            {
                violations.Add(CaptureViolation.ExceedsRemaining);
            }

            if (IsAmericanCard && amount != Authorized)
            {
                violations.Add(CaptureViolation.AmericanCardNotInFull);
            }
        }

        return violations;
    }

    /// <summary>Records the response to a capture request: S captured, F released, U reserved.</summary>
    public CaptureLedger Record(CaptureRequest request, CaptureResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        return With(request.CaptureRequestId, response.CaptureId, request.CaptureAmount, response.Result.ResultStatus, request.IsLastCapture == true);
    }

    /// <summary>Applies a notifyCapture: it resolves a pending capture (or records one the ledger had not seen).</summary>
    public CaptureLedger Apply(CaptureResultNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return With(notification.CaptureRequestId, notification.CaptureId, notification.CaptureAmount, notification.Result.ResultStatus, isLast: false);
    }

    /// <summary>Applies an inquiryPayment transaction; only CAPTURE transactions concern the ledger.</summary>
    public CaptureLedger Apply(PaymentTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.TransactionType != TransactionType.Capture
            ? this
            : With(transaction.TransactionRequestId, transaction.TransactionId, transaction.TransactionAmount, transaction.TransactionResult.ResultStatus, isLast: false);
    }

    private CaptureLedger With(string requestId, string? captureId, Money amount, ResultStatus status, bool isLast)
    {
        CaptureState state = status switch
        {
            ResultStatus.Success => CaptureState.Captured,
            ResultStatus.Failure => CaptureState.Failed,
            ResultStatus.Unknown => CaptureState.Pending,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a ResultStatus member."),
        };
        if (amount.Currency != Authorized.Currency)
        {
            throw new CurrencyMismatchException(Authorized.Currency, amount.Currency, "record a capture of");
        }

        if (_byRequestId.TryGetValue(requestId, out CaptureEntry? existing))
        {
            // A final state never changes, and the same outcome twice changes nothing: only a pending capture resolves.
            if (existing.State != CaptureState.Pending || state == CaptureState.Pending)
            {
                return existing.CaptureId is null && captureId is not null
                    ? Replace(existing with { CaptureId = captureId })
                    : this;
            }

            return Replace(existing with { State = state, CaptureId = existing.CaptureId ?? captureId });
        }

        return Replace(new CaptureEntry(requestId, captureId, amount, state, isLast));
    }

    private CaptureLedger Replace(CaptureEntry entry)
        => new(Authorized, AuthorizedAt, AuthExpiryTime, AllowsMultipleCaptures, IsAmericanCard, _byRequestId.SetItem(entry.CaptureRequestId, entry));

    private Money Sum(CaptureState state)
    {
        Money total = Money.Zero(Authorized.Currency);
        foreach (CaptureEntry entry in _byRequestId.Values)
        {
            if (entry.State == state)
            {
                total += entry.Amount;
            }
        }

        return total;
    }
}
