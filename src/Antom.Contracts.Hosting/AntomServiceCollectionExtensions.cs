using System;
using System.Linq;
using System.Threading;
using Antom.Contracts.Http;
using Antom.Contracts.Ledger;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Antom.Contracts.Hosting;

/// <summary>Registers Antom in a host's services from configuration.</summary>
public static class AntomServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AntomOptions"/> from <paramref name="configuration"/> (the <c>Antom</c> section, say), validates
    /// it when the host starts, and registers: <see cref="AntomClient"/> as a typed client through
    /// <c>IHttpClientFactory</c> (with the resilience pipeline that retries only what provably never left), the
    /// <see cref="AntomSigner"/>, the <see cref="AntomSignatureVerifier"/> (every key in <c>AntomPublicKeys</c>), the
    /// <see cref="AntomClientOptions"/>, the <see cref="AntomNotificationReceiverOptions"/> that
    /// <c>MapAntomNotifications(pattern, handler)</c> takes from DI, and in-memory <see cref="INotificationClaimStore"/>
    /// and <see cref="IAuthorizationLedgerStore"/> unless one is registered already (one registered later wins).
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The section to bind, e.g. <c>builder.Configuration.GetSection("Antom")</c>.</param>
    /// <returns>A builder that storage packages extend.</returns>
    public static AntomBuilder AddAntom(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        string section = configuration is IConfigurationSection s ? s.Path : "Antom";
        services.AddOptions<AntomOptions>().Configure(options => AntomOptionsBinder.Bind(configuration, section, options)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AntomOptions>>(new AntomOptionsValidator(section)));

        services.TryAddSingleton(sp => AntomKeys.Signer(Options(sp)));
        services.TryAddSingleton(sp => AntomKeys.Verifier(Options(sp)));
        services.TryAddSingleton(sp =>
        {
            AntomOptions options = Options(sp);
            return new AntomClientOptions
            {
                Endpoint = new Uri(options.Endpoint!, UriKind.Absolute),
                ClientId = options.ClientId!,
                Signer = sp.GetRequiredService<AntomSigner>(),
                Verifier = sp.GetRequiredService<AntomSignatureVerifier>(),
                Timeout = options.Timeout,
                MaxResponseBytes = options.MaxResponseBytes,
                Time = sp.GetService<TimeProvider>() ?? TimeProvider.System,
            };
        });
        services.TryAddSingleton(sp =>
        {
            AntomOptions options = Options(sp);
            return new AntomNotificationReceiverOptions
            {
                ClientIds = options.Notifications.ClientIds.Count > 0 ? options.Notifications.ClientIds.ToArray() : [options.ClientId!],
                MaxRequestAge = options.Notifications.MaxRequestAge,
                Time = sp.GetService<TimeProvider>() ?? TimeProvider.System,
            };
        });
        services.TryAddSingleton<INotificationClaimStore>(sp => new InMemoryNotificationClaimStore(sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IAuthorizationLedgerStore, InMemoryAuthorizationLedgerStore>();

        // The client's own Timeout bounds the call, body included; HttpClient's would stop counting at the headers.
        IHttpClientBuilder client = services
            .AddHttpClient<AntomClient>(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddTypedClient(static (http, sp) => new AntomClient(http, sp.GetRequiredService<AntomClientOptions>()));
        AntomResilience.AddTo(client);
        return new AntomBuilder(services);
    }

    private static AntomOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<AntomOptions>>().Value;
}
