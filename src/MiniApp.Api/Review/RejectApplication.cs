using MiniApp.Api.Applications;
using MiniApp.Api.Coverage;
using MiniApp.Api.Notifications;
using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Review;

/// <summary>POST /api/staff/applications/{id}/reject {reasonCode, note}. The worker may correct and resubmit.</summary>
public static class RejectApplication
{
    public sealed record Request(string? ReasonCode, string? Note);

    private const string Sql = """
        UPDATE applications SET status = 'rejected', version = version + 1, reject_reason = @ReasonCode,
            reject_note = @Note, decided_by = @StaffId, decided_at = @Now, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'submitted'
        """;

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Handle(long id, Request request,
        StaffContext staff, [AsParameters] ReviewServices services)
    {
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (string.IsNullOrWhiteSpace(request.ReasonCode)
            || !ReferenceLists.RejectReasons.Any(r => r.Code == request.ReasonCode))
            return Problems.Validation("reasonCode", "请选择不予通过的原因");
        if (request.ReasonCode == "other" && note is null) return Problems.Validation("note", "选择“其他”原因时请填写说明");
        if (note is { Length: > 500 }) return Problems.Validation("note", "说明不能超过500个字");

        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var now = services.UtcNow();
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = db.In(transaction);
        var row = await ReviewAccess.InScopeAsync(tx, staff, id);
        if (row is null) return await ReviewAccess.NotInScopeAsync(tx, staff, id);
        if (request.ReasonCode == AlreadyMemberReason && row.Status == ApplicationStatuses.Submitted
            && !await IsTheMemberAsync(tx, id, row.UserId))
            return Problems.Validation("reasonCode", NotTheMember);
        var parameters = new { request.ReasonCode, Note = note, StaffId = staff.Id, Now = now, Id = id, row.Version };
        if (row.Status != ApplicationStatuses.Submitted || await tx.ExecuteAsync(Sql, parameters) == 0)
            return ApplicationProblems.StateChanged();
        await CoverageJournal.RejectedAsync(tx, id, now);
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "application.rejected", "application", id,
            new { reasonCode = request.ReasonCode, note }), now);
        await ApplicationNotifications.WriteAsync(connection, transaction, id, NotificationKinds.ApplicationRejected,
            now, services.Cancellation);
        await transaction.CommitAsync(services.Cancellation);
        return TypedResults.Ok(await ApplicationRow.LoadViewAsync(db, id));
    }

    private const string AlreadyMemberReason = "already_member";

    private const string NotTheMember = "只有申请人本人已是会员时才能选择“已是工会会员”（该申请的微信账号和手机号与会员不符）；"
        + "无法确认时请选择“身份信息无法核实”，不要向申请人透露他人的会员身份";

    // The worker reads the reason: "already a member" would tell whoever typed someone else's 身份证号 that this
    // person is a member. It is given only when the applicant is that member (MemberMatch), as the submit's 409 would
    // be.
    private static async Task<bool> IsTheMemberAsync(Db tx, long id, long userId)
    {
        var idHash = await tx.ExecuteScalarAsync<string>(
            "SELECT id_number_hash FROM applications WHERE id = @id", new { id });
        return await MemberMatch.IsCallerAsync(tx, userId, idHash!);
    }
}
