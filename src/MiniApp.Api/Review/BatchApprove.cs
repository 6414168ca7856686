using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>
/// POST /api/staff/applications/batch-approve: each id on its own, so one failure does not undo the others.
/// </summary>
public static class BatchApprove
{
    public sealed record Request(long[]? Ids);

    /// <summary>outcome is approved, or the problem code that stopped it (application_not_found,
    /// application_state_changed, already_member, database_busy: try that id again).</summary>
    public sealed record ItemResult(long Id, string Outcome, string? MemberNumber);

    public sealed record Response(IReadOnlyList<ItemResult> Results);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request, StaffContext staff,
        [AsParameters] ReviewServices services)
    {
        var ids = request.Ids?.Distinct().ToArray() ?? [];
        if (ids.Length is 0 or > 100) return Problems.Validation("ids", "请选择1至100份申请");
        await using var connection = await services.OpenAsync();

        var results = new List<ItemResult>(ids.Length);
        foreach (var id in ids)
        {
            ApprovalResult result;
            try
            {
                result = await Approval.ApproveAsync(connection, staff, id, services);
            }
            catch (MySqlException exception)
                when (exception.ErrorCode is MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout)
            {
                // That id was rolled back whole; the ones before it stay approved, so say which failed instead of
                // a 500.
                results.Add(new ItemResult(id, ProblemCodes.DatabaseBusy, null));
                continue;
            }
            results.Add(new ItemResult(id, result.Outcome switch
            {
                ApprovalOutcome.Approved => ApplicationStatuses.Approved,
                ApprovalOutcome.NotFound => ApplicationProblems.NotFoundCode,
                ApprovalOutcome.StateChanged => ApplicationProblems.StateChangedCode,
                _ => ApplicationProblems.AlreadyMemberCode,
            }, result.MemberNumber));
        }
        return TypedResults.Ok(new Response(results));
    }
}
