namespace MiniApp.Api.Enterprises;

/// <summary>
/// POST /api/staff/enterprises/{id}/reveal-contact: the contact's phone in clear, for staff whose scope covers the
/// enterprise; every call that opens a number is audited. contactPhone is null when none is on file.
/// </summary>
public static class RevealEnterpriseContact
{
    public sealed record Response(string? ContactName, string? ContactPhone);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(long id, ClaimsPrincipal principal, MySqlDataSource dataSource,
        FieldProtector protector, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, problem) = await EnterpriseScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return problem!;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await EnterpriseReads.InScopeAsync(connection, transaction, scope, id, cancellationToken);
        if (row is null) return EnterpriseProblems.NotFound();
        var sealedPhone = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT contact_phone_sealed FROM enterprises WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        if (sealedPhone is null) return TypedResults.Ok(new Response(row.ContactName, null));
        // The audit row commits before the number leaves the server.
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(scope.Staff.Id, "enterprise.contact_revealed", "enterprise", id, new { fields = new[] { "contactPhone" } }), clock.GetUtcNow().UtcDateTime);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new Response(row.ContactName, protector.Unseal(sealedPhone, EnterpriseContactPhone.Purpose)));
    }
}
