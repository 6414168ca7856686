using Microsoft.AspNetCore.Identity;

namespace MiniApp.Api.IntegrationTests.Infrastructure;

internal static class TestStaff
{
    public const string Password = "Test-Passw0rd!";

    // Hashing a password is slow by design (PBKDF2, 100,000 rounds) and most of what a staff test spends; the accounts
    // made here share one hash of the one test password. The API still checks it in full at every login.
    private static readonly Lazy<string> PasswordHash =
        new(() => new PasswordHasher<StaffPassword>().HashPassword(new StaffPassword(), Password));

    /// <summary>Creates a staff account with a unique username in the given union and returns the username and id.</summary>
    public static async Task<(string Username, long Id)> CreateAsync(this ApiFixture api, string role, long unionId, string? departmentCode = null)
    {
        var username = $"t-{role[..4]}-{Guid.NewGuid():N}"[..24];
        var hash = PasswordHash.Value;
        await using var db = await api.Database.OpenAsync();
        var id = await db.ExecuteScalarAsync<long>("""
            INSERT INTO staff (username, display_name, password_hash, role, union_id, department_code, created_at)
            VALUES (@Username, '测试账号', @Hash, @Role, @UnionId, @DepartmentCode, UTC_TIMESTAMP(6));
            SELECT LAST_INSERT_ID();
            """, new { Username = username, Hash = hash, Role = role, UnionId = unionId, DepartmentCode = departmentCode });
        return (username, id);
    }

    public static async Task<string> StaffTokenAsync(this ApiFixture api, string username, string password = Password)
    {
        using var client = api.CreateClient();
        var login = await (await client.PostJsonAsync("/api/staff/auth/login", new { username, password })).AssertOkJsonAsync();
        return login.GetProperty("token").GetString()!;
    }
}
