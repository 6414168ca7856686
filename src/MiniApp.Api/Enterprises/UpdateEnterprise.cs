namespace MiniApp.Api.Enterprises;

/// <summary>
/// PUT /api/staff/enterprises/{id}: replaces the register fields of an enterprise in scope, if it is still at the version
/// the body carries. Setting established creates and links its union; an established enterprise never goes back; once
/// the enterprise has formation steps, 未建会 and 筹建中 follow them.
/// </summary>
public static class UpdateEnterprise
{
    public static async Task<Results<Ok<EnterpriseView>, ProblemHttpResult>> Handle(long id, EnterpriseInput request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, FieldProtector protector, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, problem) = await EnterpriseScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return problem!;
        var references = await EnterpriseReferences.LoadAsync(connection, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var before = await EnterpriseReads.InScopeAsync(connection, transaction, scope, id, cancellationToken);
            if (before is null) return EnterpriseProblems.NotFound();
            var errors = new FieldErrors();
            if (request.Version is null) errors.Add("version", "请带上读取时的版本号（version）");
            var draft = EnterpriseRules.Check(request, before.ContactPhoneMasked, ChinaTime.Today(clock), errors);
            if (draft is null || errors.Count > 0) return Problems.Validation(errors.ToDictionary());
            if (request.Version != before.Version) return EnterpriseProblems.StateChanged();
            references.Check(draft, errors);
            EnterpriseRules.CheckScope(scope, draft, errors);
            EnterpriseRules.CheckStepStatus(before, draft, errors);
            var goingBack = EnterpriseRules.CheckChange(before, draft, errors);
            if (goingBack is not null) return EnterpriseProblems.UnionEstablished();
            if (errors.Count > 0) return Problems.Validation(errors.ToDictionary());

            EnterpriseSave.Result saved;
            try
            {
                saved = await EnterpriseSave.SaveAsync(connection, transaction, draft, before, protector, scope.Staff.Id, null, now, cancellationToken);
            }
            catch (MySqlException exception) when (exception.IsDuplicateKey("ux_enterprises_credit_code"))
            {
                return EnterpriseProblems.CreditCodeTaken(draft.CreditCode);
            }
            if (saved.Outcome is null) return EnterpriseProblems.StateChanged();
            await transaction.CommitAsync(cancellationToken);
        }
        return TypedResults.Ok(await EnterpriseReads.ViewAsync(connection, id, cancellationToken));
    }
}
