using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Notifications;

/// <summary>
/// The worker's notice of a decision on their application (approved, rejected, transferred), written by the review use
/// cases inside their own transaction, after the application row changed.
/// </summary>
public static class ApplicationNotifications
{
    private const string Sql = """
        SELECT a.user_id, a.status, a.reject_reason, a.reject_note, o.name AS union_name, m.member_number
        FROM applications a
        JOIN organizations o ON o.id = a.receiving_union_id
        LEFT JOIN members m ON m.application_id = a.id
        WHERE a.id = @applicationId
        """;

    private sealed record Row(long UserId, string Status, string? RejectReason, string? RejectNote, string UnionName,
        string? MemberNumber);

    public const string Page = "pages/application/index";

    /// <summary>The notice of <paramref name="kind"/> (approved, rejected or transferred) inside the caller's
    /// transaction.</summary>
    public static async Task WriteAsync(Db tx, long applicationId, string kind, DateTime now)
    {
        var row = await tx.QuerySingleAsync<Row>(Sql, new { applicationId });
        var (result, title, body, note) = kind switch
        {
            NotificationKinds.ApplicationApproved => ("已通过", "入会申请已通过",
                $"您已加入{row.UnionName}，会员号{row.MemberNumber}，可在“我的会员证”查看电子会员证。", "欢迎加入工会"),
            NotificationKinds.ApplicationRejected => ("未通过", "入会申请未通过",
                $"原因：{ReasonText(row)}。您可以修改信息后重新提交。", ReasonText(row)),
            NotificationKinds.ApplicationTransferred => ("已转办", "入会申请已转办",
                $"您的申请已转交{row.UnionName}受理，请耐心等待审核结果。", "已转交" + row.UnionName),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an application result."),
        };
        var fields = new Dictionary<string, string>
        {
            ["result"] = result, ["union"] = row.UnionName, ["date"] = ChinaDate(now), ["note"] = note,
        };
        await Outbox.WriteAsync(tx, new Notification(kind, Recipients.Worker, row.UserId,
            TemplateKeys.ApplicationResult, title, body, fields, applicationId, Page), now);
    }

    /// <summary>The same, for callers that still pass the connection, transaction and cancellation apart.</summary>
    public static Task WriteAsync(DbConnection connection, DbTransaction transaction, long applicationId, string kind,
        DateTime now, CancellationToken cancellationToken) =>
        WriteAsync(connection.Db(transaction, cancellationToken), applicationId, kind, now);

    internal static string ReasonText(string? reasonCode, string? note)
    {
        var reason = ReferenceLists.RejectReasons.FirstOrDefault(r => r.Code == reasonCode)?.Name ?? "未说明";
        return note is null ? reason : $"{reason}（{note}）";
    }

    private static string ReasonText(Row row) => ReasonText(row.RejectReason, row.RejectNote);

    internal static string ChinaDate(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime.Zone)
            .ToString("yyyy年M月d日");
}
