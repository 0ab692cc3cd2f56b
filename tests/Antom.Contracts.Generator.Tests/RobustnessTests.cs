using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Antom.Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Antom.Contracts.Generator.Tests;

/// <summary>
/// Malformed and adversarial schemas: each ends in a located ANTOM0xxx diagnostic, or in generated code that compiles;
/// never in an exception, CS8785 or generated code with errors.
/// </summary>
public class RobustnessTests
{
    private const string Expect = "compiles";

    public static IEnumerable<object[]> Cases()
    {
        static string Obj(string title, string properties, string extra = "")
            => "{\"title\":" + Quote(title) + ",\"type\":\"object\"" + extra + ",\"properties\":{" + properties + "}}";

        // not JSON
        yield return ["empty file", Files(("a.schema.json", "")), "ANTOM0001"];
        yield return ["unclosed object", Files(("a.schema.json", "{\"title\":\"A\"")), "ANTOM0001"];
        yield return ["missing value", Files(("a.schema.json", "{\"title\":}")), "ANTOM0001"];
        yield return ["trailing garbage", Files(("a.schema.json", "{\"title\":\"A\",\"type\":\"object\"} x")), "ANTOM0001"];
        yield return ["duplicate key", Files(("a.schema.json", "{\"title\":\"A\",\"title\":\"B\"}")), "ANTOM0001"];
        yield return ["1000 levels deep", Files(("a.schema.json", new string('[', 1000) + new string(']', 1000))), "ANTOM0001"];
        yield return ["an array, not a schema", Files(("a.schema.json", "[1,2]")), "ANTOM0003"];
        yield return ["a string, not a schema", Files(("a.schema.json", "\"schema\"")), "ANTOM0003"];

        // references
        yield return ["ref cycle across files", Files(("a.schema.json", "{\"$ref\":\"b.schema.json\"}"), ("b.schema.json", "{\"$ref\":\"a.schema.json\"}")), "ANTOM0006"];
        yield return ["ref to itself", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":\"#/definitions/X\"}", ",\"definitions\":{\"X\":{\"$ref\":\"#/definitions/X\"}}"))), "ANTOM0006"];
        yield return ["ref to a missing file", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":\"missing.schema.json\"}"))), "ANTOM0002"];
        yield return ["ref to an http URL", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":\"http://127.0.0.1:9/x.schema.json\"}"))), "ANTOM0002"];
        yield return ["ref to a file URL", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":\"file:///etc/passwd\"}"))), "ANTOM0002"];
        yield return ["ref to a missing definition", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":\"#/definitions/Nope\"}"))), "ANTOM0002"];
        yield return ["ref that is not a string", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":42}"))), "ANTOM0003"];

        // names
        yield return ["keyword title", Files(("a.schema.json", Obj("class", "\"x\":{\"type\":\"string\"}"))), "ANTOM0005"];
        yield return ["title with a space", Files(("a.schema.json", Obj("Capture Request", "\"x\":{\"type\":\"string\"}"))), "ANTOM0005"];
        yield return ["no title", Files(("a.schema.json", "{\"type\":\"object\",\"properties\":{}}")), "ANTOM0005"];
        yield return ["title of 600 characters", Files(("a.schema.json", Obj(new string('T', 600), "\"x\":{\"type\":\"string\"}"))), "ANTOM0005"];
        yield return ["Unicode title", Files(("a.schema.json", Obj("Préstamo", "\"preço\":{\"type\":\"string\"},\"naïve\":{\"type\":\"boolean\"}"))), Expect];
        yield return ["keyword property names", Files(("a.schema.json", Obj("Kw", "\"class\":{\"type\":\"string\"},\"namespace\":{\"type\":\"string\"},\"int\":{\"type\":\"boolean\"}"))), Expect];
        yield return ["odd characters in a property name", Files(("a.schema.json", Obj("Odd", "\"a\\\"b\\\\c\\nd\":{\"type\":\"string\"},\"x-y.z\":{\"type\":\"string\"}"))), Expect];
        yield return ["a property that is only punctuation", Files(("a.schema.json", Obj("P", "\"@#$\":{\"type\":\"string\"}"))), "ANTOM0005"];
        yield return ["a property named like a record member", Files(("a.schema.json", Obj("R", "\"equalityContract\":{\"type\":\"string\"}"))), "ANTOM0005"];
        yield return ["a property named like its type", Files(("a.schema.json", Obj("Item", "\"item\":{\"type\":\"string\"}"))), "ANTOM0005"];
        yield return ["properties differing only in case", Files(("a.schema.json", Obj("Pair", "\"value\":{\"type\":\"string\"},\"Value\":{\"type\":\"string\"}"))), "ANTOM0007"];
        yield return ["enum values that need escaping", Files(("a.schema.json", Obj("E", "\"k\":{\"$ref\":\"#/definitions/Kind\"}", ",\"definitions\":{\"Kind\":{\"title\":\"Kind\",\"type\":\"string\",\"enum\":[\"3DS\",\"a-b\",\"class\"]}}"))), Expect];
        yield return ["an enum value that is no identifier", Files(("a.schema.json", Obj("E", "\"k\":{\"$ref\":\"#/definitions/Kind\"}", ",\"definitions\":{\"Kind\":{\"title\":\"Kind\",\"type\":\"string\",\"enum\":[\"!!!\"]}}"))), "ANTOM0005"];
        yield return ["enum values that collide", Files(("a.schema.json", Obj("E", "\"k\":{\"$ref\":\"#/definitions/Kind\"}", ",\"definitions\":{\"Kind\":{\"title\":\"Kind\",\"type\":\"string\",\"enum\":[\"A_B\",\"a-b\"]}}"))), "ANTOM0007"];
        yield return ["an enum of numbers", Files(("a.schema.json", Obj("E", "\"k\":{\"$ref\":\"#/definitions/Kind\"}", ",\"definitions\":{\"Kind\":{\"title\":\"Kind\",\"type\":\"string\",\"enum\":[1,2]}}"))), "ANTOM0003"];
        yield return ["x-enumNames of the wrong length", Files(("a.schema.json", Obj("E", "\"k\":{\"$ref\":\"#/definitions/Kind\"}", ",\"definitions\":{\"Kind\":{\"title\":\"Kind\",\"type\":\"string\",\"enum\":[\"A\",\"B\"],\"x-enumNames\":[\"A\"]}}"))), "ANTOM0003"];
        yield return ["an array of consts", Files(("a.schema.json", Obj("Consts", "\"x\":{\"type\":\"array\",\"items\":{\"const\":\"X\"}}"))), "ANTOM0003"];
        yield return ["two schemas with one title", Files(("a.schema.json", Obj("Same", "\"x\":{\"type\":\"string\"}")), ("b.schema.json", Obj("Same", "\"y\":{\"type\":\"string\"}"))), "ANTOM0004"];

        // unsupported constructs
        yield return ["deep allOf (each one a wrapper of the next)", Files(("a.schema.json", Obj("A", "\"x\":" + Nest("allOf", 20)))), Expect];
        yield return ["deep oneOf", Files(("a.schema.json", Obj("A", "\"x\":" + Nest("oneOf", 20)))), "ANTOM0003"];
        yield return ["anyOf of two schemas", Files(("a.schema.json", Obj("A", "\"x\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"boolean\"}]}"))), "ANTOM0003"];
        yield return ["anyOf of a schema and null", Files(("a.schema.json", Obj("A", "\"x\":{\"anyOf\":[{\"type\":\"string\",\"maxLength\":3},{\"type\":\"null\"}]}"))), Expect];
        yield return ["oneOf of plain values", Files(("a.schema.json", Obj("A", "\"x\":{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"boolean\"}]}"))), "ANTOM0003"];
        yield return ["oneOf without a discriminator", Files(("a.schema.json", Obj("A", "\"x\":{\"oneOf\":[{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}},{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"}}}]}"))), "ANTOM0003"];
        yield return ["oneOf whose discriminators repeat", Files(("a.schema.json", Obj("A", "\"x\":{\"oneOf\":[{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"A\"}}},{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"A\"}}}]}"))), "ANTOM0003"];
        yield return ["oneOf of two records and null", Files(("a.schema.json", Obj("A", "\"x\":{\"oneOf\":[{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"A\"}}},{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"B\"}}},{\"type\":\"null\"}]}"))), "ANTOM0003"];
        yield return ["a union with properties of its own", Files(("a.schema.json", Obj("A", "\"x\":{\"properties\":{\"z\":{\"type\":\"string\"}},\"oneOf\":[{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"A\"}}},{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"B\"}}}]}"))), "ANTOM0003"];
        yield return ["one record in two unions", Files(("a.schema.json", Obj("A", "\"x\":{\"oneOf\":[{\"$ref\":\"#/definitions/P\"},{\"$ref\":\"#/definitions/Q\"}]},\"y\":{\"oneOf\":[{\"$ref\":\"#/definitions/P\"},{\"$ref\":\"#/definitions/Q\"}]}", ",\"definitions\":{\"P\":{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"P\"}}},\"Q\":{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"Q\"}}}}"))), "ANTOM0003"];
        yield return ["a shipped contract as a union branch", Files(("a.schema.json", Obj("A", "\"x\":{\"oneOf\":[{\"$ref\":\"urn:antom-contracts:capture-request\"},{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"Q\"}}}]}"))), "ANTOM0003"];
        yield return ["an allOf part that is a string", Files(("a.schema.json", Obj("A", "\"x\":{\"title\":\"X\",\"allOf\":[{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}},{\"type\":\"string\"}]}"))), "ANTOM0003"];
        yield return ["allOf parts that disagree on a property", Files(("a.schema.json", Obj("A", "\"x\":{\"allOf\":[{\"properties\":{\"a\":{\"type\":\"string\"}}},{\"properties\":{\"a\":{\"type\":\"boolean\"}}}]}"))), "ANTOM0010"];
        yield return ["allOf parts that refer to each other", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":\"#/definitions/P\"}", ",\"definitions\":{\"P\":{\"title\":\"P\",\"allOf\":[{\"$ref\":\"#/definitions/Q\"}],\"properties\":{\"pp\":{\"type\":\"string\"}}},\"Q\":{\"title\":\"Q\",\"allOf\":[{\"$ref\":\"#/definitions/P\"}],\"properties\":{\"qq\":{\"type\":\"string\"}}}}"))), Expect];
        yield return ["x-antom-sensitive on a number", Files(("a.schema.json", Obj("A", "\"n\":{\"type\":\"integer\",\"x-antom-sensitive\":true}"))), "ANTOM0003"];
        yield return ["x-antom-sensitive with a format", Files(("a.schema.json", Obj("A", "\"n\":{\"type\":\"string\",\"format\":\"uuid\",\"x-antom-sensitive\":true}"))), "ANTOM0003"];
        yield return ["x-antom-sensitive that is not a boolean", Files(("a.schema.json", Obj("A", "\"n\":{\"type\":\"string\",\"x-antom-sensitive\":\"yes\"}"))), "ANTOM0003"];
        yield return ["x-antom-number-or-string on a string", Files(("a.schema.json", Obj("A", "\"n\":{\"type\":\"string\",\"x-antom-number-or-string\":true}"))), "ANTOM0003"];
        yield return ["an anyOf of required lists naming no member", Files(("a.schema.json", Obj("R", "\"a\":{\"type\":\"string\"}", ",\"anyOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]"))), "ANTOM0003"];
        yield return ["an anyOf of required lists on an allOf part", Files(("a.schema.json", "{\"title\":\"R\",\"allOf\":[{\"properties\":{\"a\":{\"type\":\"string\"}},\"anyOf\":[{\"required\":[\"a\"]},{\"required\":[\"a\"]}]}]}")), "ANTOM0003"];
        yield return ["an anyOf of required lists with a required member", Files(("a.schema.json", Obj("R", "\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}", ",\"required\":[\"a\"],\"anyOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]"))), Expect];
        // found by the fault hunt of the composition work
        yield return ["a file that declares a shipped id with other content", Files(("a.schema.json", "{\"$id\":\"urn:antom-contracts:amount\",\"title\":\"MyAmount\",\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}"), ("b.schema.json", Obj("B", "\"amt\":{\"$ref\":\"urn:antom-contracts:amount\"}"))), "ANTOM0003"];
        yield return ["a rule beside allOf of one schema", Files(("a.schema.json", Obj("A", "\"x\":{\"allOf\":[{\"type\":\"string\"}],\"maxLength\":3}"))), "ANTOM0003"];
        yield return ["a rule beside oneOf of a schema and null", Files(("a.schema.json", Obj("A", "\"x\":{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"null\"}],\"maxLength\":3}"))), "ANTOM0003"];
        yield return ["x-antom-sensitive beside allOf of one schema", Files(("a.schema.json", Obj("A", "\"x\":{\"allOf\":[{\"type\":\"string\"}],\"x-antom-sensitive\":true}"))), "ANTOM0003"];
        yield return ["a required name no property declares", Files(("a.schema.json", "{\"title\":\"R\",\"type\":\"object\",\"required\":[\"b\"],\"properties\":{\"a\":{\"type\":\"string\"}}}")), "ANTOM0003"];
        yield return ["required beside a union's oneOf", Files(("a.schema.json", "{\"title\":\"U\",\"required\":[\"z\"],\"oneOf\":[{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"A\"}}},{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"B\"}}}]}")), "ANTOM0003"];
        yield return ["an allOf part that is a map", Files(("a.schema.json", "{\"title\":\"R\",\"allOf\":[{\"properties\":{\"a\":{\"type\":\"string\"}}},{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}]}")), "ANTOM0003"];
        yield return ["a discriminator named like a record member", Files(("a.schema.json", "{\"title\":\"U\",\"oneOf\":[{\"type\":\"object\",\"properties\":{\"toString\":{\"const\":\"A\"}}},{\"type\":\"object\",\"properties\":{\"toString\":{\"const\":\"B\"}}}]}")), "ANTOM0005"];
        yield return ["discriminator values that give one branch name", Files(("a.schema.json", "{\"title\":\"U\",\"oneOf\":[{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"a\"}}},{\"type\":\"object\",\"properties\":{\"k\":{\"const\":\"A\"}}}]}")), "ANTOM0007"];
        yield return ["branches that narrow a shared base's discriminator", Files(("a.schema.json", "{\"title\":\"U\",\"oneOf\":[{\"allOf\":[{\"$ref\":\"#/definitions/Base\"}],\"properties\":{\"kind\":{\"const\":\"A\"}}},{\"allOf\":[{\"$ref\":\"#/definitions/Base\"}],\"properties\":{\"kind\":{\"const\":\"B\"}}}],\"definitions\":{\"Base\":{\"type\":\"object\",\"required\":[\"kind\"],\"properties\":{\"kind\":{\"type\":\"string\"},\"id\":{\"type\":\"string\"}}}}}")), "ANTOM0010"];
        yield return ["an inline union as a map value", Files(("a.schema.json", Obj("Holder", "\"m\":{\"type\":\"object\",\"additionalProperties\":{\"oneOf\":[{\"type\":\"object\",\"properties\":{\"kind\":{\"const\":\"A\"}}},{\"type\":\"object\",\"properties\":{\"kind\":{\"const\":\"B\"}}}]}}"))), Expect];
        yield return ["a union branch named like its discriminator", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":\"#/definitions/Kind\"}", ",\"definitions\":{\"Kind\":{\"title\":\"Kind\",\"oneOf\":[{\"type\":\"object\",\"properties\":{\"kind\":{\"const\":\"A\"}}},{\"type\":\"object\",\"properties\":{\"kind\":{\"const\":\"B\"}}}]}}"))), "ANTOM0005"];
        yield return ["allOf nested past the reader's depth limit", Files(("a.schema.json", Obj("A", "\"x\":" + Nest("allOf", 200)))), "ANTOM0001"];
        yield return ["oneOf", Files(("a.schema.json", Obj("A", "\"x\":{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"boolean\"}]}"))), "ANTOM0003"];
        yield return ["an integer", Files(("a.schema.json", Obj("A", "\"n\":{\"type\":\"integer\"}"))), Expect];
        yield return ["a draft-04 boolean exclusiveMinimum", Files(("a.schema.json", Obj("A", "\"n\":{\"type\":\"integer\",\"minimum\":0,\"exclusiveMinimum\":true}"))), "ANTOM0003"];
        yield return ["a bound that is not a number", Files(("a.schema.json", Obj("A", "\"n\":{\"type\":\"number\",\"maximum\":\"10\"}"))), "ANTOM0003"];
        yield return ["a bound beyond a decimal", Files(("a.schema.json", Obj("A", "\"n\":{\"type\":\"number\",\"maximum\":1e40}"))), "ANTOM0008"]; // NJsonSchema itself refuses it, naming the path
        yield return ["multipleOf", Files(("a.schema.json", Obj("A", "\"n\":{\"type\":\"integer\",\"multipleOf\":5}"))), "ANTOM0003"];
        yield return ["a negative minItems", Files(("a.schema.json", Obj("A", "\"l\":{\"type\":\"array\",\"minItems\":-1,\"items\":{\"type\":\"string\"}}"))), "ANTOM0003"];
        yield return ["nullable array elements", Files(("a.schema.json", Obj("A", "\"l\":{\"type\":\"array\",\"items\":{\"type\":[\"string\",\"null\"]}}"))), "ANTOM0003"];
        yield return ["two types", Files(("a.schema.json", Obj("A", "\"x\":{\"type\":[\"string\",\"integer\"]}"))), "ANTOM0003"];
        yield return ["a property without a type", Files(("a.schema.json", Obj("A", "\"n\":{}"))), "ANTOM0003"];
        yield return ["additionalProperties false", Files(("a.schema.json", Obj("A", "\"x\":{\"type\":\"string\"}", ",\"additionalProperties\":false"))), "ANTOM0003"];
        yield return ["an email format (an annotation)", Files(("a.schema.json", Obj("A", "\"m\":{\"type\":\"string\",\"format\":\"email\"}"))), Expect];
        yield return ["a hostname format", Files(("a.schema.json", Obj("A", "\"m\":{\"type\":\"string\",\"format\":\"hostname\"}"))), "ANTOM0003"];
        yield return ["an array without items", Files(("a.schema.json", Obj("A", "\"l\":{\"type\":\"array\"}"))), "ANTOM0003"];
        yield return ["an array of arrays", Files(("a.schema.json", Obj("A", "\"l\":{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}"))), "ANTOM0003"];
        yield return ["an inline object without a title", Files(("a.schema.json", Obj("A", "\"o\":{\"type\":\"object\",\"properties\":{}}"))), Expect];
        yield return ["an inline name that clashes with a title", Files(("a.schema.json", Obj("A", "\"o\":{\"type\":\"object\",\"properties\":{}}")), ("b.schema.json", Obj("AO", "\"x\":{\"type\":\"string\"}"))), "ANTOM0004"];
        yield return ["an untitled definition named by its key", Files(("a.schema.json", Obj("A", "\"k\":{\"$ref\":\"#/definitions/kind\"}", ",\"definitions\":{\"kind\":{\"type\":\"string\",\"enum\":[\"X\",\"Y\"]}}"))), Expect];
        yield return ["an untitled definition whose key is no identifier", Files(("a.schema.json", Obj("A", "\"k\":{\"$ref\":\"#/definitions/--\"}", ",\"definitions\":{\"--\":{\"type\":\"object\",\"properties\":{}}}"))), "ANTOM0005"];
        yield return ["a map of strings", Files(("a.schema.json", Obj("A", "\"m\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}"))), Expect];
        yield return ["properties and a schema for extra properties", Files(("a.schema.json", Obj("A", "\"m\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"additionalProperties\":{\"type\":\"string\"}}"))), "ANTOM0003"];
        yield return ["a map of arrays", Files(("a.schema.json", Obj("A", "\"m\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}"))), "ANTOM0003"];
        yield return ["an $id inside a schema", Files(("a.schema.json", Obj("A", "\"x\":{\"type\":\"string\",\"$id\":\"https://example.invalid/x\"}"))), "ANTOM0003"];
        yield return ["an $id that is not an absolute URI", Files(("a.schema.json", Obj("A", "\"x\":{\"type\":\"string\"}", ",\"$id\":\"a\""))), "ANTOM0003"];
        yield return ["two files with one $id", Files(("a.schema.json", Obj("A", "\"x\":{\"type\":\"string\"}", ",\"$id\":\"urn:example:a\"")), ("b.schema.json", Obj("B", "\"x\":{\"type\":\"string\"}", ",\"$id\":\"urn:example:a\""))), "ANTOM0009"];
        yield return ["a URL that is no schema's $id", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":\"https://example.invalid/b.json\"}", ",\"$id\":\"https://example.invalid/a.json\""))), "ANTOM0002"];
        yield return ["a shipped id that does not exist", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":\"urn:antom-contracts:no-such-contract\"}"))), "ANTOM0002"];
        yield return ["a fragment a shipped contract does not have", Files(("a.schema.json", Obj("A", "\"x\":{\"$ref\":\"urn:antom-contracts:result#/definitions/Nope\"}"))), "ANTOM0002"];
        yield return ["a numeric const", Files(("a.schema.json", Obj("A", "\"c\":{\"const\":1}"))), "ANTOM0003"];
        yield return ["an unknown runtime type", Files(("a.schema.json", Obj("A", "\"m\":{\"$ref\":\"#/definitions/M\"}", ",\"definitions\":{\"M\":{\"title\":\"M\",\"type\":\"object\",\"x-antom-runtime-type\":\"Decimal\"}}"))), "ANTOM0003"];
        yield return ["a description that tries to close the XML doc", Files(("a.schema.json", "{\"title\":\"D\",\"type\":\"object\",\"description\":\"</summary><b>*/ \\\"quoted\\\" & done\\r\\nnext\",\"properties\":{\"x\":{\"type\":\"string\",\"description\":\"]]> <!--\"}}}")), Expect];
        yield return ["a pattern with quotes and backslashes", Files(("a.schema.json", Obj("P", "\"x\":{\"type\":\"string\",\"pattern\":\"^[\\\\\\\"a-z]+$\"}"))), Expect];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adversarial_schema_ends_in_a_located_diagnostic_or_code_that_compiles(string name, (string Path, string Text)[] files, string expected)
    {
        _ = name;
        var (driver, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Driver(files), GeneratorHarness.Compilation());
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        Assert.Null(run.Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
        ImmutableArray<Diagnostic> generatedErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } t && run.GeneratedSources.Any(s => s.SyntaxTree == t)).ToImmutableArray();
        Assert.True(generatedErrors.IsEmpty, "generated code does not compile: " + string.Join("; ", generatedErrors.Take(5)));

        if (expected == Expect)
        {
            Assert.True(run.Diagnostics.IsEmpty, string.Join("; ", run.Diagnostics));
            Assert.NotEmpty(run.GeneratedSources);
        }
        else
        {
            Assert.True(run.Diagnostics.Any(d => d.Id == expected), $"expected {expected}, got: " + (run.Diagnostics.IsEmpty ? "none" : string.Join("; ", run.Diagnostics)));
            Diagnostic diagnostic = Assert.Single(run.Diagnostics.Where(d => d.Id == expected).Take(1));
            Assert.True(diagnostic.Location.Kind == LocationKind.ExternalFile, $"{expected} is not located in the schema file: {diagnostic.Location}");
            Assert.StartsWith("/s/", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Two_schemas_of_one_file_name_in_two_folders_are_told_apart_by_their_full_paths()
    {
        (string, string)[] files = [("/s/a/x.schema.json", "{\"title\":\"Same\",\"type\":\"object\",\"properties\":{}}"), ("/s/b/x.schema.json", "{\"title\":\"Same\",\"type\":\"object\",\"properties\":{}}")];
        GeneratorRunResult run = GeneratorHarness.Driver(files).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Diagnostic duplicate = Assert.Single(run.Diagnostics, d => d.Id == "ANTOM0004");
        Assert.Equal("/s/b/x.schema.json", duplicate.Location.GetLineSpan().Path);
        Assert.Contains("/s/a/x.schema.json", duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_the_emitter_fails_on_is_a_located_ANTOM0099_and_is_left_out_with_its_users_and_resolver_entries()
    {
        // A model the parser never makes (an array of consts), so the emitter throws: the dry run must catch it.
        var broken = new Model.RecordModel("N", "Broken", null, "broken.schema.json", "/s/broken.schema.json",
            new[] { new Model.PropertyModel("x", "X", null, true, new Model.ValueModel(Model.ValueKind.Array, Item: new Model.ValueModel(Model.ValueKind.Const, ConstValue: "C"))) }.ToEquatableArray());
        var user = new Model.RecordModel("N", "User", null, "user.schema.json", "/s/user.schema.json",
            new[] { new Model.PropertyModel("b", "B", null, true, new Model.ValueModel(Model.ValueKind.Record, TypeName: "Broken")) }.ToEquatableArray());
        var fine = new Model.RecordModel("N", "Fine", null, "fine.schema.json", "/s/fine.schema.json",
            new[] { new Model.PropertyModel("s", "S", null, true, new Model.ValueModel(Model.ValueKind.String)) }.ToEquatableArray());
        var model = new Model.ContractsModel(
            new Model.TypeModel[] { broken, user, fine }.ToEquatableArray(),
            new Model.ResolverModel("N", "R", new[] { "Broken", "User", "Fine" }.ToEquatableArray(), Model.ImmutableEquatableArray<string>.Empty, Model.ImmutableEquatableArray<string>.Empty),
            Model.ImmutableEquatableArray<Model.DiagnosticInfo>.Empty);

        Model.ContractsModel kept = ContractsGenerator.LeaveOutUnemittable(model);

        Assert.Equal(["Fine"], kept.Types.Select(t => t.Name));
        Assert.Equal(["Fine"], kept.Resolver!.RecordTypes);
        Diagnostic failure = Assert.Single(kept.Diagnostics).ToDiagnostic();
        Assert.Equal("ANTOM0099", failure.Id);
        Assert.Equal("/s/broken.schema.json", failure.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_union_branch_the_emitter_fails_on_takes_the_union_and_its_other_branches_with_it()
    {
        // A branch the emitter cannot write: its union (whose reader names it) and the union's other branch (which
        // derives from the union) must go too, or the generated code would not compile.
        var broken = new Model.RecordModel("N", "Bad", null, "u.schema.json", "/s/u.schema.json",
            new[] { new Model.PropertyModel("x", "X", null, true, new Model.ValueModel(Model.ValueKind.Array, Item: new Model.ValueModel(Model.ValueKind.Const, ConstValue: "C"))) }.ToEquatableArray(), Union: "U", Discriminator: "k");
        var good = new Model.RecordModel("N", "Good", null, "u.schema.json", "/s/u.schema.json",
            new[] { new Model.PropertyModel("k", "K", null, true, new Model.ValueModel(Model.ValueKind.Const, ConstValue: "G")) }.ToEquatableArray(), Union: "U", Discriminator: "k");
        var union = new Model.UnionModel("N", "U", null, "u.schema.json", "/s/u.schema.json", "k", "K",
            new[] { new Model.UnionBranchModel("Bad", "B"), new Model.UnionBranchModel("Good", "G") }.ToEquatableArray());
        var fine = new Model.RecordModel("N", "Fine", null, "fine.schema.json", "/s/fine.schema.json",
            new[] { new Model.PropertyModel("s", "S", null, true, new Model.ValueModel(Model.ValueKind.String)) }.ToEquatableArray());
        var model = new Model.ContractsModel(
            new Model.TypeModel[] { broken, good, union, fine }.ToEquatableArray(),
            new Model.ResolverModel("N", "R", new[] { "Bad", "Good", "U", "Fine" }.ToEquatableArray(), Model.ImmutableEquatableArray<string>.Empty, Model.ImmutableEquatableArray<string>.Empty),
            Model.ImmutableEquatableArray<Model.DiagnosticInfo>.Empty);

        Model.ContractsModel kept = ContractsGenerator.LeaveOutUnemittable(model);

        Assert.Equal(["Fine"], kept.Types.Select(t => t.Name));
        Assert.Equal(["Fine"], kept.Emitted!.Select(e => e.Name));
        Assert.Equal(["Fine"], kept.Resolver!.RecordTypes);
        Assert.Equal("ANTOM0099", Assert.Single(kept.Diagnostics).ToDiagnostic().Id);
    }

    [Fact]
    public void Ten_thousand_properties_generate_without_failure()
    {
        var properties = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"p{i}\":{{\"type\":\"string\",\"maxLength\":8}}"));
        string schema = "{\"title\":\"Wide\",\"type\":\"object\",\"required\":[\"p0\",\"p9999\"],\"properties\":{" + properties + "}}";
        GeneratorRunResult run = GeneratorHarness.Driver(Files(("wide.schema.json", schema))).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.Null(run.Exception);
        Assert.Empty(run.Diagnostics);
        string source = run.GeneratedSources.Single(s => s.HintName.Contains("Wide", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public string? P5000 { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("ulong seen156 = 0;", source, StringComparison.Ordinal); // 10,000 properties need 157 seen-words
    }

    private static (string Path, string Text)[] Files(params (string Name, string Text)[] files) => files.Select(f => ("/s/" + f.Name, f.Text)).ToArray();

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Nest(string keyword, int depth)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            sb.Append("{\"").Append(keyword).Append("\":[");
        }

        sb.Append("{\"type\":\"string\"}");
        for (int i = 0; i < depth; i++)
        {
            sb.Append("]}");
        }

        return sb.ToString();
    }
}
