namespace MiniApp.Api.IntegrationTests.Coverage.Reports;

internal static class ReportKit
{
    public static async Task<HttpClient> StaffAsync(this ApiFixture api, string role, long unionId, string? department = null)
    {
        var (username, _) = await api.CreateAsync(role, unionId, department);
        return api.CreateClient(await api.StaffTokenAsync(username));
    }

    public static JsonElement Row(this JsonElement report, string key) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    public static string[] Keys(this JsonElement report) =>
        report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToArray();

    public static long Long(this JsonElement element, string name) => element.GetProperty(name).GetInt64();

    public static decimal? Decimal(this JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetDecimal();

    public static int? Int(this JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetInt32();

    /// <summary>(surveyedWorkers, activeMembers, joinRate, gapToTarget) of a row's or the total's worker figures.</summary>
    public static (long, long, decimal?, decimal?) Join(this JsonElement row)
    {
        var w = row.GetProperty("workers");
        return (w.Long("surveyedWorkers"), w.Long("activeMembers"), w.Decimal("joinRate"), w.Decimal("gapToTarget"));
    }

    /// <summary>(enterprises100Plus, withUnion, unionRate, gapToTarget) of a row's or the total's enterprise figures.</summary>
    public static (long, long, decimal?, decimal?) Union(this JsonElement row)
    {
        var e = row.GetProperty("enterprises");
        return (e.Long("enterprises100Plus"), e.Long("withUnion"), e.Decimal("unionRate"), e.Decimal("gapToTarget"));
    }
}
