using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Antom.Contracts.Generator.Tests;

/// <summary>
/// The scenario schemas that have examples (Scenarios/&lt;feature&gt;.examples.json) are generated, compiled and loaded
/// for real, and their readers and writers run: every valid example reads, writes and reads back to an equal value
/// (and writing is stable), and every invalid one fails with its JSON path and rule.
/// </summary>
public class ScenarioBehaviourTests
{
    private static readonly string Scenarios = ScenarioContract.Folder;

    public static IEnumerable<object[]> Examples()
    {
        foreach (string file in Directory.GetFiles(Scenarios, "*.examples.json").Order(StringComparer.Ordinal))
        {
            string scenario = Path.GetFileName(file)[..^".examples.json".Length];
            using JsonDocument examples = JsonDocument.Parse(File.ReadAllText(file));
            int valid = examples.RootElement.GetProperty("valid").GetArrayLength();
            int invalid = examples.RootElement.GetProperty("invalid").GetArrayLength();
            for (int i = 0; i < valid; i++)
            {
                yield return [scenario, "valid", i];
            }

            for (int i = 0; i < invalid; i++)
            {
                yield return [scenario, "invalid", i];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Scenario_example_behaves_as_its_schema_says(string scenario, string kind, int index)
    {
        using JsonDocument examples = JsonDocument.Parse(File.ReadAllText(Path.Combine(Scenarios, scenario + ".examples.json")));
        ScenarioContract contract = ScenarioContract.Load(scenario, examples.RootElement.GetProperty("type").GetString()!);
        JsonElement example = examples.RootElement.GetProperty(kind)[index];

        if (kind == "valid")
        {
            object value = contract.Read(example.GetRawText());
            string written = contract.Write(value);
            object again = contract.Read(written);
            Assert.Equal(value, again);
            Assert.Equal(written, contract.Write(again));
        }
        else
        {
            AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => contract.Read(example.GetProperty("json").GetRawText()));
            Assert.Equal(example.GetProperty("path").GetString(), e.Path);
            Assert.Equal(example.GetProperty("rule").GetString(), e.Rule.ToString());
        }
    }

    [Fact]
    public void A_number_keeps_its_scale_and_digits_exactly_through_a_round_trip()
    {
        ScenarioContract contract = ScenarioContract.Load("number-exact", "Measured");
        Assert.Equal("{\"confidence\":0.50}", contract.Write(contract.Read("{\"confidence\":0.50}")));
        Assert.Equal("{\"confidence\":0.1234567890123456789012345678}", contract.Write(contract.Read("{\"confidence\":0.1234567890123456789012345678}")));
        Assert.Equal("{\"confidence\":0.5,\"rate\":99.99}", contract.Write(contract.Read("{\"rate\":99.99,\"confidence\":5E-1}")));
    }

    [Fact]
    public void A_required_nullable_member_is_written_as_null_and_an_optional_null_is_left_out()
    {
        ScenarioContract contract = ScenarioContract.Load("nullable", "Maybe");
        Assert.Equal("{\"note\":null,\"passed\":null}", contract.Write(contract.Read("{\"note\":null,\"passed\":null,\"count\":null}")));
    }

    [Fact]
    public void A_union_reads_each_branch_as_its_own_type_wherever_the_discriminator_sits_and_writes_the_branch()
    {
        ScenarioContract contract = ScenarioContract.Load("one-of", "Timeline");
        object timeline = contract.Read("""{"events":[{"amount":{"currency":"BRL","value":"100"},"kind":"AUTHORISED"},{"kind":"REFUNDED","refundId":"r-1"},{"reason":"RISK","kind":"FAILED"}]}""");
        var events = ((System.Collections.IEnumerable)timeline.GetType().GetProperty("Events")!.GetValue(timeline)!).Cast<object>().ToArray();
        Assert.Equal(["Authorised", "Refunded", "PaymentEventFailed"], events.Select(e => e.GetType().Name));
        Assert.All(events, e => Assert.Equal("PaymentEvent", e.GetType().BaseType!.Name));
        Assert.Equal(["AUTHORISED", "REFUNDED", "FAILED"], events.Select(e => (string)e.GetType().GetProperty("Kind")!.GetValue(e)!));
        Assert.Equal(
            """{"events":[{"kind":"AUTHORISED","amount":{"currency":"BRL","value":"100"}},{"kind":"REFUNDED","refundId":"r-1"},{"reason":"RISK","kind":"FAILED"}]}""",
            contract.Write(timeline));
    }

    [Fact]
    public void An_allOf_is_one_flat_record_that_requires_what_any_part_requires()
    {
        ScenarioContract contract = ScenarioContract.Load("all-of", "MerchantCapture");
        Assert.Equal(
            ["CaptureRequestId", "PaymentId", "CaptureAmount", "IsLastCapture", "CaptureType", "Transit", "Operator", "Note", "OrderRef", "Channel"],
            contract.Type.GetProperties().Where(p => p.DeclaringType == contract.Type && p.Name != "EqualityContract").Select(p => p.Name));
        Assert.Equal(typeof(Money), contract.Type.GetProperty("CaptureAmount")!.PropertyType);
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => contract.Read("""{"captureRequestId":"c","paymentId":"p","captureAmount":{"currency":"BRL","value":"1"},"orderRef":"o"}"""));
        Assert.Equal("$.operator", e.Path);
    }

    [Fact]
    public void A_sensitive_member_never_shows_in_ToString_or_in_an_error_message()
    {
        ScenarioContract contract = ScenarioContract.Load("sensitive", "Card");
        object card = contract.Read("""{"cardNo":"4111111111111111","cvv":"123","expiryMonth":"06","previousCards":["5500000000000004"]}""");
        Assert.Equal("Card { CardNo = ***, Cvv = ***, ExpiryMonth = 06, PreviousCards = *** }", card.ToString());

        AntomPayloadException read = Assert.Throws<AntomPayloadException>(() => contract.Read("""{"cardNo":"4111-1111-1111-9876"}"""));
        Assert.Equal(("$.cardNo", PayloadRule.Pattern), (read.Path, read.Rule));
        Assert.DoesNotContain("9876", read.ToString(), StringComparison.Ordinal);

        AntomPayloadException write = Assert.Throws<AntomPayloadException>(() => contract.Write(contract.With(card, "Cvv", "98765")));
        Assert.Equal(("$.cvv", PayloadRule.MaxLength), (write.Path, write.Rule));
        Assert.DoesNotContain("98765", write.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_sent_as_a_string_reads_exactly_and_is_written_as_a_number()
    {
        ScenarioContract contract = ScenarioContract.Load("number-or-string", "Browser");
        Assert.Equal("{\"timeZoneOffset\":-120,\"quotePrice\":0.064622}", contract.Write(contract.Read("{\"timeZoneOffset\":\"-120\",\"quotePrice\":\"0.064622\"}")));
        Assert.Equal(contract.Read("{\"timeZoneOffset\":-120}"), contract.Read("{\"timeZoneOffset\":\"-120\"}"));
    }

    [Fact]
    public void One_of_two_ids_is_enough_and_none_is_refused_on_write_too()
    {
        ScenarioContract contract = ScenarioContract.Load("required-any-of", "Lookup");
        object byRequestId = contract.Read("{\"paymentRequestId\":\"r-1\"}");
        Assert.Equal("{\"paymentRequestId\":\"r-1\"}", contract.Write(byRequestId));
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => contract.Write(contract.With(byRequestId, "PaymentRequestId", null)));
        Assert.Equal(("$.paymentId", PayloadRule.Required), (e.Path, e.Rule));
        Assert.Contains("paymentId or paymentRequestId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_checks_the_new_rules_before_anything_is_written()
    {
        ScenarioContract contract = ScenarioContract.Load("integer-bounds", "Scored");
        object value = contract.Read("{\"score\":5}");
        object broken = contract.With(value, "Score", 2000L);
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => contract.Write(broken));
        Assert.Equal("$.score", e.Path);
        Assert.Equal(PayloadRule.Range, e.Rule);
    }
}
