using Microsoft.AspNetCore.Mvc;
using MiniApp.Api.Coverage;
using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Applications;

/// <summary>
/// POST /api/applications. The same Idempotency-Key answers the first result again; one open application per WeChat
/// account, enforced by a unique key, not by a read first. A 身份证号 with an open application from another account, or of
/// a member the caller is not (<see cref="MemberMatch"/>), is taken all the same: the reviewer sees it flagged.
/// </summary>
public static class SubmitApplication
{
    private const string InsertSql = """
        INSERT INTO applications (user_id, status, name, id_number_sealed, id_number_hash, id_number_masked, phone_sealed,
            phone_hash, phone_masked, gender, birth_date, ethnicity, education, political_status, hukou_type, is_migrant_worker,
            worker_group_code, employment_form, employer_enterprise_id, employer_name, employer_credit_code, platform,
            residence_township, station_id, receiving_union_id, routing_rule, consent_version, consent_agreed_at,
            submitted_at, created_at, updated_at)
        VALUES (@UserId, 'submitted', @Name, @IdSealed, @IdHash, @IdMasked, @PhoneSealed, @PhoneHash, @PhoneMasked, @Gender,
            @BirthDate, @Ethnicity, @Education, @PoliticalStatus, @HukouType, @IsMigrantWorker, @Group, @EmploymentForm,
            @EnterpriseId, @EmployerName, @EmployerCreditCode, @Platform, @ResidenceTownship, @StationId, @UnionId, @Rule,
            @ConsentVersion, @ConsentAgreedAt, @Now, @Now, @Now);
        SELECT LAST_INSERT_ID();
        """;

    public static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> Handle(
        ApplicationForm form, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal principal,
        MySqlDataSource dataSource, FieldProtector protector, ReferenceCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = principal.UserId();
        var now = clock.GetUtcNow();
        if (idempotencyKey is { Length: 0 or > 64 })
            return Problems.Validation("Idempotency-Key", "提交编号格式不正确");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var boundPhone = await WorkerPhone.LoadAsync(connection, protector, userId, cancellationToken);
        var (valid, errors) = await ApplicationFormRules.ValidateAsync(form, boundPhone, await catalog.GetAsync(cancellationToken),
            connection, now, cancellationToken);
        if (valid is null) return Problems.Validation(errors);

        var id = ProtectedValue.IdNumber(protector, valid.Id.Normalized);
        // Keyed, like every other hash over personal data, so the stored value cannot be tested against guesses.
        var requestHash = protector.LookupHash(JsonSerializer.Serialize(form), "idempotency_request");
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            if (idempotencyKey is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, created_at) VALUES (@userId, @idempotencyKey, @requestHash, @Now)
                    """, new { userId, idempotencyKey, requestHash, Now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
            }
            if (await MemberMatch.IsCallerAsync(connection, transaction, userId, id.Hash, cancellationToken)) return ApplicationProblems.AlreadyMember();

            var union = await ReceivingUnionRouter.RouteAsync(connection, transaction, valid.EnterpriseId, valid.StationId, valid.Group,
                valid.ResidenceTownship, cancellationToken);
            var applicationId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql,
                Parameters(userId, valid, id, ProtectedValue.Phone(protector, valid.Phone), union, now.UtcDateTime), transaction,
                cancellationToken: cancellationToken));
            if (idempotencyKey is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE idempotency_keys SET application_id = @applicationId WHERE user_id = @userId AND idempotency_key = @idempotencyKey",
                    new { applicationId, userId, idempotencyKey }, transaction, cancellationToken: cancellationToken));
            }
            await CoverageJournal.SubmittedAsync(connection.Db(transaction, cancellationToken), applicationId, now.UtcDateTime);
            await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByWorker(userId, "application.submitted", "application", applicationId, new { receivingUnionId = union.Id, rule = union.Rule }), now.UtcDateTime);
            await transaction.CommitAsync(cancellationToken);
            return await CreatedAsync(connection, applicationId, cancellationToken);
        }
        catch (MySqlException exception) when (exception.IsDuplicateKey("PRIMARY") && idempotencyKey is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ReplayAsync(connection, userId, idempotencyKey, requestHash, cancellationToken);
        }
        catch (MySqlException exception) when (exception.IsDuplicateKey(OpenApplicationKey))
        {
            await transaction.RollbackAsync(cancellationToken);
            return ApplicationProblems.ApplicationExists(await OpenApplicationOfAsync(connection, userId, cancellationToken));
        }
    }

    /// <summary>The unique key over the account of an open application (V11).</summary>
    internal const string OpenApplicationKey = "ux_applications_open_user";

    /// <summary>The caller's own open application: the only one an application_exists answer may name.</summary>
    internal static Task<long?> OpenApplicationOfAsync(MySqlConnection connection, long userId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM applications WHERE open_user_id = @userId", new { userId }, cancellationToken: cancellationToken));

    internal static object Parameters(long userId, ValidForm form, ProtectedValue id, ProtectedValue phone, ReceivingUnion union, DateTime now) => new
    {
        UserId = userId, form.Name, IdSealed = id.Sealed, IdHash = id.Hash, IdMasked = id.Masked, PhoneSealed = phone.Sealed,
        PhoneHash = phone.Hash, PhoneMasked = phone.Masked, form.Id.Gender, BirthDate = form.Id.BirthDate.ToDateTime(TimeOnly.MinValue),
        form.Ethnicity, form.Education, form.PoliticalStatus, form.HukouType, form.IsMigrantWorker, form.Group, form.EmploymentForm,
        form.EnterpriseId, form.EmployerName, form.EmployerCreditCode, form.Platform, form.ResidenceTownship, form.StationId,
        UnionId = union.Id, union.Rule, form.ConsentVersion, form.ConsentAgreedAt, Now = now,
    };

    private static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> ReplayAsync(MySqlConnection connection, long userId,
        string idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var earlier = await connection.QuerySingleAsync<(string RequestHash, long? ApplicationId)>(new CommandDefinition(
            "SELECT request_hash, application_id FROM idempotency_keys WHERE user_id = @userId AND idempotency_key = @idempotencyKey",
            new { userId, idempotencyKey }, cancellationToken: cancellationToken));
        if (earlier.RequestHash != requestHash || earlier.ApplicationId is null) return ApplicationProblems.IdempotencyKeyReused();
        return await CreatedAsync(connection, earlier.ApplicationId.Value, cancellationToken);
    }

    private static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> CreatedAsync(MySqlConnection connection, long applicationId,
        CancellationToken cancellationToken)
    {
        return TypedResults.Created($"/api/applications/{applicationId}", await ApplicationRow.LoadViewAsync(connection, applicationId, cancellationToken));
    }
}
