using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Antom.Contracts.Testing;
using NJsonSchema;
using NJsonSchema.Validation;
using Xunit;
using Xunit.Abstractions;

namespace Antom.Contracts.Schemas.Tests;

/// <summary>
/// Mutation and differential runs: the valid examples, mutated byte- and token-wise, go through our generated readers
/// and through NJsonSchema's validator. Ours must never throw anything but <see cref="AntomPayloadException"/>, and
/// whatever it accepts must, written back, satisfy the schema (no success that breaks a rule). Where the two
/// validators disagree, the disagreement must be one documented in schemas/README.md.
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    private const int MutationsPerContract = 12_500; // x 45 contracts = 562,500

    private static readonly Dictionary<string, (Func<byte[], object> Read, Func<object, string> Write)> Readers = new()
    {
        ["amount.schema.json"] = Codec<Money>(),
        ["result.schema.json"] = Codec<AntomResult>(),
        ["capture-request.schema.json"] = Codec<CaptureRequest>(),
        ["capture-response.schema.json"] = Codec<CaptureResponse>(),
        ["capture-result-notification.schema.json"] = Codec<CaptureResultNotification>(),
        ["notification-acknowledgement.schema.json"] = Codec<NotificationAcknowledgement>(),
        ["inquiry-payment-response.schema.json"] = Codec<InquiryPaymentResponse>(),
        ["payment-transaction.schema.json"] = Codec<PaymentTransaction>(),
        ["pay-request.schema.json"] = Codec<PayRequest>(),
        ["pay-response.schema.json"] = Codec<PayResponse>(),
        ["payment-result-notification.schema.json"] = Codec<PaymentResultNotification>(),
        ["cancel-request.schema.json"] = Codec<CancelRequest>(),
        ["cancel-response.schema.json"] = Codec<CancelResponse>(),
        ["refund-request.schema.json"] = Codec<RefundRequest>(),
        ["refund-response.schema.json"] = Codec<RefundResponse>(),
        ["refund-result-notification.schema.json"] = Codec<RefundResultNotification>(),
        ["inquiry-refund-request.schema.json"] = Codec<InquiryRefundRequest>(),
        ["inquiry-refund-response.schema.json"] = Codec<InquiryRefundResponse>(),
        ["inquiry-payment-request.schema.json"] = Codec<InquiryPaymentRequest>(),
        ["update-amount-request.schema.json"] = Codec<UpdateAmountRequest>(),
        ["update-amount-response.schema.json"] = Codec<UpdateAmountResponse>(),
        ["acquirer-info.schema.json"] = Codec<AcquirerInfo>(),
        ["address.schema.json"] = Codec<Address>(),
        ["browser-info.schema.json"] = Codec<BrowserInfo>(),
        ["buyer.schema.json"] = Codec<Buyer>(),
        ["card-info.schema.json"] = Codec<CardInfo>(),
        ["card-payment-method-meta-data.schema.json"] = Codec<CardPaymentMethodMetaData>(),
        ["challenge-action-form.schema.json"] = Codec<ChallengeActionForm>(),
        ["credit-pay-plan.schema.json"] = Codec<CreditPayPlan>(),
        ["env.schema.json"] = Codec<Env>(),
        ["goods.schema.json"] = Codec<Goods>(),
        ["lodging.schema.json"] = Codec<Lodging>(),
        ["merchant.schema.json"] = Codec<Merchant>(),
        ["order.schema.json"] = Codec<Order>(),
        ["payment-factor.schema.json"] = Codec<PaymentFactor>(),
        ["payment-method.schema.json"] = Codec<PaymentMethod>(),
        ["payment-result-info.schema.json"] = Codec<PaymentResultInfo>(),
        ["psp-customer-info.schema.json"] = Codec<PspCustomerInfo>(),
        ["quote.schema.json"] = Codec<Quote>(),
        ["redirect-action-form.schema.json"] = Codec<RedirectActionForm>(),
        ["refund-detail.schema.json"] = Codec<RefundDetail>(),
        ["settlement-strategy.schema.json"] = Codec<SettlementStrategy>(),
        ["shipping.schema.json"] = Codec<Shipping>(),
        ["three-ds-result.schema.json"] = Codec<ThreeDSResult>(),
        ["user-name.schema.json"] = Codec<UserName>(),
    };

    private static readonly JsonMutator Mutator = new(JsonMutator.ContractValues);

    public static IEnumerable<object[]> Contracts => Readers.Keys.Order(StringComparer.Ordinal).Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task Mutated_examples_never_crash_never_succeed_against_the_schema_and_disagree_only_as_documented(string schemaFile)
    {
        JsonSchema schema = await ShippedSchemaResolver.LoadAsync(SchemaFiles.Root, schemaFile);
        (Func<byte[], object> read, Func<object, string> write) = Readers[schemaFile];
        byte[][] seeds = SchemaFiles.Examples(SchemaFiles.ContractOf(schemaFile), "valid").Select(File.ReadAllBytes).ToArray();
        var random = new Random(JsonMutator.StableSeed(schemaFile)); // fixed per contract: the same mutations in every run
        var disagreements = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = new Dictionary<string, string>(StringComparer.Ordinal);
        int accepted = 0, rejected = 0;

        for (int n = 0; n < MutationsPerContract; n++)
        {
            byte[] seed = seeds[random.Next(seeds.Length)];
            byte[] mutated = Mutator.Mutate(seed, random);
            object? value = null;
            AntomPayloadException? error = null;
            try
            {
                value = read(mutated);
                accepted++;
            }
            catch (AntomPayloadException e)
            {
                error = e;
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {n} of {schemaFile} threw {e.GetType().Name}: {e.Message}\npayload: {JsonMutator.Show(mutated)}");
            }

            if (value is not null)
            {
                // No success that breaks a rule: what we accepted, written back, satisfies the schema.
                string written = write(value);
                var writtenErrors = schema.Validate(written);
                Assert.True(writtenErrors.Count == 0, $"accepted a value that breaks the schema ({string.Join(", ", writtenErrors.Select(e => e.Kind + " " + e.Path))}):\n{JsonMutator.Show(mutated)}\nwritten: {written}");
            }

            (bool theirs, ICollection<ValidationError> theirErrors) = TheirVerdict(schema, mutated);
            if (theirs != (value is not null))
            {
                string kind = Classify(value is not null, error, mutated, theirErrors);
                disagreements[kind] = disagreements.GetValueOrDefault(kind) + 1;
                samples.TryAdd(kind, JsonMutator.Show(mutated));
            }
        }

        output.WriteLine($"{schemaFile}: {MutationsPerContract} mutations, {accepted} accepted, {rejected} rejected; disagreements with NJsonSchema: " +
                         (disagreements.Count == 0 ? "none" : string.Join(", ", disagreements.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} {d.Value}"))));
        Assert.True(accepted > 0 && rejected > 0, "the mutations should produce both outcomes");
        Assert.All(disagreements.Keys, kind => Assert.True(Documented.Contains(kind), $"undocumented disagreement '{kind}' ({disagreements[kind]}x), e.g. {samples[kind]}"));
    }

    // The deliberate differences of schemas/README.md, by the form they take here.
    private static readonly HashSet<string> Documented = new(StringComparer.Ordinal)
    {
        "ours accepts: boolean as string",
        "ours accepts: null for an optional member",
        "ours accepts: number as string (x-antom-number-or-string)",
        "ours accepts: UTF-8 BOM",
        "ours rejects: date-time NJsonSchema accepts",
        "ours rejects: duplicate property",
        "ours rejects: malformed JSON Newtonsoft accepts",
        "ours rejects: pattern with a final line break",
    };

    private static string Classify(bool oursAccepted, AntomPayloadException? error, byte[] payload, ICollection<ValidationError> theirErrors)
    {
        string text = Encoding.UTF8.GetString(payload);
        if (oursAccepted)
        {
            if (payload.AsSpan().StartsWith("\uFEFF"u8))
            {
                return "ours accepts: UTF-8 BOM";
            }

            if (text.Contains(":\"true\"", StringComparison.Ordinal) || text.Contains(":\"false\"", StringComparison.Ordinal))
            {
                return "ours accepts: boolean as string";
            }

            if (text.Contains(":null", StringComparison.Ordinal))
            {
                return "ours accepts: null for an optional member";
            }

            // x-antom-number-or-string reads a number given as a JSON string holding one ("-120"); the schema's own
            // "type": "integer"/"number" does not. Only when every error NJsonSchema reports is exactly that.
            if (theirErrors.Count > 0 && theirErrors.All(IsNumberGivenAsString))
            {
                return "ours accepts: number as string (x-antom-number-or-string)";
            }

            return "ours accepts: other";
        }

        return error!.Rule switch
        {
            PayloadRule.Format => "ours rejects: date-time NJsonSchema accepts",
            PayloadRule.DuplicateProperty => "ours rejects: duplicate property",
            PayloadRule.Syntax => "ours rejects: malformed JSON Newtonsoft accepts",
            PayloadRule.Pattern when text.Contains("\\n\"", StringComparison.Ordinal) || text.Contains("\n\"", StringComparison.Ordinal) => "ours rejects: pattern with a final line break",
            _ => "ours rejects: " + error.Rule,
        };
    }

    private static bool IsNumberGivenAsString(ValidationError e)
        => e.Kind is ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected
           && e.Token?.Type == Newtonsoft.Json.Linq.JTokenType.String
           && e.Schema?.ExtensionData?.TryGetValue("x-antom-number-or-string", out object? flag) == true && flag is true;

    private static (bool Accepted, ICollection<ValidationError> Errors) TheirVerdict(JsonSchema schema, byte[] payload)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return (false, []);
        }

        try
        {
            ICollection<ValidationError> errors = schema.Validate(text);
            return (errors.Count == 0, errors);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return (false, []);
        }
        catch (InvalidCastException) when (HasIntegerBeyondDecimal(text))
        {
            // NJsonSchema 11.6.2 throws "Object must implement IConvertible" on an integer literal beyond decimal's range
            // in a checked position (Newtonsoft reads it as a BigInteger, which its number check cannot convert): it
            // accepts no such document, so that is its verdict. Our readers reject such a value as Type or Range.
            return (false, []);
        }
    }

    private static bool HasIntegerBeyondDecimal(string text)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(text));
        while (reader.Read())
        {
            if (reader.TokenType == Newtonsoft.Json.JsonToken.Integer && reader.Value is System.Numerics.BigInteger)
            {
                return true;
            }
        }

        return false;
    }

    private static (Func<byte[], object>, Func<object, string>) Codec<T>()
        where T : IAntomJsonContract<T>
        => (bytes => AntomJson.Deserialize<T>(bytes)!, value => AntomJson.Serialize((T)value));
}
