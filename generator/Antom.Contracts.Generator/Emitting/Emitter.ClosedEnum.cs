using System.Linq;
using Antom.Contracts.Generator.Model;

namespace Antom.Contracts.Generator.Emitting;

/// <content>Closed enums: a C# enum whose members start at 1, and a converter over its runtime table.</content>
internal static partial class Emitter
{
    private static string EmitClosedEnum(EnumModel model)
    {
        SourceWriter w = Begin(model.Namespace);
        string self = Global(model.Namespace, model.Name);
        w.Summary(model.Description);
        w.Line($"/// <remarks>Generated from {Xml(model.SchemaFile)}. A closed set: reading any other value is an error. Members start at 1, so <c>default</c> is none of them.</remarks>");
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
            w.SummaryXml($"<c>{Xml(m.WireValue)}</c>", m.Description);
            w.Line(WireValueAttribute(m));
            w.Line($"{m.CSharpName} = {Int(i + 1)},");
            if (i < model.Members.Count - 1)
            {
                w.Line();
            }
        }

        w.Close();
        w.Line();
        w.Line($"/// <summary>Reads and writes <see cref=\"{model.Name}\"/> as its wire values ({Xml(string.Join(", ", model.Members.Select(m => m.WireValue)))}).</summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed class {model.Name}JsonConverter : {Serialization}ClosedEnumJsonConverter<{self}>");
        w.Line("/// <summary>The wire values of the members, in member order: how records read, check and write this enum.</summary>");
        w.Line(Hidden);
        w.Line($"public static {Serialization}ClosedEnumTable<{self}> Table {{ get; }} = new({Literal(model.Name)}, {string.Join(", ", model.Members.Select(m => Literal(m.WireValue)))});");
        w.Line();
        w.Line("/// <summary>Creates the converter.</summary>");
        w.Line($"public {model.Name}JsonConverter()");
        w.Indent();
        w.Line(": base(Table)");
        w.Outdent();
        w.Line("{");
        w.Line("}");
        w.Close();
        return w.ToString();
    }

    private static string WireValueAttribute(EnumMemberModel m)
        => $"[{Serialization}AntomWireValue({Literal(m.WireValue)}{(m.Description is null ? string.Empty : ", Description = " + Literal(m.Description))})]";
}
