using System;
using System.Collections.Generic;

namespace Antom.Contracts.Ledger;

/// <summary>
/// <see cref="AuthorizationLedger"/> refused to reserve an operation: it would break one or more of Antom's rules.
/// Nothing was reserved; do not send it.
/// </summary>
public sealed class OperationRefusedException : InvalidOperationException
{
    internal OperationRefusedException(LedgerOperation operation, string requestId, IReadOnlyList<LedgerViolation> violations)
        : base($"{operation} {requestId} is refused before sending: {string.Join(", ", violations)}.")
    {
        Operation = operation;
        RequestId = requestId;
        Violations = violations;
    }

    /// <summary>The refused operation's kind.</summary>
    public LedgerOperation Operation { get; }

    /// <summary>The refused request's id (for a cancel, the payment id).</summary>
    public string RequestId { get; }

    /// <summary>Every rule it would break, each a distinct reason.</summary>
    public IReadOnlyList<LedgerViolation> Violations { get; }
}
