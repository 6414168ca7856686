namespace MiniApp.Api.StaffAccounts;

/// <summary>GET /api/staff/accounts.</summary>
public static class ListStaffAccounts
{
    public static async Task<Ok<IReadOnlyList<StaffAccountView>>> Handle(MySqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok(await StaffAccountView.QueryAsync(connection.Db(cancellationToken),
            "ORDER BY s.union_id, s.username", null));
    }
}
