namespace MiniApp.Api.Members;

/// <summary>
/// GET /api/me/membership: the electronic membership card, with a fresh verification code for its QR.
/// </summary>
public static class GetMembershipCard
{
    public sealed record Card(string MemberNumber, string Name, UnionRef Union, DateOnly JoinedOn, string Status,
        Verification Verification);

    public sealed record UnionRef(long Id, string Name);

    public sealed record Verification(string Code, DateTimeOffset ExpiresAt);

    private sealed record Row(long Id, string MemberNumber, string Name, long UnionId, string UnionName,
        DateTime JoinedOn, string Status);

    private const string Sql = """
        SELECT m.id, m.member_number, m.name, m.union_id, o.name AS union_name, m.joined_on, m.status
        FROM members m JOIN organizations o ON o.id = m.union_id
        WHERE m.user_id = @UserId AND m.status = 'active'
        ORDER BY m.id DESC LIMIT 1
        """;

    public static async Task<Results<Ok<Card>, ProblemHttpResult>> Handle(ClaimsPrincipal principal,
        MySqlDataSource dataSource, CardCode cardCode, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.Db(cancellationToken)
            .QuerySingleOrDefaultAsync<Row>(Sql, new { UserId = principal.UserId() });
        if (row is null) return MemberProblems.NotAMemberCode.Problem();
        var (code, expiresAt) = cardCode.Issue(row.Id);
        return TypedResults.Ok(new Card(row.MemberNumber, row.Name, new UnionRef(row.UnionId, row.UnionName),
            DateOnly.FromDateTime(row.JoinedOn), row.Status, new Verification(code, expiresAt)));
    }
}
