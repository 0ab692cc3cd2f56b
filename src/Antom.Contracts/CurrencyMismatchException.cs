using System;

namespace Antom.Contracts;

/// <summary>Two amounts of different currencies were added, subtracted or compared.</summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the error for an operation between <paramref name="left"/> and <paramref name="right"/>.</summary>
    public CurrencyMismatchException(CurrencyCode left, CurrencyCode right, string operation)
        : base($"Cannot {operation} {Show(left)} and {Show(right)} money: the currencies differ. Antom captures in the payment's own currency.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>The currency of the left operand.</summary>
    public CurrencyCode Left { get; }

    /// <summary>The currency of the right operand.</summary>
    public CurrencyCode Right { get; }

    internal static void ThrowIfDifferent(Money left, Money right, string operation)
    {
        if (left.Currency != right.Currency)
        {
            throw new CurrencyMismatchException(left.Currency, right.Currency, operation);
        }
    }

    private static string Show(CurrencyCode code) => code.IsDefault ? "currency-less (default)" : code.Code;
}
