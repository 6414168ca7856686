namespace MiniApp.Api.Applications;

/// <summary>
/// Whether the caller is the active member a 身份证号 names: the member's own WeChat account, or an account whose phone
/// bound through WeChat is the phone on the member's application or the one the member's account bound. A typed phone
/// proves nothing. Anyone else is not told that the person is a member: their application is taken and the reviewer
/// sees 已是会员.
/// </summary>
public static class MemberMatch
{
    private const string Sql = """
        SELECT EXISTS (
            SELECT 1 FROM members m
            JOIN applications ma ON ma.id = m.application_id
            JOIN users mu ON mu.id = m.user_id
            JOIN users caller ON caller.id = @userId
            WHERE m.active_person_hash = @idHash
              AND (m.user_id = caller.id OR caller.phone_hash = ma.phone_hash
                   OR caller.phone_hash = mu.phone_hash))
        """;

    public static Task<bool> IsCallerAsync(Db db, long userId, string idHash) =>
        db.ExecuteScalarAsync<bool>(Sql, new { userId, idHash });
}
