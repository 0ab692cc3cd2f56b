namespace Antom.Contracts.Generator;

/// <summary>The names of the generator's pipeline steps, for incremental-caching tests.</summary>
public static class TrackingNames
{
    /// <summary>Each schema AdditionalFile, as path + text checksum.</summary>
    public const string SchemaFiles = nameof(SchemaFiles);

    /// <summary>All schema files of the compilation, sorted by path.</summary>
    public const string AllSchemaFiles = nameof(AllSchemaFiles);

    /// <summary>The generator options read from analyzer config.</summary>
    public const string Options = nameof(Options);

    /// <summary>The parsed model of every schema.</summary>
    public const string Model = nameof(Model);

    /// <summary>One model per generated type.</summary>
    public const string Types = nameof(Types);

    /// <summary>The resolver model.</summary>
    public const string Resolver = nameof(Resolver);

    /// <summary>One diagnostic each.</summary>
    public const string Diagnostics = nameof(Diagnostics);
}
