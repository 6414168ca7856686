namespace MiniApp.Api.Enterprises;

/// <summary>
/// POST /api/staff/enterprises: registers an enterprise in the caller's scope. An enterprise created as established gets
/// its union in the same transaction.
/// </summary>
public static class CreateEnterprise
{
    public static async Task<Results<Created<EnterpriseView>, ProblemHttpResult>> Handle(EnterpriseInput request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, FieldProtector protector, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, problem) = await EnterpriseScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return problem!;
        var errors = new FieldErrors();
        var draft = EnterpriseRules.Check(request, currentPhoneMasked: null, ChinaTime.Today(clock), errors);
        if (draft is null) return Problems.Validation(errors.ToDictionary());
        (await EnterpriseReferences.LoadAsync(connection, cancellationToken)).Check(draft, errors);
        EnterpriseRules.CheckScope(scope, draft, errors);
        if (errors.Count > 0) return Problems.Validation(errors.ToDictionary());

        var now = clock.GetUtcNow().UtcDateTime;
        long id;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                id = (await EnterpriseSave.SaveAsync(connection, transaction, draft, null, protector, scope.Staff.Id, null, now, cancellationToken)).Id;
            }
            catch (MySqlException exception) when (exception.IsDuplicateKey("ux_enterprises_credit_code"))
            {
                return EnterpriseProblems.CreditCodeTaken(draft.CreditCode);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return TypedResults.Created($"/api/staff/enterprises/{id}", await EnterpriseReads.ViewAsync(connection, id, cancellationToken));
    }
}
