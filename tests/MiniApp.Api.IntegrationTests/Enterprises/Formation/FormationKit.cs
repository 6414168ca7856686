using MiniApp.Api.Infrastructure;

namespace MiniApp.Api.IntegrationTests.Enterprises.Formation;

internal static class FormationKit
{
    public static readonly string[] DefaultOrder =
        ["survey_visit", "reminder_letter", "notice", "commitment", "preparatory_group", "election", "established"];

    public static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    public static async Task<(HttpClient Client, long StaffId)> SignedInStaffAsync(this ApiFixture api, string role, long unionId = 1,
        string? departmentCode = null)
    {
        var (username, id) = await api.CreateAsync(role, unionId, departmentCode);
        return (api.CreateClient(await api.StaffTokenAsync(username)), id);
    }

    public static async Task<HttpClient> AdminClientAsync(this ApiFixture api) => (await api.SignedInStaffAsync(StaffRoles.CountyAdmin)).Client;

    public static async Task<JsonElement> StepsAsync(this HttpClient client, long enterpriseId) =>
        await (await client.GetAsync($"/api/staff/enterprises/{enterpriseId}/steps")).AssertOkJsonAsync();

    public static async Task<int> VersionAsync(this HttpClient client, long enterpriseId) =>
        (await client.StepsAsync(enterpriseId)).GetProperty("version").GetInt32();

    public static Task<HttpResponseMessage> PostStepAsync(this HttpClient client, long enterpriseId, object body) =>
        client.PostAsJsonAsync($"/api/staff/enterprises/{enterpriseId}/steps", body);

    /// <summary>Records a step with the enterprise's current version and asserts it was accepted.</summary>
    public static async Task<JsonElement> RecordAsync(this HttpClient client, long enterpriseId, string stepType, string? note = null,
        DateOnly? servedOn = null, DateOnly? answeredOn = null, DateOnly? deadline = null, long? responsibleStaffId = null)
    {
        var version = await client.VersionAsync(enterpriseId);
        var response = await client.PostStepAsync(enterpriseId,
            new { stepType, servedOn, answeredOn, deadline, responsibleStaffId, note, version });
        return await response.AssertOkJsonAsync();
    }

    /// <summary>Records the next steps until the given one is current.</summary>
    public static async Task<JsonElement> AdvanceToAsync(this HttpClient client, long enterpriseId, string stepType, DateOnly? answeredOn = null)
    {
        var view = await client.StepsAsync(enterpriseId);
        while (CurrentCode(view) != stepType)
        {
            var next = view.GetProperty("nextStep").GetProperty("code").GetString()!;
            view = await client.RecordAsync(enterpriseId, next, answeredOn: next == stepType ? answeredOn : null);
        }
        return view;
    }

    public static string? CurrentCode(JsonElement view) =>
        view.GetProperty("currentStep").ValueKind == JsonValueKind.Null ? null : view.GetProperty("currentStep").GetProperty("code").GetString();

    public static string? NextCode(JsonElement view) =>
        view.GetProperty("nextStep").ValueKind == JsonValueKind.Null ? null : view.GetProperty("nextStep").GetProperty("code").GetString();

    public static async Task<T> ScalarAsync<T>(this ApiFixture api, string sql, object? parameters = null)
    {
        await using var db = await api.Database.OpenAsync();
        return (await db.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public static async Task ExecuteAsync(this ApiFixture api, string sql, object? parameters = null)
    {
        await using var db = await api.Database.OpenAsync();
        await db.ExecuteAsync(sql, parameters);
    }
}
