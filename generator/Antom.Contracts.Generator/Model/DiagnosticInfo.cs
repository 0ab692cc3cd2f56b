using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Antom.Contracts.Generator.Model;

/// <summary>An equatable description of a diagnostic: the descriptor's id, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, ImmutableEquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] args)
        => new(descriptor.Id, location, args.ToEquatableArray());

    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(Diagnostics.ById(Id), Location.ToLocation(), MessageArgs.Cast<object>().ToArray());
}
