namespace MiniApp.Api.IntegrationTests.Infrastructure;

/// <summary>Enterprises written straight into the register, for tests of what reads it (formation, figures).</summary>
internal static class TestEnterprises
{
    private static int counter;

    /// <summary>
    /// A valid, unique 统一社会信用代码 (GB 32100): registration authority 9, type 1, region 530427, a made-up
    /// organisation code with its own check character, then the check character of the whole.
    /// </summary>
    public static string NextCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var n = Interlocked.Increment(ref counter) + Environment.ProcessId % 1000 * 100_000 + Random.Shared.Next(0, 90) * 100_000_000L;
        var body = "915304270" + (n % 100_000_000).ToString("D8");
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += alphabet.IndexOf(body[i]) * weights[i];
        return body + alphabet[(31 - sum % 31) % 31];
    }

    public sealed record Spec(
        string Name = "测试有限公司", string Township = "530427001", string? Department = "transport", int StaffCount = 120,
        string UnionStatus = "none", bool KeyNpcCppcc = false, bool KeyTopPrivate = false, bool KeyTopEntrepreneur = false,
        bool KeyYuxiIndustrial = false, bool InIndustrialPark = false, int MemberCount = 0);

    public static async Task<long> InsertAsync(this ApiFixture api, Spec? spec = null)
    {
        spec ??= new Spec();
        await using var db = await api.Database.OpenAsync();
        return await db.ExecuteScalarAsync<long>("""
            INSERT INTO enterprises (name, credit_code, township_code, department_code, staff_count, union_status, key_npc_cppcc,
                key_top_private, key_top_entrepreneur, key_yuxi_industrial, in_industrial_park, member_count, created_at, updated_at)
            VALUES (@Name, @Code, @Township, @Department, @StaffCount, @UnionStatus, @KeyNpcCppcc, @KeyTopPrivate, @KeyTopEntrepreneur,
                @KeyYuxiIndustrial, @InIndustrialPark, @MemberCount, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
            SELECT LAST_INSERT_ID();
            """, new
        {
            Name = spec.Name + Guid.NewGuid().ToString("N")[..6], Code = NextCreditCode(), spec.Township, spec.Department, spec.StaffCount,
            spec.UnionStatus, spec.KeyNpcCppcc, spec.KeyTopPrivate, spec.KeyTopEntrepreneur, spec.KeyYuxiIndustrial, spec.InIndustrialPark,
            spec.MemberCount,
        });
    }
}
