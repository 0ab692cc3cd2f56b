using System;
using System.ComponentModel;

namespace Antom.Contracts.Serialization;

/// <summary>
/// How a generated record stores an optional date-time (<c>DateTimeOffset?</c>) in 16 bytes rather than the 24 a
/// <see cref="Nullable{T}"/> takes: the clock ticks with presence in a bit they never use, and the offset in minutes.
/// The record's property is still <c>DateTimeOffset?</c>; this is only its backing field. Not for direct use.
/// </summary>
/// <remarks>
/// Every <c>DateTimeOffset?</c> round-trips unchanged, offset included. Equality and hashing are those of
/// <c>DateTimeOffset?</c> (the same instant is equal whatever its offset), so a record's equality is unchanged.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct OptionalDateTimeOffset : IEquatable<OptionalDateTimeOffset>
{
    // DateTimeOffset.MaxValue.Ticks is below 2^62.
    private const long Present = 1L << 62;

    private readonly long _ticks;
    private readonly short _offsetMinutes;

    /// <summary>Stores <paramref name="value"/>: absent when it is null.</summary>
    public OptionalDateTimeOffset(DateTimeOffset? value)
    {
        if (value is { } time)
        {
            _ticks = time.Ticks | Present;
            _offsetMinutes = (short)(time.Offset.Ticks / TimeSpan.TicksPerMinute);
        }
    }

    /// <summary>The stored date-time, or null when absent.</summary>
    public DateTimeOffset? Value => (_ticks & Present) == 0
        ? null
        : new DateTimeOffset(_ticks & ~Present, new TimeSpan(_offsetMinutes * TimeSpan.TicksPerMinute));

    /// <summary>Equality of the stored <c>DateTimeOffset?</c>: the same instant, whatever the offsets.</summary>
    public bool Equals(OptionalDateTimeOffset other) => Nullable.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OptionalDateTimeOffset other && Equals(other);

    /// <summary>The hash code of the stored <c>DateTimeOffset?</c> (0 when absent).</summary>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Equality of the stored values.</summary>
    public static bool operator ==(OptionalDateTimeOffset left, OptionalDateTimeOffset right) => left.Equals(right);

    /// <summary>Inequality of the stored values.</summary>
    public static bool operator !=(OptionalDateTimeOffset left, OptionalDateTimeOffset right) => !left.Equals(right);
}
