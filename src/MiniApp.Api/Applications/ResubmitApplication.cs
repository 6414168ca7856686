using MiniApp.Api.Coverage;
using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Applications;

/// <summary>
/// PUT /api/applications/{id}: a rejected application, corrected and sent again. Its history stays with it. The rules of
/// a new submission hold: one open application per account, already_member only to the member (<see cref="MemberMatch"/>).
/// </summary>
public static class ResubmitApplication
{
    private const string Sql = """
        UPDATE applications SET status = 'submitted', version = version + 1, name = @Name, id_number_sealed = @IdSealed,
            id_number_hash = @IdHash, id_number_masked = @IdMasked, phone_sealed = @PhoneSealed, phone_hash = @PhoneHash,
            phone_masked = @PhoneMasked, gender = @Gender, birth_date = @BirthDate, ethnicity = @Ethnicity, education = @Education,
            political_status = @PoliticalStatus, hukou_type = @HukouType, is_migrant_worker = @IsMigrantWorker,
            worker_group_code = @Group, employment_form = @EmploymentForm, employer_enterprise_id = @EnterpriseId,
            employer_name = @EmployerName, employer_credit_code = @EmployerCreditCode, platform = @Platform,
            residence_township = @ResidenceTownship, station_id = @StationId, receiving_union_id = @UnionId, routing_rule = @Rule,
            consent_version = @ConsentVersion, consent_agreed_at = @ConsentAgreedAt, reject_reason = NULL, reject_note = NULL,
            decided_by = NULL, decided_at = NULL, surplus_open = 0, submitted_at = @Now, updated_at = @Now
        WHERE id = @ApplicationId AND user_id = @UserId AND status = 'rejected'
        """;

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Handle(long id, ApplicationForm form, ClaimsPrincipal principal,
        MySqlDataSource dataSource, FieldProtector protector, ReferenceCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = principal.UserId();
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM applications WHERE id = @id AND user_id = @userId", new { id, userId }, cancellationToken: cancellationToken));
        if (status is null) return ApplicationProblems.NotFound();
        if (status != "rejected") return ApplicationProblems.StateChanged();

        var boundPhone = await WorkerPhone.LoadAsync(connection, protector, userId, cancellationToken);
        var (valid, errors) = await ApplicationFormRules.ValidateAsync(form, boundPhone, await catalog.GetAsync(cancellationToken),
            connection, now, cancellationToken);
        if (valid is null) return Problems.Validation(errors);

        var idNumber = ProtectedValue.IdNumber(protector, valid.Id.Normalized);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            if (await MemberMatch.IsCallerAsync(connection, transaction, userId, idNumber.Hash, cancellationToken))
                return ApplicationProblems.AlreadyMember();
            var union = await ReceivingUnionRouter.RouteAsync(connection, transaction, valid.EnterpriseId, valid.StationId, valid.Group,
                valid.ResidenceTownship, cancellationToken);
            var parameters = new DynamicParameters(SubmitApplication.Parameters(userId, valid, idNumber, ProtectedValue.Phone(protector, valid.Phone),
                union, now.UtcDateTime));
            parameters.Add("ApplicationId", id);
            await CoverageJournal.ResubmittingAsync(connection.Db(transaction, cancellationToken), id,
                new CoverageCell(valid.ResidenceTownship, valid.Group), now.UtcDateTime);
            if (await connection.ExecuteAsync(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken)) == 0)
                return ApplicationProblems.StateChanged();
            await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByWorker(userId, "application.resubmitted", "application", id, new { receivingUnionId = union.Id, rule = union.Rule }), now.UtcDateTime);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (MySqlException exception) when (exception.IsDuplicateKey(SubmitApplication.OpenApplicationKey))
        {
            await transaction.RollbackAsync(cancellationToken);
            return ApplicationProblems.ApplicationExists(await SubmitApplication.OpenApplicationOfAsync(connection, userId, cancellationToken));
        }
        return TypedResults.Ok(await ApplicationRow.LoadViewAsync(connection, id, cancellationToken));
    }
}
