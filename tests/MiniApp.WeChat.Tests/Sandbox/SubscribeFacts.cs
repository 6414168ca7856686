namespace MiniApp.WeChat.Tests.Sandbox;

public sealed class SubscribeFacts(SandboxFixture fixture) : SandboxFacts(fixture)
{
    private const string Template = "tmpl-application-result";

    [Fact]
    public async Task Send_Returns43101_WhenUserHasNoGrant()
    {
        var openid = await Sandbox.NewUserAsync();

        var response = await SendAsync(openid, "审核通过");

        Assert.Equal(43101, SandboxHost.Errcode(response));
        Assert.StartsWith("user refuse to accept the msg rid: ", response.GetProperty("errmsg").GetString());
    }

    [Fact]
    public async Task Send_SpendsOneGrantPerMessage_WhenUserGrantedTwo()
    {
        var openid = await Sandbox.NewUserAsync();
        await Sandbox.GrantAsync(openid, Template, 2);

        var first = await SendAsync(openid, "审核通过");
        var second = await SendAsync(openid, "审核通过");
        var third = await SendAsync(openid, "审核通过");

        Assert.Equal(0, SandboxHost.Errcode(first));
        Assert.Equal("ok", first.GetProperty("errmsg").GetString());
        Assert.Equal(0, SandboxHost.Errcode(second));
        Assert.Equal(43101, SandboxHost.Errcode(third));
        Assert.True(first.GetProperty("msgid").GetInt64() > int.MaxValue);
        Assert.NotEqual(first.GetProperty("msgid").GetInt64(), second.GetProperty("msgid").GetInt64());
    }

    [Fact]
    public async Task Send_SucceedsExactlyGrantTimes_WhenSentConcurrently()
    {
        var openid = await Sandbox.NewUserAsync();
        await Sandbox.GrantAsync(openid, Template, 3);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(openid, "审核通过")));

        Assert.Equal(3, results.Count(r => SandboxHost.Errcode(r) == 0));
        Assert.Equal(7, results.Count(r => SandboxHost.Errcode(r) == 43101));
    }

    [Fact]
    public async Task Send_Returns47003NamingTheFieldAndKeepsTheGrant_WhenThingIsLongerThan20Characters()
    {
        var openid = await Sandbox.NewUserAsync();
        await Sandbox.GrantAsync(openid, Template, 1);

        var tooLong = await SendAsync(openid, new string('长', 21));
        var fits = await SendAsync(openid, new string('长', 20));

        Assert.Equal(47003, SandboxHost.Errcode(tooLong));
        Assert.StartsWith("argument invalid! data.thing1.value invalid rid: ", tooLong.GetProperty("errmsg").GetString());
        Assert.Equal(0, SandboxHost.Errcode(fits));
    }

    [Theory]
    [InlineData("phrase2", "已通过", true)]
    [InlineData("phrase2", "passed", false)]
    [InlineData("phrase2", "六个字的短语", false)]
    [InlineData("name3", "ABCDEFGHIJKLMNOPQRST", true)]
    [InlineData("name3", "张三李四王五赵六钱七孙", false)]
    [InlineData("number4", "12.50", true)]
    [InlineData("number4", "12元", false)]
    [InlineData("symbol5", "!!!!!!", false)]
    [InlineData("character_string6", "ORDER-2024-000000000000000000001", true)]
    [InlineData("character_string6", "ORDER-2024-0000000000000000000001", false)]
    [InlineData("phone_number7", "+86-138-0013-80000", false)]
    [InlineData("car_number8", "粤B12345", true)]
    [InlineData("time9", "2019年10月1日 15:01", true)]
    [InlineData("thing1", "", false)]
    public async Task Send_ChecksValueAgainstItsKeyPrefix_WhenDataHasThatType(string key, string value, bool accepted)
    {
        var openid = await Sandbox.NewUserAsync();
        await Sandbox.GrantAsync(openid, Template, 1);

        var response = await Sandbox.PostWeChatAsync(
            "/cgi-bin/message/subscribe/send",
            new { touser = openid, template_id = Template, data = new Dictionary<string, object> { [key] = new { value } } },
            await Sandbox.TokenAsync());

        Assert.Equal(accepted ? 0 : 47003, SandboxHost.Errcode(response));
    }

    [Fact]
    public async Task Send_Returns40003_WhenUserNeverLoggedIn()
    {
        var response = await SendAsync("oNeverLoggedIn00000000000001", "审核通过");

        Assert.Equal(40003, SandboxHost.Errcode(response));
    }

    [Fact]
    public async Task SentMessages_ListsAcceptedMessagesOldestFirst_WhenSeveralWereSent()
    {
        var alice = await Sandbox.NewUserAsync();
        var bob = await Sandbox.NewUserAsync();
        await Sandbox.GrantAsync(alice, Template, 2);
        await Sandbox.GrantAsync(bob, Template, 1);
        await SendAsync(alice, "第一条", page: "pages/application/detail?id=1");
        await SendAsync(bob, "给别人");
        await SendAsync(alice, "第二条");
        await SendAsync(alice, "没有额度");

        var forAlice = await Sandbox.GetJsonAsync($"/__sandbox/sent-messages?openid={alice}");
        var all = await Sandbox.GetJsonAsync("/__sandbox/sent-messages");

        Assert.Equal(["第一条", "第二条"], forAlice.EnumerateArray().Select(m => m.GetProperty("data").GetProperty("thing1").GetString()));
        Assert.Equal(3, all.GetArrayLength());
        var first = forAlice[0];
        Assert.Equal(alice, first.GetProperty("touser").GetString());
        Assert.Equal(Template, first.GetProperty("templateId").GetString());
        Assert.Equal("pages/application/detail?id=1", first.GetProperty("page").GetString());
        Assert.Equal("formal", first.GetProperty("miniprogramState").GetString());
        Assert.Equal("zh_CN", first.GetProperty("lang").GetString());
        Assert.NotEqual(default, first.GetProperty("sentAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task SubscribeGrants_MakesTheOpenIdKnown_WhenUserNeverLoggedIn()
    {
        await Sandbox.GrantAsync("oGrantOnly000000000000000001", Template, 1);

        var response = await SendAsync("oGrantOnly000000000000000001", "审核通过");

        Assert.Equal(0, SandboxHost.Errcode(response));
    }

    [Fact]
    public async Task SubscribeGrants_Returns400_WhenCountIsNotPositive()
    {
        using var response = await Sandbox.ControlAsync("subscribe-grants", new { openid = "o1", templateId = Template, count = 0 });

        Assert.Equal(400, (int)response.StatusCode);
    }

    private async Task<JsonElement> SendAsync(string openid, string thing, string? page = null) =>
        await Sandbox.PostWeChatAsync(
            "/cgi-bin/message/subscribe/send",
            new
            {
                touser = openid,
                template_id = Template,
                page,
                data = new { thing1 = new { value = thing } },
                miniprogram_state = "formal",
                lang = "zh_CN",
            },
            await Sandbox.TokenAsync());
}
