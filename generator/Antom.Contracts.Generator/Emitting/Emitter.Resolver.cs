using System.Linq;
using Antom.Contracts.Generator.Model;

namespace Antom.Contracts.Generator.Emitting;

/// <content>The resolver: every generated contract mapped to its reflection-free converter.</content>
internal static partial class Emitter
{
    public static string EmitResolver(ResolverModel model)
    {
        SourceWriter w = Begin(model.Namespace, model.MoneyFields.Count == 0
            ? null
            : $"[assembly: {Serialization}AntomMoneyFields({string.Join(", ", model.MoneyFields.Select(Literal))})]");
        w.Block($$"""
            /// <summary>
            /// Maps every contract generated in this assembly (and <see cref="global::Antom.Contracts.Money"/>) to its reflection-free converter,
            /// for <see cref="global::System.Text.Json.JsonSerializer"/> and ASP.NET Core. AOT- and trim-safe.
            /// </summary>
            {{GeneratedCode}}
            """);
        w.Open($"public sealed class {model.Name} : {Json}Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line("/// <summary>The shared instance.</summary>");
        w.Line($"public static {model.Name} Default {{ get; }} = new();");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public {Json}Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, {Json}JsonSerializerOptions options)");
        foreach (string? name in model.RecordTypes.Concat(model.EnumTypes).Append<string?>(null))
        {
            string t = name is null ? Runtime + "Money" : Global(model.Namespace, name);
            string converter = name is null ? Runtime + "MoneyJsonConverter" : Global(model.Namespace, name + "JsonConverter");
            w.Open($"if (type == typeof({t}))");
            w.Line($"return {Json}Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{t}>(options, new {converter}());");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
