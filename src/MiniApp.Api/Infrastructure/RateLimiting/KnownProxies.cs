using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MiniApp.Api.Infrastructure.RateLimiting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies in ForwardedHeaders:KnownProxies (addresses
/// or networks such as 10.0.0.0/24, separated by commas): behind a TLS-terminating load balancer the request is then
/// HTTPS and the client address is the one the balancer saw. From anyone else they are ignored, so a client cannot
/// choose its own rate-limit partition. None are known by default.
/// </summary>
public static class KnownProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddKnownProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var entries = Read(configuration.GetSection(Section).GetSection("KnownProxies"));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what is configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // Walk back through the chain while each hop is a known proxy; the first other address is the client.
            options.ForwardLimit = null;
            foreach (var entry in entries)
            {
                if (entry.Contains('/')) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return services;
    }

    /// <summary>
    /// Applies the forwarded headers of known proxies; a peer the server cannot name is never one of them. With no
    /// proxy configured nothing is applied: the framework's middleware checks the peer only when some proxy is listed,
    /// and would otherwise believe the headers from anyone.
    /// </summary>
    public static IApplicationBuilder UseKnownProxies(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0) return app;
        return app.UseWhen(context => context.Connection.RemoteIpAddress is not null,
            branch => branch.UseForwardedHeaders());
    }

    /// <summary>"10.0.0.5, 10.1.0.0/16" in one value, or a list (KnownProxies:0, :1, …). A malformed entry stops the
    /// start.</summary>
    internal static IReadOnlyList<string> Read(IConfigurationSection section)
    {
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? "");
        var entries = values
            .SelectMany(value => value.Split([',', ';', ' '],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        foreach (var entry in entries)
        {
            var valid = entry.Contains('/')
                ? System.Net.IPNetwork.TryParse(entry, out _)
                : IPAddress.TryParse(entry, out _);
            if (!valid)
            {
                throw new InvalidOperationException(
                    $"ForwardedHeaders:KnownProxies has an entry that is neither an address nor a network: '{entry}'.");
            }
        }
        return entries;
    }
}
