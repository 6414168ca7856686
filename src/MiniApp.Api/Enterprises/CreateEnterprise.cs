namespace MiniApp.Api.Enterprises;

/// <summary>
/// POST /api/staff/enterprises: registers an enterprise in the caller's scope. An enterprise created as established
/// gets its union in the same transaction.
/// </summary>
public static class CreateEnterprise
{
    public static async Task<Results<Created<EnterpriseView>, ProblemHttpResult>> Handle(EnterpriseInput request,
        EnterpriseScope scope, [AsParameters] EnterpriseServices services)
    {
        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var errors = new FieldErrors();
        var draft = EnterpriseRules.Check(request, currentPhoneMasked: null, services.Today(), errors);
        if (draft is null) return Problems.Validation(errors.ToDictionary());
        (await EnterpriseReferences.LoadAsync(db)).Check(draft, errors);
        EnterpriseRules.CheckScope(scope, draft, errors);
        if (errors.Count > 0) return Problems.Validation(errors.ToDictionary());

        long id;
        await using (var transaction = await connection.BeginTransactionAsync(services.Cancellation))
        {
            var save = new EnterpriseSave.Save(draft, Before: null, scope.Staff.Id, Via: null, services.UtcNow());
            (id, var problem) = await EnterpriseSave.SaveFormAsync(db.In(transaction), services.Protector, save);
            if (problem is not null) return problem;
            await transaction.CommitAsync(services.Cancellation);
        }
        return TypedResults.Created($"/api/staff/enterprises/{id}", await EnterpriseReads.ViewAsync(db, id));
    }
}
