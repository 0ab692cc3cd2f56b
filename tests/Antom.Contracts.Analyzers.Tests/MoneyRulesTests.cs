using System.Threading.Tasks;
using Antom.Contracts.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

public class MoneyRulesTests
{
    private static DiagnosticResult AsString(int location) => new DiagnosticResult("ANTOM2001", DiagnosticSeverity.Warning).WithLocation(location);

    private static DiagnosticResult AsFloat(int location) => new DiagnosticResult("ANTOM2002", DiagnosticSeverity.Warning).WithLocation(location);

    [Theory]
    [InlineData("public string {|#0:CaptureAmount|} { get; set; } = \"\";")]
    [InlineData("public string? {|#0:Amount|} { get; init; }")]
    [InlineData("private string {|#0:_totalPrice|} = \"\";")]
    [InlineData("public void M(string {|#0:amount|}) { }")]
    [InlineData("public string {|#0:GetFee|}() => \"\";")]
    [InlineData("public void M() { string {|#0:balance|} = \"1.10\"; _ = balance; }")]
    [InlineData("public const string {|#0:DefaultAmount|} = \"0\";")]
    [InlineData("public string {|#0:TOTAL|} = \"\";")]
    [InlineData("public string {|#0:Fees|} = \"\";")]
    public Task Money_named_strings_are_reported(string member)
        => Analyze<MoneyAnalyzer>(Usings + "public class C { " + member + " }", AsString(0));

    [Theory]
    [InlineData("public string AmountDescription { get; set; } = \"\";")]
    [InlineData("public string FeeRate { get; set; } = \"\";")]
    [InlineData("public string Currency { get; set; } = \"\";")]
    [InlineData("public Money CaptureAmount { get; set; }")]
    [InlineData("public Money? Amount { get; set; }")]
    [InlineData("public decimal Price { get; set; }")]
    [InlineData("public long AmountMinorUnits { get; set; }")]
    [InlineData("public string Totally { get; set; } = \"\";")]
    [InlineData("public string PriceList { get; set; } = \"\";")]
    [InlineData("public string Amountless { get; set; } = \"\";")]
    [InlineData("public void M(string description) { }")]
    [InlineData("public void M() { string name = \"x\"; _ = name; }")]
    [InlineData("public int Total { get; set; }")]
    [InlineData("public string Id { get; set; } = \"\";")]
    [InlineData("public string ToString(int amountOfSpaces) => \"\";")]
    [InlineData("public decimal M(Money m) => m.ToMajorUnits();")]
    [InlineData("public Money M(decimal amount) => Money.FromMajorUnits(amount, \"BRL\");")]
    [InlineData("public double Ratio { get; set; }")]
    [InlineData("public float Scale { get; set; }")]
    [InlineData("public double M(double x) => x * 2;")]
    [InlineData("public Money M(int minor) => Money.FromMinorUnits(minor, \"BRL\");")]
    public Task Look_alikes_and_right_types_are_silent(string member)
        => Analyze<MoneyAnalyzer>(Usings + "public class C { " + member + " }");

    [Fact]
    public Task Overrides_are_reported_at_the_base_only()
        => Analyze<MoneyAnalyzer>(Usings + "public abstract class B { public abstract string {|#0:Amount|} { get; } } public class D : B { public override string Amount => \"\"; }", AsString(0));

    [Theory]
    [InlineData("public double {|#0:Amount|} { get; set; }")]
    [InlineData("public float {|#0:TotalPrice|} { get; set; }")]
    [InlineData("public void M(double? {|#0:fee|}) { }")]
    [InlineData("public Money M(double d) => Money.FromMajorUnits({|#0:(decimal)d|}, \"BRL\");")]
    [InlineData("public double M(Money m) => {|#0:(double)m.ToMajorUnits()|};")]
    [InlineData("public float M(Money m) => {|#0:(float)m.ToMajorUnits()|};")]
    [InlineData("public double M(Money m) => {|#0:Convert.ToDouble(m.ToMajorUnits())|};")]
    [InlineData("public double M(Money m) => {|#0:decimal.ToDouble(m.ToMajorUnits())|};")]
    public Task Money_through_floating_point_is_reported(string member)
        => Analyze<MoneyAnalyzer>(Usings + "public class C { " + member + " }", AsFloat(0));

    [Theory]
    [InlineData("string M(System.Text.Json.Nodes.JsonNode n) => (string)n[{|#0:\"captureAmount\"|}]![\"value\"]!;")]
    [InlineData("object M(System.Text.Json.JsonElement e) => e.GetProperty({|#0:\"transactionAmount\"|});")]
    [InlineData("bool M(System.Text.Json.JsonElement e) => e.TryGetProperty({|#0:\"paymentAmount\"|}, out _);")]
    [InlineData("object M(System.Collections.Generic.Dictionary<string, object> d) => d[{|#0:\"captureAmount\"|}];")]
    [InlineData("bool M(System.Collections.Generic.IReadOnlyDictionary<string, object> d) => d.TryGetValue({|#0:\"paymentAmount\"|}, out _);")]
    [InlineData("string M(System.Text.Json.JsonElement e) => e.GetProperty(\"currency\").GetString() + e.GetProperty({|#0:\"value\"|}).GetString();")]
    public Task Money_read_out_of_raw_json_by_key_is_reported(string member)
        => Analyze<MoneyAnalyzer>(Usings + "public class C { public " + member + " }", AsString(0));

    [Theory]
    [InlineData("object M(System.Text.Json.JsonElement e) => e.GetProperty(\"paymentId\");")]
    [InlineData("object M(System.Text.Json.JsonElement e) => e.GetProperty(\"value\");")]
    [InlineData("object M(System.Collections.Generic.Dictionary<string, object> d) => d[\"captureRequestId\"];")]
    [InlineData("object M(System.Collections.Generic.List<string> l) => l[0];")]
    [InlineData("string M(string s) => s.Replace(\"captureAmount\", \"x\");")]
    public Task Other_keys_are_silent(string member)
        => Analyze<MoneyAnalyzer>(Usings + "public class C { public " + member + " }");

    [Fact]
    public Task The_message_says_what_to_use()
        => Analyze<MoneyAnalyzer>(
            Usings + "public class C { public string {|#0:CaptureAmount|} { get; set; } = \"\"; }",
            AsString(0).WithMessage("'CaptureAmount' (property) holds money as a string: use Antom.Contracts.Money, which carries the currency and checks minor units"));

    [Fact]
    public Task The_fix_changes_a_string_property_to_Money()
        => Fix<MoneyAnalyzer, UseMoneyCodeFix>(
            Usings + "public class C\n{\n    public string? {|ANTOM2001:CaptureAmount|} { get; set; }\n}\n",
            Usings + "public class C\n{\n    public Money? CaptureAmount { get; set; }\n}\n");

    [Fact]
    public Task The_fix_changes_a_parameter_to_Money()
        => Fix<MoneyAnalyzer, UseMoneyCodeFix>(
            Usings + "public class C\n{\n    public void M(string {|ANTOM2001:amount|})\n    {\n    }\n}\n",
            Usings + "public class C\n{\n    public void M(Money amount)\n    {\n    }\n}\n");

    [Fact]
    public Task An_empty_string_property_becomes_a_Money_with_no_amount_yet()
        => Fix<MoneyAnalyzer, UseMoneyCodeFix>(
            Usings + "public class C\n{\n    public string {|ANTOM2001:CaptureAmount|} { get; set; } = \"\";\n}\n",
            Usings + "public class C\n{\n    public Money? CaptureAmount { get; set; }\n}\n");

    [Fact]
    public Task A_string_Empty_field_becomes_a_Money_with_no_amount_yet()
        => Fix<MoneyAnalyzer, UseMoneyCodeFix>(
            Usings + "public class C\n{\n    private string {|ANTOM2001:_refundAmount|} = string.Empty;\n\n    public int N => _refundAmount is null ? 0 : 1;\n}\n",
            Usings + "public class C\n{\n    private Money? _refundAmount;\n\n    public int N => _refundAmount is null ? 0 : 1;\n}\n");

    [Fact]
    public Task An_empty_string_default_becomes_a_Money_with_no_amount_yet()
        => Fix<MoneyAnalyzer, UseMoneyCodeFix>(
            Usings + "public class C\n{\n    public int M(string {|ANTOM2001:amount|} = \"\") => amount is null ? 0 : 1;\n}\n",
            Usings + "public class C\n{\n    public int M(Money? amount) => amount is null ? 0 : 1;\n}\n");

    [Fact]
    public Task Another_initializer_is_left_to_the_author()
        => Fix<MoneyAnalyzer, UseMoneyCodeFix>(
            Usings + "public class C\n{\n    public string {|ANTOM2001:CaptureAmount|} { get; set; } = {|CS0029:\"1.10\"|};\n}\n".Replace("{|CS0029:\"1.10\"|}", "\"1.10\""),
            Usings + "public class C\n{\n    public Money CaptureAmount { get; set; } = {|CS0029:\"1.10\"|};\n}\n");
}
