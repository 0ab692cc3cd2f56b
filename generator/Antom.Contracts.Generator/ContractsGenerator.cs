using System;
using System.Linq;
using System.Text;
using Antom.Contracts.Generator.Emitting;
using Antom.Contracts.Generator.Model;
using Antom.Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Antom.Contracts.Generator;

/// <summary>
/// Turns every AdditionalFile ending in <c>.schema.json</c> into immutable records and reflection-free serializers.
/// Read → equatable model → emit; source and diagnostics are separate outputs, and every step is tracked by name.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractsGenerator : IIncrementalGenerator
{
    /// <summary>The file-name suffix of schema AdditionalFiles.</summary>
    public const string SchemaSuffix = ".schema.json";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<SchemaFile> files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => ReadFile(text, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaFiles);

        IncrementalValueProvider<ImmutableEquatableArray<SchemaFile>> allFiles = files
            .Collect()
            .Select(static (all, _) => all.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.AllSchemaFiles);

        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        IncrementalValueProvider<ContractsModel> model = allFiles
            .Combine(options)
            .Select(static (input, cancellationToken) => Parse(input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Model);

        IncrementalValuesProvider<EmittedType> types = model
            .SelectMany(static (m, _) => m.Emitted ?? ImmutableEquatableArray<EmittedType>.Empty)
            .WithTrackingName(TrackingNames.Types);

        IncrementalValueProvider<ResolverModel?> resolver = model
            .Select(static (m, _) => m.Resolver)
            .WithTrackingName(TrackingNames.Resolver);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = model
            .SelectMany(static (m, _) => m.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(types, static (spc, type) => spc.AddSource(type.HintName, SourceText.From(type.Source, Encoding.UTF8)));
        context.RegisterSourceOutput(resolver, static (spc, r) =>
        {
            if (r is not null)
            {
                AddSource(spc, Emitter.HintName(r.Namespace + "." + r.Name), r.Name, () => Emitter.EmitResolver(r));
            }
        });
        context.RegisterSourceOutput(diagnostics, static (spc, d) => spc.ReportDiagnostic(d.ToDiagnostic()));
    }

    // The parser needs Newtonsoft.Json (and NJsonSchema, for a compilation its direct reading cannot vouch for), which
    // load from beside the generator. If one cannot load (a broken install), that surfaces here as a located ANTOM0099
    // rather than as CS8785: ParseCore is compiled, and so they are resolved, only when it is first called, inside this handler.
    private static ContractsModel Parse(ImmutableEquatableArray<SchemaFile> files, GeneratorOptions options, System.Threading.CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return new ContractsModel(ImmutableEquatableArray<TypeModel>.Empty, null, ImmutableEquatableArray<DiagnosticInfo>.Empty);
        }

        try
        {
            return ParseCore(files, options, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(Diagnostics.GeneratorFailure, LocationInfo.StartOf(files[0].Path), System.IO.Path.GetFileName(files[0].Path), e.GetType().Name + ": " + e.Message);
            return new ContractsModel(ImmutableEquatableArray<TypeModel>.Empty, null, new[] { failure }.ToEquatableArray());
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ContractsModel ParseCore(ImmutableEquatableArray<SchemaFile> files, GeneratorOptions options, System.Threading.CancellationToken cancellationToken)
        => LeaveOutUnemittable(SchemaParser.Parse(files, options, cancellationToken));

    // Each type is emitted once, here, where a failure can still be dealt with: the parser refuses what the emitter
    // cannot write, with its location, and should the emitter still fail on a type (a generator bug), the failure
    // becomes ANTOM0099 at the type's schema. The type, every type that uses it (records through their properties or
    // their union, unions through their branches), and their resolver entries are left out, so the generated code
    // still compiles. The source outputs then only add what was emitted.
    internal static ContractsModel LeaveOutUnemittable(ContractsModel model)
    {
        var failed = new System.Collections.Generic.Dictionary<string, TypeModel>(StringComparer.Ordinal);
        var emitted = new System.Collections.Generic.List<EmittedType>(model.Types.Count);
        var diagnostics = model.Diagnostics.ToList();
        foreach (TypeModel type in model.Types)
        {
            try
            {
                emitted.Add(new EmittedType(type.Name, Emitter.HintName(type), type.SchemaFile, Emitter.Emit(type)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed[type.Name] = type;
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GeneratorFailure, LocationInfo.StartOf(type.SchemaPath), type.SchemaFile, $"emitting {type.Name}: {e.GetType().Name}: {e.Message}"));
            }
        }

        if (failed.Count == 0)
        {
            return model with { Emitted = emitted.ToEquatableArray() };
        }

        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach (TypeModel type in model.Types.Where(t => !failed.ContainsKey(t.Name)))
            {
                bool usesFailed = type switch
                {
                    RecordModel record => record.Properties.Any(p => Uses(p.Value, failed)) || (record.Union is { } union && failed.ContainsKey(union)),
                    UnionModel union => union.Branches.Any(b => failed.ContainsKey(b.TypeName)),
                    _ => false,
                };
                if (usesFailed)
                {
                    failed[type.Name] = type;
                    grew = true;
                }
            }
        }

        ImmutableEquatableArray<TypeModel> kept = model.Types.Where(t => !failed.ContainsKey(t.Name)).ToEquatableArray();
        ResolverModel? resolver = model.Resolver is { } r
            ? r with
            {
                RecordTypes = r.RecordTypes.Where(n => !failed.ContainsKey(n)).ToEquatableArray(),
                EnumTypes = r.EnumTypes.Where(n => !failed.ContainsKey(n)).ToEquatableArray(),
            }
            : null;
        return new ContractsModel(kept, resolver, diagnostics.ToEquatableArray(), emitted.Where(e => !failed.ContainsKey(e.Name)).ToEquatableArray());
    }

    private static bool Uses(ValueModel value, System.Collections.Generic.Dictionary<string, TypeModel> types)
        => (value.TypeName is { } name && types.ContainsKey(name)) || (value.Item is { } item && Uses(item, types));

    private static SchemaFile ReadFile(AdditionalText text, System.Threading.CancellationToken cancellationToken)
    {
        SourceText? source = text.GetText(cancellationToken);
        if (source is null)
        {
            return new SchemaFile(text.Path, string.Empty, ImmutableEquatableArray<byte>.Empty);
        }

        return new SchemaFile(text.Path, source.ToString(), source.GetChecksum().ToEquatableArray());
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptions options)
    {
        string ns = options.TryGetValue("build_property.AntomContractsNamespace", out string? configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim()
            : options.TryGetValue("build_property.RootNamespace", out string? root) && !string.IsNullOrWhiteSpace(root)
                ? root.Trim()
                : GeneratorOptions.DefaultNamespace;
        string resolver = options.TryGetValue("build_property.AntomContractsResolverName", out string? name) && !string.IsNullOrWhiteSpace(name)
            ? name.Trim()
            : GeneratorOptions.DefaultResolverName;
        return new GeneratorOptions(ns, resolver);
    }

    // Emitting is pure string building over a validated model; a failure here is a generator bug, and it still
    // surfaces as a located diagnostic rather than as CS8785.
    private static void AddSource(SourceProductionContext context, string hintName, string origin, Func<string> emit)
    {
        string source;
        try
        {
            source = emit();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(Diagnostics.GeneratorFailure, Location.None, origin, e.GetType().Name + ": " + e.Message));
            return;
        }

        context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
    }
}
