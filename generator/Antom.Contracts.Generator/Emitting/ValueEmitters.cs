using Antom.Contracts.Generator.Model;

namespace Antom.Contracts.Generator.Emitting;

/// <summary>
/// Everything the emitter writes for one kind of value, in one place: its C# type, how a property of it is read,
/// checked and written, and how it is read, checked and written as an array element. The record emitter only puts
/// these pieces together; it never switches on the kind itself.
/// </summary>
internal abstract class ValueEmitter
{
    protected const string Reader = Emitter.Serialization + "ContractReader.";
    protected const string Writer = Emitter.Serialization + "ContractWriter.";

    /// <summary>Whether the C# type is a value type (so an optional one is <c>T?</c> as a <see cref="System.Nullable{T}"/>).</summary>
    public abstract bool IsValueType { get; }

    /// <summary>Whether the value can stand as an array element.</summary>
    public virtual bool CanBeElement => true;

    /// <summary>The C# type, not nullable.</summary>
    public abstract string Type(Context c);

    /// <summary>
    /// The runtime struct that stores an optional value of this kind in less room than <c>T?</c> (a record's
    /// backing field, its property still <c>T?</c>), or null when <c>T?</c> itself is stored.
    /// </summary>
    public virtual string? OptionalStorage => null;

    /// <summary>An expression that reads a present, non-null value from the reader on its first token (null is an error).</summary>
    public abstract string Read(Context c, string name);

    /// <summary>The validation statement of a property, or null when the type itself makes every value valid.</summary>
    public abstract string? Check(Context c, string access, string name, bool required);

    /// <summary>The statement writing a property; an optional one writes nothing when absent.</summary>
    public abstract string Write(Context c, string nameField, string access, bool required);

    /// <summary>An <c>ElementReader&lt;T&gt;</c> for arrays of this kind.</summary>
    public virtual string ElementRead(Context c) => $"static (ref {Emitter.Serialization}AntomJsonReader r, string? n) => {Read(c with { Reader = "ref r" }, "n")}";

    /// <summary>An <c>ElementCheck&lt;T&gt;</c> for arrays of this kind, or null when every element is valid.</summary>
    public virtual string? ElementCheck(Context c) => null;

    /// <summary>An <c>ElementWriter&lt;T&gt;</c> for arrays of this kind.</summary>
    public abstract string ElementWrite(Context c);

    /// <summary>The static fields a property of this kind needs in its converter (a pattern's regex, a const's encoded value, an array's element steps).</summary>
    public virtual System.Collections.Generic.IEnumerable<string> Fields(Context c)
    {
        yield break;
    }

    /// <summary>
    /// The fields of a container's element type (its pattern, say) and the container's <c>ArrayElements&lt;T&gt;</c>:
    /// how one element is read, checked and written, shared by arrays and maps of plain values.
    /// </summary>
    protected static System.Collections.Generic.IEnumerable<string> ElementStepFields(Context c)
    {
        Context item = c.ForItem();
        ValueEmitter emitter = For(item.Value.Kind);
        foreach (string field in emitter.Fields(item))
        {
            yield return field;
        }

        yield return $"internal static readonly {Emitter.Serialization}ArrayElements<{emitter.Type(item)}> {c.ElementsField} = new({emitter.ElementRead(item)}, {emitter.ElementCheck(item) ?? "null"}, {emitter.ElementWrite(item)});";
    }

    /// <summary>The emitter for <paramref name="kind"/>.</summary>
    public static ValueEmitter For(ValueKind kind) => kind switch
    {
        ValueKind.String => StringEmitter.Instance,
        ValueKind.Boolean => BooleanEmitter.Instance,
        ValueKind.DateTime => DateTimeEmitter.Instance,
        ValueKind.Money => MoneyEmitter.Instance,
        ValueKind.Raw => RawEmitter.Instance,
        ValueKind.Record => RecordEmitter.Instance,
        ValueKind.ClosedEnum => ClosedEnumEmitter.Instance,
        ValueKind.OpenSet => OpenSetEmitter.Instance,
        ValueKind.Const => ConstEmitter.Instance,
        ValueKind.Array => ArrayEmitter.Instance,
        ValueKind.Integer => NumericEmitter.Integer,
        ValueKind.Number => NumericEmitter.Decimal,
        ValueKind.Map => MapEmitter.Instance,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "no emitter for this kind"),
    };

    /// <summary>Where a value is emitted: its model, the namespace of generated types, and the property it belongs to.</summary>
    /// <param name="Value">The value.</param>
    /// <param name="Namespace">The namespace of generated types.</param>
    /// <param name="Property">The C# name of the property, which names its static fields (<c>…Pattern</c>, <c>…Value</c>, <c>…Elements</c>).</param>
    /// <param name="Reader">How the reader is passed (<c>ref reader</c>, or <c>ref r</c> inside an element lambda).</param>
    /// <param name="FieldOwner">
    /// Empty inside the converter, which declares the static fields; the converter's name and a dot where they are used
    /// from the record (its reading constructor).
    /// </param>
    internal sealed record Context(ValueModel Value, string Namespace, string Property, string Reader = "ref reader", string FieldOwner = "")
    {
        /// <summary>The static <c>Regex</c> of a string's <c>pattern</c>.</summary>
        public string PatternField => FieldOwner + Property + "Pattern";

        /// <summary>The static pre-encoded value of a const.</summary>
        public string ConstField => FieldOwner + Property + "Value";

        /// <summary>The static <c>ArrayElements&lt;T&gt;</c> of an array of plain values.</summary>
        public string ElementsField => FieldOwner + Property + "Elements";

        /// <summary>The record, enum or open set: generated here, or shipped with the runtime.</summary>
        public string GeneratedType => Emitter.Global(Value.TypeNamespace ?? Namespace, Value.TypeName!);

        public string Converter => Emitter.Global(Value.TypeNamespace ?? Namespace, Value.TypeName! + "JsonConverter");

        /// <summary>The record is generated in this compilation, so its converter's internal steps can be called directly.</summary>
        public bool IsGeneratedHere => Value.TypeNamespace is null;

        public Context ForItem() => this with { Value = Value.Item! };
    }

    private sealed class StringEmitter : ValueEmitter
    {
        public static readonly StringEmitter Instance = new();

        public override bool IsValueType => false;

        public override string Type(Context c) => "string";

        public override string Read(Context c, string name)
        {
            if (c.Value.Sensitive)
            {
                // Checked like any string, but an error never shows the value.
                return $"{Reader}ReadSensitiveString({c.Reader}, {name}, {Emitter.Int(c.Value.MaxLength)}{(c.Value.MinLength > 0 ? ", minLength: " + Emitter.Int(c.Value.MinLength) : string.Empty)}{(c.Value.Pattern is null ? string.Empty : ", pattern: " + c.PatternField)})";
            }

            string read = c.Value.MinLength > 0
                ? $"{Reader}ReadString({c.Reader}, {name}, {Emitter.Int(c.Value.MaxLength)}, minLength: {Emitter.Int(c.Value.MinLength)})"
                : $"{Reader}ReadString({c.Reader}, {name}, {Emitter.Int(c.Value.MaxLength)})";
            read = c.Value.Pattern is null ? read : $"{Reader}CheckPattern({read}, {name}, {c.PatternField})";
            return c.Value.Format is null ? read : $"{Reader}CheckFormat({read}, {name}, {Emitter.Literal(c.Value.Format)})";
        }

        public override string? Check(Context c, string access, string name, bool required)
        {
            if (!c.Value.Sensitive && c.Value.MinLength <= 0 && c.Value.Pattern is null && c.Value.Format is null)
            {
                // Only presence and a length (the common case): the two small steps CheckString would take, called
                // directly, with the same errors. A sensitive string keeps CheckSensitiveString, which withholds it.
                string? length = c.Value.MaxLength < 0 ? null : $"{Writer}CheckLength({access}, {name}, {Emitter.Int(c.Value.MaxLength)});";
                string? presence = required ? $"{Writer}RequireNotNull({access}, {name});" : null;
                return presence is null ? length : length is null ? presence : presence + "\n" + length;
            }

            return GeneralCheck(c, access, name, required);
        }

        // One CheckString (or CheckSensitiveString) call with every rule; null when there is nothing to check.
        private static string? GeneralCheck(Context c, string access, string name, bool required)
            => !required && c.Value.MaxLength < 0 && c.Value.MinLength <= 0 && c.Value.Pattern is null && c.Value.Format is null
                ? null
                : $"{Writer}{(c.Value.Sensitive ? "CheckSensitiveString" : "CheckString")}({access}, {name}, required: {Emitter.Bool(required)}{(c.Value.MaxLength >= 0 ? ", maxLength: " + Emitter.Int(c.Value.MaxLength) : string.Empty)}{(c.Value.MinLength > 0 ? ", minLength: " + Emitter.Int(c.Value.MinLength) : string.Empty)}{(c.Value.Pattern is null ? string.Empty : ", pattern: " + c.PatternField)}{(c.Value.Format is null ? string.Empty : ", format: " + Emitter.Literal(c.Value.Format))});";

        public override string Write(Context c, string nameField, string access, bool required)
            => required ? $"writer.WriteString({nameField}, {access});" : $"{Writer}WriteIfPresent(writer, {nameField}, {access});";

        public override string? ElementCheck(Context c)
            => GeneralCheck(c, "v", "n", required: true) is { } check ? $"static (v, n) => {check.TrimEnd(';')}" : null;

        public override string ElementWrite(Context c) => "static (w, v) => w.WriteStringValue(v)";

        public override System.Collections.Generic.IEnumerable<string> Fields(Context c)
        {
            if (c.Value.Pattern is { } pattern)
            {
                yield return $"internal static readonly global::System.Text.RegularExpressions.Regex {c.PatternField} = new({Emitter.Literal(pattern)}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));";
            }
        }
    }

    private sealed class BooleanEmitter : ValueEmitter
    {
        public static readonly BooleanEmitter Instance = new();

        public override bool IsValueType => true;

        public override string Type(Context c) => "bool";

        public override string Read(Context c, string name) => $"{Reader}ReadBoolean({c.Reader}, {name})";

        public override string? Check(Context c, string access, string name, bool required) => null;

        public override string Write(Context c, string nameField, string access, bool required)
            => required ? $"writer.WriteBoolean({nameField}, {access});" : $"{Writer}WriteIfPresent(writer, {nameField}, {access});";

        public override string ElementWrite(Context c) => "static (w, v) => w.WriteBooleanValue(v)";
    }

    private sealed class DateTimeEmitter : ValueEmitter
    {
        public static readonly DateTimeEmitter Instance = new();

        public override bool IsValueType => true;

        public override string Type(Context c) => "global::System.DateTimeOffset";

        public override string? OptionalStorage => Emitter.Serialization + "OptionalDateTimeOffset";

        public override string Read(Context c, string name) => $"{Reader}ReadDateTime({c.Reader}, {name})";

        public override string? Check(Context c, string access, string name, bool required) => null;

        public override string Write(Context c, string nameField, string access, bool required)
            => required ? $"{Writer}WriteDateTime(writer, {nameField}, {access});" : $"{Writer}WriteIfPresent(writer, {nameField}, {access});";

        public override string ElementWrite(Context c) => $"{Writer}WriteDateTimeValue";
    }

    private sealed class MoneyEmitter : ValueEmitter
    {
        public static readonly MoneyEmitter Instance = new();

        public override bool IsValueType => true;

        public override string Type(Context c) => Emitter.Runtime + "Money";

        public override string? OptionalStorage => Emitter.Serialization + "OptionalMoney";

        public override string Read(Context c, string name) => $"{Reader}ReadMoney({c.Reader}, {name})";

        public override string? Check(Context c, string access, string name, bool required) => $"{Writer}CheckMoney({access}, {name});";

        public override string Write(Context c, string nameField, string access, bool required)
            => required ? $"{Writer}WriteMoney(writer, {nameField}, {access});" : $"{Writer}WriteIfPresent(writer, {nameField}, {access});";

        public override string? ElementCheck(Context c) => $"static (v, n) => {Writer}CheckMoney(v, n)";

        public override string ElementWrite(Context c) => $"{Writer}WriteMoneyValue";
    }

    private sealed class RawEmitter : ValueEmitter
    {
        public static readonly RawEmitter Instance = new();

        public override bool IsValueType => false;

        public override string Type(Context c) => Emitter.Runtime + "RawJson";

        public override string Read(Context c, string name) => $"{Reader}{(c.Value.RawObject ? "ReadRawJsonObject" : "ReadRawJson")}({c.Reader}, {name})";

        public override string? Check(Context c, string access, string name, bool required)
            => c.Value.RawObject ? $"{Writer}CheckRawJsonObject({access}, {name}, required: {Emitter.Bool(required)});"
                : required ? $"{Writer}CheckPresent({access}, {name});" : null;

        public override string Write(Context c, string nameField, string access, bool required)
            => required ? $"{Writer}WriteRawJson(writer, {nameField}, {access});" : $"{Writer}WriteIfPresent(writer, {nameField}, {access});";

        public override string? ElementCheck(Context c) => c.Value.RawObject ? $"static (v, n) => {Writer}CheckRawJsonObject(v, n, required: true)" : null;

        public override string ElementWrite(Context c) => $"{Writer}WriteRawJsonValue";
    }

    private sealed class RecordEmitter : ValueEmitter
    {
        public static readonly RecordEmitter Instance = new();

        public override bool IsValueType => false;

        public override string Type(Context c) => c.GeneratedType;

        public override string Read(Context c, string name) => $"{Reader}ReadObject<{c.GeneratedType}>({c.Reader}, {name})";

        // A record generated here is checked and written through its converter's ValidateCore and WriteCore, handed to
        // the steps as static lambdas; one shipped with the runtime (internal there) through the steps that reach it via
        // IAntomJsonContract<T>, whose static members a shared generic instantiation resolves at run time. The checks,
        // the error paths and the bytes are the same either way.
        public override string? Check(Context c, string access, string name, bool required)
            => $"{Writer}CheckObject({access}, {name}, required: {Emitter.Bool(required)}{Validate(c)});";

        public override string Write(Context c, string nameField, string access, bool required)
            => $"{Writer}{(required ? "WriteObject" : "WriteObjectIfPresent")}(writer, {nameField}, {access}{WriteCore(c)});";

        /// <summary>", static v => X.ValidateCore(v)" for a record generated here; empty for one shipped with the runtime.</summary>
        internal static string Validate(Context c) => c.IsGeneratedHere ? $", static v => {c.Converter}.ValidateCore(v)" : string.Empty;

        /// <summary>", static (w, v) => X.WriteCore(w, v)" for a record generated here; empty for one shipped with the runtime.</summary>
        internal static string WriteCore(Context c) => c.IsGeneratedHere ? $", static (w, v) => {c.Converter}.WriteCore(w, v)" : string.Empty;

        // Arrays of records have their own steps (ReadObjects, CheckObjects, WriteObjects); maps of records use these.
        public override string ElementRead(Context c) => $"static (ref {Emitter.Serialization}AntomJsonReader r, string? n) => {Reader}ReadObject<{c.GeneratedType}>(ref r, n!)";

        public override string? ElementCheck(Context c) => $"static (v, n) => {Writer}CheckObject(v, n, required: true)";

        public override string ElementWrite(Context c) => $"{Writer}WriteObjectValue";
    }

    private sealed class ClosedEnumEmitter : ValueEmitter
    {
        public static readonly ClosedEnumEmitter Instance = new();

        public override bool IsValueType => true;

        public override string Type(Context c) => c.GeneratedType;

        public override string Read(Context c, string name) => $"{c.Converter}.Table.Read({c.Reader}, {name})";

        public override string? Check(Context c, string access, string name, bool required) => $"{Writer}CheckEnum({access}, {name}, {c.Converter}.Table);";

        public override string Write(Context c, string nameField, string access, bool required)
            => required ? $"{Writer}WriteEnum(writer, {nameField}, {access}, {c.Converter}.Table);" : $"{Writer}WriteEnumIfPresent(writer, {nameField}, {access}, {c.Converter}.Table);";

        public override string? ElementCheck(Context c) => $"static (v, n) => {c.Converter}.Table.Check(v, n)";

        public override string ElementWrite(Context c) => $"static (w, v) => w.WriteStringValue({c.Converter}.Table.Encoded(v))";
    }

    private sealed class OpenSetEmitter : ValueEmitter
    {
        public static readonly OpenSetEmitter Instance = new();

        public override bool IsValueType => true;

        public override string Type(Context c) => c.GeneratedType;

        public override string Read(Context c, string name) => $"{Reader}ReadOpenSet<{c.GeneratedType}>({c.Reader}, {name})";

        public override string? Check(Context c, string access, string name, bool required) => $"{Writer}CheckOpenSet({access}, {name});";

        public override string Write(Context c, string nameField, string access, bool required)
            => required ? $"{Writer}WriteOpenSet(writer, {nameField}, {access});" : $"{Writer}WriteOpenSetIfPresent(writer, {nameField}, {access});";

        public override string? ElementCheck(Context c) => $"static (v, n) => {Writer}CheckOpenSet(v, n)";

        public override string ElementWrite(Context c) => $"static (w, v) => {Writer}WriteOpenSetValue(w, v)";
    }

    /// <summary>A map: a schema object with <c>additionalProperties: {schema}</c> and no <c>properties</c>, as <c>ValueMap&lt;T&gt;</c>.</summary>
    private sealed class MapEmitter : ValueEmitter
    {
        public static readonly MapEmitter Instance = new();

        public override bool IsValueType => false;

        public override bool CanBeElement => false;

        public override string Type(Context c) => $"{Emitter.Runtime}ValueMap<{Item(c).Type(c.ForItem())}>";

        public override string Read(Context c, string name) => $"{Reader}ReadMap({c.Reader}, {name}, {c.ElementsField}.Read)";

        public override string? Check(Context c, string access, string name, bool required)
        {
            bool checksValues = Item(c).ElementCheck(c.ForItem()) is not null;
            return !required && !checksValues && Item(c).IsValueType
                ? null
                : $"{Writer}CheckMap({access}, {name}, required: {Emitter.Bool(required)}, {(checksValues ? c.ElementsField + ".Check" : "null")});";
        }

        public override string Write(Context c, string nameField, string access, bool required)
            => $"{Writer}WriteMap(writer, {nameField}, {access}, {c.ElementsField}.Write);";

        public override string ElementWrite(Context c) => throw new System.InvalidOperationException("a map is not an array element");

        public override System.Collections.Generic.IEnumerable<string> Fields(Context c) => ElementStepFields(c);

        private static ValueEmitter Item(Context c) => For(c.Value.Item!.Kind);
    }

    /// <summary><c>integer</c> as <see cref="long"/> and <c>number</c> as <see cref="decimal"/>: exact, never a double.</summary>
    private sealed class NumericEmitter : ValueEmitter
    {
        public static readonly NumericEmitter Integer = new("long", "ReadInt64", "Int64InRange");
        public static readonly NumericEmitter Decimal = new("decimal", "ReadDecimal", "DecimalInRange");

        // x-antom-number-or-string: ReadInt64OrString / ReadDecimalOrString, written as a JSON number all the same.

        private readonly string _type;
        private readonly string _read;
        private readonly string _inRange;

        private NumericEmitter(string type, string read, string inRange)
        {
            _type = type;
            _read = read;
            _inRange = inRange;
        }

        public override bool IsValueType => true;

        public override string Type(Context c) => _type;

        public override string Read(Context c, string name)
        {
            string read = $"{Reader}{_read}{(c.Value.NumberOrString ? "OrString" : string.Empty)}({c.Reader}, {name})";
            return c.Value.Bounds is { } bounds ? $"{Reader}{_inRange}({read}, {name}{Arguments(bounds)})" : read;
        }

        public override string? Check(Context c, string access, string name, bool required)
            => c.Value.Bounds is { } bounds ? $"{Writer}CheckRange({access}, {name}{Arguments(bounds)});" : null;

        public override string Write(Context c, string nameField, string access, bool required)
            => required ? $"writer.WriteNumber({nameField}, {access});" : $"{Writer}WriteIfPresent(writer, {nameField}, {access});";

        public override string? ElementCheck(Context c)
            => c.Value.Bounds is { } bounds ? $"static (v, n) => {Writer}CheckRange(v, n{Arguments(bounds)})" : null;

        public override string ElementWrite(Context c) => "static (w, v) => w.WriteNumberValue(v)";

        // The bounds as decimal literals: exact, culture-free.
        private static string Arguments(NumericBounds b)
            => Bound("minimum", b.Minimum) + Bound("maximum", b.Maximum) + Bound("exclusiveMinimum", b.ExclusiveMinimum) + Bound("exclusiveMaximum", b.ExclusiveMaximum);

        private static string Bound(string name, string? value) => value is null ? string.Empty : $", {name}: {value}m";
    }

    private sealed class ConstEmitter : ValueEmitter
    {
        public static readonly ConstEmitter Instance = new();

        public override bool IsValueType => false;

        public override bool CanBeElement => false;

        public override string Type(Context c) => "string";

        public override string Read(Context c, string name)
            => $"{Reader}ReadConst({c.Reader}, {name}, {Emitter.Literal(c.Value.ConstValue!)}u8, {Emitter.Literal(c.Value.ConstValue!)})";

        public override string? Check(Context c, string access, string name, bool required) => null;

        public override string Write(Context c, string nameField, string access, bool required) => $"writer.WriteString({nameField}, {c.ConstField});";

        public override string ElementWrite(Context c) => throw new System.InvalidOperationException("a const is not an array element");

        public override System.Collections.Generic.IEnumerable<string> Fields(Context c)
        {
            yield return $"internal static readonly {Emitter.Json}JsonEncodedText {c.ConstField} = {Emitter.Json}JsonEncodedText.Encode({Emitter.Literal(c.Value.ConstValue!)});";
        }
    }

    private sealed class ArrayEmitter : ValueEmitter
    {
        public static readonly ArrayEmitter Instance = new();

        public override bool IsValueType => false;

        public override bool CanBeElement => false;

        public override string Type(Context c) => $"{Emitter.Runtime}ValueList<{Item(c).Type(c.ForItem())}>";

        public override string Read(Context c, string name)
            => c.Value.Item!.Kind == ValueKind.Record
                ? $"{Reader}ReadObjects<{c.ForItem().GeneratedType}>({c.Reader}, {name}{Counts(c)})"
                : $"{Reader}ReadArray({c.Reader}, {name}, {c.ElementsField}.Read{Counts(c)})";

        // minItems / maxItems, when the schema has them, as trailing named arguments.
        private static string Counts(Context c)
            => (c.Value.MinItems >= 0 ? ", minItems: " + Emitter.Int(c.Value.MinItems) : string.Empty)
               + (c.Value.MaxItems >= 0 ? ", maxItems: " + Emitter.Int(c.Value.MaxItems) : string.Empty);

        public override string? Check(Context c, string access, string name, bool required)
        {
            if (c.Value.Item!.Kind == ValueKind.Record)
            {
                Context item = c.ForItem();
                return item.IsGeneratedHere
                    ? $"{Writer}CheckObjectsBy({access}, {name}, required: {Emitter.Bool(required)}{RecordEmitter.Validate(item)}, minItems: {Emitter.Int(c.Value.MinItems)}, maxItems: {Emitter.Int(c.Value.MaxItems)});"
                    : $"{Writer}CheckObjects({access}, {name}, required: {Emitter.Bool(required)}{Counts(c)});";
            }

            bool checksElements = Item(c).ElementCheck(c.ForItem()) is not null;
            return !required && !checksElements && Item(c).IsValueType && Counts(c).Length == 0
                ? null
                : $"{Writer}CheckArray({access}, {name}, required: {Emitter.Bool(required)}, {(checksElements ? c.ElementsField + ".Check" : "null")}{Counts(c)});";
        }

        public override string Write(Context c, string nameField, string access, bool required)
        {
            if (c.Value.Item!.Kind != ValueKind.Record)
            {
                return $"{Writer}WriteArray(writer, {nameField}, {access}, {c.ElementsField}.Write);";
            }

            Context item = c.ForItem();
            return item.IsGeneratedHere
                ? $"{Writer}WriteArray(writer, {nameField}, {access}, static (w, v) => {item.Converter}.WriteCore(w, v));"
                : $"{Writer}WriteObjects(writer, {nameField}, {access});";
        }

        public override string ElementWrite(Context c) => throw new System.InvalidOperationException("arrays of arrays are not supported");

        // Arrays of records need no element steps: ReadObjects, CheckObjects and WriteObjects know the type.
        public override System.Collections.Generic.IEnumerable<string> Fields(Context c)
            => c.Value.Item!.Kind == ValueKind.Record ? [] : ElementStepFields(c);

        private static ValueEmitter Item(Context c) => For(c.Value.Item!.Kind);
    }
}
