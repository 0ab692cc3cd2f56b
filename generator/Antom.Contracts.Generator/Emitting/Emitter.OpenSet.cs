using System.Linq;
using Antom.Contracts.Generator.Model;

namespace Antom.Contracts.Generator.Emitting;

/// <content>Open sets: a readonly struct over the wire string; reading, checking and writing live in its runtime table.</content>
internal static partial class Emitter
{
    private static string EmitOpenSet(EnumModel model)
    {
        SourceWriter w = Begin(model.Namespace);
        string name = model.Name;
        string self = Global(model.Namespace, name);
        string contract = $"{Serialization}IOpenSet<{self}>";
        w.Summary(model.Description);
        w.Line($"/// <remarks>Generated from {Xml(model.SchemaFile)}. An open set: the known values are static members, and any other string is kept and written back unchanged. Equality is ordinal.</remarks>");
        w.Line($"[{Json}Serialization.JsonConverter(typeof({Global(model.Namespace, name + "JsonConverter")}))]");
        w.Line(GeneratedCode);
        w.Open($"public readonly partial struct {name} : global::System.IEquatable<{self}>, {contract}");
        w.Line($"private static readonly {Serialization}OpenSetTable<{self}> Table = new({Literal(name)}, {Int(model.MaxLength)}, {string.Join(", ", model.Members.Select(m => Literal(m.WireValue)))});");
        w.Line();
        w.Line("private readonly string? _value;");
        w.Line("private readonly int _known; // 1-based index of a known value, 0 for any other");
        w.Line();
        w.Line("/// <summary>Wraps a wire value, known or not.</summary>");
        w.Open($"public {name}(string value)");
        w.Block("""
            global::System.ArgumentNullException.ThrowIfNull(value);
            _value = value;
            _known = Table.IndexOf(value);
            """);
        w.Close();
        w.Line();
        w.Open($"private {name}(string value, int known)");
        w.Line("_value = value;");
        w.Line("_known = known;");
        w.Close();
        w.Line();
        for (int k = 0; k < model.Members.Count; k++)
        {
            EnumMemberModel m = model.Members[k];
            w.SummaryXml($"<c>{Xml(m.WireValue)}</c>", m.Description);
            w.Line(WireValueAttribute(m));
            w.Line($"public static {self} {m.CSharpName} {{ get; }} = new({Literal(m.WireValue)}, {Int(k + 1)});");
            w.Line();
        }

        w.Block($$"""
            /// <summary>Every value known when the library was generated.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{self}}> Known => Table.Known;

            /// <summary>The wire value.</summary>
            /// <exception cref="global::System.InvalidOperationException">This is <c>default({{name}})</c>, which holds no value.</exception>
            public string Value => _value ?? throw new global::System.InvalidOperationException("default({{name}}) holds no value.");

            /// <summary><see langword="true"/> for <c>default({{name}})</c>, which holds no value.</summary>
            public bool IsDefault => _value is null;

            /// <summary><see langword="true"/> when the value is one of <see cref="Known"/>.</summary>
            public bool IsKnown => _known != 0;

            static {{Serialization}}OpenSetTable<{{self}}> {{contract}}.Table => Table;

            string? {{contract}}.WireValue => _value;

            int {{contract}}.KnownIndex => _known;

            /// <summary>The known instance for <paramref name="value"/>, or a new one wrapping it.</summary>
            public static {{self}} FromWire(string value) => Table.FromWire(value);

            static {{self}} {{contract}}.Create(string wireValue, int knownIndex) => new(wireValue, knownIndex);

            /// <summary>The wire value (the empty string for <c>default</c>).</summary>
            public override string ToString() => _value ?? string.Empty;

            /// <summary>Ordinal equality of the wire values.</summary>
            public bool Equals({{self}} other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{self}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);

            /// <summary>Ordinal equality of the wire values.</summary>
            public static bool operator ==({{self}} left, {{self}} right) => left.Equals(right);

            /// <summary>Ordinal inequality of the wire values.</summary>
            public static bool operator !=({{self}} left, {{self}} right) => !left.Equals(right);
            """);
        w.Close();
        w.Line();
        w.Line($"/// <summary>Reads and writes <see cref=\"{name}\"/> as its wire string.</summary>");
        w.Line(GeneratedCode);
        w.Line($"public sealed class {name}JsonConverter : {Serialization}OpenSetJsonConverter<{self}>");
        w.Line("{");
        w.Line("}");
        return w.ToString();
    }
}
