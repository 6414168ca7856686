namespace MiniApp.WeChat.Sandbox;

internal static class Program
{
    private static void Main(string[] args) => SandboxApp.Create(args).Run();
}
