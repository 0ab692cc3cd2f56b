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
    };

    private static Dictionary<string, long> ReadBytes => new()
    {
        ["amount"] = 0,
        ["result"] = 88,
        ["capture-request"] = 848,
        ["capture-response"] = 472,
        ["capture-result-notification"] = 464,
        ["notification-acknowledgement"] = 112,
        ["inquiry-payment-response"] = 712,
        ["payment-transaction"] = 344,
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
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}
