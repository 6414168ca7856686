using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>
/// What a reviewer weighs before deciding, worked out when read so it is never stale. AlreadyMember (已是会员): the
/// person is an active member through another application. ConflictIds: the other open applications of the same
/// 身份证号 that this reviewer may open; ConflictsOutsideScope counts the others without naming them. SameAccountOpen:
/// other open applications from the same WeChat account (only ones filed before the one-per-account rule).
/// </summary>
public sealed record ReviewFlags(bool AlreadyMember, IReadOnlyList<long> ConflictIds, int ConflictsOutsideScope,
    int SameAccountOpen)
{
    private const string ConflictsSql = """
        SELECT a.id AS application_id, other.id AS other_id, o.path AS other_path
        FROM applications a
        JOIN applications other ON other.open_person_hash = a.id_number_hash AND other.id <> a.id
        JOIN organizations o ON o.id = other.receiving_union_id
        WHERE a.id IN @Ids
        ORDER BY other.id
        """;

    private const string MembersSql = """
        SELECT a.id FROM applications a
        WHERE a.id IN @Ids
          AND EXISTS (SELECT 1 FROM members m
                      WHERE m.active_person_hash = a.id_number_hash AND m.application_id <> a.id)
        """;

    // Per account, not per application: an account of 2,000 old open applications is then one count, not 2,000 each.
    private const string OpenPerAccountSql = """
        SELECT user_id, COUNT(*) FROM applications WHERE status = 'submitted' AND user_id IN @UserIds GROUP BY user_id
        """;

    public static async Task<IReadOnlyDictionary<long, ReviewFlags>> LoadAsync(Db db, StaffContext staff,
        IReadOnlyList<ApplicationRow> rows)
    {
        if (rows.Count == 0) return new Dictionary<long, ReviewFlags>();
        var ids = rows.Select(r => r.Id).ToArray();
        var conflicts = (await db.QueryAsync<(long ApplicationId, long OtherId, string OtherPath)>(ConflictsSql,
            new { Ids = ids })).ToLookup(c => c.ApplicationId);
        var members = (await db.QueryAsync<long>(MembersSql, new { Ids = ids })).ToHashSet();
        var openPerAccount = (await db.QueryAsync<(long UserId, long Open)>(OpenPerAccountSql,
            new { UserIds = rows.Select(r => r.UserId).Distinct().ToArray() }))
            .ToDictionary(a => a.UserId, a => (int)a.Open);
        return rows.ToDictionary(row => row.Id, row =>
        {
            var others = conflicts[row.Id].ToList();
            return new ReviewFlags(members.Contains(row.Id),
                others.Where(o => staff.Covers(o.OtherPath)).Select(o => o.OtherId).ToList(),
                others.Count(o => !staff.Covers(o.OtherPath)),
                openPerAccount.GetValueOrDefault(row.UserId) - (row.Status == ApplicationStatuses.Submitted ? 1 : 0));
        });
    }
}
