using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Antom.Contracts.Hosting;

/// <summary>
/// Binds <see cref="AntomOptions"/> by hand: no reflection (trimming and native AOT keep working), and a value that does
/// not parse becomes a validation failure that names its setting instead of an exception at first use.
/// </summary>
internal static class AntomOptionsBinder
{
    public static void Bind(IConfiguration configuration, string section, AntomOptions options)
    {
        options.Endpoint = configuration["Endpoint"] ?? options.Endpoint;
        options.ClientId = configuration["ClientId"] ?? options.ClientId;
        options.PrivateKey = configuration["PrivateKey"] ?? options.PrivateKey;
        options.PrivateKeyFile = configuration["PrivateKeyFile"] ?? options.PrivateKeyFile;
        List(configuration.GetSection("AntomPublicKeys"), options.AntomPublicKeys);
        options.Timeout = Parse(configuration, "Timeout", section, options, options.Timeout, ParseTimeSpan);
        options.MaxResponseBytes = Parse(configuration, "MaxResponseBytes", section, options, options.MaxResponseBytes, ParseInt);
        options.ConnectRetries = Parse(configuration, "ConnectRetries", section, options, options.ConnectRetries, ParseInt);
        IConfigurationSection notifications = configuration.GetSection("Notifications");
        List(notifications.GetSection("ClientIds"), options.Notifications.ClientIds);

        // JSON null arrives as an empty value: MaxRequestAge off.
        options.Notifications.MaxRequestAge = notifications["MaxRequestAge"] is { Length: 0 }
            ? null
            : Parse(notifications, "MaxRequestAge", section + ":Notifications", options, options.Notifications.MaxRequestAge, text => ParseTimeSpan(text) is var (ok, age) ? (ok, (TimeSpan?)age) : default);
    }

    // An array in JSON is children "0", "1", ... (also a single value, when one key is given as a string).
    private static void List(IConfigurationSection list, IList<string> into)
    {
        if (list.Value is { Length: > 0 } single)
        {
            into.Add(single);
        }

        var children = new List<(int Index, string? Value)>();
        foreach (IConfigurationSection child in list.GetChildren())
        {
            children.Add((int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : int.MaxValue, child.Value));
        }

        children.Sort((a, b) => a.Index.CompareTo(b.Index));
        foreach ((_, string? value) in children)
        {
            into.Add(value ?? string.Empty);
        }
    }

    private static T Parse<T>(IConfiguration configuration, string key, string section, AntomOptions options, T current, Func<string, (bool Ok, T Value)> parse)
    {
        string? text = configuration[key];
        if (text is null)
        {
            return current;
        }

        if (parse(text) is (true, T value))
        {
            return value;
        }

        options.BindingFailures.Add($"{section}:{key} '{text}' is not a valid {(typeof(T) == typeof(int) ? "whole number" : "time span such as 00:00:30")}.");
        return current;
    }

    private static (bool, TimeSpan) ParseTimeSpan(string text) => (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value), value);

    private static (bool, int) ParseInt(string text) => (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value), value);
}
