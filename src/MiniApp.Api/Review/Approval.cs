using MiniApp.Api.Applications;
using MiniApp.Api.Coverage;
using MiniApp.Api.Notifications;

namespace MiniApp.Api.Review;

public enum ApprovalOutcome { Approved, NotFound, StateChanged, AlreadyMember }

public sealed record ApprovalResult(ApprovalOutcome Outcome, string? MemberNumber = null);

/// <summary>
/// Approves one application and creates the member in the same transaction: the member number, joined date = the
/// approval date (China time), the union = the receiving union. Two reviewers at once: the row lock and the version
/// guard let one win; the other sees the changed state. Two open applications of one person (sent from two WeChat
/// accounts): the first approved makes the member, the other then answers already_member (one active member per
/// person).
/// </summary>
public static class Approval
{
    /// <summary>Member numbers read XP + year of joining + the member id in 7 digits, e.g. XP20260000123.</summary>
    public static string MemberNumber(DateOnly joinedOn, long memberId) => $"XP{joinedOn.Year}{memberId:D7}";

    private const string ApproveSql = """
        UPDATE applications SET status = 'approved', version = version + 1, decided_by = @StaffId, decided_at = @Now,
            updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'submitted'
        """;

    private const string InsertMemberSql = """
        INSERT INTO members (user_id, application_id, union_id, name, id_number_hash, worker_group_code, township_code,
            joined_on, status, created_at)
        SELECT user_id, id, receiving_union_id, name, id_number_hash, worker_group_code, residence_township, @JoinedOn,
            'active', @Now
        FROM applications WHERE id = @Id;
        SELECT LAST_INSERT_ID();
        """;

    private const string NumberSql = "UPDATE members SET member_number = @number WHERE id = @memberId";

    public static async Task<ApprovalResult> ApproveAsync(MySqlConnection connection, StaffContext staff,
        long applicationId, ReviewServices services)
    {
        var now = services.UtcNow();
        var joinedOn = ChinaTime.Today(services.Clock);
        var cancellation = services.Cancellation;
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        var tx = connection.Db(transaction, cancellation);
        var row = await ReviewAccess.InScopeAsync(tx, staff, applicationId);
        if (row is null)
            return new ApprovalResult(await ReviewAccess.WasTransferredAwayAsync(tx, staff, applicationId)
                ? ApprovalOutcome.StateChanged
                : ApprovalOutcome.NotFound);
        if (row.Status != ApplicationStatuses.Submitted) return new ApprovalResult(ApprovalOutcome.StateChanged);
        var changed = await tx.ExecuteAsync(ApproveSql,
            new { StaffId = staff.Id, Now = now, Id = applicationId, row.Version });
        if (changed == 0) return new ApprovalResult(ApprovalOutcome.StateChanged);
        try
        {
            await CoverageJournal.ApprovedAsync(tx, applicationId, now);
            var number = await CreateMemberAsync(tx, staff, row, joinedOn, now);
            await ApplicationNotifications.WriteAsync(connection, transaction, applicationId,
                NotificationKinds.ApplicationApproved, now, cancellation);
            await transaction.CommitAsync(cancellation);
            return new ApprovalResult(ApprovalOutcome.Approved, number);
        }
        catch (MySqlException exception) when (exception.IsDuplicateKey("ux_members_active_person"))
        {
            await transaction.RollbackAsync(cancellation);
            return new ApprovalResult(ApprovalOutcome.AlreadyMember);
        }
    }

    /// <summary>Makes the member from the application, numbers it and audits both; answers the number.</summary>
    private static async Task<string> CreateMemberAsync(Db tx, StaffContext staff, ApplicationRow application,
        DateOnly joinedOn, DateTime now)
    {
        var memberId = await tx.ExecuteScalarAsync<long>(InsertMemberSql,
            new { application.Id, JoinedOn = joinedOn.ToDateTime(TimeOnly.MinValue), Now = now });
        var number = MemberNumber(joinedOn, memberId);
        await tx.ExecuteAsync(NumberSql, new { number, memberId });
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "application.approved", "application",
            application.Id, new { memberId }), now);
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "member.created", "member", memberId,
            new { applicationId = application.Id, unionId = application.ReceivingUnionId }), now);
        return number;
    }
}
