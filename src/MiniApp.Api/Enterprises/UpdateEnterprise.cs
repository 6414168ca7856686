namespace MiniApp.Api.Enterprises;

/// <summary>
/// PUT /api/staff/enterprises/{id}: replaces the register fields of an enterprise in scope, if it is still at the
/// version the body carries. Setting established creates and links its union; an established enterprise never goes
/// back; once the enterprise has formation steps, 未建会 and 筹建中 follow them.
/// </summary>
public static class UpdateEnterprise
{
    public static async Task<Results<Ok<EnterpriseView>, ProblemHttpResult>> Handle(long id, EnterpriseInput request,
        EnterpriseScope scope, [AsParameters] EnterpriseServices services)
    {
        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var references = await EnterpriseReferences.LoadAsync(db);
        await using (var transaction = await connection.BeginTransactionAsync(services.Cancellation))
        {
            var tx = db.In(transaction);
            var before = await EnterpriseReads.InScopeAsync(tx, scope, id);
            if (before is null) return EnterpriseProblems.NotFound();
            var (draft, refused) = Check(request, before, references, scope, services.Today());
            if (refused is not null) return refused;

            var save = new EnterpriseSave.Save(draft!, before, scope.Staff.Id, Via: null, services.UtcNow());
            var (_, problem) = await EnterpriseSave.SaveFormAsync(tx, services.Protector, save);
            if (problem is not null) return problem;
            await transaction.CommitAsync(services.Cancellation);
        }
        return TypedResults.Ok(await EnterpriseReads.ViewAsync(db, id));
    }

    /// <summary>
    /// The draft, or the problem: errors per field, a stale version, or an established enterprise going back.
    /// </summary>
    private static (EnterpriseDraft? Draft, ProblemHttpResult? Problem) Check(EnterpriseInput request,
        EnterpriseRow before, EnterpriseReferences references, EnterpriseScope scope, DateOnly today)
    {
        var errors = new FieldErrors();
        if (request.Version is null) errors.Add("version", "请带上读取时的版本号（version）");
        var draft = EnterpriseRules.Check(request, before.ContactPhoneMasked, today, errors);
        if (draft is null || errors.Count > 0) return (null, Problems.Validation(errors.ToDictionary()));
        if (request.Version != before.Version) return (null, EnterpriseProblems.StateChanged());
        references.Check(draft, errors);
        EnterpriseRules.CheckScope(scope, draft, errors);
        EnterpriseRules.CheckStepStatus(before, draft, errors);
        var goingBack = EnterpriseRules.CheckChange(before, draft, errors);
        if (goingBack is not null) return (null, EnterpriseProblems.UnionEstablished());
        if (errors.Count > 0) return (null, Problems.Validation(errors.ToDictionary()));
        return (draft, null);
    }
}
