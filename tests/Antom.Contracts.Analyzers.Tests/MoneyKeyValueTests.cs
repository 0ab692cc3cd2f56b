using System.Threading.Tasks;
using Antom.Contracts.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>ANTOM2001 on Antom's money object written by hand: dictionaries, JsonObject and serialized anonymous objects.</summary>
public class MoneyKeyValueTests
{
    private const string Head = """
        using System;
        using System.Collections;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Antom.Contracts;

        namespace Newtonsoft.Json { public static class JsonConvert { public static string SerializeObject(object? value) => ""; } }
        public static class Serializer { public static string Serialize(object value) => ""; }
        public sealed class Bag { public object this[string key] { get => key; set { } } }

        """;

    private static DiagnosticResult AsString(int location) => new DiagnosticResult("ANTOM2001", DiagnosticSeverity.Warning).WithLocation(location);

    private static string InClass(string member) => Head + "public class C { " + member + " }";

    [Theory]
    [InlineData("object M(long minor) => new Dictionary<string, object> { [\"currency\"] = \"BRL\", [{|#0:\"value\"|}] = minor };")]
    [InlineData("object M() => new Dictionary<string, string> { { \"currency\", \"BRL\" }, { {|#0:\"value\"|}, \"110\" } };")]
    [InlineData("object M() => new JsonObject { [\"currency\"] = \"BRL\", [{|#0:\"value\"|}] = \"110\" };")]
    [InlineData("object M() => new JsonObject { { \"currency\", \"BRL\" }, { {|#0:\"value\"|}, \"110\" } };")]
    [InlineData("object M() => new JsonObject { [{|#0:\"value\"|}] = \"110\", [\"currency\"] = \"BRL\" };")]
    [InlineData("object M() => new Dictionary<string, object> { [\"Currency\"] = \"BRL\", [{|#0:\"VALUE\"|}] = \"110\" };")]
    [InlineData("object M() => new SortedDictionary<string, string> { [\"currency\"] = \"BRL\", [{|#0:\"value\"|}] = \"110\" };")]
    [InlineData("object M() => new ConcurrentDictionary<string, string> { [\"currency\"] = \"BRL\", [{|#0:\"value\"|}] = \"110\" };")]
    [InlineData("Dictionary<string, object> M() { Dictionary<string, object> d = new() { [\"currency\"] = \"BRL\", [{|#0:\"value\"|}] = 110 }; return d; }")]
    [InlineData("object M() => new Dictionary<string, object> { [\"captureAmount\"] = new Dictionary<string, object> { [\"currency\"] = \"BRL\", [{|#0:\"value\"|}] = \"110\" } };")]
    public Task Money_written_as_a_dictionary_or_JsonObject_is_reported(string member)
        => Analyze<MoneyAnalyzer>(InClass(member), AsString(0));

    [Theory]
    [InlineData("object M() => new Dictionary<string, object> { [\"currency\"] = \"BRL\" };")]
    [InlineData("object M() => new Dictionary<string, object> { [\"value\"] = \"110\", [\"paymentId\"] = \"p\" };")]
    [InlineData("object M() => new Dictionary<string, object> { [\"currency\"] = \"BRL\", [\"amount\"] = \"110\" };")]
    [InlineData("object M() => new Dictionary<string, object> { [\"currency\"] = \"BRL\", [\"values\"] = \"110\" };")]
    [InlineData("object M() => new Dictionary<object, object> { [\"currency\"] = \"BRL\", [\"value\"] = \"110\" };")]
    [InlineData("object M() => new Hashtable { [\"currency\"] = \"BRL\", [\"value\"] = \"110\" };")]
    [InlineData("object M() => new Bag { [\"currency\"] = \"BRL\", [\"value\"] = \"110\" };")]
    [InlineData("object M(string c, string v) => new Dictionary<string, object> { [c] = \"BRL\", [v] = \"110\" };")]
    [InlineData("object M() => new List<string> { \"currency\", \"value\" };")]
    [InlineData("object M() => new Dictionary<string, object> { [\"captureAmount\"] = Money.FromMinorUnits(110, \"BRL\") };")]
    [InlineData("object M() => new Dictionary<string, string> { { \"currencyCode\", \"BRL\" }, { \"value\", \"x\" } };")]
    [InlineData("object M() => new Dictionary<int, string> { [1] = \"currency\", [2] = \"value\" };")]
    public Task Dictionary_look_alikes_are_silent(string member)
        => Analyze<MoneyAnalyzer>(InClass(member));

    [Theory]
    [InlineData("string M() => JsonSerializer.Serialize(new { currency = \"BRL\", {|#0:value|} = \"110\" });")]
    [InlineData("object M(long minor) => JsonContent.Create(new { captureAmount = new { currency = \"BRL\", {|#0:value|} = minor } });")]
    [InlineData("Task<HttpResponseMessage> M(HttpClient http, string currency, string value) => http.PostAsJsonAsync(\"/capture\", new { currency, {|#0:value|} });")]
    [InlineData("byte[] M() { var body = new { Currency = \"BRL\", {|#0:Value|} = \"110\" }; return JsonSerializer.SerializeToUtf8Bytes(body); }")]
    [InlineData("string M() => Newtonsoft.Json.JsonConvert.SerializeObject(new[] { new { currency = \"BRL\", {|#0:value|} = \"1\" } });")]
    [InlineData("string M() => JsonSerializer.Serialize(new Dictionary<string, object> { [\"amount\"] = new { currency = \"BRL\", {|#0:value|} = \"110\" } });")]
    public Task Money_in_a_serialized_anonymous_object_is_reported(string member)
        => Analyze<MoneyAnalyzer>(InClass(member), AsString(0));

    [Theory]
    [InlineData("string M() { var x = new { currency = \"BRL\", value = \"110\" }; return x.value; }")]
    [InlineData("object M() => new { currency = \"BRL\", value = \"110\" };")]
    [InlineData("void M() => Console.WriteLine(new { currency = \"BRL\", value = \"110\" });")]
    [InlineData("string M() => JsonSerializer.Serialize(new { currency = \"BRL\" });")]
    [InlineData("string M() => JsonSerializer.Serialize(new { value = 1 });")]
    [InlineData("string M() => JsonSerializer.Serialize(new { currencyCode = \"BRL\", value = \"1\" });")]
    [InlineData("string M() => JsonSerializer.Serialize(new { captureAmount = Money.FromMinorUnits(110, \"BRL\") });")]
    [InlineData("string M() => JsonSerializer.Serialize(new { amount = \"1\", currency = \"BRL\" });")]
    [InlineData("void M() { var x = new { currency = \"BRL\", value = \"110\" }; Console.WriteLine(x); }")]
    [InlineData("string M() => Serializer.Serialize(new { currency = \"BRL\", value = \"110\" });")]
    [InlineData("string M() { var x = new { currency = \"BRL\", value = \"110\" }; return JsonSerializer.Serialize(x.currency); }")]
    public Task Anonymous_look_alikes_are_silent(string member)
        => Analyze<MoneyAnalyzer>(InClass(member));

    [Fact]
    public Task The_message_says_where_the_money_is()
        => Analyze<MoneyAnalyzer>(
            InClass("object M() => new JsonObject { [\"currency\"] = \"BRL\", [{|#0:\"value\"|}] = \"110\" };"),
            AsString(0).WithMessage("'value' (a money amount written as key/value data beside a currency key) holds money as a string: use Antom.Contracts.Money, which carries the currency and checks minor units"));

    [Fact]
    public Task No_fix_is_offered_for_key_value_money()
        => NoFix<MoneyAnalyzer, UseMoneyCodeFix>(
            InClass("string M() => JsonSerializer.Serialize(new Dictionary<string, object> { [\"currency\"] = \"BRL\", [{|#0:\"value\"|}] = new { currency = \"BRL\", {|#1:value|} = \"1\" } });"),
            AsString(0),
            AsString(1));
}
