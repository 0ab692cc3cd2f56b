using System;
using System.Linq;
using Antom.Contracts.Serialization;
using CsCheck;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// The packed backing fields of optional amounts and date-times in generated records: every value comes back exactly
/// as it went in, and equality and hashing are those of <c>T?</c>, so a record behaves as it did with <c>T?</c> fields.
/// </summary>
public sealed class OptionalStorageTests
{
    private static readonly Gen<Money> AnyMoney =
        Gen.Select(Gen.Long[0, Money.MaxMinorUnits], Gen.Int[0, CurrencyCode.Known.Count], Gen.Char['A', 'Z'].Array[3])
            .Select(t => Money.FromMinorUnits(t.Item1, t.Item2 == CurrencyCode.Known.Count ? CurrencyCode.Parse(new string(t.Item3)) : CurrencyCode.Known[t.Item2]));

    private static readonly Gen<DateTimeOffset> AnyTime =
        Gen.Select(Gen.Long[DateTimeOffset.MinValue.Ticks, DateTimeOffset.MaxValue.Ticks], Gen.Int[-14 * 60, 14 * 60])
            .Where(t => t.Item1 - (t.Item2 * TimeSpan.TicksPerMinute) >= DateTimeOffset.MinValue.Ticks && t.Item1 - (t.Item2 * TimeSpan.TicksPerMinute) <= DateTimeOffset.MaxValue.Ticks)
            .Select(t => new DateTimeOffset(t.Item1, TimeSpan.FromMinutes(t.Item2)));

    [Fact]
    public void Absent_is_the_default_and_comes_back_null()
    {
        Assert.Null(default(OptionalMoney).Value);
        Assert.Null(new OptionalMoney(null).Value);
        Assert.Null(default(OptionalDateTimeOffset).Value);
        Assert.Null(new OptionalDateTimeOffset(null).Value);
        Assert.Equal(default, new OptionalMoney(null));
        Assert.Equal(0, new OptionalMoney(null).GetHashCode());
        Assert.Equal(0, new OptionalDateTimeOffset(null).GetHashCode());
    }

    [Fact]
    public void Default_money_is_kept_as_present_not_taken_for_absent()
    {
        // default(Money) has no currency: writing it is refused, so it must not silently become "absent".
        Money? stored = new OptionalMoney(default(Money)).Value;
        Assert.NotNull(stored);
        Assert.True(stored.Value.Currency.IsDefault);
        Assert.NotEqual(new OptionalMoney(null), new OptionalMoney(default(Money)));
    }

    [Fact]
    public void The_edges_round_trip()
    {
        Money[] amounts =
        [
            Money.FromMinorUnits(0, "BRL"), Money.FromMinorUnits(Money.MaxMinorUnits, "ZWL"), Money.FromMinorUnits(Money.MaxMinorUnits, "QQQ"),
            Money.FromMinorUnits(1, CurrencyCode.Known[^1]), Money.FromMinorUnits(Money.MaxMinorUnits, CurrencyCode.Known[^1]),
        ];
        foreach (Money m in amounts)
        {
            Money back = new OptionalMoney(m).Value!.Value;
            Assert.Equal(m, back);
            Assert.Equal(m.MinorUnits, back.MinorUnits);
            Assert.Equal(m.Currency, back.Currency);
            Assert.Equal(m.Currency.IsKnown, back.Currency.IsKnown);
        }

        DateTimeOffset[] times =
        [
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new(1, 1, 1, 14, 0, 0, TimeSpan.FromHours(14)),
            new(9999, 12, 31, 9, 59, 59, TimeSpan.FromHours(-14)), new(2026, 9, 1, 7, 13, 50, 123, TimeSpan.FromMinutes(-7 * 60)),
            new(2026, 9, 1, 7, 13, 50, TimeSpan.FromMinutes(345)),
        ];
        foreach (DateTimeOffset t in times)
        {
            DateTimeOffset back = new OptionalDateTimeOffset(t).Value!.Value;
            Assert.Equal(t.Ticks, back.Ticks);
            Assert.Equal(t.Offset, back.Offset);
        }
    }

    [Fact]
    public void Every_amount_round_trips_and_compares_as_money_does()
    {
        Gen.Select(AnyMoney, AnyMoney).Sample((a, b) =>
        {
            OptionalMoney pa = new(a), pb = new(b);
            Assert.Equal(a, pa.Value!.Value);
            Assert.Equal(a.Currency.MinorUnitExponent, pa.Value!.Value.Currency.MinorUnitExponent);
            Assert.Equal(Nullable.Equals<Money>(a, b), pa.Equals(pb));
            Assert.Equal(((Money?)a).GetHashCode(), pa.GetHashCode());
            Assert.True(pa == new OptionalMoney(a));
            Assert.False(pa == new OptionalMoney(null));
        });
    }

    [Fact]
    public void Every_date_time_round_trips_offset_included_and_compares_as_the_instant()
    {
        Gen.Select(AnyTime, AnyTime).Sample((a, b) =>
        {
            OptionalDateTimeOffset pa = new(a), pb = new(b);
            Assert.Equal(a.Ticks, pa.Value!.Value.Ticks);
            Assert.Equal(a.Offset, pa.Value!.Value.Offset);
            Assert.Equal(Nullable.Equals<DateTimeOffset>(a, b), pa.Equals(pb));
            Assert.Equal(((DateTimeOffset?)a).GetHashCode(), pa.GetHashCode());

            // The same instant at another offset: equal, as DateTimeOffset? is.
            DateTimeOffset elsewhere = a.ToOffset(a.Offset == TimeSpan.Zero ? TimeSpan.FromHours(1) : TimeSpan.Zero);
            if (elsewhere.Offset != a.Offset)
            {
                Assert.True(pa == new OptionalDateTimeOffset(elsewhere));
            }
        });
    }

    [Fact]
    public void A_record_with_packed_members_reads_writes_and_compares_as_before()
    {
        byte[] json = """{"transactionType":"CAPTURE","transactionStatus":"SUCCESS","transactionResult":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"transactionId":"t1","transactionRequestId":"r1","transactionAmount":{"currency":"BRL","value":"100"},"transactionTime":"2022-09-29T07:13:50-07:00","grossSettlementAmount":{"currency":"USD","value":"20"},"earliestSettlementTime":"2023-07-04T15:20:15+05:45"}"""u8.ToArray();
        PaymentTransaction read = AntomJson.Deserialize<PaymentTransaction>(json);
        Assert.Equal(new DateTimeOffset(2022, 9, 29, 7, 13, 50, TimeSpan.FromHours(-7)), read.TransactionTime);
        Assert.Equal(TimeSpan.FromHours(-7), read.TransactionTime!.Value.Offset);
        Assert.Equal(TimeSpan.FromMinutes(345), read.EarliestSettlementTime!.Value.Offset);
        Assert.Equal(Money.FromMinorUnits(20, "USD"), read.GrossSettlementAmount);
        Assert.Null(read.SettlementQuote);
        Assert.Equal(json, AntomJson.SerializeToUtf8Bytes(read));

        // Equality: the same instant at another offset is equal (as DateTimeOffset? is); another amount is not.
        Assert.Equal(read, read with { TransactionTime = read.TransactionTime.Value.ToUniversalTime() });
        Assert.Equal(read.GetHashCode(), (read with { TransactionTime = read.TransactionTime.Value.ToUniversalTime() }).GetHashCode());
        Assert.NotEqual(read, read with { GrossSettlementAmount = Money.FromMinorUnits(21, "USD") });
        Assert.NotEqual(read, read with { GrossSettlementAmount = null });
        Assert.NotEqual(read, read with { EarliestSettlementTime = null });

        // Cleared members are absent: not written.
        PaymentTransaction cleared = read with { TransactionTime = null, GrossSettlementAmount = null };
        string written = System.Text.Encoding.UTF8.GetString(AntomJson.SerializeToUtf8Bytes(cleared));
        Assert.DoesNotContain("transactionTime", written, StringComparison.Ordinal);
        Assert.DoesNotContain("grossSettlementAmount", written, StringComparison.Ordinal);
        Assert.Contains("earliestSettlementTime", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_money_in_an_optional_member_is_still_refused_when_written()
    {
        PaymentTransaction read = AntomJson.Deserialize<PaymentTransaction>(
            """{"transactionType":"CAPTURE","transactionStatus":"SUCCESS","transactionResult":{"resultCode":"SUCCESS","resultStatus":"S"},"transactionId":"t1","transactionRequestId":"r1","transactionAmount":{"currency":"BRL","value":"100"}}"""u8);
        AntomPayloadException error = Assert.Throws<AntomPayloadException>(() => AntomJson.SerializeToUtf8Bytes(read with { GrossSettlementAmount = default(Money) }));
        Assert.StartsWith("$.grossSettlementAmount", error.Path, StringComparison.Ordinal);
    }
}
