using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Antom.Contracts.Ledger;

/// <summary>
/// What one authorisation allows and what has been done with it: captures, refunds, a cancel and amount updates.
/// Immutable: every change gives a new ledger with a higher <see cref="Version"/>. The flow is
/// <b>check → reserve → persist → send → record</b>: an operation is reserved before it is sent and stays held while it
/// is in flight, timed out or <c>U</c>, so that no second operation can overshoot while one is undecided. Every rule of
/// Antom's capture, cancel, refund and updateAmount APIs is checked before sending, each as a distinct
/// <see cref="LedgerViolation"/>; every disagreement with Antom afterwards is a <see cref="LedgerDiscrepancy"/>.
/// </summary>
public sealed partial class AuthorizationLedger
{
    /// <summary>How long after a successful authorisation a capture is possible.</summary>
    public static readonly TimeSpan CaptureWindow = TimeSpan.FromDays(7);

    /// <summary>How long after a successful authorisation a card payment can be cancelled.</summary>
    public static readonly TimeSpan CancelWindow = TimeSpan.FromDays(7);

    /// <summary>Antom's default maximum number of amount updates (incremental authorisations) per authorisation.</summary>
    public const int MaxAmountUpdates = 10;

    private readonly ImmutableSortedDictionary<EntryKey, LedgerEntry> _entries;
    private readonly ImmutableList<LedgerDiscrepancy> _discrepancies;

    private AuthorizationLedger(AuthorizationTerms terms, ImmutableSortedDictionary<EntryKey, LedgerEntry> entries, ImmutableList<LedgerDiscrepancy> discrepancies, long version)
    {
        Terms = terms;
        Version = version;
        _entries = entries;
        _discrepancies = discrepancies;
        Money zero = Money.Zero(terms.Authorized.Currency);
        Money authorized = terms.Authorized, captured = zero, capturesHeld = zero, refunded = zero, refundsHeld = zero;
        foreach (LedgerEntry entry in entries.Values)
        {
            bool held = entry.State is OperationState.Reserved or OperationState.Pending;
            switch (entry.Operation)
            {
                case LedgerOperation.Capture when entry.State == OperationState.Succeeded:
                    captured += entry.Amount;
                    break;
                case LedgerOperation.Capture when held:
                    capturesHeld += entry.Amount;
                    break;
                case LedgerOperation.Refund when entry.State == OperationState.Succeeded:
                    refunded += entry.Amount;
                    break;
                case LedgerOperation.Refund when held:
                    refundsHeld += entry.Amount;
                    break;
                case LedgerOperation.UpdateAmount when entry.State == OperationState.Succeeded && entry.Amount > authorized:
                    authorized = entry.Amount; // increase only: the last successful total is the highest
                    break;
                case LedgerOperation.Cancel:
                    CancelState = entry.State;
                    break;
            }
        }

        // An operation booked as failed that Antom later reported succeeded stays failed (final states never change),
        // but is held as if pending: what may still be captured or refunded must never count on money Antom may have moved.
        foreach (LedgerDiscrepancy d in discrepancies)
        {
            if (d is { Kind: LedgerDiscrepancyKind.ConflictingFinalState, ExpectedState: OperationState.Failed, ReportedState: OperationState.Succeeded })
            {
                switch (d.Operation)
                {
                    case LedgerOperation.Capture:
                        capturesHeld += d.Reported;
                        break;
                    case LedgerOperation.Refund:
                        refundsHeld += d.Reported;
                        break;
                    case LedgerOperation.Cancel:
                        DisputedCancel = true;
                        break;
                }
            }
        }

        Authorized = authorized;
        Captured = captured;
        CapturesHeld = capturesHeld;
        Refunded = refunded;
        RefundsHeld = refundsHeld;
    }

    /// <summary>What the authorisation allows, as it was opened.</summary>
    public AuthorizationTerms Terms { get; }

    /// <summary>Antom's payment id: operations and outcomes for any other payment are refused.</summary>
    public string PaymentId => Terms.PaymentId;

    /// <summary>The authorised amount now: the one first authorised, or the total of the last amount update Antom notified as final.</summary>
    public Money Authorized { get; }

    /// <summary>Increments on every change, so that a store can compare-and-swap; an operation that changes nothing keeps it.</summary>
    public long Version { get; }

    /// <summary>The sum of successful captures.</summary>
    public Money Captured { get; }

    /// <summary>
    /// The sum held for captures not decided yet (reserved, in flight, outcome unknown, or <c>U</c>), plus any capture
    /// booked as failed that Antom later reported captured (see <see cref="Discrepancies"/>).
    /// </summary>
    public Money CapturesHeld { get; }

    /// <summary>The sum of successful refunds.</summary>
    public Money Refunded { get; }

    /// <summary>The sum held for refunds not decided yet, plus any refund booked as failed that Antom later reported refunded.</summary>
    public Money RefundsHeld { get; }

    /// <summary>Where the payment's cancel stands, or null when none was reserved.</summary>
    public OperationState? CancelState { get; }

    /// <summary>
    /// Whether the payment is cancelled: its cancel succeeded, or was booked as failed and then reported succeeded (held
    /// as cancelled, the safe reading). Cancelled is final.
    /// </summary>
    public bool IsCancelled => CancelState == OperationState.Succeeded || DisputedCancel;

    /// <summary>
    /// What may still be captured: authorised − captured − held, never below zero (Antom's own records could say more
    /// was captured than this ledger allowed: that is a <see cref="Discrepancies">discrepancy</see>); zero once cancelled.
    /// </summary>
    public Money Remaining => IsCancelled ? Money.Zero(Authorized.Currency) : NonNegative(Authorized.MinorUnits - Captured.MinorUnits - CapturesHeld.MinorUnits);

    /// <summary>What may still be refunded: captured − refunded − refunds held, never below zero.</summary>
    public Money Refundable => NonNegative(Captured.MinorUnits - Refunded.MinorUnits - RefundsHeld.MinorUnits);

    /// <summary>Every operation, ordered by kind, then request id.</summary>
    public IReadOnlyCollection<LedgerEntry> Entries => _entries.Values.ToArray();

    /// <summary>Every disagreement with Antom's records found so far, in order; each needs a person.</summary>
    public IReadOnlyList<LedgerDiscrepancy> Discrepancies => _discrepancies;

    private bool DisputedCancel { get; }

    /// <summary>Opens the ledger of an authorisation.</summary>
    /// <exception cref="ArgumentException">The payment id is empty, or the authorised amount has no currency or is zero.</exception>
    public static AuthorizationLedger Open(AuthorizationTerms terms)
        => FromState(new AuthorizationLedgerState(terms, 0, ValueList<LedgerEntry>.Empty, ValueList<LedgerDiscrepancy>.Empty));

    /// <summary>Restores a ledger saved with <see cref="ToState"/>, exactly.</summary>
    /// <exception cref="ArgumentException">The state is inconsistent: the message says how.</exception>
    public static AuthorizationLedger FromState(AuthorizationLedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        AuthorizationTerms terms = state.Terms ?? throw new ArgumentException("The state has no terms.", nameof(state));
        ArgumentException.ThrowIfNullOrEmpty(terms.PaymentId, nameof(state) + ".Terms.PaymentId");
        if (terms.Authorized.Currency.IsDefault || terms.Authorized.MinorUnits == 0)
        {
            throw new ArgumentException($"An authorisation of {terms.Authorized} allows nothing.", nameof(state));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(state.Version, nameof(state) + ".Version");
        var entries = ImmutableSortedDictionary.CreateBuilder<EntryKey, LedgerEntry>(EntryKey.Order);
        foreach (LedgerEntry entry in state.Entries ?? ValueList<LedgerEntry>.Empty)
        {
            if (entry is null || entry.Amount.Currency != terms.Authorized.Currency || !Enum.IsDefined(entry.State) || !Enum.IsDefined(entry.Operation) || string.IsNullOrEmpty(entry.RequestId)
                || (entry.Operation == LedgerOperation.Cancel && entry.RequestId != terms.PaymentId))
            {
                throw new ArgumentException($"The entry {entry} does not belong to a ledger of {terms.Authorized} for payment {terms.PaymentId}.", nameof(state));
            }

            if (!entries.TryAdd(new EntryKey(entry.Operation, entry.RequestId), entry))
            {
                throw new ArgumentException($"{entry.Operation} {entry.RequestId} appears twice.", nameof(state));
            }
        }

        return new AuthorizationLedger(terms, entries.ToImmutable(), (state.Discrepancies ?? ValueList<LedgerDiscrepancy>.Empty).ToImmutableList(), state.Version);
    }

    /// <summary>Everything this ledger knows, as a plain record to persist.</summary>
    public AuthorizationLedgerState ToState()
        => new(Terms, Version, ValueList.From(_entries.Values), ValueList.From(_discrepancies));

    /// <summary>The operation of this kind under this request id (for a cancel, the payment id), or null.</summary>
    public LedgerEntry? Find(LedgerOperation operation, string requestId)
        => _entries.TryGetValue(new EntryKey(operation, requestId), out LedgerEntry? entry) ? entry : null;

    /// <summary>
    /// Undoes a reservation whose request provably never left the process. The proof is what the
    /// <see cref="Http.AntomClient"/> call threw: <see cref="AntomPayloadException"/> (the request was invalid) or
    /// <see cref="OperationCanceledException"/> (cancelled before sending). After <see cref="Http.AntomOutcomeUnknownException"/>
    /// the operation may have happened, and the reservation stays until an outcome resolves it.
    /// </summary>
    /// <param name="operation">The kind of operation.</param>
    /// <param name="requestId">Its request id; for a cancel, the payment id.</param>
    /// <param name="whyNotSent">What the client threw.</param>
    /// <exception cref="ArgumentException"><paramref name="whyNotSent"/> does not prove that nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">There is no such reservation, or Antom has already answered for it.</exception>
    public AuthorizationLedger Release(LedgerOperation operation, string requestId, Exception whyNotSent)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        ArgumentNullException.ThrowIfNull(whyNotSent);
        if (whyNotSent is not (AntomPayloadException or OperationCanceledException))
        {
            throw new ArgumentException($"{whyNotSent.GetType().Name} does not prove that {operation} {requestId} never left: only AntomPayloadException or OperationCanceledException from the client do. Resolve it with an inquiry or its notification instead.", nameof(whyNotSent));
        }

        var key = new EntryKey(operation, requestId);
        if (!_entries.TryGetValue(key, out LedgerEntry? entry) || entry.State != OperationState.Reserved)
        {
            throw new InvalidOperationException(entry is null
                ? $"{operation} {requestId} is not reserved."
                : $"{operation} {requestId} is {entry.State}: Antom has answered for it, so it cannot be released.");
        }

        return Changed(_entries.Remove(key), _discrepancies);
    }

    private static AuthorizationLedger Refuse(LedgerOperation operation, string requestId, List<LedgerViolation> violations)
        => throw new OperationRefusedException(operation, requestId, violations);

    // Reserves after the checks: the same request again (a retry under its own id) changes nothing.
    private AuthorizationLedger Reserve(LedgerEntry entry, List<LedgerViolation> violations)
    {
        if (violations.Count > 0)
        {
            return Refuse(entry.Operation, entry.RequestId, violations);
        }

        var key = new EntryKey(entry.Operation, entry.RequestId);
        return _entries.TryGetValue(key, out LedgerEntry? existing) && existing.State != OperationState.Failed
            ? this
            : Changed(_entries.SetItem(key, entry), _discrepancies);
    }

    private void RequireThisPayment(string? paymentId, string what)
    {
        if (!string.Equals(paymentId, PaymentId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what} is for payment {paymentId ?? "(none)"}; this ledger is payment {PaymentId}. Nothing was applied.");
        }
    }

    private void RequireReserved(LedgerOperation operation, string requestId)
    {
        if (!_entries.ContainsKey(new EntryKey(operation, requestId)))
        {
            throw new InvalidOperationException($"{operation} {requestId} was not reserved: reserve it before sending (check → reserve → persist → send → record).");
        }
    }

    // The violations every operation shares: the payment, the currency, a positive amount, and whether it is cancelled.
    private List<LedgerViolation> Common(LedgerOperation operation, string? paymentId, Money amount)
    {
        var violations = new List<LedgerViolation>();
        if (!string.Equals(paymentId, PaymentId, StringComparison.Ordinal))
        {
            violations.Add(LedgerViolation.OtherPayment);
        }

        if (amount.Currency != Authorized.Currency)
        {
            violations.Add(LedgerViolation.CurrencyMismatch);
        }

        if (amount.MinorUnits == 0 && operation != LedgerOperation.Cancel)
        {
            violations.Add(LedgerViolation.NotPositive);
        }

        if (IsCancelled)
        {
            violations.Add(LedgerViolation.Cancelled);
        }
        else if (CancelState is OperationState.Reserved or OperationState.Pending && operation != LedgerOperation.Cancel)
        {
            violations.Add(LedgerViolation.CancelInFlight);
        }

        return violations;
    }

    // The same request id again is a retry, which is how an unknown outcome is resolved: fine with the same amount, never with another.
    private bool IsRetry(LedgerOperation operation, string requestId, Money amount, List<LedgerViolation> violations)
    {
        if (!_entries.TryGetValue(new EntryKey(operation, requestId), out LedgerEntry? previous) || (operation == LedgerOperation.Cancel && previous.State == OperationState.Failed))
        {
            return false;
        }

        if (previous.Amount != amount && operation != LedgerOperation.Cancel)
        {
            violations.Add(LedgerViolation.RequestIdReusedWithDifferentAmount);
        }

        return true;
    }

    private IEnumerable<LedgerEntry> Of(LedgerOperation operation) => _entries.Values.Where(e => e.Operation == operation);

    private IEnumerable<LedgerEntry> Live(LedgerOperation operation) => Of(operation).Where(e => e.State != OperationState.Failed);

    // Books an outcome. `requested` is true only for the answer to a request this ledger reserved (Record); any outcome
    // for an operation it never reserved is booked as reported, and reported.
    private AuthorizationLedger With(LedgerOperation operation, string requestId, string? antomId, Money amount, OperationState state, bool requested)
    {
        if (amount.Currency != Authorized.Currency)
        {
            throw new CurrencyMismatchException(Authorized.Currency, amount.Currency, "record an operation of");
        }

        var key = new EntryKey(operation, requestId);
        bool final = state is OperationState.Succeeded or OperationState.Failed;
        ImmutableList<LedgerDiscrepancy> found = _discrepancies;
        _entries.TryGetValue(key, out LedgerEntry? existing);
        if (state == OperationState.Succeeded && operation != LedgerOperation.Cancel && IsCancelled && existing?.State != OperationState.Succeeded)
        {
            found = Report(found, new LedgerDiscrepancy(operation, requestId, LedgerDiscrepancyKind.SucceededAfterCancel, Money.Zero(Authorized.Currency), amount, existing?.State, state));
        }

        if (existing is null)
        {
            if (!requested)
            {
                found = Report(found, new LedgerDiscrepancy(operation, requestId, LedgerDiscrepancyKind.Unrequested, Money.Zero(Authorized.Currency), amount, null, state));
            }

            return Changed(_entries.Add(key, new LedgerEntry(operation, requestId, antomId, amount, state, IsLastCapture: false)), found);
        }

        string? knownId = existing.AntomId ?? antomId;
        if (existing.State is OperationState.Succeeded or OperationState.Failed)
        {
            // A final state never changes; a contradicting outcome is reported, the same outcome again changes nothing.
            if (final && state != existing.State)
            {
                found = Report(found, new LedgerDiscrepancy(operation, requestId, LedgerDiscrepancyKind.ConflictingFinalState, existing.Amount, amount, existing.State, state));
            }
            else if (state == OperationState.Succeeded && amount != existing.Amount)
            {
                found = Report(found, new LedgerDiscrepancy(operation, requestId, LedgerDiscrepancyKind.AmountDiffers, existing.Amount, amount, existing.State, state));
            }

            return Unchanged(key, existing, knownId, found);
        }

        if (!final)
        {
            // Reserved → U moves to Pending; a later U (or a stale one after the final result) changes nothing.
            return existing.State == OperationState.Pending
                ? Unchanged(key, existing, knownId, found)
                : Changed(_entries.SetItem(key, existing with { State = state, AntomId = knownId }), found);
        }

        // A held operation resolves. Antom's amount is booked; a difference from the reserved amount is reported.
        if (state == OperationState.Succeeded && amount != existing.Amount)
        {
            found = Report(found, new LedgerDiscrepancy(operation, requestId, LedgerDiscrepancyKind.AmountDiffers, existing.Amount, amount, existing.State, state));
        }

        Money booked = state == OperationState.Succeeded ? amount : existing.Amount;
        return Changed(_entries.SetItem(key, existing with { State = state, AntomId = knownId, Amount = booked }), found);
    }

    private AuthorizationLedger Unchanged(EntryKey key, LedgerEntry existing, string? knownId, ImmutableList<LedgerDiscrepancy> discrepancies)
    {
        bool learnsId = existing.AntomId is null && knownId is not null;
        if (!learnsId && ReferenceEquals(discrepancies, _discrepancies))
        {
            return this;
        }

        return Changed(learnsId ? _entries.SetItem(key, existing with { AntomId = knownId }) : _entries, discrepancies);
    }

    // The same discrepancy found twice (the same notification re-sent) is reported once.
    private static ImmutableList<LedgerDiscrepancy> Report(ImmutableList<LedgerDiscrepancy> found, LedgerDiscrepancy discrepancy)
        => found.Contains(discrepancy) ? found : found.Add(discrepancy);

    private AuthorizationLedger Changed(ImmutableSortedDictionary<EntryKey, LedgerEntry> entries, ImmutableList<LedgerDiscrepancy> discrepancies)
        => new(Terms, entries, discrepancies, Version + 1);

    private Money NonNegative(long minorUnits) => Money.FromMinorUnits(Math.Max(0, minorUnits), Authorized.Currency);

    private static OperationState StateOf(ResultStatus status) => status switch
    {
        ResultStatus.Success => OperationState.Succeeded,
        ResultStatus.Failure => OperationState.Failed,
        ResultStatus.Unknown => OperationState.Pending,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a ResultStatus member."),
    };

    private readonly record struct EntryKey(LedgerOperation Operation, string RequestId)
    {
        public static readonly IComparer<EntryKey> Order = Comparer<EntryKey>.Create(static (a, b) =>
        {
            int byKind = a.Operation.CompareTo(b.Operation);
            return byKind != 0 ? byKind : string.CompareOrdinal(a.RequestId, b.RequestId);
        });
    }
}
