namespace MiniApp.WeChat.Sandbox;

/// <summary>Builds the emulator; tests start it in-process on a loopback port, the scripts run it as its own process.</summary>
public static class SandboxApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var app = builder.Build();
        return app;
    }
}
