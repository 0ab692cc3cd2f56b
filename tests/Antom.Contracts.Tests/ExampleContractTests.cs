using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>The generated serializers over every example in schemas/examples.</summary>
public class ExampleContractTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples");
    private static readonly string Schemas = Path.Combine(AppContext.BaseDirectory, "schemas");

    private static readonly Dictionary<string, Codec> Codecs = new()
    {
        ["amount"] = Codec.For<Money>(),
        ["result"] = Codec.For<AntomResult>(),
        ["capture-request"] = Codec.For<CaptureRequest>(),
        ["capture-response"] = Codec.For<CaptureResponse>(),
        ["capture-result-notification"] = Codec.For<CaptureResultNotification>(),
        ["notification-acknowledgement"] = Codec.For<NotificationAcknowledgement>(),
        ["inquiry-payment-response"] = Codec.For<InquiryPaymentResponse>(),
        ["payment-transaction"] = Codec.For<PaymentTransaction>(),
        ["pay-request"] = Codec.For<PayRequest>(),
        ["pay-response"] = Codec.For<PayResponse>(),
        ["payment-result-notification"] = Codec.For<PaymentResultNotification>(),
        ["cancel-request"] = Codec.For<CancelRequest>(),
        ["cancel-response"] = Codec.For<CancelResponse>(),
        ["refund-request"] = Codec.For<RefundRequest>(),
        ["refund-response"] = Codec.For<RefundResponse>(),
        ["refund-result-notification"] = Codec.For<RefundResultNotification>(),
        ["inquiry-refund-request"] = Codec.For<InquiryRefundRequest>(),
        ["inquiry-refund-response"] = Codec.For<InquiryRefundResponse>(),
        ["inquiry-payment-request"] = Codec.For<InquiryPaymentRequest>(),
        ["update-amount-request"] = Codec.For<UpdateAmountRequest>(),
        ["update-amount-response"] = Codec.For<UpdateAmountResponse>(),
        ["acquirer-info"] = Codec.For<AcquirerInfo>(),
        ["address"] = Codec.For<Address>(),
        ["browser-info"] = Codec.For<BrowserInfo>(),
        ["buyer"] = Codec.For<Buyer>(),
        ["card-info"] = Codec.For<CardInfo>(),
        ["card-payment-method-meta-data"] = Codec.For<CardPaymentMethodMetaData>(),
        ["challenge-action-form"] = Codec.For<ChallengeActionForm>(),
        ["credit-pay-plan"] = Codec.For<CreditPayPlan>(),
        ["env"] = Codec.For<Env>(),
        ["goods"] = Codec.For<Goods>(),
        ["lodging"] = Codec.For<Lodging>(),
        ["merchant"] = Codec.For<Merchant>(),
        ["order"] = Codec.For<Order>(),
        ["payment-factor"] = Codec.For<PaymentFactor>(),
        ["payment-method"] = Codec.For<PaymentMethod>(),
        ["payment-result-info"] = Codec.For<PaymentResultInfo>(),
        ["psp-customer-info"] = Codec.For<PspCustomerInfo>(),
        ["quote"] = Codec.For<Quote>(),
        ["redirect-action-form"] = Codec.For<RedirectActionForm>(),
        ["refund-detail"] = Codec.For<RefundDetail>(),
        ["settlement-strategy"] = Codec.For<SettlementStrategy>(),
        ["shipping"] = Codec.For<Shipping>(),
        ["three-ds-result"] = Codec.For<ThreeDSResult>(),
        ["user-name"] = Codec.For<UserName>(),
    };

    public static IEnumerable<object[]> Valid => All("valid");

    public static IEnumerable<object[]> Invalid => All("invalid");

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_example_round_trips_to_equal_json_apart_from_unknown_fields(string contract, string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(Examples, contract, "valid", file));
        Codec codec = Codecs[contract];

        object value = codec.Read(input);
        string written = codec.Write(value);
        object again = codec.Read(System.Text.Encoding.UTF8.GetBytes(written));

        JsonNode expected = Declared(JsonNode.Parse(input)!, SchemaOf(contract + ".schema.json"), contract + ".schema.json");
        JsonNode actual = JsonNode.Parse(written)!;
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\n  actual {actual.ToJsonString()}");
        Assert.Equal(value, again);
        Assert.DoesNotContain("null", written, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_example_throws_at_the_labelled_path_for_the_labelled_rule(string contract, string file)
    {
        string path = Path.Combine(Examples, contract, "invalid", file);
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected")));

        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => Codecs[contract].Read(File.ReadAllBytes(path)));

        Assert.Equal(expected.RootElement.GetProperty("path").GetString(), e.Path);
        Assert.Equal(Enum.Parse<PayloadRule>(expected.RootElement.GetProperty("rule").GetString()!), e.Rule);
    }

    [Fact]
    public void The_seed_guide_sample_parses_as_a_successful_BRL_capture_of_110_minor_units()
    {
        InquiryPaymentResponse response = AntomJson.Deserialize<InquiryPaymentResponse>(File.ReadAllBytes(Path.Combine(Examples, "inquiry-payment-response", "valid", "seed-transactions.json")));

        PaymentTransaction capture = Assert.Single(response.Transactions!);
        Assert.Equal(TransactionType.Capture, capture.TransactionType);
        Assert.Equal(TransactionStatus.Success, capture.TransactionStatus);
        Assert.Equal(ResultStatus.Success, capture.TransactionResult.ResultStatus);
        Assert.Equal(Money.FromMinorUnits(110, "BRL"), capture.TransactionAmount);
        Assert.Equal("BRL 1.10", capture.TransactionAmount.ToString());
        Assert.Equal(new DateTimeOffset(2023, 7, 4, 15, 20, 15, TimeSpan.FromHours(-7)), capture.EarliestSettlementTime);
        Assert.Equal(TimeSpan.FromHours(-7), capture.TransactionTime!.Value.Offset);
    }

    [Fact]
    public void The_acknowledgement_is_exactly_the_bytes_Antom_expects()
    {
        Assert.Equal("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}", AntomJson.Serialize(NotificationAcknowledgement.Received));
        Assert.Equal("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}", JsonSerializer.Serialize(NotificationAcknowledgement.Received, AntomJson.Options));
    }

    [Fact]
    public void Parallel_reads_and_writes_on_all_cores_give_identical_results()
    {
        var work = Codecs.SelectMany(c => Directory.GetFiles(Path.Combine(Examples, c.Key, "valid"), "*.json").Select(f => (Codec: c.Value, Bytes: File.ReadAllBytes(f)))).ToArray();
        string[] expected = work.Select(w => w.Codec.Write(w.Codec.Read(w.Bytes))).ToArray();
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<int>();

        System.Threading.Tasks.Parallel.For(0, 20_000, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 }, i =>
        {
            int k = i % work.Length;
            if (work[k].Codec.Write(work[k].Codec.Read(work[k].Bytes)) != expected[k])
            {
                mismatches.Add(k);
            }
        });

        Assert.Empty(mismatches);
    }

    private static IEnumerable<object[]> All(string kind) =>
        from contract in Codecs.Keys.Order(StringComparer.Ordinal)
        from file in Directory.GetFiles(Path.Combine(Examples, contract, kind), "*.json").Order(StringComparer.Ordinal)
        select new object[] { contract, Path.GetFileName(file) };

    private static JsonObject SchemaOf(string file) => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Schemas, file)))!;

    // The input with every property its schema does not declare removed, recursively: what a reader keeps.
    private static JsonNode Declared(JsonNode node, JsonObject schema, string file)
    {
        (schema, file) = Resolve(schema, file);
        if (schema["x-antom-raw-json"] is not null)
        {
            return node.DeepClone();
        }

        switch (node)
        {
            case JsonObject o when schema["properties"] is JsonObject properties:
                var result = new JsonObject();
                foreach (var (name, value) in o)
                {
                    if (properties[name] is JsonObject propertySchema && value is not null)
                    {
                        result[name] = Declared(value, propertySchema, file);
                    }
                }

                return result;
            case JsonArray a when schema["items"] is JsonObject items:
                return new JsonArray(a.Select(i => (JsonNode?)Declared(i!, items, file)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    private static (JsonObject Schema, string File) Resolve(JsonObject schema, string file)
    {
        while (schema["$ref"] is JsonValue reference)
        {
            string r = reference.GetValue<string>();
            string[] parts = r.Split('#');
            if (parts[0].Length > 0)
            {
                // Sibling schemas are referenced by id: urn:antom-contracts:<stem> is <stem>.schema.json.
                const string IdPrefix = "urn:antom-contracts:";
                file = parts[0].StartsWith(IdPrefix, StringComparison.Ordinal) ? parts[0][IdPrefix.Length..] + ".schema.json" : parts[0];
            }

            JsonObject target = SchemaOf(file);
            if (parts.Length > 1 && parts[1].Length > 0)
            {
                foreach (string segment in parts[1].Trim('/').Split('/'))
                {
                    target = (JsonObject)target[segment]!;
                }
            }

            schema = target;
        }

        return (schema, file);
    }

    private sealed record Codec(Func<byte[], object> Read, Func<object, string> Write)
    {
        public static Codec For<T>()
            where T : IAntomJsonContract<T>
            => new(bytes => AntomJson.Deserialize<T>(bytes)!, value => AntomJson.Serialize((T)value));
    }
}
