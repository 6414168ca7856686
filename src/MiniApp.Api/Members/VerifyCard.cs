namespace MiniApp.Api.Members;

/// <summary>
/// POST /api/staff/members/verify: a station keeper scans a worker's card and learns whether it is valid.
/// </summary>
public static class VerifyCard
{
    /// <summary>The endpoint policy: every staff role but department viewers (<see cref="MayVerify"/>).</summary>
    public const string Policy = "members:verify";

    public sealed record Request(string? Code);

    /// <summary>reason is null when valid, else invalid_code, expired or not_active.</summary>
    public sealed record Response(bool Valid, string? Reason, string? MemberNumber, string? NameMasked,
        GetMembershipCard.UnionRef? Union);

    private sealed record Row(string MemberNumber, string Name, string Status, long UnionId, string UnionName);

    private const string Sql = """
        SELECT m.member_number, m.name, m.status, m.union_id, o.name AS union_name
        FROM members m JOIN organizations o ON o.id = m.union_id WHERE m.id = @MemberId
        """;

    // Department viewers work with figures only, never with individual members.
    public static bool MayVerify(StaffContext staff) => staff.Role != StaffRoles.DepartmentViewer;

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request,
        MySqlDataSource dataSource, CardCode cardCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > 128)
            return Problems.Validation("code", "请扫描会员卡上的二维码");

        var check = cardCode.Check(request.Code);
        if (!check.Authentic) return TypedResults.Ok(new Response(false, "invalid_code", null, null, null));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.Db(cancellationToken).QuerySingleOrDefaultAsync<Row>(Sql, new { check.MemberId });
        if (row is null) return TypedResults.Ok(new Response(false, "invalid_code", null, null, null));
        var reason = check.Expired ? "expired" : row.Status != "active" ? "not_active" : null;
        return TypedResults.Ok(new Response(reason is null, reason, row.MemberNumber, Masking.Name(row.Name),
            new GetMembershipCard.UnionRef(row.UnionId, row.UnionName)));
    }
}
