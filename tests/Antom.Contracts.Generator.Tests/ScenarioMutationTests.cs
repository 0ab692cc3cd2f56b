using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Antom.Contracts.Testing;
using NJsonSchema;
using NJsonSchema.Validation;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Antom.Contracts.Generator.Tests;

/// <summary>
/// The mutation and differential run of Schemas.Tests' MutationTests, over the scenario schemas that have examples:
/// each scenario is generated, compiled and loaded (<see cref="ScenarioContract"/>), and its valid examples, mutated
/// byte- and token-wise, go through our generated reader and through NJsonSchema's validator. Ours must never throw
/// anything but <see cref="AntomPayloadException"/>; whatever it accepts must, written back by our writer, satisfy
/// the schema in NJsonSchema; and every disagreement must be one documented in schemas/README.md.
/// </summary>
public partial class ScenarioMutationTests(ITestOutputHelper output)
{
    private const int MutationsPerScenario = 30_000; // x 10 scenarios = 300,000: about 15 s on 2 cores

    // Values that reach the scenario keywords: integer and number bounds and exactness, lengths in UTF-16 code units,
    // the union's discriminators, enums and open sets, the checked formats, null for nullable members, containers.
    private static readonly string[] ScenarioValues =
    [
        "0", "1", "7", "1000", "1001", "-0", "-0.0", "0.0", "1.0", "1e2", "1E-40", "1e400", "-1e400", "0.5", "0.50", "5E-1",
        "99.99", "100", "-0.1", "1.0000000001", "0.1234567890123456789012345678", "0.1234567890123456789012345678901",
        "1.0000000000000001", "99.99999999999999999", "-0.00000000000000001",
        "79228162514264337593543950335", "79228162514264337593543950336",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "\"a\"", "\"ab\"", "\"abcd\"", "\"abcde\"", "\"12345678\"", "\"123456789\"", "\"😀\"", "\"😀😀\"", "\"😀😀😀\"", "\"" + new string('x', 33) + "\"",
        "\"AUTHORISED\"", "\"REFUNDED\"", "\"FAILED\"", "\"CAPTURED\"", "\"authorised\"", "\"WEB\"", "\"APP\"", "\"TV\"",
        "\"ACCEPT\"", "\"REVIEW\"", "\"MAYBE\"", "\"KIOSK\"", "\"SUCCESS\"",
        "\"2026-02-28\"", "\"2024-02-29\"", "\"2026-02-29\"", "\"2026-2-3\"", "\"2026-02-28T00:00:00Z\"",
        "\"0f8fad5b-d9cb-469f-a165-70867728950e\"", "\"0F8FAD5B-D9CB-469F-A165-70867728950E\"", "\"0f8fad5bd9cb469fa16570867728950e\"",
        "\"{0f8fad5b-d9cb-469f-a165-70867728950e}\"", "\"https://example.com/a?b=c\"", "\"/relative/path\"", "\"urn:x\"",
        "\"mailto:a@example.com\"", "\"not a uri\"", "\"1http://x\"", "\"a@example.com\"",
        "\"c:\\\\windows\"", "\"https://example.com/a b\"", "\"https://example.com/café\"", "\"https://example.com/a%20b\"", "\"https://example.com/100%\"",
        "[null]", "[\"ok\"]", "[\"ok\",\"x\"]", "[{}]", "[[]]", "{\"a\":null}", "{\"a\":1}", "{\"x\":{}}", "{\"x\":{\"sku\":\"s\"}}",
        "{\"kind\":\"FAILED\",\"reason\":\"x\"}", "{\"kind\":\"REFUNDED\",\"refundId\":\"r\"}", "{\"kind\":\"AUTHORISED\"}",
        "{\"text\":\"hi\"}", "{\"currency\":\"BRL\",\"value\":\"1\"}",
    ];

    private static readonly string[] Replacements = [.. JsonMutator.ContractValues, .. ScenarioValues];

    // The shipped run's operators, plus structural ones: the scenarios' keywords live in arrays and maps as much as in
    // member values (minItems, maxItems, items, additionalProperties, union branches in arrays).
    private static readonly JsonMutator Mutator = new(Replacements, ReplaceChild, EmptyContainer, DuplicateChild, RemoveChild);

    public static IEnumerable<object[]> Scenarios =>
        Directory.GetFiles(ScenarioContract.Folder, "*.examples.json").Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetFileName(f)[..^".examples.json".Length] });

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Mutated_scenario_examples_never_crash_never_succeed_against_the_schema_and_disagree_only_as_documented(string scenario)
    {
        using JsonDocument examples = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScenarioContract.Folder, scenario + ".examples.json")));
        string typeName = examples.RootElement.GetProperty("type").GetString()!;
        ScenarioContract contract = ScenarioContract.Load(scenario, typeName);
        JsonSchema schema = SchemaOf(await ScenarioSchemaResolver.LoadAsync(Path.Combine(ScenarioContract.Folder, scenario + ".schema.json"), GeneratorHarness.SchemasDirectory), typeName);
        byte[][] seeds = examples.RootElement.GetProperty("valid").EnumerateArray().Select(e => Encoding.UTF8.GetBytes(e.GetRawText())).ToArray();
        var random = new Random(JsonMutator.StableSeed(scenario)); // fixed per scenario: the same mutations in every run
        var disagreements = new Dictionary<string, int>(StringComparer.Ordinal);
        var excused = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = new Dictionary<string, string>(StringComparer.Ordinal);
        int accepted = 0, rejected = 0;

        for (int n = 0; n < MutationsPerScenario; n++)
        {
            byte[] seed = seeds[random.Next(seeds.Length)];
            byte[] mutated = Mutator.Mutate(seed, random);
            object? value = null;
            AntomPayloadException? error = null;
            try
            {
                value = contract.ReadUtf8(mutated);
                accepted++;
            }
            catch (AntomPayloadException e)
            {
                error = e;
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {n} of {scenario} threw {e.GetType().Name}: {e.Message}\npayload: {JsonMutator.Show(mutated)}");
            }

            if (value is not null)
            {
                // No success that breaks a rule: what we accepted, written back, satisfies the schema. NJsonSchema's
                // own errors (a documented cause, checked one by one) are counted, never silently passed.
                string written = contract.Write(value);
                Their check = Validate(schema, Encoding.UTF8.GetBytes(written));
                if (check.Outcome != Outcome.Valid)
                {
                    List<ValidationError> errors = Leaves(check.Outcome == Outcome.Threw ? ValidateWithBigIntegersAsDecimals(schema, written) : check.Errors);
                    string[] causes = [.. errors.Select(e => ExplainWrittenBack(schema, written, e)), .. check.Outcome == Outcome.Threw ? [check.Cause!] : Array.Empty<string>()];
                    Assert.True(causes.All(WrittenBackExcuses.Contains), $"accepted a value that breaks the schema ({string.Join(", ", causes)}):\n{JsonMutator.Show(mutated)}\nwritten: {written}");
                    foreach (string cause in causes.Distinct())
                    {
                        excused[cause] = excused.GetValueOrDefault(cause) + 1;
                    }
                }
            }

            // NJsonSchema's verdict; where it turns only on format: email, the verdict without that check is the one
            // compared (a valid example of string-formats has a contact that is no email address, and would otherwise
            // hide every other format difference in its mutations). The email difference itself is counted.
            Their theirs = Validate(schema, mutated);
            if (theirs.Outcome == Outcome.Invalid && Leaves(theirs.Errors).Any(e => e.Kind == ValidationErrorKind.EmailExpected))
            {
                Their withoutEmail = Validate(schema, mutated, WithoutEmail);
                if (value is not null && withoutEmail.Outcome == Outcome.Valid)
                {
                    const string kind = "ours accepts: email is an annotation";
                    disagreements[kind] = disagreements.GetValueOrDefault(kind) + 1;
                    samples.TryAdd(kind, JsonMutator.Show(mutated));
                }

                theirs = withoutEmail;
            }

            if (theirs.Outcome == Outcome.Threw)
            {
                string kind = "NJsonSchema throws: " + theirs.Cause;
                disagreements[kind] = disagreements.GetValueOrDefault(kind) + 1;
                samples.TryAdd(kind, JsonMutator.Show(mutated));
            }
            else if ((theirs.Outcome == Outcome.Valid) != (value is not null))
            {
                string kind = value is not null
                    ? string.Join(" + ", ExplainAcceptance(schema, mutated).Distinct().Order(StringComparer.Ordinal).Select(k => "ours accepts: " + k))
                    : "ours rejects: " + ExplainRejection(contract, schema, error!, mutated);
                disagreements[kind] = disagreements.GetValueOrDefault(kind) + 1;
                samples.TryAdd(kind, JsonMutator.Show(mutated) + (error is null ? "" : $"\n    ours: {error.Rule} at {error.Path}: {error.Message}"));
            }
        }

        output.WriteLine($"{scenario}: {MutationsPerScenario} mutations, {accepted} accepted, {rejected} rejected; disagreements with NJsonSchema: " + Counts(disagreements) +
                         "; written back, NJsonSchema's own errors: " + Counts(excused));
        Assert.True(accepted > 0 && rejected > 0, "the mutations should produce both outcomes");
        Assert.All(disagreements.Keys, kind => Assert.True(kind.Split(" + ").All(Documented.Contains), $"undocumented disagreement '{kind}' ({disagreements[kind]}x), e.g. {samples[kind]}"));
    }

    // The deliberate differences of schemas/README.md, by the form they take here: the shipped run's, and the
    // scenario keywords'.
    private static readonly HashSet<string> Documented = new(StringComparer.Ordinal)
    {
        "ours accepts: boolean as string",
        "ours accepts: null for an optional member",
        "ours accepts: UTF-8 BOM",
        "ours rejects: date-time NJsonSchema accepts",
        "ours rejects: duplicate property",
        "ours rejects: malformed JSON Newtonsoft accepts",
        "ours rejects: pattern with a final line break",
        "ours accepts: email is an annotation",
        "ours accepts: number as a string (x-antom-number-or-string)",
        "ours accepts: NJsonSchema rounds numbers through double",
        "ours rejects: NJsonSchema rounds numbers through double",
        "ours rejects: number a decimal cannot hold exactly",
        "ours rejects: lone surrogate escape",
        "ours rejects: uuid not in its 8-4-4-4-12 form",
        "ours rejects: uri without a scheme",
        "ours rejects: uri with characters RFC 3986 does not allow",
        "NJsonSchema throws: integer beyond 64 bits",
    };

    // What NJsonSchema may say about a value our writer wrote, and why that is NJsonSchema's error, not ours.
    private static readonly HashSet<string> WrittenBackExcuses = new(StringComparer.Ordinal)
    {
        "email is an annotation", // we do not check format: email (documented); NJsonSchema does
        "NJsonSchema rounds numbers through double", // the exact value is within the bounds
        "integer beyond 64 bits", // NJsonSchema throws (RicoSuter/NJsonSchema#568); the value is checked again with it as a decimal
    };

    private static string Counts(Dictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} {d.Value}"));

    /// <summary>The schema of the example's type: the document itself, or the definition with that title (one-of's Timeline).</summary>
    private static JsonSchema SchemaOf(JsonSchema document, string typeName) =>
        document.Title == typeName ? document : document.Definitions.Values.Single(d => d.Title == typeName);

    /// <summary>
    /// Why NJsonSchema rejected what ours accepted: one cause per error, read off the error's own token. A cause that
    /// can be undone (a null member left out, "true" made true) is undone, and NJsonSchema must then accept, so a
    /// null that was not optional, or anything else wrong, is never explained away.
    /// </summary>
    private static List<string> ExplainAcceptance(JsonSchema schema, byte[] payload)
    {
        var causes = new List<string>();
        if (payload.AsSpan().StartsWith("\uFEFF"u8))
        {
            causes.Add("UTF-8 BOM"); // Newtonsoft does not read one; what follows it is explained as any payload
            payload = payload[3..];
        }

        string text = Encoding.UTF8.GetString(payload);
        JToken tree = Parse(text, Newtonsoft.Json.FloatParseHandling.Double); // as NJsonSchema reads it
        var repairs = new Dictionary<JToken, Action>(); // one per token: a null object can fail its type and its required members
        foreach (ValidationError e in Leaves(schema.Validate(tree, WithoutEmail)))
        {
            switch (e)
            {
                case { Token: JValue { Type: JTokenType.Null, Parent: JProperty member } }:
                    causes.Add("null for an optional member");
                    repairs.TryAdd(member, member.Remove);
                    break;
                case { Kind: ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected, Token: JValue { Type: JTokenType.String } n, Schema: { } numeric }
                    when numeric.ExtensionData?.TryGetValue("x-antom-number-or-string", out object? flag) == true && flag is true:
                    // Antom's docs call it a string and its SDKs send a number: ours reads both. As a number, NJsonSchema must agree.
                    causes.Add("number as a string (x-antom-number-or-string)");
                    repairs.TryAdd(n, () => n.Replace(JToken.Parse((string)n.Value!)));
                    break;
                case { Kind: ValidationErrorKind.BooleanExpected or ValidationErrorKind.NoTypeValidates, Token: JValue { Type: JTokenType.String, Value: "true" or "false" } s }:
                    causes.Add("boolean as string");
                    repairs.TryAdd(s, () => s.Replace(new JValue((string)s.Value! == "true")));
                    break;
                default:
                    causes.Add(ExplainWrittenBack(schema, text, e)); // rounding, or the error itself
                    break;
            }
        }

        foreach (Action repair in repairs.Values)
        {
            repair();
        }

        causes.AddRange(Leaves(schema.Validate(tree, WithoutEmail)).Select(e => ExplainWrittenBack(schema, text, e)).Where(c => c != "NJsonSchema rounds numbers through double").Select(c => "after the repairs, " + c));
        return causes;
    }

    /// <summary>Why NJsonSchema rejects a value: an annotation it asserts, its rounding, or the error itself (no excuse).</summary>
    private static string ExplainWrittenBack(JsonSchema schema, string text, ValidationError e) => e.Kind switch
    {
        ValidationErrorKind.EmailExpected => "email is an annotation",
        ValidationErrorKind.NumberTooBig or ValidationErrorKind.NumberTooSmall when !ExactLeaves(schema, text).Any(x => x.Path == e.Path && x.Kind == e.Kind) => "NJsonSchema rounds numbers through double",
        _ => e.Kind + " at " + e.Path,
    };

    /// <summary>Why ours rejected what NJsonSchema accepted: our rule, narrowed by what the payload holds.</summary>
    private static string ExplainRejection(ScenarioContract contract, JsonSchema schema, AntomPayloadException error, byte[] payload)
    {
        // Newtonsoft keeps the last of repeated properties; ours rejects them. If the payload with only the last of each
        // reads, the repetition is the whole difference; if not, what fails then is what differs.
        if (LastWins(payload) is { } deduplicated)
        {
            try
            {
                contract.ReadUtf8(deduplicated);
                return "duplicate property";
            }
            catch (AntomPayloadException e)
            {
                (error, payload) = (e, deduplicated);
            }
        }

        string text = Encoding.UTF8.GetString(payload);
        return error.Rule switch
        {
            PayloadRule.DuplicateProperty => "duplicate property",
            // A sensitive member's error withholds the reason with the value; the escape in the payload is the evidence.
            PayloadRule.Syntax when (error.Message.Contains("lone surrogate", StringComparison.Ordinal) || error.Message.Contains("the value is sensitive", StringComparison.Ordinal)) && SurrogateEscape().IsMatch(text) => "lone surrogate escape",
            PayloadRule.Syntax when !IsStrictJson(payload) => "malformed JSON Newtonsoft accepts",
            PayloadRule.Format when error.Message.Contains("RFC 3339 date-time", StringComparison.Ordinal) => "date-time NJsonSchema accepts",
            PayloadRule.Format when error.Message.Contains("8-4-4-4-12", StringComparison.Ordinal) => "uuid not in its 8-4-4-4-12 form",
            PayloadRule.Format when error.Message.Contains("absolute URI", StringComparison.Ordinal) && StringAt(text, error.Path!) is { } uri && !UriScheme().IsMatch(uri) => "uri without a scheme",
            PayloadRule.Format when error.Message.Contains("absolute URI", StringComparison.Ordinal) && StringAt(text, error.Path!) is { } uri && !UriCharacters().IsMatch(uri) => "uri with characters RFC 3986 does not allow",
            PayloadRule.Pattern when text.Contains("\\n\"", StringComparison.Ordinal) || text.Contains("\n\"", StringComparison.Ordinal) => "pattern with a final line break",
            PayloadRule.Range when error.Message.Contains("outside what a decimal holds exactly", StringComparison.Ordinal) => "number a decimal cannot hold exactly",
            PayloadRule.Range when ExactLeaves(schema, text).Any(e => e.Kind is ValidationErrorKind.NumberTooBig or ValidationErrorKind.NumberTooSmall && e.Path == "#/" + error.Path![2..]) => "NJsonSchema rounds numbers through double",
            _ => error.Rule + " at " + error.Path + ": " + error.Message,
        };
    }

    // \uD800-\uDFFF written as an escape: the payload is UTF-8, so a "not valid text" error can only be one of these.
    [GeneratedRegex(@"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")]
    private static partial Regex SurrogateEscape();

    // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex UriScheme();

    // RFC 3986, section 2: unreserved and reserved characters, and percent-encoded octets.
    [GeneratedRegex(@"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")]
    private static partial Regex UriCharacters();

    // The string our error points at (its path is JSONPath, which Newtonsoft reads), or null.
    private static string? StringAt(string text, string path)
    {
        try
        {
            return Parse(text, Newtonsoft.Json.FloatParseHandling.Double).SelectToken(path) is JValue { Type: JTokenType.String } s ? (string?)s.Value : null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    // NJsonSchema's default format checks, except email: format is an annotation unless a validator chooses to
    // assert it (draft-07, section 7.2), and ours does not for email (documented).
    private static readonly JsonSchemaValidatorSettings WithoutEmail = new()
    {
        FormatValidators = new JsonSchemaValidatorSettings().FormatValidators.Where(v => v.Format != "email").ToArray(),
    };

    // RFC 8259 as System.Text.Json reads it: no comments, trailing commas, single quotes or raw control characters.
    // Ours skips a UTF-8 BOM, so this does too.
    private static bool IsStrictJson(byte[] payload)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(payload.AsMemory(payload.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private enum Outcome
    {
        Valid,
        Invalid,
        Threw,
    }

    private sealed record Their(Outcome Outcome, ICollection<ValidationError> Errors, string? Cause = null);

    // NJsonSchema's verdict, as a team calls it: Validate(string). Text that is not UTF-8, or that Newtonsoft cannot
    // read, is invalid. An integer beyond 64 bits makes NJsonSchema throw (RicoSuter/NJsonSchema#568): no verdict,
    // unless the integer fits a decimal, when the value is checked again with it as a decimal (for the written-back check).
    private static Their Validate(JsonSchema schema, byte[] payload, JsonSchemaValidatorSettings? settings = null)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return new(Outcome.Invalid, []);
        }

        try
        {
            ICollection<ValidationError> errors = schema.Validate(text, settings);
            return new(errors.Count == 0 ? Outcome.Valid : Outcome.Invalid, errors);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return new(Outcome.Invalid, []);
        }
        catch (InvalidCastException) when (HasBigInteger(Parse(text, Newtonsoft.Json.FloatParseHandling.Double)))
        {
            return new(Outcome.Threw, [], "integer beyond 64 bits");
        }
    }

    // NJsonSchema given exact numbers: the same validation over a token tree read with decimals, not doubles. Only
    // used to tell whether a bound error is NJsonSchema's rounding (15 significant digits through double).
    private static ValidationError[] ExactLeaves(JsonSchema schema, string text)
    {
        try
        {
            return [.. Leaves(schema.Validate(Parse(text, Newtonsoft.Json.FloatParseHandling.Decimal)))];
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException or OverflowException)
        {
            return [];
        }
    }

    // What NJsonSchema would say without #568: the same tree, with each integer beyond 64 bits as the decimal it is
    // (our writer writes only decimals that big, so they fit; one that did not would throw here and fail the run).
    private static ICollection<ValidationError> ValidateWithBigIntegersAsDecimals(JsonSchema schema, string text)
    {
        JToken tree = Parse(text, Newtonsoft.Json.FloatParseHandling.Decimal);
        foreach (JValue big in (tree is JContainer c ? c.Descendants() : [tree]).OfType<JValue>().Where(v => v.Value is BigInteger).ToArray())
        {
            big.Value = (decimal)(BigInteger)big.Value!;
        }

        return schema.Validate(tree);
    }

    private static bool HasBigInteger(JToken token) =>
        token is JContainer container ? container.Descendants().Any(t => t is JValue { Value: BigInteger }) : token is JValue { Value: BigInteger };

    private static JToken Parse(string text, Newtonsoft.Json.FloatParseHandling numbers)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None, FloatParseHandling = numbers };
        return JToken.ReadFrom(reader);
    }

    // The errors that name a rule, below NJsonSchema's "a child schema failed" wrappers. Of a oneOf or anyOf that no
    // branch passes, the branch that came closest (fewest errors) is the one the value meant.
    private static List<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        var leaves = new List<ValidationError>();
        foreach (ValidationError e in errors)
        {
            if (e is not ChildSchemaValidationError child)
            {
                leaves.Add(e);
            }
            else if (e.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
            {
                List<ValidationError>[] branches = child.Errors.Values.Select(Leaves).ToArray();
                int fewest = branches.Min(b => b.Count);
                leaves.AddRange(fewest == 0 ? [e] : branches.First(b => b.Count == fewest)); // 0: more than one branch passed
            }
            else
            {
                List<ValidationError> below = Leaves(child.Errors.Values.SelectMany(v => v));
                leaves.AddRange(below.Count == 0 ? [e] : below);
            }
        }

        return leaves;
    }

    // The payload with only the last of each repeated property (as Newtonsoft reads it), or null when nothing repeats.
    // The earlier occurrences, each with its comma, are cut out of the text, which is otherwise left as it was (so
    // whatever else is wrong with it, such as a byte Newtonsoft tolerates and we do not, stays).
    private static byte[]? LastWins(byte[] payload)
    {
        string text = Encoding.UTF8.GetString(payload); // NJsonSchema accepted it, so it is UTF-8: this round-trips
        var cuts = new List<(int Start, int End)>();
        foreach (Container container in Scan(text).Where(c => !c.IsArray))
        {
            string[] names = container.Children.Select(c => NameOf(text, c.Start, c.End)).ToArray();
            for (int i = 0; i < names.Length - 1; i++)
            {
                if (names[i].Length > 0 && names.Skip(i + 1).Contains(names[i], StringComparer.Ordinal))
                {
                    cuts.Add((container.Children[i].Start, container.Children[i + 1].Start));
                }
            }
        }

        if (cuts.Count == 0)
        {
            return null;
        }

        var kept = new StringBuilder(text.Length);
        int at = 0;
        foreach (var (start, end) in cuts.OrderBy(c => c.Start))
        {
            if (start >= at) // a cut inside an earlier (outer) cut is already gone
            {
                kept.Append(text, at, start - at);
                at = end;
            }
        }

        kept.Append(text, at, text.Length - at);
        return Encoding.UTF8.GetBytes(kept.ToString());

        // The member's name as written ("a" in  "a" : 1), or "" when the text before the colon is not one string.
        static string NameOf(string text, int start, int end)
        {
            int colon = text.IndexOf(':', start, end - start);
            string name = colon < 0 ? "" : text[start..colon].Trim(' ', '\t', '\n', '\r', '\0'); // Newtonsoft skips a NUL as it does a space
            return name.Length >= 2 && name[0] == '"' && name[^1] == '"' && name.IndexOf('"', 1) == name.Length - 1 ? name : "";
        }
    }

    // A forgiving scan of (possibly broken) JSON text: every container that closes, with the spans of its children.
    private sealed class Container(bool isArray, int open)
    {
        public bool IsArray { get; } = isArray;

        public int Open { get; } = open;

        public int Close { get; set; } = -1;

        public int ChildStart { get; set; } = open + 1;

        public List<(int Start, int End)> Children { get; } = [];
    }

    private static List<Container> Scan(string text)
    {
        var closed = new List<Container>();
        var open = new Stack<Container>();
        bool inString = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    open.Push(new Container(c == '[', i));
                    break;
                case ',' when open.Count > 0:
                    open.Peek().Children.Add((open.Peek().ChildStart, i));
                    open.Peek().ChildStart = i + 1;
                    break;
                case '}' or ']' when open.Count > 0:
                    Container done = open.Pop();
                    if (done.Children.Count > 0 || !string.IsNullOrWhiteSpace(text[done.ChildStart..i]))
                    {
                        done.Children.Add((done.ChildStart, i));
                    }

                    done.Close = i;
                    closed.Add(done);
                    break;
            }
        }

        return closed;
    }

    // Replaces an array element, or a member's whole value (an object or array too), with an interesting value.
    private static List<byte> ReplaceChild(List<byte> bytes, Random random)
    {
        string text = Encoding.UTF8.GetString([.. bytes]);
        var children = Scan(text).SelectMany(c => c.Children.Select(child => (c.IsArray, child.Start, child.End))).ToArray();
        if (children.Length == 0)
        {
            return bytes;
        }

        var (isArray, start, end) = children[random.Next(children.Length)];
        if (!isArray)
        {
            int colon = text.IndexOf(':', start, end - start);
            if (colon < 0)
            {
                return bytes;
            }

            start = colon + 1;
        }

        return [.. Encoding.UTF8.GetBytes(text[..start] + Replacements[random.Next(Replacements.Length)] + text[end..])];
    }

    // {"a":1,"b":2} → {}, [1,2] → []: minItems, required members, empty maps.
    private static List<byte> EmptyContainer(List<byte> bytes, Random random)
    {
        string text = Encoding.UTF8.GetString([.. bytes]);
        List<Container> containers = Scan(text);
        if (containers.Count == 0)
        {
            return bytes;
        }

        Container c = containers[random.Next(containers.Count)];
        return [.. Encoding.UTF8.GetBytes(text[..(c.Open + 1)] + text[c.Close..])];
    }

    // [a,b] → [a,a,b], {"k":1} → {"k":1,"k":1}: maxItems, duplicate keys.
    private static List<byte> DuplicateChild(List<byte> bytes, Random random)
    {
        string text = Encoding.UTF8.GetString([.. bytes]);
        var children = Scan(text).SelectMany(c => c.Children).ToArray();
        if (children.Length == 0)
        {
            return bytes;
        }

        var (start, end) = children[random.Next(children.Length)];
        return [.. Encoding.UTF8.GetBytes(text[..end] + "," + text[start..end] + text[end..])];
    }

    // Drops an element or a member with its comma: required members, minItems, union branches missing their fields.
    private static List<byte> RemoveChild(List<byte> bytes, Random random)
    {
        string text = Encoding.UTF8.GetString([.. bytes]);
        var containers = Scan(text).Where(c => c.Children.Count > 0).ToArray();
        if (containers.Length == 0)
        {
            return bytes;
        }

        Container c = containers[random.Next(containers.Length)];
        int i = random.Next(c.Children.Count);
        (int start, int end) = c.Children[i];
        if (c.Children.Count > 1)
        {
            (start, end) = i < c.Children.Count - 1 ? (start, c.Children[i + 1].Start) : (c.Children[i - 1].End, end);
        }

        return [.. Encoding.UTF8.GetBytes(text[..start] + text[end..])];
    }
}
