using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Antom.Contracts.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Antom.Contracts.Generator.Emitting;

/// <summary>Turns one model into C# source. Pure: the same model always gives the same text.</summary>
internal static class Emitter
{
    private const string Runtime = "global::Antom.Contracts.";
    private const string Serialization = "global::Antom.Contracts.Serialization.";
    private const string Json = "global::System.Text.Json.";
    private const string Reader = "ref " + Json + "Utf8JsonReader reader";
    private const string Writer = Json + "Utf8JsonWriter writer";

    private static readonly string GeneratedCode =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"Antom.Contracts.Generator\", \"{typeof(Emitter).Assembly.GetName().Version}\")]";

    public static string HintName(TypeModel type) => HintName(type.Namespace + "." + type.Name);

    public static string HintName(string name)
    {
        var sb = new StringBuilder(name.Length + 5);
        foreach (char c in name)
        {
            sb.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' ? c : '_');
        }

        if (sb.ToString() != name)
        {
            sb.Append('_').Append(((uint)StableHash(name)).ToString("x8", CultureInfo.InvariantCulture));
        }

        return sb.Append(".g.cs").ToString();
    }

    public static string Emit(TypeModel type) => type switch
    {
        RecordModel record => EmitRecord(record),
        EnumModel { IsOpen: true } open => EmitOpenSet(open),
        EnumModel closed => EmitClosedEnum(closed),
        _ => throw new System.ArgumentException("unknown model " + type.GetType().Name),
    };

    // ---- records ---------------------------------------------------------------------------------------------------

    private static string EmitRecord(RecordModel model)
    {
        var w = Begin(model.Namespace);
        string self = Global(model.Namespace, model.Name);
        string converter = Global(model.Namespace, model.Name + "JsonConverter");
        ImmutableEquatableArray<PropertyModel> props = model.Properties;

        w.Summary(model.Description);
        w.Line($"/// <remarks>Generated from {StringEscape(model.SchemaFile)}. Read and write it with <see cref=\"{Runtime}AntomJson\"/>.</remarks>");
        w.Line($"[{Json}Serialization.JsonConverter(typeof({converter}))]");
        w.Line(GeneratedCode);
        w.Open($"public sealed partial record {model.Name} : {Runtime}IAntomJsonContract<{self}>");
        foreach (PropertyModel p in props)
        {
            w.Summary(p.Description);
            if (p.Value.Kind == ValueKind.Const)
            {
                w.Line($"public string {p.CSharpName} => {Literal(p.Value.ConstValue!)};");
            }
            else
            {
                w.Line($"public {(p.Required ? "required " : string.Empty)}{TypeOf(model.Namespace, p.Value, !p.Required)} {p.CSharpName} {{ get; init; }}");
            }

            w.Line();
        }

        w.Line($"static {self} {Runtime}IAntomJsonContract<{self}>.ReadJson({Reader}) => {converter}.ReadCore(ref reader);");
        w.Line();
        w.Line($"static void {Runtime}IAntomJsonContract<{self}>.Validate({self} value) => {converter}.ValidateCore(value);");
        w.Line();
        w.Line($"static void {Runtime}IAntomJsonContract<{self}>.WriteJson({Writer}, {self} value) => {converter}.WriteCore(writer, value);");
        w.Close();
        w.Line();

        EmitRecordConverter(w, model, self);
        return End(w);
    }

    private static void EmitRecordConverter(SourceWriter w, RecordModel model, string self)
    {
        ImmutableEquatableArray<PropertyModel> props = model.Properties;
        w.Line($"/// <summary>Reads and writes <see cref=\"{model.Name}\"/> directly on <see cref=\"{Json}Utf8JsonReader\"/> and <see cref=\"{Json}Utf8JsonWriter\"/>, checking every rule of its schema.</summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed class {model.Name}JsonConverter : {Json}Serialization.JsonConverter<{self}>");
        for (int i = 0; i < props.Count; i++)
        {
            w.Line($"private static readonly {Json}JsonEncodedText Name{i} = {Json}JsonEncodedText.Encode({Literal(props[i].JsonName)});");
            if (props[i].Value.Kind == ValueKind.Const)
            {
                w.Line($"private static readonly {Json}JsonEncodedText Const{i} = {Json}JsonEncodedText.Encode({Literal(props[i].Value.ConstValue!)});");
            }

            string? pattern = props[i].Value.Pattern ?? props[i].Value.Item?.Pattern;
            if (pattern is not null)
            {
                w.Line($"private static readonly global::System.Text.RegularExpressions.Regex Pattern{i} = new({Literal(pattern)}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));");
            }
        }

        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override {self} Read({Reader}, global::System.Type typeToConvert, {Json}JsonSerializerOptions options) => ReadCore(ref reader);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public override void Write({Writer}, {self} value, {Json}JsonSerializerOptions options)");
        w.Line("ValidateCore(value);");
        w.Line("WriteCore(writer, value);");
        w.Close();
        w.Line();

        EmitReadCore(w, model, self);
        w.Line();
        EmitMatch(w, props);
        w.Line();
        EmitValidateCore(w, model, self);
        w.Line();
        EmitWriteCore(w, model, self);
        w.Close();
    }

    private static void EmitReadCore(SourceWriter w, RecordModel model, string self)
    {
        ImmutableEquatableArray<PropertyModel> props = model.Properties;
        int words = (props.Count + 63) / 64;
        w.Line($"/// <summary>Reads one <see cref=\"{model.Name}\"/>; the reader is on its first token. Errors are rooted at the object (<c>$</c>).</summary>");
        w.Open($"public static {self} ReadCore({Reader})");
        w.Line($"{Serialization}ContractReader.ExpectObject(ref reader, {Literal(model.Name)});");
        for (int i = 0; i < props.Count; i++)
        {
            if (props[i].Value.Kind != ValueKind.Const)
            {
                w.Line($"{TypeOf(model.Namespace, props[i].Value, nullable: true)} v{i} = default;");
            }
        }

        for (int k = 0; k < words; k++)
        {
            w.Line($"ulong seen{k} = 0;");
        }

        // One exception handler for the whole object: the reader is driven directly, and a syntax error is reported at
        // the property being read when it happened (`current`), so the happy path pays for no handler per token.
        w.Line("string? current = null;");
        w.Open("try");
        w.Open("while (true)");
        w.Line("current = null;");
        w.Open("if (!reader.Read())");
        w.Line($"throw {Serialization}ContractReader.EndOfInput(null);");
        w.Close();
        w.Line();
        w.Open($"if (reader.TokenType != {Json}JsonTokenType.PropertyName)");
        w.Line("break;");
        w.Close();
        w.Line();
        w.Open("switch (Match(ref reader))");
        for (int i = 0; i < props.Count; i++)
        {
            PropertyModel p = props[i];
            string bit = $"(1UL << {i % 64})";
            string name = Literal(p.JsonName);
            w.Line($"case {i}:");
            w.Indent();
            w.Open($"if ((seen{i / 64} & {bit}) != 0)");
            w.Line($"throw {Serialization}ContractReader.Duplicate({name});");
            w.Close();
            w.Line();
            w.Line($"seen{i / 64} |= {bit};");
            w.Line($"current = {name};");
            w.Open("if (!reader.Read())");
            w.Line($"throw {Serialization}ContractReader.EndOfInput(current);");
            w.Close();
            w.Line();
            EmitReadValue(w, model.Namespace, p, i, name);
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
        w.Line("// The reader's own complaint about text it cannot decode (invalid UTF-8, a lone surrogate escape).");
        w.Line($"throw {Serialization}ContractReader.InvalidText(current, e);");
        w.Close();
        w.Line();

        for (int k = 0; k < words; k++)
        {
            ulong mask = 0;
            for (int i = k * 64; i < System.Math.Min(props.Count, (k + 1) * 64); i++)
            {
                if (props[i].Required)
                {
                    mask |= 1UL << (i % 64);
                }
            }

            if (mask == 0)
            {
                continue;
            }

            string maskText = "0x" + mask.ToString("X", CultureInfo.InvariantCulture) + "UL";
            w.Open($"if ((seen{k} & {maskText}) != {maskText})");
            for (int i = k * 64; i < System.Math.Min(props.Count, (k + 1) * 64); i++)
            {
                if (props[i].Required)
                {
                    w.Open($"if ((seen{k} & (1UL << {i % 64})) == 0)");
                    w.Line($"throw {Serialization}ContractReader.Missing({Literal(props[i].JsonName)});");
                    w.Close();
                }
            }

            w.Close();
            w.Line();
        }

        var init = props.Select((p, i) => (p, i)).Where(x => x.p.Value.Kind != ValueKind.Const).ToList();
        if (init.Count == 0)
        {
            w.Line($"return new {self}();");
        }
        else
        {
            w.Line($"return new {self}");
            w.Line("{");
            w.Indent();
            foreach ((PropertyModel p, int i) in init)
            {
                string value = !p.Required ? $"v{i}" : IsValueType(p.Value) ? $"v{i}.GetValueOrDefault()" : $"v{i}!";
                w.Line($"{p.CSharpName} = {value},");
            }

            w.Outdent();
            w.Line("};");
        }

        w.Close();
    }

    private static void EmitReadValue(SourceWriter w, string ns, PropertyModel p, int i, string name)
    {
        ValueModel v = p.Value;
        if (v.Kind == ValueKind.Const)
        {
            w.Line($"{Serialization}ContractReader.ReadConst(ref reader, {name}, {Literal(v.ConstValue!)}u8, {Literal(v.ConstValue!)});");
            return;
        }

        bool nullCheck = v.Kind is not (ValueKind.Money or ValueKind.Raw);
        if (v.Kind == ValueKind.Raw && !p.Required)
        {
            nullCheck = true;
        }

        if (nullCheck || !p.Required)
        {
            w.Open($"if (reader.TokenType == {Json}JsonTokenType.Null)");
            w.Line(p.Required ? $"throw {Serialization}ContractReader.Null({name});" : "// null for an optional member means absent");
            w.Close();
            w.Open("else");
        }

        if (v.Kind == ValueKind.Array)
        {
            ValueModel item = v.Item!;
            string itemType = TypeOf(ns, item, nullable: false);
            w.Line($"{Serialization}ContractReader.ExpectArray(ref reader, {name});");
            w.Line($"var list{i} = new {Serialization}ValueListBuilder<{itemType}>();");
            w.Open("while (true)");
            w.Open("if (!reader.Read())");
            w.Line($"throw {Serialization}ContractReader.EndOfInput(current);");
            w.Close();
            w.Line();
            w.Open($"if (reader.TokenType == {Json}JsonTokenType.EndArray)");
            w.Line("break;");
            w.Close();
            w.Line();
            w.Open($"if (reader.TokenType == {Json}JsonTokenType.Null)");
            w.Line($"throw {Serialization}ContractReader.AtIndex({Serialization}ContractReader.Null({name}), {name}, list{i}.Count);");
            w.Close();
            w.Line();
            if (item.Kind == ValueKind.Record)
            {
                w.Open("try");
                w.Line($"list{i}.Add({ConverterOf(ns, item)}.ReadCore(ref reader));");
                w.Close();
                w.Open($"catch ({Runtime}AntomPayloadException e)");
                w.Line($"throw {Serialization}ContractReader.Under(e, {name}, list{i}.Count);");
                w.Close();
            }
            else
            {
                w.Open("try");
                w.Line($"list{i}.Add({ReadExpression(ns, item, name, $"Pattern{i}")});");
                w.Close();
                w.Open($"catch ({Runtime}AntomPayloadException e)");
                w.Line($"throw {Serialization}ContractReader.AtIndex(e, {name}, list{i}.Count);");
                w.Close();
            }

            w.Close();
            w.Line();
            w.Line($"v{i} = list{i}.ToValueList();");
        }
        else if (v.Kind == ValueKind.Record)
        {
            w.Open("try");
            w.Line($"v{i} = {ConverterOf(ns, v)}.ReadCore(ref reader);");
            w.Close();
            w.Open($"catch ({Runtime}AntomPayloadException e)");
            w.Line($"throw {Serialization}ContractReader.Under(e, {name});");
            w.Close();
        }
        else
        {
            w.Line($"v{i} = {ReadExpression(ns, v, name, $"Pattern{i}")};");
        }

        if (nullCheck || !p.Required)
        {
            w.Close();
        }

        w.Line();
    }

    private static string ReadExpression(string ns, ValueModel v, string name, string patternField) => v.Kind switch
    {
        ValueKind.String when v.Pattern is not null => $"{Serialization}ContractReader.CheckPattern({Serialization}ContractReader.ReadString(ref reader, {name}, {Int(v.MaxLength)}), {name}, {patternField})",
        ValueKind.String => $"{Serialization}ContractReader.ReadString(ref reader, {name}, {Int(v.MaxLength)})",
        ValueKind.Boolean => $"{Serialization}ContractReader.ReadBoolean(ref reader, {name})",
        ValueKind.DateTime => $"{Serialization}ContractReader.ReadDateTime(ref reader, {name})",
        ValueKind.Money => $"{Serialization}ContractReader.ReadMoney(ref reader, {name})",
        ValueKind.Raw => $"{Serialization}ContractReader.ReadRawJson(ref reader, {name})",
        ValueKind.ClosedEnum or ValueKind.OpenSet => $"{ConverterOf(ns, v)}.ReadCore(ref reader, {name})",
        _ => throw new System.ArgumentException("no reader for " + v.Kind),
    };

    private static void EmitMatch(SourceWriter w, ImmutableEquatableArray<PropertyModel> props)
    {
        w.Open($"private static int Match({Reader})");
        w.Open("if (reader.ValueIsEscaped || reader.HasValueSequence)");
        for (int i = 0; i < props.Count; i++)
        {
            w.Open($"if (reader.ValueTextEquals({Literal(props[i].JsonName)}u8))");
            w.Line($"return {Int(i)};");
            w.Close();
            w.Line();
        }

        w.Line("return -1;");
        w.Close();
        w.Line();
        w.Line("global::System.ReadOnlySpan<byte> name = reader.ValueSpan;");
        var byLength = props.Select((p, i) => (Bytes: Encoding.UTF8.GetByteCount(p.JsonName), p.JsonName, Index: i)).GroupBy(x => x.Bytes).OrderBy(g => g.Key);
        w.Open("switch (name.Length)");
        foreach (var group in byLength)
        {
            w.Line($"case {Int(group.Key)}:");
            w.Indent();
            foreach (var entry in group)
            {
                w.Open($"if (global::System.MemoryExtensions.SequenceEqual(name, {Literal(entry.JsonName)}u8))");
                w.Line($"return {Int(entry.Index)};");
                w.Close();
                w.Line();
            }

            w.Line("return -1;");
            w.Outdent();
        }

        w.Line("default:");
        w.Indent();
        w.Line("return -1;");
        w.Outdent();
        w.Close();
        w.Close();
    }

    private static void EmitValidateCore(SourceWriter w, RecordModel model, string self)
    {
        w.Line($"/// <summary>Checks every rule of the schema on <paramref name=\"value\"/>, so that an invalid value is refused before anything is written.</summary>");
        w.Open($"public static void ValidateCore({self} value)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        ImmutableEquatableArray<PropertyModel> props = model.Properties;
        for (int i = 0; i < props.Count; i++)
        {
            PropertyModel p = props[i];
            ValueModel v = p.Value;
            string name = Literal(p.JsonName);
            string access = "value." + p.CSharpName;
            if (v.Kind == ValueKind.Const || v.Kind == ValueKind.Boolean || v.Kind == ValueKind.DateTime)
            {
                continue; // always valid by construction
            }

            if (IsValueType(v))
            {
                string local = $"p{i}";
                if (p.Required)
                {
                    w.Line($"{TypeOf(model.Namespace, v, nullable: false)} {local} = {access};");
                    EmitValidateValue(w, model.Namespace, v, local, name, i);
                }
                else
                {
                    w.Open($"if ({access} is {{ }} {local})");
                    EmitValidateValue(w, model.Namespace, v, local, name, i);
                    w.Close();
                }

                continue;
            }

            if (p.Required)
            {
                w.Line($"{Serialization}ContractWriter.RequireNotNull({access}, {name});");
            }

            if (v.Kind is ValueKind.String or ValueKind.Record or ValueKind.Array)
            {
                w.Open($"if ({access} is {{ }} p{i})");
                EmitValidateValue(w, model.Namespace, v, $"p{i}", name, i);
                w.Close();
            }
        }

        w.Close();
    }

    private static void EmitValidateValue(SourceWriter w, string ns, ValueModel v, string local, string name, int i)
    {
        switch (v.Kind)
        {
            case ValueKind.String:
                if (v.MaxLength >= 0)
                {
                    w.Line($"{Serialization}ContractWriter.CheckLength({local}, {name}, {Int(v.MaxLength)});");
                }

                if (v.Pattern is not null)
                {
                    w.Line($"{Serialization}ContractWriter.CheckPattern({local}, {name}, Pattern{i});");
                }

                break;
            case ValueKind.Money:
                w.Line($"{Serialization}ContractWriter.CheckMoney({local}, {name});");
                break;
            case ValueKind.ClosedEnum or ValueKind.OpenSet:
                w.Line($"{ConverterOf(ns, v)}.Check({local}, {name});");
                break;
            case ValueKind.Record:
                w.Open("try");
                w.Line($"{ConverterOf(ns, v)}.ValidateCore({local});");
                w.Close();
                w.Open($"catch ({Runtime}AntomPayloadException e)");
                w.Line($"throw {Serialization}ContractReader.Under(e, {name});");
                w.Close();
                break;
            case ValueKind.Array:
                ValueModel item = v.Item!;
                w.Open($"for (int i = 0; i < {local}.Count; i++)");
                if (!IsValueType(item))
                {
                    w.Line($"{Serialization}ContractWriter.RequireElement({local}[i], {name}, i);");
                }

                if (item.Kind is ValueKind.Boolean or ValueKind.DateTime or ValueKind.Raw)
                {
                    w.Close();
                    break;
                }

                w.Open("try");
                if (item.Kind == ValueKind.Record)
                {
                    w.Line($"{ConverterOf(ns, item)}.ValidateCore({local}[i]);");
                }
                else
                {
                    EmitValidateValue(w, ns, item, $"{local}[i]", name, i);
                }

                w.Close();
                w.Open($"catch ({Runtime}AntomPayloadException e)");
                w.Line(item.Kind == ValueKind.Record
                    ? $"throw {Serialization}ContractReader.Under(e, {name}, i);"
                    : $"throw {Serialization}ContractReader.AtIndex(e, {name}, i);");
                w.Close();
                w.Close();
                break;
        }
    }

    private static void EmitWriteCore(SourceWriter w, RecordModel model, string self)
    {
        w.Line($"/// <summary>Writes one <see cref=\"{model.Name}\"/> that <see cref=\"ValidateCore\"/> accepted. Absent optional members are omitted.</summary>");
        w.Open($"public static void WriteCore({Writer}, {self} value)");
        w.Line("writer.WriteStartObject();");
        ImmutableEquatableArray<PropertyModel> props = model.Properties;
        for (int i = 0; i < props.Count; i++)
        {
            PropertyModel p = props[i];
            string access = "value." + p.CSharpName;
            if (p.Value.Kind == ValueKind.Const)
            {
                w.Line($"writer.WriteString(Name{i}, Const{i});");
                continue;
            }

            if (p.Required)
            {
                EmitWriteProperty(w, model.Namespace, p.Value, $"Name{i}", access);
            }
            else
            {
                w.Open($"if ({access} is {{ }} p{i})");
                EmitWriteProperty(w, model.Namespace, p.Value, $"Name{i}", $"p{i}");
                w.Close();
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static void EmitWriteProperty(SourceWriter w, string ns, ValueModel v, string nameField, string access)
    {
        switch (v.Kind)
        {
            case ValueKind.String:
                w.Line($"writer.WriteString({nameField}, {access});");
                break;
            case ValueKind.Boolean:
                w.Line($"writer.WriteBoolean({nameField}, {access});");
                break;
            case ValueKind.DateTime:
                w.Line($"{Serialization}ContractWriter.WriteDateTime(writer, {nameField}, {access});");
                break;
            case ValueKind.Money:
                w.Line($"{Serialization}ContractWriter.WriteMoney(writer, {nameField}, {access});");
                break;
            case ValueKind.Raw:
                w.Line($"{Serialization}ContractWriter.WriteRawJson(writer, {nameField}, {access});");
                break;
            case ValueKind.ClosedEnum:
                w.Line($"writer.WriteString({nameField}, {ConverterOf(ns, v)}.ToEncodedWireValue({access}));");
                break;
            case ValueKind.OpenSet:
                w.Line($"{ConverterOf(ns, v)}.WriteProperty(writer, {nameField}, {access});");
                break;
            case ValueKind.Record:
                w.Line($"writer.WritePropertyName({nameField});");
                w.Line($"{ConverterOf(ns, v)}.WriteCore(writer, {access});");
                break;
            case ValueKind.Array:
                w.Line($"writer.WritePropertyName({nameField});");
                w.Line("writer.WriteStartArray();");
                w.Open($"foreach ({TypeOf(ns, v.Item!, nullable: false)} item in {access})");
                EmitWriteElement(w, ns, v.Item!);
                w.Close();
                w.Line("writer.WriteEndArray();");
                break;
        }
    }

    private static void EmitWriteElement(SourceWriter w, string ns, ValueModel item)
    {
        string line = item.Kind switch
        {
            ValueKind.String => "writer.WriteStringValue(item);",
            ValueKind.Boolean => "writer.WriteBooleanValue(item);",
            ValueKind.DateTime => $"{Serialization}ContractWriter.WriteDateTimeValue(writer, item);",
            ValueKind.Money => $"{Runtime}MoneyJsonConverter.WriteMoney(writer, item);",
            ValueKind.Raw => $"{Serialization}ContractWriter.WriteRawJsonValue(writer, item);",
            ValueKind.ClosedEnum => $"writer.WriteStringValue({ConverterOf(ns, item)}.ToEncodedWireValue(item));",
            ValueKind.OpenSet => "writer.WriteStringValue(item.Value);",
            ValueKind.Record => $"{ConverterOf(ns, item)}.WriteCore(writer, item);",
            _ => throw new System.ArgumentException("no element writer for " + item.Kind),
        };
        w.Line(line);
    }

    // ---- closed enums ----------------------------------------------------------------------------------------------

    private static string EmitClosedEnum(EnumModel model)
    {
        var w = Begin(model.Namespace);
        string self = Global(model.Namespace, model.Name);
        string allowed = string.Join(", ", model.Members.Select(m => m.WireValue));
        w.Summary(model.Description);
        w.Line($"/// <remarks>Generated from {StringEscape(model.SchemaFile)}. A closed set: reading any other value is an error. Members start at 1, so <c>default</c> is none of them.</remarks>");
        if (model.IsExhaustive)
        {
            w.Line($"[{Serialization}AntomClosedEnum]");
        }

        w.Line($"[{Json}Serialization.JsonConverter(typeof({Global(model.Namespace, model.Name + "JsonConverter")}))]");
        w.Line(GeneratedCode);
        w.Open($"public enum {model.Name}");
        for (int i = 0; i < model.Members.Count; i++)
        {
            EnumMemberModel m = model.Members[i];
            w.Summary($"<c>{StringEscape(m.WireValue)}</c>" + (m.Description is null ? string.Empty : ": " + m.Description));
            w.Line($"[{Serialization}AntomWireValue({Literal(m.WireValue)}{(m.Description is null ? string.Empty : ", Description = " + Literal(m.Description))})]");
            w.Line($"{m.CSharpName} = {Int(i + 1)},");
            if (i < model.Members.Count - 1)
            {
                w.Line();
            }
        }

        w.Close();
        w.Line();

        w.Line($"/// <summary>Reads and writes <see cref=\"{model.Name}\"/> as its wire values ({StringEscape(allowed)}).</summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed class {model.Name}JsonConverter : {Json}Serialization.JsonConverter<{self}>");
        w.Line("/// <summary>The wire values, as error messages list them.</summary>");
        w.Line($"public const string AllowedValues = {Literal(allowed)};");
        w.Line();
        for (int i = 0; i < model.Members.Count; i++)
        {
            w.Line($"private static readonly {Json}JsonEncodedText Wire{i} = {Json}JsonEncodedText.Encode({Literal(model.Members[i].WireValue)});");
        }

        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override {self} Read({Reader}, global::System.Type typeToConvert, {Json}JsonSerializerOptions options) => ReadCore(ref reader, null);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public override void Write({Writer}, {self} value, {Json}JsonSerializerOptions options)");
        w.Line("Check(value, null);");
        w.Line("writer.WriteStringValue(ToEncodedWireValue(value));");
        w.Close();
        w.Line();
        w.Line("/// <summary>Reads a member from its wire value; a missing, null or unrecognised value is an error, never a default member.</summary>");
        w.Open($"public static {self} ReadCore({Reader}, string? propertyName)");
        w.Line($"{Serialization}ContractReader.ExpectString(ref reader, propertyName);");
        for (int i = 0; i < model.Members.Count; i++)
        {
            w.Open($"if (reader.ValueTextEquals({Literal(model.Members[i].WireValue)}u8))");
            w.Line($"return {self}.{model.Members[i].CSharpName};");
            w.Close();
            w.Line();
        }

        w.Line($"throw {Serialization}ContractReader.NotInEnum(ref reader, propertyName, AllowedValues);");
        w.Close();
        w.Line();
        w.Line("/// <summary>Whether <paramref name=\"value\"/> is a member (a cast can make any number an enum value).</summary>");
        w.Line($"public static bool IsDefined({self} value) => (int)value is >= 1 and <= {Int(model.Members.Count)};");
        w.Line();
        w.Line("/// <summary>Validation: fails unless <paramref name=\"value\"/> is a member.</summary>");
        w.Open($"public static void Check({self} value, string? propertyName)");
        w.Open("if (!IsDefined(value))");
        w.Line($"throw {Serialization}ContractWriter.NotInEnum(propertyName, ((int)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture), AllowedValues);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <summary>The wire value of a member.</summary>");
        w.Line($"public static string ToWireValue({self} value) => ToEncodedWireValue(value).Value;");
        w.Line();
        w.Line("/// <summary>The pre-encoded wire value of a member.</summary>");
        w.Open($"public static {Json}JsonEncodedText ToEncodedWireValue({self} value)");
        w.Open("switch (value)");
        for (int i = 0; i < model.Members.Count; i++)
        {
            w.Line($"case {self}.{model.Members[i].CSharpName}:");
            w.Indent();
            w.Line($"return Wire{i};");
            w.Outdent();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"throw {Serialization}ContractWriter.NotInEnum(null, ((int)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture), AllowedValues);");
        w.Outdent();
        w.Close();
        w.Close();
        w.Close();
        return End(w);
    }

    // ---- open sets -------------------------------------------------------------------------------------------------

    private static string EmitOpenSet(EnumModel model)
    {
        var w = Begin(model.Namespace);
        string self = Global(model.Namespace, model.Name);
        w.Summary(model.Description);
        w.Line($"/// <remarks>Generated from {StringEscape(model.SchemaFile)}. An open set: the known values are static members, and any other string is kept and written back unchanged. Equality is ordinal.</remarks>");
        w.Line($"[{Json}Serialization.JsonConverter(typeof({Global(model.Namespace, model.Name + "JsonConverter")}))]");
        w.Line(GeneratedCode);
        w.Open($"public readonly partial struct {model.Name} : global::System.IEquatable<{self}>");
        w.Line("private readonly string? _value;");
        w.Line("private readonly int _known; // 1-based index of a known value, 0 for any other");
        w.Line();
        w.Line("/// <summary>Wraps a wire value, known or not.</summary>");
        w.Open($"public {model.Name}(string value)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        w.Line("_value = value;");
        w.Line("_known = IndexOf(value);");
        w.Close();
        w.Line();
        w.Open($"private {model.Name}(string value, int known)");
        w.Line("_value = value;");
        w.Line("_known = known;");
        w.Close();
        w.Line();
        for (int k = 0; k < model.Members.Count; k++)
        {
            EnumMemberModel m = model.Members[k];
            w.Summary($"<c>{StringEscape(m.WireValue)}</c>" + (m.Description is null ? string.Empty : ": " + m.Description));
            w.Line($"[{Serialization}AntomWireValue({Literal(m.WireValue)}{(m.Description is null ? string.Empty : ", Description = " + Literal(m.Description))})]");
            w.Line($"public static {self} {m.CSharpName} {{ get; }} = new({Literal(m.WireValue)}, {Int(k + 1)});");
            w.Line();
        }

        w.Line("/// <summary>Every value known when the library was generated.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{self}> Known {{ get; }} = global::System.Array.AsReadOnly(new {self}[] {{ {string.Join(", ", model.Members.Select(m => m.CSharpName))} }});");
        w.Line();
        w.Line("/// <summary>The wire value.</summary>");
        w.Line($"/// <exception cref=\"global::System.InvalidOperationException\">This is <c>default({model.Name})</c>, which holds no value.</exception>");
        w.Line($"public string Value => _value ?? throw new global::System.InvalidOperationException(\"default({model.Name}) holds no value.\");");
        w.Line();
        w.Line($"/// <summary><see langword=\"true\"/> for <c>default({model.Name})</c>, which holds no value.</summary>");
        w.Line("public bool IsDefault => _value is null;");
        w.Line();
        w.Line("/// <summary><see langword=\"true\"/> when the value is one of <see cref=\"Known\"/>.</summary>");
        w.Line("public bool IsKnown => _known != 0;");
        w.Line();
        w.Line("internal int KnownIndex => _known;");
        w.Line();
        w.Open("private static int IndexOf(string value)");
        w.Open("switch (value)");
        for (int k = 0; k < model.Members.Count; k++)
        {
            w.Line($"case {Literal(model.Members[k].WireValue)}:");
            w.Indent();
            w.Line($"return {Int(k + 1)};");
            w.Outdent();
        }

        w.Line("default:");
        w.Indent();
        w.Line("return 0;");
        w.Outdent();
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <summary>The known instance for <paramref name=\"value\"/>, or a new one wrapping it.</summary>");
        w.Open($"public static {self} FromWire(string value)");
        w.Open("switch (value)");
        foreach (EnumMemberModel m in model.Members)
        {
            w.Line($"case {Literal(m.WireValue)}:");
            w.Indent();
            w.Line($"return {m.CSharpName};");
            w.Outdent();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"return new {self}(value);");
        w.Outdent();
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <summary>The wire value (the empty string for <c>default</c>).</summary>");
        w.Line("public override string ToString() => _value ?? string.Empty;");
        w.Line();
        w.Line("/// <summary>Ordinal equality of the wire values.</summary>");
        w.Line($"public bool Equals({self} other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);");
        w.Line();
        w.Line("/// <summary>Ordinal equality of the wire values.</summary>");
        w.Line($"public static bool operator ==({self} left, {self} right) => left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Ordinal inequality of the wire values.</summary>");
        w.Line($"public static bool operator !=({self} left, {self} right) => !left.Equals(right);");
        w.Close();
        w.Line();

        w.Line($"/// <summary>Reads and writes <see cref=\"{model.Name}\"/> as its wire string.</summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed class {model.Name}JsonConverter : {Json}Serialization.JsonConverter<{self}>");
        w.Line($"private static readonly {Json}JsonEncodedText[] Encoded = new {Json}JsonEncodedText[] {{ {string.Join(", ", model.Members.Select(m => $"{Json}JsonEncodedText.Encode({Literal(m.WireValue)})"))} }};");
        w.Line();
        w.Line("/// <summary>Writes a property holding <paramref name=\"value\"/>; a known value is written pre-encoded.</summary>");
        w.Open($"public static void WriteProperty({Writer}, {Json}JsonEncodedText propertyName, {self} value)");
        w.Open("if (value.KnownIndex != 0)");
        w.Line("writer.WriteString(propertyName, Encoded[value.KnownIndex - 1]);");
        w.Close();
        w.Open("else");
        w.Line("writer.WriteString(propertyName, value.Value);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override {self} Read({Reader}, global::System.Type typeToConvert, {Json}JsonSerializerOptions options) => ReadCore(ref reader, null);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public override void Write({Writer}, {self} value, {Json}JsonSerializerOptions options)");
        w.Line("Check(value, null);");
        w.Line("writer.WriteStringValue(value.Value);");
        w.Close();
        w.Line();
        w.Line("/// <summary>Reads a value; a known one is the shared instance and allocates nothing.</summary>");
        w.Open($"public static {self} ReadCore({Reader}, string? propertyName)");
        w.Line($"{Serialization}ContractReader.ExpectString(ref reader, propertyName);");
        w.Open("if (!reader.ValueIsEscaped && !reader.HasValueSequence)");
        w.Line("global::System.ReadOnlySpan<byte> span = reader.ValueSpan;");
        w.Open("switch (span.Length)");
        foreach (var group in model.Members.GroupBy(m => Encoding.UTF8.GetByteCount(m.WireValue)).OrderBy(g => g.Key))
        {
            w.Line($"case {Int(group.Key)}:");
            w.Indent();
            foreach (EnumMemberModel m in group)
            {
                w.Open($"if (global::System.MemoryExtensions.SequenceEqual(span, {Literal(m.WireValue)}u8))");
                w.Line($"return {self}.{m.CSharpName};");
                w.Close();
                w.Line();
            }

            w.Line("break;");
            w.Outdent();
        }

        w.Close();
        w.Close();
        w.Line();
        w.Line($"string value = {Serialization}ContractReader.ReadString(ref reader, propertyName, {Int(model.MaxLength)});");
        w.Line($"return {self}.FromWire(value);");
        w.Close();
        w.Line();
        w.Line("/// <summary>Validation: the value is set and within the schema's length.</summary>");
        w.Open($"public static void Check({self} value, string? propertyName)");
        w.Open("if (value.IsDefault)");
        w.Line($"throw new {Runtime}AntomPayloadException({Serialization}ContractReader.PathOf(propertyName), {Runtime}PayloadRule.Required, \"is required but missing: default({model.Name}) holds no value\");");
        w.Close();
        if (model.MaxLength >= 0)
        {
            w.Line();
            w.Open($"if (value.Value.Length > {Int(model.MaxLength)})");
            w.Line($"throw {Serialization}ContractReader.TooLong(propertyName, value.Value, {Int(model.MaxLength)});");
            w.Close();
        }

        w.Close();
        w.Close();
        return End(w);
    }

    // ---- resolver --------------------------------------------------------------------------------------------------

    public static string EmitResolver(ResolverModel model)
    {
        var w = Begin(model.Namespace, model.MoneyFields.Count == 0
            ? null
            : $"[assembly: {Serialization}AntomMoneyFields({string.Join(", ", model.MoneyFields.Select(Literal))})]");
        w.Line("/// <summary>");
        w.Line("/// Maps every contract generated in this assembly (and <see cref=\"global::Antom.Contracts.Money\"/>) to its reflection-free converter,");
        w.Line("/// for <see cref=\"global::System.Text.Json.JsonSerializer\"/> and ASP.NET Core. AOT- and trim-safe.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed class {model.Name} : {Json}Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line("/// <summary>The shared instance.</summary>");
        w.Line($"public static {model.Name} Default {{ get; }} = new();");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public {Json}Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, {Json}JsonSerializerOptions options)");
        foreach (string name in model.RecordTypes.Concat(model.EnumTypes))
        {
            string t = Global(model.Namespace, name);
            w.Open($"if (type == typeof({t}))");
            w.Line($"return {Json}Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{t}>(options, new {Global(model.Namespace, name + "JsonConverter")}());");
            w.Close();
            w.Line();
        }

        w.Open($"if (type == typeof({Runtime}Money))");
        w.Line($"return {Json}Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{Runtime}Money>(options, new {Runtime}MoneyJsonConverter());");
        w.Close();
        w.Line();
        w.Line("return null;");
        w.Close();
        w.Close();
        return End(w);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static SourceWriter Begin(string ns, string? assemblyAttribute = null)
    {
        var w = new SourceWriter();
        w.Line("// <auto-generated>");
        w.Line("// Generated by the Antom.Contracts source generator from JSON Schema. Do not edit: change the schema.");
        w.Line("// </auto-generated>");
        w.Line();
        w.Line("#nullable enable");
        w.Line();
        if (assemblyAttribute is not null)
        {
            w.Line("// The JSON names of this assembly's money fields, for the ANTOM2001 analyzer.");
            w.Line(assemblyAttribute);
            w.Line();
        }

        w.Line($"namespace {ns};");
        w.Line();
        return w;
    }

    private static string End(SourceWriter w) => w.ToString();

    private static string Global(string ns, string name) => "global::" + ns + "." + name;

    private static string ConverterOf(string ns, ValueModel v) => Global(ns, v.TypeName! + "JsonConverter");

    private static string TypeOf(string ns, ValueModel v, bool nullable)
    {
        string type = v.Kind switch
        {
            ValueKind.String or ValueKind.Const => "string",
            ValueKind.Boolean => "bool",
            ValueKind.DateTime => "global::System.DateTimeOffset",
            ValueKind.Money => Runtime + "Money",
            ValueKind.Raw => Runtime + "RawJson",
            ValueKind.Array => $"{Runtime}ValueList<{TypeOf(ns, v.Item!, nullable: false)}>",
            _ => Global(ns, v.TypeName!),
        };
        return nullable ? type + "?" : type;
    }

    private static bool IsValueType(ValueModel v)
        => v.Kind is ValueKind.Boolean or ValueKind.DateTime or ValueKind.Money or ValueKind.ClosedEnum or ValueKind.OpenSet;

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string StringEscape(string value) => SourceWriter.EscapeXml(value);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int StableHash(string s)
    {
        unchecked
        {
            int hash = (int)2166136261;
            foreach (char c in s)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
