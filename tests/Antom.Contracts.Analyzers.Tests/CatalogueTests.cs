using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Antom.Contracts.Analyzers.Tests;

public class CatalogueTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_rule_has_a_doc_page_a_release_entry_and_a_help_link()
    {
        DiagnosticDescriptor[] rules = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToArray();
        string releases = File.ReadAllText(Path.Combine(Root, "analyzers", "Antom.Contracts.Analyzers", "AnalyzerReleases.Unshipped.md"));

        Assert.Equal(5, rules.Length);
        Assert.Equal(rules.Length, rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (DiagnosticDescriptor rule in rules)
        {
            string page = Path.Combine(Root, "docs", "diagnostics", rule.Id + ".md");
            Assert.True(File.Exists(page), $"{rule.Id} has no {page}");
            string text = File.ReadAllText(page);
            Assert.Contains("## Bad", text, StringComparison.Ordinal);
            Assert.Contains("## Fixed", text, StringComparison.Ordinal);
            Assert.Contains(rule.Id + " |", releases, StringComparison.Ordinal);
            Assert.EndsWith(rule.Id + ".md", rule.HelpLinkUri, StringComparison.Ordinal);
            Assert.Equal(DiagnosticSeverity.Warning, rule.DefaultSeverity);
        }
    }

    [Fact]
    public void The_one_catalogue_lists_every_id_and_each_is_documented()
    {
        string[] ids = typeof(Descriptors).Assembly.GetType("Antom.Contracts.DiagnosticIds")!
            .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        string index = File.ReadAllText(Path.Combine(Root, "docs", "diagnostics.md"));

        Assert.Equal(18, ids.Length); // ANTOM0001-0010, 0099, 1001, 1002, 1003, 2001, 2002, two suppressions
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Contains(id, index, StringComparison.Ordinal));
    }

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Antom.Contracts.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Antom.Contracts.sln not found above the test output.");
    }
}
