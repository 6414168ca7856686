namespace MiniApp.WeChat.Tests.Sandbox;

public sealed class SecurityCheckFacts(SandboxFixture fixture) : SandboxFacts(fixture)
{
    [Theory]
    [InlineData("这里有违禁词出现", "risky", 20001)]
    [InlineData("这条是待审词内容", "review", 21000)]
    [InlineData("今天天气很好", "pass", 100)]
    public async Task MsgSecCheck_ClassifiesContent_ByConfiguredWordLists(string content, string suggest, int label)
    {
        var openid = await Sandbox.NewUserAsync();

        var response = await CheckAsync(new { version = 2, openid, scene = 2, content });

        var result = response.GetProperty("result");
        Assert.Equal(0, SandboxHost.Errcode(response));
        Assert.Equal(suggest, result.GetProperty("suggest").GetString());
        Assert.Equal(label, result.GetProperty("label").GetInt32());
        Assert.False(string.IsNullOrEmpty(response.GetProperty("trace_id").GetString()));
        Assert.All(response.GetProperty("detail").EnumerateArray(), d => Assert.Equal(0, d.GetProperty("errcode").GetInt32()));
    }

    [Fact]
    public async Task MsgSecCheck_NamesTheKeyword_WhenContentIsRisky()
    {
        var openid = await Sandbox.NewUserAsync();

        var response = await CheckAsync(new { version = 2, openid, scene = 3, content = "有违禁词" });

        Assert.Contains(response.GetProperty("detail").EnumerateArray(), d => d.TryGetProperty("keyword", out var k) && k.GetString() == "违禁词");
    }

    [Fact]
    public async Task MsgSecCheck_Returns40003_WhenOpenIdIsUnknown()
    {
        var response = await CheckAsync(new { version = 2, openid = "oNeverLoggedIn00000000000001", scene = 2, content = "你好" });

        Assert.Equal(40003, SandboxHost.Errcode(response));
    }

    [Fact]
    public async Task MsgSecCheck_Returns44002_WhenContentIsEmpty()
    {
        var openid = await Sandbox.NewUserAsync();

        var response = await CheckAsync(new { version = 2, openid, scene = 2, content = "" });

        Assert.Equal(44002, SandboxHost.Errcode(response));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task MsgSecCheck_Returns40129_WhenSceneIsOutOfRange(int scene)
    {
        var openid = await Sandbox.NewUserAsync();

        var response = await CheckAsync(new { version = 2, openid, scene, content = "你好" });

        Assert.Equal(40129, SandboxHost.Errcode(response));
    }

    [Fact]
    public async Task MsgSecCheck_UsesConfiguredWords_WhenRiskyWordsAreConfigured()
    {
        await using var sandbox = await SandboxHost.StartAsync(b => b.Configuration["Sandbox:RiskyWords:0"] = "敏感");
        var openid = (await sandbox.NewLoginCodeAsync()).Openid;
        var token = await sandbox.TokenAsync();

        var configured = await sandbox.PostWeChatAsync("/wxa/msg_sec_check", new { version = 2, openid, scene = 2, content = "很敏感" }, token);
        var defaultWord = await sandbox.PostWeChatAsync("/wxa/msg_sec_check", new { version = 2, openid, scene = 2, content = "违禁词" }, token);

        Assert.Equal("risky", configured.GetProperty("result").GetProperty("suggest").GetString());
        Assert.Equal("pass", defaultWord.GetProperty("result").GetProperty("suggest").GetString());
    }

    private async Task<JsonElement> CheckAsync(object body) =>
        await Sandbox.PostWeChatAsync("/wxa/msg_sec_check", body, await Sandbox.TokenAsync());
}
