using System;
using System.Linq;
using CsCheck;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// For every contract, random valid values go value → JSON → value and come back equal (CsCheck, 10,000 iterations
/// each; a failure prints the seed that reproduces it).
/// </summary>
public class RoundTripPropertyTests
{
    private const int Iterations = 10_000;

    // Any Unicode text without lone surrogates (which are not valid text): quotes, backslashes, control characters,
    // non-ASCII and astral characters included, so that escaping is exercised.
    private static readonly Gen<char> TextChar = Gen.OneOf(Gen.Char['\0', '\u007f'], Gen.Char['\u0080', '\ud7ff'], Gen.Char['\ue000', '\uffff']);

    private static Gen<string> Text(int max) => Gen.String[TextChar, 0, max];

    private static Gen<string?> Optional(Gen<string> gen) => Gen.Frequency((1, Gen.Const<string?>(default(string?))), (3, gen.Select(s => (string?)s)));

    private static Gen<T?> OptionalValue<T>(Gen<T> gen)
        where T : struct
        => Gen.Frequency((1, Gen.Const<T?>(default(T?))), (3, gen.Select(v => (T?)v)));

    private static readonly Gen<Money> MoneyGen = Gen.Select(
        Gen.Int[0, CurrencyCode.Known.Count].Select(i => i == CurrencyCode.Known.Count ? CurrencyCode.Parse("QQQ") : CurrencyCode.Known[i]),
        Gen.Long[0, Money.MaxMinorUnits]).Select(t => Money.FromMinorUnits(t.Item2, t.Item1));

    private static readonly Gen<DateTimeOffset> TimeGen = Gen.Select(
        Gen.Long[new DateTime(1900, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks],
        Gen.Int[-14 * 60, 14 * 60]).Select(t => new DateTimeOffset(t.Item1, TimeSpan.FromMinutes(t.Item2)));

    private static readonly Gen<ResultStatus> StatusGen = Gen.OneOfConst(ResultStatus.Success, ResultStatus.Failure, ResultStatus.Unknown);

    private static readonly Gen<ResultCode> CodeGen = Gen.Frequency(
        (3, Gen.Int[0, ResultCode.Known.Count - 1].Select(i => ResultCode.Known[i])),
        (1, Text(64).Select(s => new ResultCode(s))));

    private static readonly Gen<AntomResult> ResultGen = Gen.Select(CodeGen, StatusGen, Optional(Text(256)))
        .Select(t => new AntomResult { ResultCode = t.Item1, ResultStatus = t.Item2, ResultMessage = t.Item3 });

    private static readonly Gen<RawJson?> RawGen = Gen.Frequency(
        (3, Gen.Const<RawJson?>(default(RawJson?))),
        (1, Gen.Int[0, 1000].Select(i => (RawJson?)RawJson.Parse("{\"leg\":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"codes\":[\"GRU\",\"SIN\"],\"ok\":true}"))));

    private static readonly Gen<PaymentTransaction> TransactionGen = Gen.Select(
            Gen.Select(Gen.OneOf(Gen.Int[0, TransactionType.Known.Count - 1].Select(i => TransactionType.Known[i]), Text(20).Select(s => new TransactionType(s))),
                       Gen.OneOf(Gen.Int[0, TransactionStatus.Known.Count - 1].Select(i => TransactionStatus.Known[i]), Text(20).Select(s => new TransactionStatus(s))),
                       ResultGen),
            Gen.Select(Text(64), Text(64), MoneyGen),
            Gen.Select(OptionalValue(TimeGen), OptionalValue(TimeGen)))
        .Select(t => new PaymentTransaction
        {
            TransactionType = t.Item1.Item1, TransactionStatus = t.Item1.Item2, TransactionResult = t.Item1.Item3,
            TransactionId = t.Item2.Item1, TransactionRequestId = t.Item2.Item2, TransactionAmount = t.Item2.Item3,
            TransactionTime = t.Item3.Item1, EarliestSettlementTime = t.Item3.Item2,
        });

    private static void RoundTrips<T>(Gen<T> gen)
        where T : IAntomJsonContract<T>
        => gen.Sample(value =>
        {
            byte[] json = AntomJson.SerializeToUtf8Bytes(value);
            T back = AntomJson.Deserialize<T>(json);
            Assert.Equal(value, back);
            Assert.Equal(json, AntomJson.SerializeToUtf8Bytes(back));
        }, iter: Iterations);

    [Fact]
    public void Money_round_trips() => RoundTrips(MoneyGen);

    [Fact]
    public void Result_round_trips() => RoundTrips(ResultGen);

    [Fact]
    public void Acknowledgement_round_trips() => RoundTrips(ResultGen.Select(r => new NotificationAcknowledgement { Result = r }));

    [Fact]
    public void Transaction_round_trips() => RoundTrips(TransactionGen);

    [Fact]
    public void CaptureRequest_round_trips() => RoundTrips(Gen.Select(Text(64), Text(64), MoneyGen, OptionalValue(Gen.Bool), Optional(Text(30)), RawGen)
        .Select(t => new CaptureRequest { CaptureRequestId = t.Item1, PaymentId = t.Item2, CaptureAmount = t.Item3, IsLastCapture = t.Item4, CaptureType = t.Item5, Transit = t.Item6 }));

    [Fact]
    public void CaptureResponse_round_trips() => RoundTrips(Gen.Select(ResultGen, Optional(Text(64)), Optional(Text(64)), Optional(Text(64)), OptionalValue(MoneyGen), OptionalValue(TimeGen), Optional(Text(64)))
        .Select(t => new CaptureResponse { Result = t.Item1, CaptureRequestId = t.Item2, CaptureId = t.Item3, PaymentId = t.Item4, CaptureAmount = t.Item5, CaptureTime = t.Item6, AcquirerReferenceNo = t.Item7 }));

    [Fact]
    public void Notification_round_trips() => RoundTrips(Gen.Select(ResultGen, Gen.Select(Text(64), Text(64), Text(64)), MoneyGen, OptionalValue(TimeGen), OptionalValue(TimeGen), Optional(Text(64)), RawGen)
        .Select(t => new CaptureResultNotification
        {
            Result = t.Item1, CaptureRequestId = t.Item2.Item1, PaymentId = t.Item2.Item2, CaptureId = t.Item2.Item3, CaptureAmount = t.Item3,
            CaptureTime = t.Item4, EarliestSettlementTime = t.Item5, AcquirerReferenceNo = t.Item6, AcquirerInfo = t.Item7,
        }));

    [Fact]
    public void InquiryResponse_round_trips() => RoundTrips(Gen.Select(
            ResultGen,
            Gen.Frequency((1, Gen.Const<PaymentStatus?>(default(PaymentStatus?))), (3, Gen.Int[0, PaymentStatus.Known.Count - 1].Select(i => (PaymentStatus?)PaymentStatus.Known[i]))),
            Gen.Select(Optional(Text(64)), Optional(Text(64)), Optional(Text(256))),
            OptionalValue(MoneyGen),
            Gen.Select(OptionalValue(TimeGen), OptionalValue(TimeGen)),
            Gen.Frequency((1, Gen.Const<ValueList<PaymentTransaction>?>(default(ValueList<PaymentTransaction>?))), (3, TransactionGen.Array[0, 5].Select(a => (ValueList<PaymentTransaction>?)ValueList.From(a)))))
        .Select(t => new InquiryPaymentResponse
        {
            Result = t.Item1, PaymentStatus = t.Item2, PaymentId = t.Item3.Item1, PaymentRequestId = t.Item3.Item2, PaymentResultMessage = t.Item3.Item3,
            PaymentAmount = t.Item4, AuthExpiryTime = t.Item5.Item1, EarliestSettlementTime = t.Item5.Item2, Transactions = t.Item6,
        }));
}
