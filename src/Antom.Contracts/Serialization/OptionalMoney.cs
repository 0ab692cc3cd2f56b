using System;
using System.ComponentModel;

namespace Antom.Contracts.Serialization;

/// <summary>
/// How a generated record stores an optional amount (<c>Money?</c>) in 16 bytes rather than the 24 a
/// <see cref="Nullable{T}"/> takes: <see cref="Money"/>'s own two fields, with presence in a bit its packed form leaves
/// unused. The record's property is still <c>Money?</c>; this is only its backing field. Not for direct use.
/// </summary>
/// <remarks>
/// Every <c>Money?</c> round-trips unchanged, <c>default(Money)</c> included (present, and refused when written, as
/// before). Equality and hashing are those of <c>Money?</c>, so a record's equality is unchanged.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct OptionalMoney : IEquatable<OptionalMoney>
{
    // Money's bits use 0..61 (minor units below 2^54, the table index above them).
    private const long Present = 1L << 62;

    private readonly string? _code;
    private readonly long _bits;

    /// <summary>Stores <paramref name="value"/>: absent when it is null.</summary>
    public OptionalMoney(Money? value)
    {
        if (value is { } money)
        {
            _code = money.PackedCode;
            _bits = money.PackedBits | Present;
        }
    }

    /// <summary>The stored amount, or null when absent.</summary>
    public Money? Value => (_bits & Present) == 0 ? null : Money.FromPacked(_code, _bits & ~Present);

    /// <summary>Equality of the stored <c>Money?</c>.</summary>
    public bool Equals(OptionalMoney other) => Nullable.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OptionalMoney other && Equals(other);

    /// <summary>The hash code of the stored <c>Money?</c> (0 when absent).</summary>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Equality of the stored values.</summary>
    public static bool operator ==(OptionalMoney left, OptionalMoney right) => left.Equals(right);

    /// <summary>Inequality of the stored values.</summary>
    public static bool operator !=(OptionalMoney left, OptionalMoney right) => !left.Equals(right);
}
