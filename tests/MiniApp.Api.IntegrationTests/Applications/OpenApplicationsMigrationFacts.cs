using System.Net.Http.Headers;
using EvolveDb;
using EvolveDb.Migration;
using Microsoft.AspNetCore.Identity;
using MiniApp.Api.Infrastructure.Data;

namespace MiniApp.Api.IntegrationTests.Applications;

/// <summary>
/// V11 puts one open application per account under a unique key. A database that already holds several open applications
/// of one account (allowed until then) still migrates: none changes status, the oldest holds the account's place.
/// </summary>
[Collection(ApplicationsCollection.Name)]
public sealed class OpenApplicationsMigrationFacts(ApiFixture api)
{
    private const string InsertApplicationSql = """
        INSERT INTO applications (user_id, status, name, id_number_sealed, id_number_hash, id_number_masked, phone_sealed, phone_hash,
            phone_masked, gender, birth_date, ethnicity, education, political_status, hukou_type, is_migrant_worker, worker_group_code,
            employment_form, residence_township, receiving_union_id, routing_rule, consent_version, consent_agreed_at, submitted_at,
            created_at, updated_at)
        VALUES (@UserId, @Status, '张三丰', 'sealed', @Hash, '5304**********0001', 'sealed', 'phone', '139****0000', 'male',
            '1988-01-01', '01', 'senior_high', '13', 'agricultural', 1, 'truck_driver', 'affiliated', '530427001', 1,
            'industry_union', '2026-11', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
        SELECT LAST_INSERT_ID();
        """;

    [Fact]
    public async Task V11_KeepsEveryOpenApplication_OfAnAccountThatHasSeveral_AndTheAccountGetsNoMore()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var connection = await database.OpenAsync())
        {
            new Evolve(connection, _ => { })
            {
                EmbeddedResourceAssemblies = [typeof(DatabaseMigrator).Assembly],
                EmbeddedResourceFilters = ["MiniApp.Api.Database.Migrations"],
                TargetVersion = new MigrationVersion("10"),
            }.Migrate();
        }
        var openId = "o-legacy-" + Guid.NewGuid().ToString("N")[..12];
        long userId, oldest, newer;
        await using (var db = await database.OpenAsync())
        {
            userId = await db.ExecuteScalarAsync<long>("""
                INSERT INTO users (openid, created_at, last_login_at) VALUES (@openId, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
                SELECT LAST_INSERT_ID();
                """, new { openId });
            oldest = await db.ExecuteScalarAsync<long>(InsertApplicationSql, new { UserId = userId, Status = "submitted", Hash = "person-1" });
            newer = await db.ExecuteScalarAsync<long>(InsertApplicationSql, new { UserId = userId, Status = "submitted", Hash = "person-2" });
            await db.ExecuteAsync(InsertApplicationSql, new { UserId = userId, Status = "rejected", Hash = "person-3" });
            await db.ExecuteAsync("""
                INSERT INTO staff (username, display_name, password_hash, role, union_id, created_at)
                VALUES ('legacy-admin', '测试账号', @Hash, @Role, 1, UTC_TIMESTAMP(6))
                """, new { Hash = new PasswordHasher<StaffPassword>().HashPassword(new StaffPassword(), TestStaff.Password), Role = StaffRoles.CountyAdmin });
        }

        await using var factory = api.CreateFactory(builder => builder.UseSetting("ConnectionStrings:MySql", database.ConnectionString));
        _ = factory.Server; // migrates

        await using (var db = await database.OpenAsync())
        {
            var statuses = await db.QueryAsync<string>("SELECT status FROM applications WHERE user_id = @userId ORDER BY id", new { userId });
            Assert.Equal(["submitted", "submitted", "rejected"], statuses);
            var ex = await Assert.ThrowsAsync<MySqlException>(() => db.ExecuteScalarAsync<long>(InsertApplicationSql,
                new { UserId = userId, Status = "submitted", Hash = "person-4" }));
            Assert.True(ex.IsDuplicateKey("ux_applications_open_user"));
        }
        using var worker = factory.CreateClient();
        var code = await api.NewLoginCodeAsync(openId);
        var login = await (await worker.PostJsonAsync("/api/auth/login", new { code = code.Code })).AssertOkJsonAsync();
        worker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("token").GetString());
        using var staff = factory.CreateClient();
        var staffLogin = await (await staff.PostJsonAsync("/api/staff/auth/login", new { username = "legacy-admin", password = TestStaff.Password }))
            .AssertOkJsonAsync();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", staffLogin.GetProperty("token").GetString());

        var submitted = await worker.PostAsJsonAsync("/api/applications", TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone()));
        var flags = (await (await staff.GetAsync($"/api/staff/applications/{newer}")).AssertOkJsonAsync()).GetProperty("flags");
        // Rejected and corrected, the newer one competes for the account's place like any other.
        await (await staff.PostAsJsonAsync($"/api/staff/applications/{newer}/reject", new { reasonCode = "info_incomplete" })).AssertOkJsonAsync();
        var resubmitted = await worker.PutAsJsonAsync($"/api/applications/{newer}", TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone()));

        Assert.Equal(oldest, (await submitted.AssertProblemAsync(HttpStatusCode.Conflict, "application_exists")).GetProperty("applicationId").GetInt64());
        Assert.Equal(1, flags.GetProperty("sameAccountOpen").GetInt32());
        Assert.Equal(oldest, (await resubmitted.AssertProblemAsync(HttpStatusCode.Conflict, "application_exists")).GetProperty("applicationId").GetInt64());
    }
}
