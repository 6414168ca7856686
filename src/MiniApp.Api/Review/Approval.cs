using MiniApp.Api.Coverage;
using MiniApp.Api.Notifications;

namespace MiniApp.Api.Review;

public enum ApprovalOutcome { Approved, NotFound, StateChanged, AlreadyMember }

public sealed record ApprovalResult(ApprovalOutcome Outcome, string? MemberNumber = null);

/// <summary>
/// Approves one application and creates the member in the same transaction: the member number, joined date = the
/// approval date (China time), the union = the receiving union. Two reviewers at once: the row lock and the version
/// guard let one win; the other sees the changed state. Two open applications of one person (sent from two WeChat
/// accounts): the first approved makes the member, the other then answers already_member (one active member per person).
/// </summary>
public static class Approval
{
    /// <summary>Member numbers read XP + year of joining + the member id in 7 digits, e.g. XP20260000123.</summary>
    public static string MemberNumber(DateOnly joinedOn, long memberId) => $"XP{joinedOn.Year}{memberId:D7}";

    private const string ApproveSql = """
        UPDATE applications SET status = 'approved', version = version + 1, decided_by = @StaffId, decided_at = @Now, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'submitted'
        """;

    private const string InsertMemberSql = """
        INSERT INTO members (user_id, application_id, union_id, name, id_number_hash, worker_group_code, township_code, joined_on, status, created_at)
        SELECT user_id, id, receiving_union_id, name, id_number_hash, worker_group_code, residence_township, @JoinedOn, 'active', @Now
        FROM applications WHERE id = @Id;
        SELECT LAST_INSERT_ID();
        """;

    public static async Task<ApprovalResult> ApproveAsync(MySqlConnection connection, StaffContext staff, long applicationId,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var joinedOn = ChinaTime.Today(clock);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await ReviewAccess.InScopeAsync(connection, transaction, staff, applicationId, cancellationToken);
        if (row is null)
            return new ApprovalResult(await ReviewAccess.WasTransferredAwayAsync(connection, transaction, staff, applicationId, cancellationToken)
                ? ApprovalOutcome.StateChanged
                : ApprovalOutcome.NotFound);
        if (row.Status != "submitted") return new ApprovalResult(ApprovalOutcome.StateChanged);
        var changed = await connection.ExecuteAsync(new CommandDefinition(ApproveSql,
            new { StaffId = staff.Id, Now = now, Id = applicationId, row.Version }, transaction, cancellationToken: cancellationToken));
        if (changed == 0) return new ApprovalResult(ApprovalOutcome.StateChanged);
        try
        {
            await CoverageJournal.ApprovedAsync(connection.Db(transaction, cancellationToken), applicationId, now);
            var memberId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertMemberSql,
                new { Id = applicationId, JoinedOn = joinedOn.ToDateTime(TimeOnly.MinValue), Now = now }, transaction, cancellationToken: cancellationToken));
            var number = MemberNumber(joinedOn, memberId);
            await connection.ExecuteAsync(new CommandDefinition("UPDATE members SET member_number = @number WHERE id = @memberId",
                new { number, memberId }, transaction, cancellationToken: cancellationToken));
            await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(staff.Id, "application.approved", "application", applicationId, new { memberId }), now);
            await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(staff.Id, "member.created", "member", memberId, new { applicationId, unionId = row.ReceivingUnionId }), now);
            await ApplicationNotifications.WriteAsync(connection, transaction, applicationId, NotificationKinds.ApplicationApproved, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ApprovalResult(ApprovalOutcome.Approved, number);
        }
        catch (MySqlException exception) when (exception.IsDuplicateKey("ux_members_active_person"))
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ApprovalResult(ApprovalOutcome.AlreadyMember);
        }
    }
}
