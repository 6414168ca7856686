using System.Text.Encodings.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MiniApp.WeChat.Sandbox;

/// <summary>Builds the emulator; tests start it in-process on a loopback port, the scripts run it as its own
/// process.</summary>
public static class SandboxApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Many sandboxes may start in one test process; file watchers for appsettings would exhaust inotify instances.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);

        // ASP.NET Core's request logs would carry secrets, codes and tokens from query strings.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.Services.AddOptions<SandboxOptions>()
            .BindConfiguration(SandboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.TryAddSingleton(TimeProvider.System);
        AddStore<SandboxClock>(builder.Services);
        AddStore<UserStore>(builder.Services);
        AddStore<PhoneCodeStore>(builder.Services);
        AddStore<TokenStore>(builder.Services);
        AddStore<SubscriptionStore>(builder.Services);
        AddStore<FaultStore>(builder.Services);

        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapLoginEndpoints();
        app.MapTokenEndpoints();
        app.MapPhoneEndpoints();
        app.MapSubscribeEndpoints();
        app.MapQrCodeEndpoints();
        app.MapSecurityCheckEndpoints();
        app.MapControlEndpoints();
        return app;
    }

    private static void AddStore<TStore>(IServiceCollection services) where TStore : class, ISandboxStore
    {
        services.AddSingleton<TStore>();
        services.AddSingleton<ISandboxStore>(provider => provider.GetRequiredService<TStore>());
    }
}
