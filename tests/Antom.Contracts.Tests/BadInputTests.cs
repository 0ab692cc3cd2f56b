using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// The hostile payload corpus (BadInput/, made by make-corpus.py): every case ends in a value the schema allows or in
/// the payload error at its expected path; never another exception type, never Success that was not sent as S.
/// </summary>
public class BadInputTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "BadInput");

    private static readonly Dictionary<string, Func<byte[], object>> Readers = new()
    {
        ["amount"] = b => AntomJson.Deserialize<Money>(b),
        ["result"] = b => AntomJson.Deserialize<AntomResult>(b),
        ["capture-request"] = b => AntomJson.Deserialize<CaptureRequest>(b),
        ["capture-response"] = b => AntomJson.Deserialize<CaptureResponse>(b),
        ["capture-result-notification"] = b => AntomJson.Deserialize<CaptureResultNotification>(b),
        ["notification-acknowledgement"] = b => AntomJson.Deserialize<NotificationAcknowledgement>(b),
        ["inquiry-payment-response"] = b => AntomJson.Deserialize<InquiryPaymentResponse>(b),
        ["payment-transaction"] = b => AntomJson.Deserialize<PaymentTransaction>(b),
    };

    public static IEnumerable<object[]> Cases() =>
        from dir in Directory.GetDirectories(Root).Order(StringComparer.Ordinal)
        from file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal)
        select new object[] { Path.GetFileName(dir), Path.GetFileNameWithoutExtension(file) };

    [Fact]
    public void The_corpus_holds_at_least_200_cases()
        => Assert.True(Cases().Count() >= 200, Cases().Count().ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hostile_payload_ends_in_a_valid_value_or_the_error_at_its_path(string contract, string name)
    {
        byte[] payload = File.ReadAllBytes(Path.Combine(Root, contract, name + ".json"));
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, contract, name + ".expected")));

        if (expected.RootElement.TryGetProperty("valid", out _))
        {
            object value = Readers[contract](payload);
            Assert.NotNull(value);
            return;
        }

        Exception thrown = Record.Exception(() => Readers[contract](payload))!;
        AntomPayloadException e = Assert.IsType<AntomPayloadException>(thrown);
        Assert.Equal(expected.RootElement.GetProperty("path").GetString(), e.Path);
        Assert.Equal(Enum.Parse<PayloadRule>(expected.RootElement.GetProperty("rule").GetString()!), e.Rule);
    }

    [Fact]
    public void A_10_MB_string_in_an_unknown_field_is_skipped_with_bounded_memory()
    {
        byte[] payload = System.Text.Encoding.UTF8.GetBytes("{\"resultCode\":\"SUCCESS\",\"huge\":\"" + new string('x', 10 * 1024 * 1024) + "\",\"resultStatus\":\"U\"}");
        AntomJson.Deserialize<AntomResult>(payload); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        AntomResult result = AntomJson.Deserialize<AntomResult>(payload);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ResultStatus.Unknown, result.ResultStatus);
        Assert.True(allocated < 4_096, $"skipping 10 MB allocated {allocated} bytes");
    }
}
