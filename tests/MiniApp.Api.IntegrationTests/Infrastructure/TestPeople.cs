namespace MiniApp.Api.IntegrationTests.Infrastructure;

/// <summary>Made-up people with valid 身份证号 (530427 prefix, real checksum) and phones, unique per call.</summary>
public static class TestPeople
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // A counter, not chance, keeps the numbers of one run apart: random picks collide often enough (the birthday
    // problem) to give an unrelated test a conflict or a member it did not make.
    private static int _issued = Random.Shared.Next(0, 1000);

    public static string NewIdNumber(int birthYear = 1988)
    {
        var n = Interlocked.Increment(ref _issued);
        var birth = new DateOnly(birthYear, 1, 1).AddDays(n / 1000 % 365);
        var body = $"530427{birth:yyyyMMdd}{n % 1000:D3}";
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    public static string NewPhone() => $"139{Random.Shared.Next(0, 100_000_000):D8}";

    /// <summary>A complete, valid form; override fields with the with-expression of the anonymous object's copy.</summary>
    public static Dictionary<string, object?> Form(string idNumber, string? phone, string group = "truck_driver",
        string township = "530427001", string? stationScene = null, object? employer = null, string? platform = null) => new()
        {
            ["name"] = "张三丰",
            ["idNumber"] = idNumber,
            ["phone"] = phone,
            ["ethnicity"] = "01",
            ["education"] = "senior_high",
            ["politicalStatus"] = "13",
            ["hukouType"] = "agricultural",
            ["isMigrantWorker"] = true,
            ["group"] = group,
            ["employmentForm"] = "affiliated",
            ["employer"] = employer,
            ["platform"] = platform,
            ["residenceTownship"] = township,
            ["stationScene"] = stationScene,
            ["consent"] = new { version = "2026-11", agreedAt = DateTimeOffset.UtcNow.AddMinutes(-1) },
        };

    public sealed record Worker(long UserId, string Token, string OpenId);

    public static async Task<Worker> LoginWorkerAsync(this ApiFixture api, string? openId = null)
    {
        var code = await api.NewLoginCodeAsync(openId);
        using var client = api.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { code = code.Code })).AssertOkJsonAsync();
        return new Worker(login.GetProperty("user").GetProperty("id").GetInt64(), login.GetProperty("token").GetString()!, code.OpenId);
    }

    /// <summary>Binds the phone to the worker's account as WeChat's phone-number button does.</summary>
    public static async Task BindPhoneAsync(this ApiFixture api, Worker worker, string phone)
    {
        var phoneCode = await (await api.Sandbox.Client.PostAsJsonAsync("/__sandbox/phone-codes", new { openid = worker.OpenId, phoneNumber = phone }))
            .AssertOkJsonAsync();
        using var client = api.CreateClient(worker.Token);
        await (await client.PostAsJsonAsync("/api/me/phone", new { code = phoneCode.GetProperty("code").GetString() })).AssertOkJsonAsync();
    }

    public static async Task<JsonElement> SubmitAsync(this ApiFixture api, Worker worker, object form, string? idempotencyKey = null)
    {
        using var client = api.CreateClient(worker.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(form) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await (await client.SendAsync(request)).AssertOkJsonAsync();
    }
}
