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
        w.Line("// One reference: the table's entry of a known value (its wire string and index), or the wire string of any other.");
        w.Line("private readonly object? _state;");
        w.Line();
        w.Line("/// <summary>Wraps a wire value, known or not.</summary>");
        w.Open($"public {name}(string value)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        w.Line("_state = Table.StateOf(value);");
        w.Close();
        w.Line();
        w.Open($"private {name}(object state)");
        w.Line("_state = state;");
        w.Close();
        w.Line();
        for (int k = 0; k < model.Members.Count; k++)
        {
            EnumMemberModel m = model.Members[k];
            w.SummaryXml($"<c>{Xml(m.WireValue)}</c>", m.Description);
            w.Line(WireValueAttribute(m));
            w.Line($"public static {self} {m.CSharpName} {{ get; }} = new(Table.KnownState({Int(k + 1)}));");
            w.Line();
        }

        w.Block($$"""
            /// <summary>Every value known when the library was generated.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{self}}> Known => Table.Known;

            /// <summary>The wire value.</summary>
            /// <exception cref="global::System.InvalidOperationException">This is <c>default({{name}})</c>, which holds no value.</exception>
            public string Value => Table.WireOf(_state) ?? throw new global::System.InvalidOperationException("default({{name}}) holds no value.");

            /// <summary><see langword="true"/> for <c>default({{name}})</c>, which holds no value.</summary>
            public bool IsDefault => _state is null;

            /// <summary><see langword="true"/> when the value is one of <see cref="Known"/>.</summary>
            public bool IsKnown => Table.KnownIndexOf(_state) != 0;

            static {{Serialization}}OpenSetTable<{{self}}> {{contract}}.Table => Table;

            string? {{contract}}.WireValue => Table.WireOf(_state);

            int {{contract}}.KnownIndex => Table.KnownIndexOf(_state);

            /// <summary>The known instance for <paramref name="value"/>, or a new one wrapping it.</summary>
            public static {{self}} FromWire(string value) => Table.FromWire(value);

            static {{self}} {{contract}}.Create(string wireValue, int knownIndex) => new(knownIndex == 0 ? wireValue : Table.KnownState(knownIndex));

            /// <summary>The wire value (the empty string for <c>default</c>).</summary>
            public override string ToString() => Table.WireOf(_state) ?? string.Empty;

            /// <summary>Ordinal equality of the wire values.</summary>
            public bool Equals({{self}} other) => global::System.Object.ReferenceEquals(_state, other._state) || string.Equals(Table.WireOf(_state), Table.WireOf(other._state), global::System.StringComparison.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{self}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => Table.WireOf(_state) is { } wire ? global::System.StringComparer.Ordinal.GetHashCode(wire) : 0;

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
