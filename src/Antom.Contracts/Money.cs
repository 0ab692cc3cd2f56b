using System;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Antom.Contracts;

/// <summary>
/// An amount of money as Antom carries it: a currency and a whole number of the currency's minor units
/// (<c>{"currency":"BRL","value":"110"}</c> is 1.10 BRL; <c>{"currency":"JPY","value":"10"}</c> is 10 JPY).
/// </summary>
/// <remarks>
/// <para>Money never rounds and never goes through floating point. It is never negative, and never more than
/// <see cref="MaxMinorUnits"/> (16 digits), because Antom's <c>value</c> field cannot carry either.</para>
/// <para>Arithmetic and ordering work only within one currency; mixing currencies throws <see cref="CurrencyMismatchException"/>.
/// Equality across currencies is simply <see langword="false"/>.</para>
/// <para><c>default(Money)</c> has no currency; it is never produced by parsing, and writing it to JSON throws.</para>
/// </remarks>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IAntomJsonContract<Money>
{
    /// <summary>The most digits Antom's <c>value</c> field may have.</summary>
    public const int MaxDigits = 16;

    /// <summary>The largest amount in minor units that fits Antom's <c>value</c> field: 9 999 999 999 999 999.</summary>
    public const long MaxMinorUnits = 9_999_999_999_999_999;

    private static readonly decimal[] PowersOfTen = [1m, 10m, 100m, 1_000m, 10_000m];

    // Packed into 16 bytes, so that an optional amount (Money?) in a record takes 24 rather than 32: the currency's
    // code (the table's own string for a known one), and one long holding the minor units (at most 54 bits, since
    // MaxMinorUnits < 2^54) with the currency's table index above them.
    private const int IndexShift = 54;
    private const long UnitsMask = (1L << IndexShift) - 1;

    private readonly string? _code;
    private readonly long _bits;

    private Money(CurrencyCode currency, long minorUnits)
    {
        System.Diagnostics.Debug.Assert(minorUnits is >= 0 and <= MaxMinorUnits, "every constructor checks the range first");
        _code = currency.CodeOrNull;
        _bits = minorUnits | ((long)currency.TableIndex << IndexShift);
    }

    // Money's packed form, for OptionalMoney: the two fields as they are, and back. The bits leave 62 and 63 unused.
    internal string? PackedCode => _code;

    internal long PackedBits => _bits;

    private Money(string? code, long bits)
    {
        _code = code;
        _bits = bits;
    }

    internal static Money FromPacked(string? code, long bits) => new(code, bits);

    /// <summary>The currency.</summary>
    public CurrencyCode Currency => CurrencyCode.FromParts(_code, (int)(_bits >>> IndexShift));

    /// <summary>The amount in the currency's minor unit: 110 for 1.10 BRL, 10 for 10 JPY.</summary>
    public long MinorUnits => _bits & UnitsMask;

    /// <summary>Money of <paramref name="minorUnits"/> minor units of <paramref name="currency"/>.</summary>
    /// <exception cref="FormatException"><paramref name="currency"/> is not three upper-case letters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minorUnits"/> is negative or has more than 16 digits.</exception>
    public static Money FromMinorUnits(long minorUnits, string currency)
        => FromMinorUnits(minorUnits, CurrencyCode.Parse(currency));

    /// <summary>Money of <paramref name="minorUnits"/> minor units of <paramref name="currency"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minorUnits"/> is negative or has more than 16 digits.</exception>
    public static Money FromMinorUnits(long minorUnits, CurrencyCode currency)
    {
        RequireCurrency(currency, nameof(currency));
        if (minorUnits < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minorUnits), minorUnits, $"{currency} {minorUnits.ToString(CultureInfo.InvariantCulture)} minor units is negative; Antom amounts never are.");
        }

        if (minorUnits > MaxMinorUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(minorUnits), minorUnits, $"{currency} {minorUnits.ToString(CultureInfo.InvariantCulture)} minor units has more than {MaxDigits} digits, the most Antom's value field carries.");
        }

        return new Money(currency, minorUnits);
    }

    /// <summary>
    /// Money of <paramref name="amount"/> in major units of <paramref name="currency"/>: <c>FromMajorUnits(1.10m, "BRL")</c> is 110 minor units.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="currency"/> is not three upper-case letters.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="amount"/> has more decimals than the currency allows (1.105 BRL): Money never rounds.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or needs more than 16 digits of minor units.</exception>
    /// <exception cref="InvalidOperationException">The currency's minor-unit exponent is unknown.</exception>
    public static Money FromMajorUnits(decimal amount, string currency)
        => FromMajorUnits(amount, CurrencyCode.Parse(currency));

    /// <summary>Money of <paramref name="amount"/> in major units of <paramref name="currency"/>.</summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="currency"/> is <c>default</c>, or <paramref name="amount"/> has more decimals than the currency allows.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or needs more than 16 digits of minor units.</exception>
    /// <exception cref="InvalidOperationException">The currency's minor-unit exponent is unknown.</exception>
    public static Money FromMajorUnits(decimal amount, CurrencyCode currency)
    {
        RequireCurrency(currency, nameof(currency));
        int exponent = currency.RequireExponent(nameof(FromMajorUnits));
        string shown = amount.ToString(CultureInfo.InvariantCulture);
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"{currency} {shown} is negative; Antom amounts never are.");
        }

        if (decimal.Round(amount, exponent, MidpointRounding.ToZero) != amount)
        {
            throw new ArgumentException(
                $"{currency} {shown} has more decimals than {currency} allows ({exponent.ToString(CultureInfo.InvariantCulture)}); Money never rounds. Round explicitly first if that is what you mean.",
                nameof(amount));
        }

        decimal power = PowersOfTen[exponent];
        if (amount > MaxMinorUnits / power)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"{currency} {shown} needs more than {MaxDigits} digits of minor units, the most Antom's value field carries.");
        }

        // Exact: amount has at most `exponent` decimals and is within range.
        return new Money(currency, (long)(amount * power));
    }

    /// <summary>No money in <paramref name="currency"/>.</summary>
    public static Money Zero(CurrencyCode currency) => FromMinorUnits(0, currency);

    /// <summary>
    /// The amount in major units, with exactly the currency's number of decimals: 1.10 for 110 BRL minor units, 1.234 for 1234 KWD.
    /// </summary>
    /// <exception cref="InvalidOperationException">The currency's minor-unit exponent is unknown, or this is <c>default(Money)</c>.</exception>
    public decimal ToMajorUnits()
    {
        int exponent = Currency.RequireExponent(nameof(ToMajorUnits));
        ulong units = (ulong)MinorUnits;
        return new decimal((int)(uint)units, (int)(uint)(units >> 32), 0, isNegative: false, scale: (byte)exponent);
    }

    /// <summary>
    /// The invariant-culture display: <c>BRL 1.10</c>, <c>JPY 1000</c>, <c>KWD 1.234</c>.
    /// A currency whose exponent is unknown shows its minor units: <c>XAU 12 (minor units)</c>.
    /// </summary>
    public override string ToString()
    {
        if (Currency.IsDefault)
        {
            return "(no currency) " + MinorUnits.ToString(CultureInfo.InvariantCulture);
        }

        return Currency.MinorUnitExponent is null
            ? $"{Currency} {MinorUnits.ToString(CultureInfo.InvariantCulture)} (minor units)"
            : $"{Currency} {ToMajorUnits().ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Same currency and same number of minor units.</summary>
    public bool Equals(Money other) => MinorUnits == other.MinorUnits && string.Equals(_code, other._code, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Currency, MinorUnits);

    /// <summary>Orders two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        CurrencyMismatchException.ThrowIfDifferent(this, other, "compare");
        return MinorUnits.CompareTo(other.MinorUnits);
    }

    /// <summary>The sum of two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum has more than 16 digits.</exception>
    public static Money operator +(Money left, Money right)
    {
        CurrencyMismatchException.ThrowIfDifferent(left, right, "add");
        long sum = left.MinorUnits + right.MinorUnits; // both ≤ MaxMinorUnits, so no long overflow
        if (sum > MaxMinorUnits)
        {
            throw new OverflowException($"{left} + {right} has more than {MaxDigits} digits of minor units, the most Antom's value field carries.");
        }

        return new Money(left.Currency, sum);
    }

    /// <summary>The difference of two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference would be negative; Antom amounts never are.</exception>
    public static Money operator -(Money left, Money right)
    {
        CurrencyMismatchException.ThrowIfDifferent(left, right, "subtract");
        if (right.MinorUnits > left.MinorUnits)
        {
            throw new OverflowException($"{left} - {right} would be negative; Antom amounts never are.");
        }

        return new Money(left.Currency, left.MinorUnits - right.MinorUnits);
    }

    /// <summary>Same currency and amount.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Different currency or amount.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Orders two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Orders two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Orders two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    static Money IAntomJsonContract<Money>.ReadJson(ref Serialization.AntomJsonReader reader) => MoneyJsonConverter.ReadMoney(ref reader);

    static void IAntomJsonContract<Money>.Validate(Money value) => ThrowIfNoCurrency(value, MoneyJsonConverter.CurrencyPath);

    /// <summary>The one check that a <see cref="Money"/> about to be written has a currency (<c>default(Money)</c> has none).</summary>
    internal static void ThrowIfNoCurrency(Money value, string currencyPath)
    {
        if (value.Currency.IsDefault)
        {
            throw new AntomPayloadException(currencyPath, PayloadRule.Required, "is required but missing: default(Money) has no currency");
        }
    }

    static void IAntomJsonContract<Money>.WriteJson(Serialization.ContractJsonWriter writer, Money value) => Serialization.ContractWriter.WriteMoneyValue(writer, value);

    private static void RequireCurrency(CurrencyCode currency, string parameterName)
    {
        if (currency.IsDefault)
        {
            throw new ArgumentException("default(CurrencyCode) holds no currency; parse one with CurrencyCode.Parse.", parameterName);
        }
    }
}
