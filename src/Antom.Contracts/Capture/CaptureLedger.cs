using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Antom.Contracts.Capture;

/// <summary>
/// The captures of one authorised payment, immutable: every change gives a new ledger with a higher
/// <see cref="Version"/>. The flow is <b>check → reserve → persist → send → record</b>: a capture is
/// <see cref="Reserve">reserved</see> before it is sent, and stays held while it is in flight, timed out or <c>U</c>, so
/// <see cref="Remaining"/> (authorised − captured − held) never lets a second capture overshoot while one is undecided.
/// </summary>
public sealed class CaptureLedger
{
    /// <summary>How long after a successful authorisation a capture is possible.</summary>
    public static readonly TimeSpan CaptureWindow = TimeSpan.FromDays(7);

    private readonly ImmutableSortedDictionary<string, CaptureEntry> _byRequestId;
    private readonly ImmutableList<CaptureDiscrepancy> _discrepancies;

    private CaptureLedger(CaptureLedgerState terms, ImmutableSortedDictionary<string, CaptureEntry> entries, ImmutableList<CaptureDiscrepancy> discrepancies, long version)
    {
        PaymentId = terms.PaymentId;
        Authorized = terms.Authorized;
        AuthorizedAt = terms.AuthorizedAt;
        AuthExpiryTime = terms.AuthExpiryTime;
        AllowsMultipleCaptures = terms.AllowsMultipleCaptures;
        IsAmericanCard = terms.IsAmericanCard;
        Version = version;
        _byRequestId = entries;
        _discrepancies = discrepancies;
        Captured = Sum(static s => s == CaptureState.Captured);
        Pending = Sum(static s => s is CaptureState.Reserved or CaptureState.Pending) + Disputed(discrepancies, Authorized);
    }

    /// <summary>Antom's payment id: outcomes for any other payment are refused.</summary>
    public string PaymentId { get; }

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

    /// <summary>Increments on every change, so that a store can compare-and-swap; an operation that changes nothing keeps it.</summary>
    public long Version { get; }

    /// <summary>The sum of successful captures.</summary>
    public Money Captured { get; }

    /// <summary>
    /// The sum held for captures not decided yet (reserved, in flight, outcome unknown, or <c>U</c>), plus any capture
    /// booked as failed that Antom later reported captured (see <see cref="Discrepancies"/>).
    /// </summary>
    public Money Pending { get; }

    /// <summary>
    /// What may still be captured: authorised − captured − held, never below zero (Antom's own records, applied from
    /// notifications, could say more was captured than this ledger allowed: that is a <see cref="Discrepancies">discrepancy</see>).
    /// </summary>
    public Money Remaining => Money.FromMinorUnits(Math.Max(0, Authorized.MinorUnits - Captured.MinorUnits - Pending.MinorUnits), Authorized.Currency);

    /// <summary>Every capture, ordered by request id.</summary>
    public IReadOnlyCollection<CaptureEntry> Entries => _byRequestId.Values.ToArray();

    /// <summary>Every disagreement with Antom's records found so far, in order; each needs a person.</summary>
    public IReadOnlyList<CaptureDiscrepancy> Discrepancies => _discrepancies;

    /// <summary>Opens the ledger of an authorisation.</summary>
    /// <exception cref="ArgumentException">The payment id is empty, or the authorised amount has no currency or is zero.</exception>
    public static CaptureLedger Open(string paymentId, Money authorized, DateTimeOffset authorizedAt, DateTimeOffset? authExpiryTime = null, bool allowsMultipleCaptures = false, bool isAmericanCard = false)
        => FromState(new CaptureLedgerState(paymentId, authorized, authorizedAt, authExpiryTime, allowsMultipleCaptures, isAmericanCard, 0, ValueList<CaptureEntry>.Empty, ValueList<CaptureDiscrepancy>.Empty));

    /// <summary>Restores a ledger saved with <see cref="ToState"/>, exactly.</summary>
    /// <exception cref="ArgumentException">The state is inconsistent: the message says how.</exception>
    public static CaptureLedger FromState(CaptureLedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(state.PaymentId, nameof(state) + ".PaymentId");
        if (state.Authorized.Currency.IsDefault || state.Authorized.MinorUnits == 0)
        {
            throw new ArgumentException($"An authorisation of {state.Authorized} cannot be captured.", nameof(state));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(state.Version, nameof(state) + ".Version");
        var entries = ImmutableSortedDictionary.CreateBuilder<string, CaptureEntry>(StringComparer.Ordinal);
        foreach (CaptureEntry entry in state.Entries ?? ValueList<CaptureEntry>.Empty)
        {
            if (entry.Amount.Currency != state.Authorized.Currency || !Enum.IsDefined(entry.State) || string.IsNullOrEmpty(entry.CaptureRequestId))
            {
                throw new ArgumentException($"The entry {entry} does not belong to a ledger of {state.Authorized}.", nameof(state));
            }

            if (!entries.TryAdd(entry.CaptureRequestId, entry))
            {
                throw new ArgumentException($"captureRequestId {entry.CaptureRequestId} appears twice.", nameof(state));
            }
        }

        return new CaptureLedger(state, entries.ToImmutable(), (state.Discrepancies ?? ValueList<CaptureDiscrepancy>.Empty).ToImmutableList(), state.Version);
    }

    /// <summary>Everything this ledger knows, as a plain record to persist.</summary>
    public CaptureLedgerState ToState()
        => new(PaymentId, Authorized, AuthorizedAt, AuthExpiryTime, AllowsMultipleCaptures, IsAmericanCard, Version, ValueList.From(_byRequestId.Values), ValueList.From(_discrepancies));

    /// <summary>Every rule of Antom's capture API that <paramref name="request"/> would break at <paramref name="now"/>; empty when it may be sent.</summary>
    public IReadOnlyList<CaptureViolation> Check(CaptureRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<CaptureViolation>();
        Money amount = request.CaptureAmount;
        if (!string.Equals(request.PaymentId, PaymentId, StringComparison.Ordinal))
        {
            violations.Add(CaptureViolation.OtherPayment);
        }

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
            // The same id again is a retry, which is how an unknown outcome is resolved: fine with the same amount, never with another.
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

    /// <summary>
    /// Reserves <paramref name="request"/> before it is sent: its amount is held until an outcome resolves it. Reserving
    /// the same request again (a retry under the same id) changes nothing.
    /// </summary>
    /// <exception cref="CaptureRefusedException">The capture would break a rule (<see cref="Check"/>); nothing is reserved, do not send it.</exception>
    public CaptureLedger Reserve(CaptureRequest request, DateTimeOffset now)
    {
        IReadOnlyList<CaptureViolation> violations = Check(request, now);
        if (violations.Count > 0)
        {
            throw new CaptureRefusedException(request.CaptureRequestId, violations);
        }

        return _byRequestId.ContainsKey(request.CaptureRequestId)
            ? this
            : Changed(_byRequestId.Add(request.CaptureRequestId, new CaptureEntry(request.CaptureRequestId, null, request.CaptureAmount, CaptureState.Reserved, request.IsLastCapture == true)), _discrepancies);
    }

    /// <summary>
    /// Undoes a reservation whose request provably never left the process. The proof is what
    /// <see cref="Http.AntomClient.CaptureAsync"/> threw: <see cref="AntomPayloadException"/> (the request was invalid) or
    /// <see cref="OperationCanceledException"/> (cancelled before sending). After <see cref="Http.AntomOutcomeUnknownException"/>
    /// the capture may have happened, and the reservation stays until an outcome resolves it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="whyNotSent"/> does not prove that nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">There is no such reservation, or Antom has already answered for it.</exception>
    public CaptureLedger Release(string captureRequestId, Exception whyNotSent)
    {
        ArgumentNullException.ThrowIfNull(captureRequestId);
        ArgumentNullException.ThrowIfNull(whyNotSent);
        if (whyNotSent is not (AntomPayloadException or OperationCanceledException))
        {
            throw new ArgumentException($"{whyNotSent.GetType().Name} does not prove that capture {captureRequestId} never left: only AntomPayloadException or OperationCanceledException from CaptureAsync do. Resolve it with inquiryPayment or notifyCapture instead.", nameof(whyNotSent));
        }

        if (!_byRequestId.TryGetValue(captureRequestId, out CaptureEntry? entry) || entry.State != CaptureState.Reserved)
        {
            throw new InvalidOperationException(entry is null
                ? $"capture {captureRequestId} is not reserved."
                : $"capture {captureRequestId} is {entry.State}: Antom has answered for it, so it cannot be released.");
        }

        return Changed(_byRequestId.Remove(captureRequestId), _discrepancies);
    }

    /// <summary>Records Antom's verified answer to a reserved capture: S captured, F released, U held.</summary>
    /// <exception cref="ArgumentException">The request or the answer is for another payment, or the answer echoes another request's id or amount.</exception>
    /// <exception cref="InvalidOperationException">The capture was not reserved before it was sent.</exception>
    public CaptureLedger Record(CaptureRequest request, CaptureResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        RequireThisPayment(request.PaymentId, "the request");
        RequireThisPayment(response.PaymentId ?? request.PaymentId, "the answer");
        if (Http.AnswerBinding.CaptureMismatch(request, response) is { } mismatch)
        {
            throw new ArgumentException($"The answer is not capture {request.CaptureRequestId}'s: {mismatch}. Nothing was recorded.", nameof(response));
        }

        if (!_byRequestId.ContainsKey(request.CaptureRequestId))
        {
            throw new InvalidOperationException($"capture {request.CaptureRequestId} was not reserved: reserve it before sending (check → reserve → persist → send → record).");
        }

        return With(request.CaptureRequestId, response.CaptureId, response.CaptureAmount ?? request.CaptureAmount, response.Result.ResultStatus, request.IsLastCapture == true, requested: true);
    }

    /// <summary>Applies a notifyCapture: it resolves a held capture (or books one the ledger had not seen, as a discrepancy).</summary>
    /// <exception cref="ArgumentException">The notification is for another payment.</exception>
    public CaptureLedger Apply(CaptureResultNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        RequireThisPayment(notification.PaymentId, "the notification");
        return With(notification.CaptureRequestId, notification.CaptureId, notification.CaptureAmount, notification.Result.ResultStatus, isLast: false, requested: false);
    }

    /// <summary>
    /// Applies an inquiryPayment answer: every CAPTURE transaction in it resolves or confirms its capture. An inquiry
    /// whose own <c>result</c> is not S says nothing and changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The inquiry is for another payment.</exception>
    public CaptureLedger Apply(InquiryPaymentResponse inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        if (inquiry.Result.ResultStatus != ResultStatus.Success)
        {
            return this;
        }

        RequireThisPayment(inquiry.PaymentId, "the inquiry");
        CaptureLedger ledger = this;
        foreach (PaymentTransaction transaction in inquiry.Transactions ?? ValueList<PaymentTransaction>.Empty)
        {
            if (transaction.TransactionType == TransactionType.Capture)
            {
                ledger = ledger.With(transaction.TransactionRequestId, transaction.TransactionId, transaction.TransactionAmount, transaction.TransactionResult.ResultStatus, isLast: false, requested: false);
            }
        }

        return ledger;
    }

    private void RequireThisPayment(string? paymentId, string what)
    {
        if (!string.Equals(paymentId, PaymentId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what} is for payment {paymentId ?? "(none)"}; this ledger is payment {PaymentId}. Nothing was applied.");
        }
    }

    private CaptureLedger With(string requestId, string? captureId, Money amount, ResultStatus status, bool isLast, bool requested)
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

        bool final = state is CaptureState.Captured or CaptureState.Failed;
        if (!_byRequestId.TryGetValue(requestId, out CaptureEntry? existing))
        {
            // Only Record knows a request it sent; any outcome for a capture this ledger never reserved is reported.
            ImmutableList<CaptureDiscrepancy> found = !requested
                ? Report(new CaptureDiscrepancy(requestId, CaptureDiscrepancyKind.Unrequested, Money.Zero(Authorized.Currency), amount, null, state))
                : _discrepancies;
            return Changed(_byRequestId.Add(requestId, new CaptureEntry(requestId, captureId, amount, state, isLast)), found);
        }

        string? knownId = existing.CaptureId ?? captureId;
        bool wasFinal = existing.State is CaptureState.Captured or CaptureState.Failed;
        if (wasFinal)
        {
            // A final state never changes; a contradicting outcome is reported, the same outcome again changes nothing.
            ImmutableList<CaptureDiscrepancy> found = final && state != existing.State
                ? Report(new CaptureDiscrepancy(requestId, CaptureDiscrepancyKind.ConflictingFinalState, existing.Amount, amount, existing.State, state))
                : final && state == CaptureState.Captured && amount != existing.Amount
                    ? Report(new CaptureDiscrepancy(requestId, CaptureDiscrepancyKind.AmountDiffers, existing.Amount, amount, existing.State, state))
                    : _discrepancies;
            return Unchanged(existing, knownId, found);
        }

        if (!final)
        {
            // Reserved → U moves to Pending; a later U changes nothing.
            return state == existing.State
                ? Unchanged(existing, knownId, _discrepancies)
                : Changed(_byRequestId.SetItem(requestId, existing with { State = state, CaptureId = knownId }), _discrepancies);
        }

        // A held capture resolves. Antom's amount is booked; a difference from the reserved amount is reported.
        ImmutableList<CaptureDiscrepancy> discrepancies = state == CaptureState.Captured && amount != existing.Amount
            ? Report(new CaptureDiscrepancy(requestId, CaptureDiscrepancyKind.AmountDiffers, existing.Amount, amount, existing.State, state))
            : _discrepancies;
        Money booked = state == CaptureState.Captured ? amount : existing.Amount;
        return Changed(_byRequestId.SetItem(requestId, existing with { State = state, CaptureId = knownId, Amount = booked }), discrepancies);
    }

    private CaptureLedger Unchanged(CaptureEntry existing, string? knownId, ImmutableList<CaptureDiscrepancy> discrepancies)
    {
        bool learnsId = existing.CaptureId is null && knownId is not null;
        if (!learnsId && ReferenceEquals(discrepancies, _discrepancies))
        {
            return this;
        }

        return Changed(learnsId ? _byRequestId.SetItem(existing.CaptureRequestId, existing with { CaptureId = knownId }) : _byRequestId, discrepancies);
    }

    // The same discrepancy found twice (the same notification re-sent) is reported once.
    private ImmutableList<CaptureDiscrepancy> Report(CaptureDiscrepancy discrepancy)
        => _discrepancies.Contains(discrepancy) ? _discrepancies : _discrepancies.Add(discrepancy);

    private CaptureLedger Changed(ImmutableSortedDictionary<string, CaptureEntry> entries, ImmutableList<CaptureDiscrepancy> discrepancies)
        => new(ToTerms(), entries, discrepancies, Version + 1);

    private CaptureLedgerState ToTerms()
        => new(PaymentId, Authorized, AuthorizedAt, AuthExpiryTime, AllowsMultipleCaptures, IsAmericanCard, Version, ValueList<CaptureEntry>.Empty, ValueList<CaptureDiscrepancy>.Empty);

    // A capture booked as failed that Antom later reports captured stays failed (final states never change), but its
    // amount is held as if pending: Remaining must never count on money Antom may have taken.
    private static Money Disputed(ImmutableList<CaptureDiscrepancy> discrepancies, Money authorized)
    {
        Money total = Money.Zero(authorized.Currency);
        foreach (CaptureDiscrepancy d in discrepancies)
        {
            if (d.Kind == CaptureDiscrepancyKind.ConflictingFinalState && d.ExpectedState == CaptureState.Failed && d.ReportedState == CaptureState.Captured)
            {
                total += d.Reported;
            }
        }

        return total;
    }

    private Money Sum(Func<CaptureState, bool> counts)
    {
        Money total = Money.Zero(Authorized.Currency);
        foreach (CaptureEntry entry in _byRequestId.Values)
        {
            if (counts(entry.State))
            {
                total += entry.Amount;
            }
        }

        return total;
    }
}
