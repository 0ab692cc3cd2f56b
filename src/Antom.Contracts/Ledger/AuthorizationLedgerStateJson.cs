using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Antom.Contracts.Ledger;

/// <summary>
/// The stored form of an <see cref="AuthorizationLedgerState"/>: a versioned JSON document (<c>"v": 1</c>) that a durable
/// store keeps as text. Written and read by hand with <see cref="Utf8JsonWriter"/> and <see cref="JsonDocument"/>, so it
/// needs no reflection (AOT-safe), and it round-trips every field exactly: money as minor units and currency (never a
/// float), times with their offset to the tick, nullable fields as <c>null</c>, enums by name.
/// </summary>
public static class AuthorizationLedgerStateJson
{
    /// <summary>The format version this code writes, and the only one it reads.</summary>
    public const int FormatVersion = 1;

    /// <summary><paramref name="state"/> as a JSON string.</summary>
    public static string Serialize(AuthorizationLedgerState state) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(state));

    /// <summary><paramref name="state"/> as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(AuthorizationLedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, state);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a state written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not such a state; the message and <see cref="JsonException.Path"/> name where.</exception>
    public static AuthorizationLedgerState Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a state written by <see cref="SerializeToUtf8Bytes"/>.</summary>
    /// <exception cref="JsonException">The text is not such a state; the message and <see cref="JsonException.Path"/> name where.</exception>
    public static AuthorizationLedgerState Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new JsonException($"$: not well-formed JSON: {e.Message}", "$", e.LineNumber, e.BytePositionInLine, e);
        }

        using (document)
        {
            return ReadState(new Node(document.RootElement, "$"));
        }
    }

    private static void Write(Utf8JsonWriter w, AuthorizationLedgerState state)
    {
        AuthorizationTerms terms = state.Terms ?? throw new ArgumentException("The state has no terms.", nameof(state));
        w.WriteStartObject();
        w.WriteNumber("v", FormatVersion);
        w.WriteStartObject("terms");
        w.WriteString("paymentId", terms.PaymentId);
        WriteMoney(w, "authorized", terms.Authorized);
        WriteTime(w, "authorizedAt", terms.AuthorizedAt);
        w.WriteString("paymentRequestId", terms.PaymentRequestId);
        WriteTime(w, "authExpiryTime", terms.AuthExpiryTime);
        w.WriteBoolean("allowsMultipleCaptures", terms.AllowsMultipleCaptures);
        w.WriteBoolean("isAmericanCard", terms.IsAmericanCard);
        w.WriteBoolean("incrementalAuthorizationAvailable", terms.IncrementalAuthorizationAvailable);
        w.WriteString("refundWindow", terms.RefundWindow?.ToString("c", CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteNumber("version", state.Version);
        w.WriteStartArray("entries");
        foreach (LedgerEntry entry in state.Entries ?? ValueList<LedgerEntry>.Empty)
        {
            w.WriteStartObject();
            w.WriteString("operation", entry.Operation.ToString());
            w.WriteString("requestId", entry.RequestId);
            w.WriteString("antomId", entry.AntomId);
            WriteMoney(w, "amount", entry.Amount);
            w.WriteString("state", entry.State.ToString());
            w.WriteBoolean("isLastCapture", entry.IsLastCapture);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("discrepancies");
        foreach (LedgerDiscrepancy d in state.Discrepancies ?? ValueList<LedgerDiscrepancy>.Empty)
        {
            w.WriteStartObject();
            w.WriteString("operation", d.Operation.ToString());
            w.WriteString("requestId", d.RequestId);
            w.WriteString("kind", d.Kind.ToString());
            WriteMoney(w, "expected", d.Expected);
            WriteMoney(w, "reported", d.Reported);
            w.WriteString("expectedState", d.ExpectedState?.ToString());
            w.WriteString("reportedState", d.ReportedState.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMoney(Utf8JsonWriter w, string name, Money money)
    {
        w.WriteStartObject(name);
        w.WriteString("currency", money.Currency.IsDefault ? null : money.Currency.Code);
        w.WriteNumber("minorUnits", money.MinorUnits);
        w.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? time)
        => w.WriteString(name, time?.ToString("O", CultureInfo.InvariantCulture));

    private static AuthorizationLedgerState ReadState(Node root)
    {
        root.Properties("v", "terms", "version", "entries", "discrepancies");
        Node v = root["v"];
        if (v.Int64() != FormatVersion)
        {
            throw v.Error($"format version {v.Element.GetRawText()} is not {FormatVersion}, the one this code reads");
        }

        Node t = root["terms"];
        t.Properties("paymentId", "authorized", "authorizedAt", "paymentRequestId", "authExpiryTime", "allowsMultipleCaptures", "isAmericanCard", "incrementalAuthorizationAvailable", "refundWindow");
        var terms = new AuthorizationTerms(t["paymentId"].String(), ReadMoney(t["authorized"]), ReadTime(t["authorizedAt"]) ?? throw t["authorizedAt"].Error("must not be null"))
        {
            PaymentRequestId = t["paymentRequestId"].StringOrNull(),
            AuthExpiryTime = ReadTime(t["authExpiryTime"]),
            AllowsMultipleCaptures = t["allowsMultipleCaptures"].Boolean(),
            IsAmericanCard = t["isAmericanCard"].Boolean(),
            IncrementalAuthorizationAvailable = t["incrementalAuthorizationAvailable"].Boolean(),
            RefundWindow = ReadTimeSpan(t["refundWindow"]),
        };

        var entries = new List<LedgerEntry>();
        foreach (Node e in root["entries"].Items())
        {
            e.Properties("operation", "requestId", "antomId", "amount", "state", "isLastCapture");
            entries.Add(new LedgerEntry(
                e["operation"].Enum<LedgerOperation>(), e["requestId"].String(), e["antomId"].StringOrNull(), ReadMoney(e["amount"]),
                e["state"].Enum<OperationState>(), e["isLastCapture"].Boolean()));
        }

        var discrepancies = new List<LedgerDiscrepancy>();
        foreach (Node d in root["discrepancies"].Items())
        {
            d.Properties("operation", "requestId", "kind", "expected", "reported", "expectedState", "reportedState");
            Node expectedState = d["expectedState"];
            discrepancies.Add(new LedgerDiscrepancy(
                d["operation"].Enum<LedgerOperation>(), d["requestId"].String(), d["kind"].Enum<LedgerDiscrepancyKind>(),
                ReadMoney(d["expected"]), ReadMoney(d["reported"]),
                expectedState.IsNull ? null : expectedState.Enum<OperationState>(), d["reportedState"].Enum<OperationState>()));
        }

        return new AuthorizationLedgerState(terms, root["version"].Int64(), ValueList.From(entries), ValueList.From(discrepancies));
    }

    private static Money ReadMoney(Node node)
    {
        node.Properties("currency", "minorUnits");
        Node currency = node["currency"];
        Node minor = node["minorUnits"];
        long minorUnits = minor.Int64();
        if (currency.IsNull)
        {
            return minorUnits == 0 ? default : throw minor.Error("must be 0 when there is no currency");
        }

        if (!CurrencyCode.TryParse(currency.String(), out CurrencyCode code))
        {
            throw currency.Error($"\"{currency.Element.GetString()}\" is not a currency code (three upper-case letters)");
        }

        try
        {
            return Money.FromMinorUnits(minorUnits, code);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw minor.Error(e.Message, e);
        }
    }

    private static DateTimeOffset? ReadTime(Node node)
    {
        string? text = node.StringOrNull();
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset time)
            ? time
            : throw node.Error($"\"{text}\" is not a round-trip (\"O\") date and time with offset");
    }

    private static TimeSpan? ReadTimeSpan(Node node)
    {
        string? text = node.StringOrNull();
        if (text is null)
        {
            return null;
        }

        return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out TimeSpan span)
            ? span
            : throw node.Error($"\"{text}\" is not a constant (\"c\") time span such as 30.00:00:00");
    }

    // A JSON element and its path, so that every complaint names where it is.
    private readonly struct Node(JsonElement element, string path)
    {
        public JsonElement Element { get; } = element;

        public bool IsNull => Element.ValueKind == JsonValueKind.Null;

        public Node this[string name]
            => Element.TryGetProperty(name, out JsonElement value) ? new Node(value, Path + "." + name) : throw Error($"has no \"{name}\"");

        private string Path { get; } = path;

        public JsonException Error(string problem, Exception? inner = null) => new($"{Path}: {problem}.", Path, null, null, inner);

        // Requires an object holding exactly these properties: a missing one is an error at its own path, an unknown one
        // would be data this version cannot keep.
        public void Properties(params string[] names)
        {
            Require(JsonValueKind.Object, "an object");
            foreach (JsonProperty property in Element.EnumerateObject())
            {
                if (Array.IndexOf(names, property.Name) < 0)
                {
                    throw new Node(property.Value, Path + "." + property.Name).Error("is not a property of this format version");
                }
            }

            foreach (string name in names)
            {
                _ = this[name];
            }
        }

        public IEnumerable<Node> Items()
        {
            Require(JsonValueKind.Array, "an array");
            int index = 0;
            foreach (JsonElement item in Element.EnumerateArray())
            {
                yield return new Node(item, Path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
                index++;
            }
        }

        public string String()
        {
            Require(JsonValueKind.String, "a string");
            return Element.GetString()!;
        }

        public string? StringOrNull() => IsNull ? null : String();

        public bool Boolean()
            => Element.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error($"must be true or false, not {Element.ValueKind}"),
            };

        public long Int64()
        {
            Require(JsonValueKind.Number, "an integer");
            return Element.TryGetInt64(out long value) ? value : throw Error($"{Element.GetRawText()} is not a whole number that fits in 64 bits");
        }

        public T Enum<T>()
            where T : struct, Enum
        {
            string name = String();
            // By name only: a number, or a name that differs in case, is not what this format writes.
            return name.Length > 0 && char.IsLetter(name[0]) && System.Enum.TryParse(name, ignoreCase: false, out T value) && System.Enum.IsDefined(value)
                ? value
                : throw Error($"\"{name}\" is not a {typeof(T).Name} ({string.Join(", ", System.Enum.GetNames<T>())})");
        }

        private void Require(JsonValueKind kind, string what)
        {
            if (Element.ValueKind != kind)
            {
                throw Error($"must be {what}, not {Element.ValueKind}");
            }
        }
    }
}
