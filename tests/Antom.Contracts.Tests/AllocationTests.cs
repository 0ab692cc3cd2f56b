using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// Allocations are deterministic, so they are asserted exactly: writing allocates only the array it returns, and
/// reading allocates exactly the bytes recorded below for each contract (the record graph and its strings). A change
/// in a read figure is either a regression to fix or an improvement to record here, with the reason in the commit.
/// </summary>
public class AllocationTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples");

    public static TheoryData<string, string, long> Reads => new()
    {
        // contract, example, bytes allocated by one read (.NET 10, 64-bit)
        { "amount", "brl-1.10.json", ReadBytes["amount"] },
        { "result", "success.json", ReadBytes["result"] },
        { "capture-request", "partial-not-last.json", ReadBytes["capture-request"] },
        { "capture-response", "success.json", ReadBytes["capture-response"] },
        { "capture-result-notification", "success.json", ReadBytes["capture-result-notification"] },
        { "notification-acknowledgement", "received.json", ReadBytes["notification-acknowledgement"] },
        { "inquiry-payment-response", "seed-transactions.json", ReadBytes["inquiry-payment-response"] },
        { "payment-transaction", "seed-capture.json", ReadBytes["payment-transaction"] },
        { "pay-request", "reference-card-demo.json", ReadBytes["pay-request"] },
        { "pay-response", "authorised-manual-capture.json", ReadBytes["pay-response"] },
        { "payment-result-notification", "card-authorised.json", ReadBytes["payment-result-notification"] },
        { "cancel-request", "by-paymentId.json", ReadBytes["cancel-request"] },
        { "cancel-response", "cancelled.json", ReadBytes["cancel-response"] },
        { "refund-request", "reference-aba.json", ReadBytes["refund-request"] },
        { "refund-response", "reference-aba.json", ReadBytes["refund-response"] },
        { "refund-result-notification", "reference-aba.json", ReadBytes["refund-result-notification"] },
        { "inquiry-refund-request", "reference-by-refundId.json", ReadBytes["inquiry-refund-request"] },
        { "inquiry-refund-response", "refunded.json", ReadBytes["inquiry-refund-response"] },
        { "inquiry-payment-request", "by-paymentId.json", ReadBytes["inquiry-payment-request"] },
        { "update-amount-request", "raise-brl.json", ReadBytes["update-amount-request"] },
        { "update-amount-response", "accepted.json", ReadBytes["update-amount-response"] },
        { "acquirer-info", "full.json", ReadBytes["acquirer-info"] },
        { "address", "us-full.json", ReadBytes["address"] },
        { "browser-info", "full.json", ReadBytes["browser-info"] },
        { "buyer", "full.json", ReadBytes["buyer"] },
        { "card-info", "masked-visa.json", ReadBytes["card-info"] },
        { "card-payment-method-meta-data", "sdk-demo.json", ReadBytes["card-payment-method-meta-data"] },
        { "challenge-action-form", "sms-otp.json", ReadBytes["challenge-action-form"] },
        { "credit-pay-plan", "three-installments.json", ReadBytes["credit-pay-plan"] },
        { "env", "web-card.json", ReadBytes["env"] },
        { "goods", "physical.json", ReadBytes["goods"] },
        { "lodging", "full.json", ReadBytes["lodging"] },
        { "merchant", "full.json", ReadBytes["merchant"] },
        { "order", "full.json", ReadBytes["order"] },
        { "payment-factor", "manual-authorisation.json", ReadBytes["payment-factor"] },
        { "payment-method", "card-new.json", ReadBytes["payment-method"] },
        { "payment-result-info", "visa-credit-authorised.json", ReadBytes["payment-result-info"] },
        { "psp-customer-info", "old-mock.json", ReadBytes["psp-customer-info"] },
        { "quote", "old-mock.json", ReadBytes["quote"] },
        { "redirect-action-form", "post-3ds.json", ReadBytes["redirect-action-form"] },
        { "refund-detail", "from-merchant.json", ReadBytes["refund-detail"] },
        { "settlement-strategy", "usd.json", ReadBytes["settlement-strategy"] },
        { "shipping", "full.json", ReadBytes["shipping"] },
        { "three-ds-result", "frictionless-2-2.json", ReadBytes["three-ds-result"] },
        { "user-name", "first-and-last.json", ReadBytes["user-name"] },
    };

    private static Dictionary<string, long> ReadBytes => new()
    {
        ["amount"] = 0,
        ["result"] = 80, // -8: an open set is one reference wide (8 bytes, 16 optional)
        ["capture-request"] = 456, // -384: its raw-JSON transit is copied from the payload's bytes, no longer through a JsonDocument and a string
        ["capture-response"] = 440, // -16: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["capture-result-notification"] = 440, // -16: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["notification-acknowledgement"] = 104, // -8: an open set is one reference wide (8 bytes, 16 optional)
        ["inquiry-payment-response"] = 824, // -104: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["payment-transaction"] = 328, // -24: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["pay-request"] = 1752, // -40: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["pay-response"] = 2448, // -64: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["payment-result-notification"] = 2192, // -48: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["cancel-request"] = 128,
        ["cancel-response"] = 288, // -8: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["refund-request"] = 392, // -8: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["refund-response"] = 496, // -40: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["refund-result-notification"] = 440, // -24: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["inquiry-refund-request"] = 136,
        ["inquiry-refund-response"] = 384, // -32: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["inquiry-payment-request"] = 128,
        ["update-amount-request"] = 192, // -8: Money packed into 16 bytes, from 24 (a Money? member: 24, from 32)
        ["update-amount-response"] = 280, // -8: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["acquirer-info"] = 456,
        ["address"] = 296,
        ["browser-info"] = 168,
        ["buyer"] = 368, // -8: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["card-info"] = 592, // -8: an open set is one reference wide (8 bytes, 16 optional)
        ["card-payment-method-meta-data"] = 448,
        ["challenge-action-form"] = 152, // -16: an open set is one reference wide (8 bytes, 16 optional)
        ["credit-pay-plan"] = 224,
        ["env"] = 640, // -16: an open set is one reference wide (8 bytes, 16 optional)
        ["goods"] = 464, // -8: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["lodging"] = 640,
        ["merchant"] = 752, // -224: its raw-JSON member is copied from the payload's bytes, no longer through a JsonDocument and a string
        ["order"] = 2248, // -32: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["payment-factor"] = 64, // -8: an open set is one reference wide (8 bytes, 16 optional)
        ["payment-method"] = 560, // -8: an open set is one reference wide (8 bytes, 16 optional)
        ["payment-result-info"] = 1424, // -16: an open set is one reference wide (8 bytes, 16 optional)
        ["psp-customer-info"] = 192,
        ["quote"] = 168, // -16: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["redirect-action-form"] = 328, // -8: an open set is one reference wide (8 bytes, 16 optional)
        ["refund-detail"] = 80, // -8: optional amounts and date-times stored in 16 bytes, not T?'s 24 (OptionalMoney, OptionalDateTimeOffset)
        ["settlement-strategy"] = 56,
        ["shipping"] = 560,
        ["three-ds-result"] = 296,
        ["user-name"] = 120,
    };

    public static IEnumerable<object[]> AllValid()
    {
        foreach (string contract in Directory.GetDirectories(Examples))
        {
            foreach (string file in Directory.GetFiles(Path.Combine(contract, "valid"), "*.json"))
            {
                yield return [Path.GetFileName(contract), Path.GetFileName(file)];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public void Reading_allocates_exactly_the_recorded_bytes(string contract, string file, long expected)
    {
        byte[] json = File.ReadAllBytes(Path.Combine(Examples, contract, "valid", file));

        Assert.Equal(expected, Measure(Discarding(contract, json)));
    }

    [Theory]
    [MemberData(nameof(AllValid))]
    public void SerializeToUtf8Bytes_allocates_only_the_array_it_returns(string contract, string file)
    {
        object value = Reader(contract, File.ReadAllBytes(Path.Combine(Examples, contract, "valid", file)))();
        Func<byte[]> write = Writer(value);
        int length = write().Length;

        Assert.Equal(ArrayBytes(length), Measure(() => _ = write()));
    }

    [Theory]
    [MemberData(nameof(AllValid))]
    public void Serialize_into_a_buffer_writer_allocates_nothing_of_its_own(string contract, string file)
    {
        object value = Reader(contract, File.ReadAllBytes(Path.Combine(Examples, contract, "valid", file)))();
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        Action<IBufferWriter<byte>> write = Writer(value, buffer);

        Assert.Equal(0, Measure(() =>
        {
            buffer.ResetWrittenCount();
            write(buffer);
        }));
    }

    // The smallest of several runs after warming up: JIT tiering and first-use statics are not the code's allocations.
    private static long Measure(Action action)
    {
        for (int i = 0; i < 50; i++)
        {
            action();
        }

        long least = long.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    // A byte[] on 64-bit .NET: 16 bytes of header and method table, 8 of length, the data, rounded up to 8.
    private static long ArrayBytes(int length) => (24 + length + 7) & ~7L;

    // Reads and drops the value, typed all the way: boxing a struct contract here would count against the reader.
    private static Action Discarding(string contract, byte[] json) => contract switch
    {
        "amount" => () => Read<Money>(json),
        "result" => () => Read<AntomResult>(json),
        "capture-request" => () => Read<CaptureRequest>(json),
        "capture-response" => () => Read<CaptureResponse>(json),
        "capture-result-notification" => () => Read<CaptureResultNotification>(json),
        "notification-acknowledgement" => () => Read<NotificationAcknowledgement>(json),
        "inquiry-payment-response" => () => Read<InquiryPaymentResponse>(json),
        "payment-transaction" => () => Read<PaymentTransaction>(json),
        "pay-request" => () => Read<PayRequest>(json),
        "pay-response" => () => Read<PayResponse>(json),
        "payment-result-notification" => () => Read<PaymentResultNotification>(json),
        "cancel-request" => () => Read<CancelRequest>(json),
        "cancel-response" => () => Read<CancelResponse>(json),
        "refund-request" => () => Read<RefundRequest>(json),
        "refund-response" => () => Read<RefundResponse>(json),
        "refund-result-notification" => () => Read<RefundResultNotification>(json),
        "inquiry-refund-request" => () => Read<InquiryRefundRequest>(json),
        "inquiry-refund-response" => () => Read<InquiryRefundResponse>(json),
        "inquiry-payment-request" => () => Read<InquiryPaymentRequest>(json),
        "update-amount-request" => () => Read<UpdateAmountRequest>(json),
        "update-amount-response" => () => Read<UpdateAmountResponse>(json),
        "acquirer-info" => () => Read<AcquirerInfo>(json),
        "address" => () => Read<Address>(json),
        "browser-info" => () => Read<BrowserInfo>(json),
        "buyer" => () => Read<Buyer>(json),
        "card-info" => () => Read<CardInfo>(json),
        "card-payment-method-meta-data" => () => Read<CardPaymentMethodMetaData>(json),
        "challenge-action-form" => () => Read<ChallengeActionForm>(json),
        "credit-pay-plan" => () => Read<CreditPayPlan>(json),
        "env" => () => Read<Env>(json),
        "goods" => () => Read<Goods>(json),
        "lodging" => () => Read<Lodging>(json),
        "merchant" => () => Read<Merchant>(json),
        "order" => () => Read<Order>(json),
        "payment-factor" => () => Read<PaymentFactor>(json),
        "payment-method" => () => Read<PaymentMethod>(json),
        "payment-result-info" => () => Read<PaymentResultInfo>(json),
        "psp-customer-info" => () => Read<PspCustomerInfo>(json),
        "quote" => () => Read<Quote>(json),
        "redirect-action-form" => () => Read<RedirectActionForm>(json),
        "refund-detail" => () => Read<RefundDetail>(json),
        "settlement-strategy" => () => Read<SettlementStrategy>(json),
        "shipping" => () => Read<Shipping>(json),
        "three-ds-result" => () => Read<ThreeDSResult>(json),
        "user-name" => () => Read<UserName>(json),
        _ => throw new ArgumentOutOfRangeException(nameof(contract), contract, null),
    };

    private static void Read<T>(byte[] json)
        where T : IAntomJsonContract<T>
        => _ = AntomJson.Deserialize<T>(json);

    private static Func<object> Reader(string contract, byte[] json) => contract switch
    {
        "amount" => () => AntomJson.Deserialize<Money>(json),
        "result" => () => AntomJson.Deserialize<AntomResult>(json),
        "capture-request" => () => AntomJson.Deserialize<CaptureRequest>(json),
        "capture-response" => () => AntomJson.Deserialize<CaptureResponse>(json),
        "capture-result-notification" => () => AntomJson.Deserialize<CaptureResultNotification>(json),
        "notification-acknowledgement" => () => AntomJson.Deserialize<NotificationAcknowledgement>(json),
        "inquiry-payment-response" => () => AntomJson.Deserialize<InquiryPaymentResponse>(json),
        "payment-transaction" => () => AntomJson.Deserialize<PaymentTransaction>(json),
        "pay-request" => () => AntomJson.Deserialize<PayRequest>(json),
        "pay-response" => () => AntomJson.Deserialize<PayResponse>(json),
        "payment-result-notification" => () => AntomJson.Deserialize<PaymentResultNotification>(json),
        "cancel-request" => () => AntomJson.Deserialize<CancelRequest>(json),
        "cancel-response" => () => AntomJson.Deserialize<CancelResponse>(json),
        "refund-request" => () => AntomJson.Deserialize<RefundRequest>(json),
        "refund-response" => () => AntomJson.Deserialize<RefundResponse>(json),
        "refund-result-notification" => () => AntomJson.Deserialize<RefundResultNotification>(json),
        "inquiry-refund-request" => () => AntomJson.Deserialize<InquiryRefundRequest>(json),
        "inquiry-refund-response" => () => AntomJson.Deserialize<InquiryRefundResponse>(json),
        "inquiry-payment-request" => () => AntomJson.Deserialize<InquiryPaymentRequest>(json),
        "update-amount-request" => () => AntomJson.Deserialize<UpdateAmountRequest>(json),
        "update-amount-response" => () => AntomJson.Deserialize<UpdateAmountResponse>(json),
        "acquirer-info" => () => AntomJson.Deserialize<AcquirerInfo>(json),
        "address" => () => AntomJson.Deserialize<Address>(json),
        "browser-info" => () => AntomJson.Deserialize<BrowserInfo>(json),
        "buyer" => () => AntomJson.Deserialize<Buyer>(json),
        "card-info" => () => AntomJson.Deserialize<CardInfo>(json),
        "card-payment-method-meta-data" => () => AntomJson.Deserialize<CardPaymentMethodMetaData>(json),
        "challenge-action-form" => () => AntomJson.Deserialize<ChallengeActionForm>(json),
        "credit-pay-plan" => () => AntomJson.Deserialize<CreditPayPlan>(json),
        "env" => () => AntomJson.Deserialize<Env>(json),
        "goods" => () => AntomJson.Deserialize<Goods>(json),
        "lodging" => () => AntomJson.Deserialize<Lodging>(json),
        "merchant" => () => AntomJson.Deserialize<Merchant>(json),
        "order" => () => AntomJson.Deserialize<Order>(json),
        "payment-factor" => () => AntomJson.Deserialize<PaymentFactor>(json),
        "payment-method" => () => AntomJson.Deserialize<PaymentMethod>(json),
        "payment-result-info" => () => AntomJson.Deserialize<PaymentResultInfo>(json),
        "psp-customer-info" => () => AntomJson.Deserialize<PspCustomerInfo>(json),
        "quote" => () => AntomJson.Deserialize<Quote>(json),
        "redirect-action-form" => () => AntomJson.Deserialize<RedirectActionForm>(json),
        "refund-detail" => () => AntomJson.Deserialize<RefundDetail>(json),
        "settlement-strategy" => () => AntomJson.Deserialize<SettlementStrategy>(json),
        "shipping" => () => AntomJson.Deserialize<Shipping>(json),
        "three-ds-result" => () => AntomJson.Deserialize<ThreeDSResult>(json),
        "user-name" => () => AntomJson.Deserialize<UserName>(json),
        _ => throw new ArgumentOutOfRangeException(nameof(contract), contract, null),
    };

    private static Func<byte[]> Writer(object value) => value switch
    {
        Money v => () => AntomJson.SerializeToUtf8Bytes(v),
        AntomResult v => () => AntomJson.SerializeToUtf8Bytes(v),
        CaptureRequest v => () => AntomJson.SerializeToUtf8Bytes(v),
        CaptureResponse v => () => AntomJson.SerializeToUtf8Bytes(v),
        CaptureResultNotification v => () => AntomJson.SerializeToUtf8Bytes(v),
        NotificationAcknowledgement v => () => AntomJson.SerializeToUtf8Bytes(v),
        InquiryPaymentResponse v => () => AntomJson.SerializeToUtf8Bytes(v),
        PaymentTransaction v => () => AntomJson.SerializeToUtf8Bytes(v),
        PayRequest v => () => AntomJson.SerializeToUtf8Bytes(v),
        PayResponse v => () => AntomJson.SerializeToUtf8Bytes(v),
        PaymentResultNotification v => () => AntomJson.SerializeToUtf8Bytes(v),
        CancelRequest v => () => AntomJson.SerializeToUtf8Bytes(v),
        CancelResponse v => () => AntomJson.SerializeToUtf8Bytes(v),
        RefundRequest v => () => AntomJson.SerializeToUtf8Bytes(v),
        RefundResponse v => () => AntomJson.SerializeToUtf8Bytes(v),
        RefundResultNotification v => () => AntomJson.SerializeToUtf8Bytes(v),
        InquiryRefundRequest v => () => AntomJson.SerializeToUtf8Bytes(v),
        InquiryRefundResponse v => () => AntomJson.SerializeToUtf8Bytes(v),
        InquiryPaymentRequest v => () => AntomJson.SerializeToUtf8Bytes(v),
        UpdateAmountRequest v => () => AntomJson.SerializeToUtf8Bytes(v),
        UpdateAmountResponse v => () => AntomJson.SerializeToUtf8Bytes(v),
        AcquirerInfo v => () => AntomJson.SerializeToUtf8Bytes(v),
        Address v => () => AntomJson.SerializeToUtf8Bytes(v),
        BrowserInfo v => () => AntomJson.SerializeToUtf8Bytes(v),
        Buyer v => () => AntomJson.SerializeToUtf8Bytes(v),
        CardInfo v => () => AntomJson.SerializeToUtf8Bytes(v),
        CardPaymentMethodMetaData v => () => AntomJson.SerializeToUtf8Bytes(v),
        ChallengeActionForm v => () => AntomJson.SerializeToUtf8Bytes(v),
        CreditPayPlan v => () => AntomJson.SerializeToUtf8Bytes(v),
        Env v => () => AntomJson.SerializeToUtf8Bytes(v),
        Goods v => () => AntomJson.SerializeToUtf8Bytes(v),
        Lodging v => () => AntomJson.SerializeToUtf8Bytes(v),
        Merchant v => () => AntomJson.SerializeToUtf8Bytes(v),
        Order v => () => AntomJson.SerializeToUtf8Bytes(v),
        PaymentFactor v => () => AntomJson.SerializeToUtf8Bytes(v),
        PaymentMethod v => () => AntomJson.SerializeToUtf8Bytes(v),
        PaymentResultInfo v => () => AntomJson.SerializeToUtf8Bytes(v),
        PspCustomerInfo v => () => AntomJson.SerializeToUtf8Bytes(v),
        Quote v => () => AntomJson.SerializeToUtf8Bytes(v),
        RedirectActionForm v => () => AntomJson.SerializeToUtf8Bytes(v),
        RefundDetail v => () => AntomJson.SerializeToUtf8Bytes(v),
        SettlementStrategy v => () => AntomJson.SerializeToUtf8Bytes(v),
        Shipping v => () => AntomJson.SerializeToUtf8Bytes(v),
        ThreeDSResult v => () => AntomJson.SerializeToUtf8Bytes(v),
        UserName v => () => AntomJson.SerializeToUtf8Bytes(v),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    private static Action<IBufferWriter<byte>> Writer(object value, IBufferWriter<byte> buffer) => value switch
    {
        Money v => b => AntomJson.Serialize(b, v),
        AntomResult v => b => AntomJson.Serialize(b, v),
        CaptureRequest v => b => AntomJson.Serialize(b, v),
        CaptureResponse v => b => AntomJson.Serialize(b, v),
        CaptureResultNotification v => b => AntomJson.Serialize(b, v),
        NotificationAcknowledgement v => b => AntomJson.Serialize(b, v),
        InquiryPaymentResponse v => b => AntomJson.Serialize(b, v),
        PaymentTransaction v => b => AntomJson.Serialize(b, v),
        PayRequest v => b => AntomJson.Serialize(b, v),
        PayResponse v => b => AntomJson.Serialize(b, v),
        PaymentResultNotification v => b => AntomJson.Serialize(b, v),
        CancelRequest v => b => AntomJson.Serialize(b, v),
        CancelResponse v => b => AntomJson.Serialize(b, v),
        RefundRequest v => b => AntomJson.Serialize(b, v),
        RefundResponse v => b => AntomJson.Serialize(b, v),
        RefundResultNotification v => b => AntomJson.Serialize(b, v),
        InquiryRefundRequest v => b => AntomJson.Serialize(b, v),
        InquiryRefundResponse v => b => AntomJson.Serialize(b, v),
        InquiryPaymentRequest v => b => AntomJson.Serialize(b, v),
        UpdateAmountRequest v => b => AntomJson.Serialize(b, v),
        UpdateAmountResponse v => b => AntomJson.Serialize(b, v),
        AcquirerInfo v => b => AntomJson.Serialize(b, v),
        Address v => b => AntomJson.Serialize(b, v),
        BrowserInfo v => b => AntomJson.Serialize(b, v),
        Buyer v => b => AntomJson.Serialize(b, v),
        CardInfo v => b => AntomJson.Serialize(b, v),
        CardPaymentMethodMetaData v => b => AntomJson.Serialize(b, v),
        ChallengeActionForm v => b => AntomJson.Serialize(b, v),
        CreditPayPlan v => b => AntomJson.Serialize(b, v),
        Env v => b => AntomJson.Serialize(b, v),
        Goods v => b => AntomJson.Serialize(b, v),
        Lodging v => b => AntomJson.Serialize(b, v),
        Merchant v => b => AntomJson.Serialize(b, v),
        Order v => b => AntomJson.Serialize(b, v),
        PaymentFactor v => b => AntomJson.Serialize(b, v),
        PaymentMethod v => b => AntomJson.Serialize(b, v),
        PaymentResultInfo v => b => AntomJson.Serialize(b, v),
        PspCustomerInfo v => b => AntomJson.Serialize(b, v),
        Quote v => b => AntomJson.Serialize(b, v),
        RedirectActionForm v => b => AntomJson.Serialize(b, v),
        RefundDetail v => b => AntomJson.Serialize(b, v),
        SettlementStrategy v => b => AntomJson.Serialize(b, v),
        Shipping v => b => AntomJson.Serialize(b, v),
        ThreeDSResult v => b => AntomJson.Serialize(b, v),
        UserName v => b => AntomJson.Serialize(b, v),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}
