using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Antom.Contracts.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Antom.Contracts.Generator.Emitting;

/// <content>Records: the immutable record and its converter (read, validate, write), one <c>case</c> per property.</content>
internal static partial class Emitter
{
    private static string EmitRecord(RecordModel model)
    {
        SourceWriter w = Begin(model.Namespace);
        string self = Global(model.Namespace, model.Name);
        string converter = Global(model.Namespace, model.Name + "JsonConverter");
        var props = model.Properties.Select((p, i) => new Property(p, i, model.Namespace)).ToList();

        w.Summary(model.Description);
        w.Line($"/// <remarks>Generated from {Xml(model.SchemaFile)}. Read and write it with <see cref=\"{Runtime}AntomJson\"/>.</remarks>");
        w.Line($"[{Json}Serialization.JsonConverter(typeof({converter}))]");
        w.Line(GeneratedCode);
        string union = model.Union is null ? string.Empty : Global(model.Namespace, model.Union) + ", ";
        w.Open($"public sealed partial record {model.Name} : {union}{Runtime}IAntomJsonContract<{self}>");
        foreach (Property p in props)
        {
            w.Summary(p.Model.Description);
            bool overrides = p.Model.JsonName == model.Discriminator; // the union's abstract discriminator
            string declared = $"public {(p.Model.Required ? "required " : string.Empty)}{p.Type}{(p.NeverNull ? string.Empty : "?")} {p.Model.CSharpName}";
            if (p.Model.Value.Kind == ValueKind.Const)
            {
                w.Line($"public {(overrides ? "override " : string.Empty)}string {p.Model.CSharpName} => {Literal(p.Model.Value.ConstValue!)};");
            }
            else if (p.PackedStorage is { } storage)
            {
                // An optional amount or date-time keeps its presence inside 16 bytes rather than T?'s 24.
                w.Line($"{declared} {{ get => {p.Field}.Value; init => {p.Field} = new(value); }}");
                w.Line();
                w.Line($"private readonly {storage} {p.Field};");
            }
            else
            {
                w.Line($"{declared} {{ get; init; }}");
            }

            w.Line();
        }

        if (props.Any(p => IsSensitive(p.Model.Value)))
        {
            EmitPrintMembers(w, model, props);
        }

        EmitReadingConstructor(w, model, converter, props);
        w.Line();
        EmitContractMembers(w, self, converter);
        w.Close();
        w.Line();

        w.Line($"/// <summary>Reads and writes <see cref=\"{model.Name}\"/> directly on <see cref=\"{Serialization}AntomJsonReader\"/> and <see cref=\"{Serialization}ContractJsonWriter\"/>, checking every rule of its schema.</summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed class {model.Name}JsonConverter : {Json}Serialization.JsonConverter<{self}>");
        w.Line($"internal static readonly {Serialization}PropertyNames Names = new({string.Join(", ", props.Select(p => Literal(p.Model.JsonName)))});");
        foreach (Property p in props)
        {
            foreach (string field in p.Emitter.Fields(p.Context))
            {
                w.Line(field);
            }
        }

        w.Line();
        EmitConverterOverrides(w, self);
        w.Line($"internal static {self} ReadCore({ReaderParameter}) => new(ref reader);");
        w.Line();
        EmitMatchName(w, props);
        w.Line();
        EmitValidateCore(w, model, self, props);
        w.Line();
        EmitWriteCore(w, self, props);
        w.Close();
        return w.ToString();
    }

    // The record reads itself: each property is set as it is read, so an absent one costs nothing (no local to clear,
    // no copy into an object initializer). The public parameterless constructor is declared because this one is.
    private static void EmitReadingConstructor(SourceWriter w, RecordModel model, string converter, List<Property> props)
    {
        int words = (props.Count + 63) / 64;
        w.Line("/// <summary>An empty record, for an object initializer that sets the required members.</summary>");
        w.Line($"public {model.Name}()");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line($"// Reads the record from the reader on its first token, checking every rule of its schema; {model.Name}JsonConverter.ReadCore calls it.");
        w.Line("// One exception handler for the whole object: `current` names the property a syntax error interrupted.");
        w.Line("// Every required member is set before it returns (RequireAll), which the compiler's flow analysis cannot see.");
        w.Line("#pragma warning disable CS8618");
        w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        w.Open($"internal {model.Name}({ReaderParameter})");
        w.Line($"{Serialization}ContractReader.ExpectObject(ref reader, {Literal(model.Name)});");
        for (int k = 0; k < words; k++)
        {
            w.Line($"ulong {Seen(k, words)} = 0;");
        }

        w.Line("string? current = null;");
        w.Line($"var properties = new {Serialization}PropertyCursor({converter}.Names);");
        w.Open("try");
        w.Open($"for (int index; (index = properties.Next(ref reader)) != {Serialization}PropertyCursor.End; current = null)");
        w.Open($"if (index == {Serialization}PropertyCursor.Unmatched)");
        w.Line($"index = properties.Matched(reader.ValueIsEscaped ? {converter}.Names.Match(ref reader) : {converter}.MatchName(reader.ValueSpan));");
        w.Close();
        w.Line();
        w.Open("switch (index)");
        foreach (Property p in props)
        {
            w.Line($"case {Int(p.Index)}:");
            w.Indent();
            w.Line($"current = {Literal(p.Model.JsonName)};");
            w.Line($"{Serialization}ContractReader.EnterValue(ref reader, ref {Seen(p.Index / 64, words)}, 0x{(1UL << (p.Index % 64)).ToString("X", CultureInfo.InvariantCulture)}UL, current);");
            string read = p.Emitter.Read(p.Context with { FieldOwner = converter + "." }, "current");
            w.Line(!p.HasValue
                ? read + ";"
                : p.NeverNull
                    ? $"{p.Model.CSharpName} = {read};"
                    : $"{p.Model.CSharpName} = {Serialization}ContractReader.IsNull(ref reader) ? null : {read};");
            w.Line("break;");
            w.Outdent();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"{Serialization}ContractReader.SkipValue(ref reader);");
        w.Line("break;");
        w.Outdent();
        w.Close();
        w.Close();
        w.Close();
        w.Open($"catch ({Json}JsonException e) when (e is not {Runtime}AntomPayloadException)");
        w.Line($"throw {Serialization}ContractReader.Malformed(current, e);");
        w.Close();
        w.Open("catch (global::System.InvalidOperationException e)");
        w.Line($"throw {Serialization}ContractReader.InvalidText(current, e);");
        w.Close();
        w.Line();

        for (int k = 0; k < words; k++)
        {
            ulong mask = 0;
            foreach (Property p in props.Where(p => p.Model.Required && p.Index / 64 == k))
            {
                mask |= 1UL << (p.Index % 64);
            }

            if (mask != 0)
            {
                string names = k == 0 ? $"{converter}.Names.Json" : $"{converter}.Names.Json.Slice({Int(k * 64)})";
                w.Line($"{Serialization}ContractReader.RequireAll({Seen(k, words)}, 0x{mask.ToString("X", CultureInfo.InvariantCulture)}UL, {names});");
            }
        }

        _ = EmitRequiredAlternatives(w, model, props, p => "this." + p.Model.CSharpName);
        w.Close();
        w.Line("#pragma warning restore CS8618");
    }

    // The property index of a name the reader holds unescaped in one span: by UTF-8 length, then the bytes, compared
    // with constants the JIT unrolls. Escaped or segmented names go through PropertyNames.Match.
    private static void EmitMatchName(SourceWriter w, List<Property> props)
    {
        w.Open("internal static int MatchName(global::System.ReadOnlySpan<byte> name)");
        var byLength = props.GroupBy(p => System.Text.Encoding.UTF8.GetByteCount(p.Model.JsonName)).OrderBy(g => g.Key).ToList();
        w.Open("switch (name.Length)");
        foreach (IGrouping<int, Property> group in byLength)
        {
            w.Line($"case {Int(group.Key)}:");
            w.Indent();
            List<Property> same = group.ToList();
            int at = same.Count > 1 ? DistinguishingByte(same.Select(p => System.Text.Encoding.UTF8.GetBytes(p.Model.JsonName)).ToList(), group.Key) : -1;
            if (at >= 0)
            {
                // Names of one length told apart by one byte: a switch on it, then one comparison.
                w.Open($"switch (name[{Int(at)}])");
                foreach (Property p in same)
                {
                    w.Line($"case {Int(System.Text.Encoding.UTF8.GetBytes(p.Model.JsonName)[at])}:");
                    w.Indent();
                    w.Line($"return global::System.MemoryExtensions.SequenceEqual(name, {Literal(p.Model.JsonName)}u8) ? {Int(p.Index)} : -1;");
                    w.Outdent();
                }

                w.Close();
                w.Line();
            }
            else
            {
                foreach (Property p in same)
                {
                    w.Open($"if (global::System.MemoryExtensions.SequenceEqual(name, {Literal(p.Model.JsonName)}u8))");
                    w.Line($"return {Int(p.Index)};");
                    w.Close();
                    w.Line();
                }
            }

            w.Line("break;");
            w.Outdent();
        }

        w.Close();
        w.Line();
        w.Line("return -1;");
        w.Close();
    }

    // The first position at which every one of these names (all of one length) has a different byte; -1 if none.
    private static int DistinguishingByte(List<byte[]> names, int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (names.Select(n => n[i]).Distinct().Count() == names.Count)
            {
                return i;
            }
        }

        return -1;
    }

    private static void EmitValidateCore(SourceWriter w, RecordModel model, string self, List<Property> props)
    {
        w.Open($"internal static void ValidateCore({self} value)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        foreach (Property p in props)
        {
            if (p.Emitter.Check(p.Context, "value." + p.Model.CSharpName, Literal(p.Model.JsonName), p.NeverNull) is { } check)
            {
                w.Block(check);
            }
        }

        _ = EmitRequiredAlternatives(w, model, props, p => "value." + p.Model.CSharpName);
        w.Close();
    }

    // anyOf of required lists: unless one list is complete (every member in it present and not null), an error at
    // the first name. A member that can never be null completes its list by itself.
    private static bool EmitRequiredAlternatives(SourceWriter w, RecordModel model, List<Property> props, System.Func<Property, string> access)
    {
        if (model.RequiredAlternatives is not { Count: > 0 } alternatives)
        {
            return false;
        }

        string Incomplete(ImmutableEquatableArray<string> names)
        {
            string[] missing = names.Select(n => props.Single(p => p.Model.JsonName == n)).Where(p => !p.NeverNull).Select(p => $"{access(p)} is null").ToArray();
            return missing.Length == 0 ? "false" : missing.Length == 1 || alternatives.Count == 1 ? string.Join(" || ", missing) : "(" + string.Join(" || ", missing) + ")";
        }

        w.Open($"if ({string.Join(" && ", alternatives.Select(Incomplete))})");
        w.Line($"throw {Serialization}ContractReader.NoneOf(new[] {{ {string.Join(", ", alternatives.Select(a => Literal(string.Join(" and ", a))))} }});");
        w.Close();
        return true;
    }

    // A sensitive string, or an array or map of them: printed as *** whole (not even the count is shown).
    private static bool IsSensitive(ValueModel value) => value.Sensitive || value.Item?.Sensitive == true;

    // ToString() through the record's PrintMembers, with every sensitive member (x-antom-sensitive) masked.
    private static void EmitPrintMembers(SourceWriter w, RecordModel model, List<Property> props)
    {
        w.Line("/// <summary>Prints the members for <see cref=\"ToString\"/>; sensitive ones (card number, CVV) print as <c>***</c>.</summary>");
        w.Open(model.Union is null ? "private bool PrintMembers(global::System.Text.StringBuilder builder)" : "protected override bool PrintMembers(global::System.Text.StringBuilder builder)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(builder);");
        for (int i = 0; i < props.Count; i++)
        {
            Property p = props[i];
            string name = (i == 0 ? string.Empty : ", ") + p.Model.CSharpName + " = ";
            w.Line(IsSensitive(p.Model.Value)
                ? $"builder.Append({Literal(name)}).Append({p.Model.CSharpName} is null ? null : \"***\");"
                : $"builder.Append({Literal(name)}).Append((object?){p.Model.CSharpName});");
        }

        w.Line("return true;");
        w.Close();
        w.Line();
    }

    private static void EmitWriteCore(SourceWriter w, string self, List<Property> props)
    {
        w.Line("// Writes a value that ValidateCore accepted; absent optional members are omitted.");
        w.Open($"internal static void WriteCore({WriterParameter}, {self} value)");
        w.Line("writer.WriteStartObject();");
        foreach (Property p in props)
        {
            string name = $"Names[{Int(p.Index)}]";
            if (p.Model.Required && p.Model.Nullable)
            {
                // Required, and null allowed: the member is always written, as null when it is null.
                w.Open($"if (value.{p.Model.CSharpName} is {{ }} {p.Local})");
                w.Block(p.Emitter.Write(p.Context, name, p.Local, required: true));
                w.Close();
                w.Open("else");
                w.Line($"writer.WriteNull({name});");
                w.Close();
            }
            else
            {
                w.Block(p.Emitter.Write(p.Context, name, "value." + p.Model.CSharpName, p.Model.Required));
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static string Seen(int word, int words) => words == 1 ? "seen" : "seen" + Int(word);

    /// <summary>One property as the record emitter uses it: its model, its kind's emitter, and its local's name.</summary>
    private sealed class Property
    {
        private static readonly HashSet<string> Taken = new(System.StringComparer.Ordinal) { "reader", "current", "e", "value", "writer", "options", "typeToConvert", "Names", "element", "i" };

        public Property(PropertyModel model, int index, string ns)
        {
            Model = model;
            Emitter = ValueEmitter.For(model.Value.Kind);
            Context = new ValueEmitter.Context(model.Value, ns, model.CSharpName);
            Index = index;
            Local = LocalName(model.CSharpName);
        }

        public PropertyModel Model { get; }

        public ValueEmitter Emitter { get; }

        public ValueEmitter.Context Context { get; }

        public int Index { get; }

        public string Local { get; }

        public bool HasValue => Model.Value.Kind != ValueKind.Const;

        /// <summary>Required and not nullable: its C# type is not nullable, and null is an error.</summary>
        public bool NeverNull => Model.Required && !Model.Nullable;

        public string Type => Emitter.Type(Context);

        /// <summary>The packed backing field's type of an optional value that has one (see <see cref="ValueEmitter.OptionalStorage"/>).</summary>
        public string? PackedStorage => NeverNull ? null : Emitter.OptionalStorage;

        /// <summary>The backing field's name, when <see cref="PackedStorage"/> is not null.</summary>
        public string Field => "_" + char.ToLowerInvariant(Model.CSharpName[0]) + Model.CSharpName.Substring(1);

        private static string LocalName(string csharpName)
        {
            string camel = char.ToLowerInvariant(csharpName[0]) + csharpName.Substring(1);
            if (Taken.Contains(camel) || camel.StartsWith("seen", System.StringComparison.Ordinal))
            {
                camel += "Value";
            }

            return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(camel) != SyntaxKind.None
                ? "@" + camel
                : camel;
        }
    }
}
