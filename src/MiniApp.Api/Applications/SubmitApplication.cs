using Microsoft.AspNetCore.Mvc;
using MiniApp.Api.Coverage;

namespace MiniApp.Api.Applications;

/// <summary>
/// POST /api/applications. The same Idempotency-Key answers the first result again; one open application per WeChat
/// account, enforced by a unique key, not by a read first. A 身份证号 with an open application from another account, or
/// of a member the caller is not (<see cref="MemberMatch"/>), is taken all the same: the reviewer sees it flagged.
/// </summary>
public static class SubmitApplication
{
    private const string InsertSql = """
        INSERT INTO applications (user_id, status, name, id_number_sealed, id_number_hash, id_number_masked,
            phone_sealed, phone_hash, phone_masked, gender, birth_date, ethnicity, education, political_status,
            hukou_type, is_migrant_worker, worker_group_code, employment_form, employer_enterprise_id, employer_name,
            employer_credit_code, platform, residence_township, station_id, receiving_union_id, routing_rule,
            consent_version, consent_agreed_at, submitted_at, created_at, updated_at)
        VALUES (@UserId, 'submitted', @Name, @IdSealed, @IdHash, @IdMasked, @PhoneSealed, @PhoneHash, @PhoneMasked,
            @Gender, @BirthDate, @Ethnicity, @Education, @PoliticalStatus, @HukouType, @IsMigrantWorker, @Group,
            @EmploymentForm, @EnterpriseId, @EmployerName, @EmployerCreditCode, @Platform, @ResidenceTownship,
            @StationId, @UnionId, @Rule, @ConsentVersion, @ConsentAgreedAt, @Now, @Now, @Now);
        SELECT LAST_INSERT_ID();
        """;

    private const string ClaimKeySql = """
        INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, created_at)
        VALUES (@UserId, @Key, @RequestHash, @Now)
        """;

    private const string LinkKeySql = """
        UPDATE idempotency_keys SET application_id = @applicationId WHERE user_id = @UserId AND idempotency_key = @Key
        """;

    private const string EarlierSql = """
        SELECT request_hash, application_id FROM idempotency_keys WHERE user_id = @UserId AND idempotency_key = @Key
        """;

    /// <summary>An Idempotency-Key of the caller's with the keyed hash of the form it came with.</summary>
    private sealed record IdempotencyKey(long UserId, string Key, string RequestHash)
    {
        /// <summary>Takes the key; a request that finds it taken fails on the primary key and is replayed.</summary>
        public Task ClaimAsync(Db tx, DateTime now) =>
            tx.ExecuteAsync(ClaimKeySql, new { UserId, Key, RequestHash, Now = now });

        public Task LinkAsync(Db tx, long applicationId) =>
            tx.ExecuteAsync(LinkKeySql, new { applicationId, UserId, Key });
    }

    public static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> Handle(
        ApplicationForm form, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal principal,
        [AsParameters] ApplicationServices services)
    {
        var userId = principal.UserId();
        var now = services.Clock.GetUtcNow();
        if (idempotencyKey is { Length: 0 or > 64 })
            return Problems.Validation("Idempotency-Key", "提交编号格式不正确");

        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var (submission, errors) = await ApplicationSubmission.CheckAsync(db, services, userId, form, now);
        if (submission is null) return Problems.Validation(errors);

        // Keyed, like every other hash over personal data, so the stored value cannot be tested against guesses.
        var requestHash = services.Protector.LookupHash(JsonSerializer.Serialize(form), "idempotency_request");
        var key = idempotencyKey is null ? null : new IdempotencyKey(userId, idempotencyKey, requestHash);
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = db.In(transaction);
        try
        {
            if (key is not null) await key.ClaimAsync(tx, submission.Now);
            if (await submission.IsCallersMembershipAsync(tx)) return ApplicationProblems.AlreadyMember();

            var union = await submission.RouteAsync(tx);
            var applicationId = await tx.ExecuteScalarAsync<long>(InsertSql, submission.Parameters(union));
            if (key is not null) await key.LinkAsync(tx, applicationId);
            await CoverageJournal.SubmittedAsync(tx, applicationId, submission.Now);
            await submission.AuditAsync(tx, "application.submitted", applicationId, union);
            await transaction.CommitAsync(services.Cancellation);
            return await CreatedAsync(db, applicationId);
        }
        catch (MySqlException exception) when (exception.IsDuplicateKey("PRIMARY") && key is not null)
        {
            await transaction.RollbackAsync(services.Cancellation);
            return await ReplayAsync(db, key);
        }
        catch (MySqlException exception)
            when (exception.IsDuplicateKey(ApplicationSubmission.OpenApplicationKey))
        {
            await transaction.RollbackAsync(services.Cancellation);
            return await ApplicationSubmission.ApplicationExistsAsync(db, userId);
        }
    }

    private static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> ReplayAsync(Db db,
        IdempotencyKey key)
    {
        var earlier = await db.QuerySingleAsync<(string RequestHash, long? ApplicationId)>(EarlierSql,
            new { key.UserId, key.Key });
        if (earlier.RequestHash != key.RequestHash || earlier.ApplicationId is null)
            return ApplicationProblems.IdempotencyKeyReused();
        return await CreatedAsync(db, earlier.ApplicationId.Value);
    }

    private static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> CreatedAsync(Db db,
        long applicationId) =>
        TypedResults.Created($"/api/applications/{applicationId}",
            await ApplicationRow.LoadViewAsync(db, applicationId));
}
