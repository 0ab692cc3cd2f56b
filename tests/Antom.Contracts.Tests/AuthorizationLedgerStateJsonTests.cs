using System;
using System.Text;
using System.Text.Json;
using Antom.Contracts.Ledger;
using Antom.Contracts.Tests.Stores;
using Xunit;

namespace Antom.Contracts.Tests;

public sealed class AuthorizationLedgerStateJsonTests
{
    [Fact]
    public void A_rich_state_round_trips_exactly_through_text_and_bytes()
    {
        AuthorizationLedgerState state = LedgerStates.Rich("pay-1");

        AuthorizationLedgerState fromText = AuthorizationLedgerStateJson.Deserialize(AuthorizationLedgerStateJson.Serialize(state));
        AuthorizationLedgerState fromBytes = AuthorizationLedgerStateJson.Deserialize(AuthorizationLedgerStateJson.SerializeToUtf8Bytes(state));

        Assert.Equal(state, fromText);
        Assert.Equal(state, fromBytes);
        // Record equality on DateTimeOffset ignores the offset: check it, and the ticks, explicitly.
        Assert.Equal(state.Terms.AuthorizedAt.Offset, fromText.Terms.AuthorizedAt.Offset);
        Assert.Equal(state.Terms.AuthorizedAt.Ticks, fromText.Terms.AuthorizedAt.Ticks);
        Assert.Equal(state.Terms.AuthExpiryTime!.Value.Offset, fromText.Terms.AuthExpiryTime!.Value.Offset);
        Assert.Equal(state.Terms.AuthExpiryTime.Value.Ticks, fromText.Terms.AuthExpiryTime.Value.Ticks);
        Assert.Equal(AuthorizationLedgerStateJson.Serialize(state), AuthorizationLedgerStateJson.Serialize(fromText));
    }

    [Fact]
    public void A_bare_state_keeps_its_nulls_and_a_ledger_restores_from_it()
    {
        AuthorizationLedgerState state = LedgerStates.Bare("pay-2");
        AuthorizationLedgerState back = AuthorizationLedgerStateJson.Deserialize(AuthorizationLedgerStateJson.Serialize(state));

        Assert.Equal(state, back);
        Assert.Null(back.Terms.PaymentRequestId);
        Assert.Null(back.Terms.AuthExpiryTime);
        Assert.Null(back.Terms.RefundWindow);
        Assert.Equal(state, AuthorizationLedger.FromState(back).ToState());
    }

    [Fact]
    public void A_ledger_used_through_its_api_round_trips()
    {
        AuthorizationLedger ledger = LedgerFixture.Open().Captured(6_000, "cap-1").Refunded(2_500, "ref-1", ResultStatus.Unknown);
        AuthorizationLedgerState state = ledger.ToState();

        Assert.Equal(state, AuthorizationLedgerStateJson.Deserialize(AuthorizationLedgerStateJson.Serialize(state)));
    }

    [Fact]
    public void The_form_is_versioned_money_is_minor_units_and_enums_are_names()
    {
        string json = AuthorizationLedgerStateJson.Serialize(LedgerStates.Rich("pay-1"));

        Assert.StartsWith("{\"v\":1,", json, StringComparison.Ordinal);
        Assert.Contains("\"authorized\":{\"currency\":\"BRL\",\"minorUnits\":10000}", json, StringComparison.Ordinal);
        Assert.Contains("\"authorizedAt\":\"2026-09-01T07:00:00.1234567-07:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"Pending\"", json, StringComparison.Ordinal);
        Assert.Contains("\"expectedState\":null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("100.00", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not json", "$")]
    [InlineData("", "[]", "$")]
    [InlineData("\"v\":1,", "", "$")]
    [InlineData("\"v\":1,", "\"v\":2,", "$.v")]
    [InlineData("\"v\":1,", "\"v\":\"1\",", "$.v")]
    [InlineData("\"v\":1,", "\"v\":1,\"extra\":1,", "$.extra")]
    [InlineData("\"version\":7", "\"version\":7.5", "$.version")]
    [InlineData("\"paymentId\":\"pay-1\"", "\"paymentId\":7", "$.terms.paymentId")]
    [InlineData("\"minorUnits\":10000", "\"minorUnits\":100.00", "$.terms.authorized.minorUnits")]
    [InlineData("\"currency\":\"BRL\"", "\"currency\":\"brl\"", "$.terms.authorized.currency")]
    [InlineData("\"authorizedAt\":\"2026-09-01T07:00:00.1234567-07:00\"", "\"authorizedAt\":\"2026-09-01 07:00\"", "$.terms.authorizedAt")]
    [InlineData("\"authorizedAt\":\"2026-09-01T07:00:00.1234567-07:00\"", "\"authorizedAt\":null", "$.terms.authorizedAt")]
    [InlineData("\"refundWindow\":\"180.00:00:00.0000003\"", "\"refundWindow\":\"six months\"", "$.terms.refundWindow")]
    [InlineData("\"allowsMultipleCaptures\":true", "\"allowsMultipleCaptures\":\"yes\"", "$.terms.allowsMultipleCaptures")]
    [InlineData("\"state\":\"Succeeded\"", "\"state\":\"succeeded\"", "$.entries[0].state")]
    [InlineData("\"state\":\"Succeeded\"", "\"state\":\"3\"", "$.entries[0].state")]
    [InlineData("\"operation\":\"Capture\"", "\"operation\":\"Void\"", "$.entries[0].operation")]
    [InlineData("\"minorUnits\":6000", "\"minorUnits\":-6000", "$.entries[0].amount.minorUnits")]
    [InlineData("\"kind\":\"AmountDiffers\"", "\"kind\":null", "$.discrepancies[0].kind")]
    [InlineData("\"expectedState\":\"Pending\"", "\"expectedState\":1", "$.discrepancies[0].expectedState")]
    [InlineData(",\"isLastCapture\":false", "", "$.entries[0]")]
    public void Malformed_input_is_refused_naming_the_json_path(string from, string to, string path)
    {
        string json = AuthorizationLedgerStateJson.Serialize(LedgerStates.Rich("pay-1"));
        string bad = from.Length == 0 ? to : ReplaceFirst(json, from, to);

        JsonException e = Assert.Throws<JsonException>(() => AuthorizationLedgerStateJson.Deserialize(Encoding.UTF8.GetBytes(bad)));
        Assert.Equal(path, e.Path);
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        int at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, from);
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}
