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
        UPDATE applications SET status = 'rejected', version = version + 1, reject_reason = @ReasonCode, reject_note = @Note,
            decided_by = @StaffId, decided_at = @Now, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'submitted'
        """;

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Handle(long id, Request request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (string.IsNullOrWhiteSpace(request.ReasonCode) || !ReferenceLists.RejectReasons.Any(r => r.Code == request.ReasonCode))
            return Problems.Validation("reasonCode", "请选择不予通过的原因");
        if (request.ReasonCode == "other" && note is null) return Problems.Validation("note", "选择“其他”原因时请填写说明");
        if (note is { Length: > 500 }) return Problems.Validation("note", "说明不能超过500个字");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await ReviewAccess.ReviewerAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await ReviewAccess.InScopeAsync(connection, transaction, staff, id, cancellationToken);
        if (row is null)
            return await ReviewAccess.WasTransferredAwayAsync(connection, transaction, staff, id, cancellationToken)
                ? ApplicationProblems.StateChanged()
                : ApplicationProblems.NotFound();
        if (request.ReasonCode == AlreadyMemberReason && row.Status == "submitted"
            && !await IsTheMemberAsync(connection, transaction, id, row.UserId, cancellationToken))
            return Problems.Validation("reasonCode", NotTheMember);
        if (row.Status != "submitted" || await connection.ExecuteAsync(new CommandDefinition(Sql,
                new { request.ReasonCode, Note = note, StaffId = staff.Id, Now = now, Id = id, row.Version }, transaction,
                cancellationToken: cancellationToken)) == 0)
            return ApplicationProblems.StateChanged();
        await CoverageJournal.RejectedAsync(connection.Db(transaction, cancellationToken), id, now);
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(staff.Id, "application.rejected", "application", id, new { reasonCode = request.ReasonCode, note }), now);
        await ApplicationNotifications.WriteAsync(connection, transaction, id, NotificationKinds.ApplicationRejected, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ApplicationRow.LoadViewAsync(connection, id, cancellationToken));
    }

    private const string AlreadyMemberReason = "already_member";

    private const string NotTheMember = "只有申请人本人已是会员时才能选择“已是工会会员”（该申请的微信账号和手机号与会员不符）；"
        + "无法确认时请选择“身份信息无法核实”，不要向申请人透露他人的会员身份";

    // The worker reads the reason: "already a member" would tell whoever typed someone else's 身份证号 that this person
    // is a member. It is given only when the applicant is that member (MemberMatch), as the submit's 409 would be.
    private static async Task<bool> IsTheMemberAsync(MySqlConnection connection, MySqlTransaction transaction, long id, long userId,
        CancellationToken cancellationToken)
    {
        var idHash = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT id_number_hash FROM applications WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        return await MemberMatch.IsCallerAsync(connection, transaction, userId, idHash!, cancellationToken);
    }
}
