using MiniApp.Api.Coverage;

namespace MiniApp.Api.Applications;

/// <summary>
/// PUT /api/applications/{id}: a rejected application, corrected and sent again. Its history stays with it. The rules
/// of a new submission hold: one open application per account, already_member only to the member
/// (<see cref="MemberMatch"/>).
/// </summary>
public static class ResubmitApplication
{
    private const string Sql = """
        UPDATE applications SET status = 'submitted', version = version + 1, name = @Name,
            id_number_sealed = @IdSealed, id_number_hash = @IdHash, id_number_masked = @IdMasked,
            phone_sealed = @PhoneSealed, phone_hash = @PhoneHash, phone_masked = @PhoneMasked, gender = @Gender,
            birth_date = @BirthDate, ethnicity = @Ethnicity, education = @Education,
            political_status = @PoliticalStatus, hukou_type = @HukouType, is_migrant_worker = @IsMigrantWorker,
            worker_group_code = @Group, employment_form = @EmploymentForm, employer_enterprise_id = @EnterpriseId,
            employer_name = @EmployerName, employer_credit_code = @EmployerCreditCode, platform = @Platform,
            residence_township = @ResidenceTownship, station_id = @StationId, receiving_union_id = @UnionId,
            routing_rule = @Rule, consent_version = @ConsentVersion, consent_agreed_at = @ConsentAgreedAt,
            reject_reason = NULL, reject_note = NULL, decided_by = NULL, decided_at = NULL, surplus_open = 0,
            submitted_at = @Now, updated_at = @Now
        WHERE id = @ApplicationId AND user_id = @UserId AND status = 'rejected'
        """;

    private const string StatusSql = "SELECT status FROM applications WHERE id = @id AND user_id = @userId";

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Handle(long id, ApplicationForm form,
        ClaimsPrincipal principal, [AsParameters] ApplicationServices services)
    {
        var userId = principal.UserId();
        var now = services.Clock.GetUtcNow();
        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var status = await db.ExecuteScalarAsync<string?>(StatusSql, new { id, userId });
        if (status is null) return ApplicationProblems.NotFound();
        if (status != ApplicationStatuses.Rejected) return ApplicationProblems.StateChanged();

        var (submission, errors) = await ApplicationSubmission.CheckAsync(db, services, userId, form, now);
        if (submission is null) return Problems.Validation(errors);

        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = db.In(transaction);
        try
        {
            if (await submission.IsCallersMembershipAsync(tx)) return ApplicationProblems.AlreadyMember();
            var union = await submission.RouteAsync(tx);
            var cell = new CoverageCell(submission.Form.ResidenceTownship, submission.Form.Group);
            await CoverageJournal.ResubmittingAsync(tx, id, cell, submission.Now);
            if (await tx.ExecuteAsync(Sql, submission.Parameters(union, id)) == 0)
                return ApplicationProblems.StateChanged();
            await submission.AuditAsync(tx, "application.resubmitted", id, union);
            await transaction.CommitAsync(services.Cancellation);
        }
        catch (MySqlException exception)
            when (exception.IsDuplicateKey(ApplicationSubmission.OpenApplicationKey))
        {
            await transaction.RollbackAsync(services.Cancellation);
            return await ApplicationSubmission.ApplicationExistsAsync(db, userId);
        }
        return TypedResults.Ok(await ApplicationRow.LoadViewAsync(db, id));
    }
}
