using System;
using System.Collections.Generic;

namespace Antom.Contracts.Hosting;

/// <summary>The <c>Antom:Notifications</c> configuration section: what <c>MapAntomNotifications</c> accepts.</summary>
public sealed class AntomNotificationsOptions
{
    /// <summary>
    /// <c>Antom:Notifications:ClientIds</c>: the client ids whose notifications are accepted. Empty (the default) means
    /// <c>Antom:ClientId</c> alone.
    /// </summary>
    public IList<string> ClientIds { get; } = new List<string>();

    /// <summary>
    /// <c>Antom:Notifications:MaxRequestAge</c>: the oldest notification <c>request-time</c> accepted, or null (the
    /// default) to accept any; when set, positive and at most 30 days (for example <c>1.01:00:00</c>).
    /// </summary>
    public TimeSpan? MaxRequestAge { get; set; }
}
