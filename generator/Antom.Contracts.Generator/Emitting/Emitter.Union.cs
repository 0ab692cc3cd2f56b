using System.Linq;
using Antom.Contracts.Generator.Model;

namespace Antom.Contracts.Generator.Emitting;

/// <content>
/// Unions: an abstract record that the branch records derive from, marked for the exhaustiveness analyzer, and a
/// converter that reads by finding the discriminator and writes the branch.
/// </content>
internal static partial class Emitter
{
    private static string EmitUnion(UnionModel model)
    {
        SourceWriter w = Begin(model.Namespace);
        string self = Global(model.Namespace, model.Name);
        string converter = Global(model.Namespace, model.Name + "JsonConverter");
        string Branch(UnionBranchModel b) => Global(model.Namespace, b.TypeName);

        w.Summary(model.Description);
        w.Line($"/// <remarks>Generated from {Xml(model.SchemaFile)}. One of: {string.Join(", ", model.Branches.Select(b => $"<see cref=\"{b.TypeName}\"/> (<c>{Xml(model.Discriminator)}</c> <c>{Xml(b.Value)}</c>)"))}. A switch over it names every branch (ANTOM1001).</remarks>");
        w.Line($"[{Serialization}AntomUnion({string.Join(", ", model.Branches.Select(b => $"typeof({Branch(b)})"))}, Discriminator = {Literal(model.Discriminator)})]");
        w.Line($"[{Json}Serialization.JsonConverter(typeof({converter}))]");
        w.Line(GeneratedCode);
        w.Open($"public abstract partial record {model.Name} : {Runtime}IAntomJsonContract<{self}>");
        w.Line("/// <summary>Only the generated branches derive from the union.</summary>");
        w.Open($"private protected {model.Name}()");
        w.Close();
        w.Line();
        w.Line($"/// <summary>The discriminator, <c>{Xml(model.Discriminator)}</c>: which branch this is ({Xml(string.Join(", ", model.Branches.Select(b => b.Value)))}).</summary>");
        w.Line($"public abstract string {model.DiscriminatorProperty} {{ get; }}");
        w.Line();
        EmitContractMembers(w, self, converter);
        w.Close();
        w.Line();

        w.Line($"/// <summary>Reads <see cref=\"{model.Name}\"/> as the branch its <c>{Xml(model.Discriminator)}</c> names, and writes the branch it is.</summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed class {model.Name}JsonConverter : {Json}Serialization.JsonConverter<{self}>");
        w.Line($"private static readonly {Serialization}UnionBranches Branches = new({Literal(model.Name)}, {Literal(model.Discriminator)}, {string.Join(", ", model.Branches.Select(b => Literal(b.Value)))});");
        w.Line();
        EmitConverterOverrides(w, self);

        w.Line("// The discriminator may come anywhere in the object: a copy of the reader finds it, then the branch reads from the start.");
        w.Open($"internal static {self} ReadCore({ReaderParameter})");
        w.Line("int branch;");
        w.Open("try");
        w.Line("branch = Branches.Find(reader);");
        w.Close();
        w.Open($"catch ({Json}JsonException e) when (e is not {Runtime}AntomPayloadException)");
        w.Line($"throw {Serialization}ContractReader.Malformed(null, e);");
        w.Close();
        w.Open("catch (global::System.InvalidOperationException e)");
        w.Line($"throw {Serialization}ContractReader.InvalidText(null, e);");
        w.Close();
        w.Line();
        w.Line("return branch switch");
        w.Line("{");
        w.Indent();
        for (int i = 0; i < model.Branches.Count; i++)
        {
            w.Line($"{Int(i)} => {Branch(model.Branches[i])}JsonConverter.ReadCore(ref reader),");
        }

        w.Line("_ => throw new global::System.Diagnostics.UnreachableException(),");
        w.Outdent();
        w.Line("};");
        w.Close();
        w.Line();

        foreach ((string method, string signature, string call) in new[]
        {
            ("ValidateCore", $"{self} value", "ValidateCore(branch)"),
            ("WriteCore", $"{WriterParameter}, {self} value", "WriteCore(writer, branch)"),
        })
        {
            w.Open($"internal static void {method}({signature})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
            w.Open("switch (value)");
            foreach (UnionBranchModel b in model.Branches)
            {
                w.Line($"case {Branch(b)} branch:");
                w.Indent();
                w.Line($"{Branch(b)}JsonConverter.{call};");
                w.Line("break;");
                w.Outdent();
            }

            w.Line("default:");
            w.Indent();
            w.Line("throw Branches.NotABranch(value);");
            w.Outdent();
            w.Close();
            w.Close();
            if (method == "ValidateCore")
            {
                w.Line();
            }
        }

        w.Close();
        return w.ToString();
    }
}
