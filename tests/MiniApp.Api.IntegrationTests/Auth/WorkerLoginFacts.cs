namespace MiniApp.Api.IntegrationTests.Auth;

[Collection(ApplicationsCollection.Name)]
public sealed class WorkerLoginFacts(ApiFixture api)
{
    [Fact]
    public async Task Login_ReturnsTokenThatOpensMe_WhenCodeIsFresh()
    {
        var code = await api.NewLoginCodeAsync();
        using var client = api.CreateClient();

        var login = await (await client.PostJsonAsync("/api/auth/login", new { code = code.Code })).AssertOkJsonAsync();
        var token = login.GetProperty("token").GetString()!;
        var userId = login.GetProperty("user").GetProperty("id").GetInt64();
        Assert.True(login.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.False(login.GetProperty("user").GetProperty("isMember").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, login.GetProperty("user").GetProperty("application").ValueKind);

        using var authed = api.CreateClient(token);
        var me = await (await authed.GetAsync("/api/me")).AssertOkJsonAsync();
        Assert.Equal(userId, me.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Login_IsOneUser_WhenTheSameOpenIdLogsInAgain()
    {
        var first = await api.NewLoginCodeAsync();
        var second = await api.NewLoginCodeAsync(first.OpenId);
        using var client = api.CreateClient();

        var a = await (await client.PostJsonAsync("/api/auth/login", new { code = first.Code })).AssertOkJsonAsync();
        var b = await (await client.PostJsonAsync("/api/auth/login", new { code = second.Code })).AssertOkJsonAsync();

        Assert.Equal(a.GetProperty("user").GetProperty("id").GetInt64(), b.GetProperty("user").GetProperty("id").GetInt64());
        await using var db = await api.Database.OpenAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE openid = @OpenId", new { first.OpenId }));
    }

    [Fact]
    public async Task Login_StoresSessionKeySealed_AndNeverReturnsIt()
    {
        var code = await api.NewLoginCodeAsync();
        using var client = api.CreateClient();

        var response = await client.PostJsonAsync("/api/auth/login", new { code = code.Code });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(code.SessionKey, body);
        Assert.DoesNotContain("session", body, StringComparison.OrdinalIgnoreCase);
        await using var db = await api.Database.OpenAsync();
        var stored = await db.ExecuteScalarAsync<string>("SELECT session_key FROM users WHERE openid = @OpenId", new { code.OpenId });
        Assert.StartsWith("v1.t1.", stored);
        Assert.DoesNotContain(code.SessionKey, stored);
    }

    [Fact]
    public async Task Login_Answers400WeChatCodeInvalid_WhenTheCodeWasUsed()
    {
        var code = await api.NewLoginCodeAsync();
        using var client = api.CreateClient();
        (await client.PostJsonAsync("/api/auth/login", new { code = code.Code })).EnsureSuccessStatusCode();

        var again = await client.PostJsonAsync("/api/auth/login", new { code = code.Code });

        await again.AssertProblemAsync(HttpStatusCode.BadRequest, "wechat_code_invalid");
    }

    [Fact]
    public async Task Login_Answers400WeChatCodeInvalid_WhenTheCodeIsUnknown()
    {
        using var client = api.CreateClient();
        var response = await client.PostJsonAsync("/api/auth/login", new { code = "never-issued-code" });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "wechat_code_invalid");
    }

    [Fact]
    public async Task Login_Answers503WithRetryAfter_WhenWeChatStaysBusy()
    {
        var code = await api.NewLoginCodeAsync();
        // The API retries a busy answer once in tests (WeChat:MaxRetries=1), so two faults exhaust it.
        await api.InjectFaultAsync("jscode2session", errcode: -1, times: 2);
        using var client = api.CreateClient();

        var response = await client.PostJsonAsync("/api/auth/login", new { code = code.Code });

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "wechat_unavailable");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Login_Succeeds_WhenWeChatIsBusyOnceOnly()
    {
        var code = await api.NewLoginCodeAsync();
        await api.InjectFaultAsync("jscode2session", errcode: -1, times: 1);
        using var client = api.CreateClient();

        var response = await client.PostJsonAsync("/api/auth/login", new { code = code.Code });

        await response.AssertOkJsonAsync();
    }

    [Fact]
    public async Task Login_Answers503_WhenWeChatAnswers5xx()
    {
        var code = await api.NewLoginCodeAsync();
        await api.InjectFaultAsync("jscode2session", httpStatus: 502, times: 2);
        using var client = api.CreateClient();

        var response = await client.PostJsonAsync("/api/auth/login", new { code = code.Code });

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "wechat_unavailable");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"code\":\"\"}")]
    public async Task Login_Answers400ValidationFailed_WhenCodeIsMissing(string body)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsync("/api/auth/login", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.TryGetProperty("errors", out var errors));
        Assert.Contains(errors.EnumerateObject(), field => field.Name.Equals("code", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Login_Answers400BadRequest_WhenBodyIsNotJson()
    {
        using var client = api.CreateClient();
        var response = await client.PostAsync("/api/auth/login", new StringContent("code=abc", System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Me_Answers401Problem_WithoutToken()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/api/me");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Me_Answers401_WhenTheTokenIsForged()
    {
        using var client = api.CreateClient("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwia2luZCI6IndvcmtlciJ9.c2lnbmF0dXJl");
        var response = await client.GetAsync("/api/me");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Logs_HoldNoCodeSessionKeyOrToken_AfterLogins()
    {
        var code = await api.NewLoginCodeAsync();
        using var client = api.CreateClient();
        var login = await (await client.PostJsonAsync("/api/auth/login", new { code = code.Code })).AssertOkJsonAsync();
        await client.PostJsonAsync("/api/auth/login", new { code = code.Code });
        var token = login.GetProperty("token").GetString()!;

        Assert.NotEmpty(api.Logs.Lines);
        foreach (var secret in new[] { code.Code, code.SessionKey, token, code.OpenId })
        {
            Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
