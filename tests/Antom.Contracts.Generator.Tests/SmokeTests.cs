using System.Linq;
using Xunit;

namespace Antom.Contracts.Generator.Tests;

public class SmokeTests
{
    [Fact]
    public void Shipped_schemas_generate_without_diagnostics()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Driver(GeneratorHarness.ShippedSchemas()), GeneratorHarness.Compilation());
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
        var errors = output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(10)));
    }
}
