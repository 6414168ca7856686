namespace MiniApp.Api.Enterprises;

/// <summary>
/// POST /api/staff/enterprises/{id}/reveal-contact: the contact's phone in clear, for staff whose scope covers the
/// enterprise; every call that opens a number is audited. contactPhone is null when none is on file.
/// </summary>
public static class RevealEnterpriseContact
{
    public sealed record Response(string? ContactName, string? ContactPhone);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(long id, EnterpriseScope scope,
        [AsParameters] EnterpriseServices services)
    {
        await using var connection = await services.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = connection.Db(transaction, services.Cancellation);
        var row = await EnterpriseReads.InScopeAsync(tx, scope, id);
        if (row is null) return EnterpriseProblems.NotFound();
        var sealedPhone = await tx.ExecuteScalarAsync<string?>(
            "SELECT contact_phone_sealed FROM enterprises WHERE id = @id", new { id });
        if (sealedPhone is null) return TypedResults.Ok(new Response(row.ContactName, null));
        // The audit row commits before the number leaves the server.
        var revealed = AuditEntry.ByStaff(scope.Staff.Id, "enterprise.contact_revealed", "enterprise", id,
            new { fields = new[] { "contactPhone" } });
        await AuditLog.WriteAsync(tx, revealed, services.UtcNow());
        await transaction.CommitAsync(services.Cancellation);
        var phone = services.Protector.Unseal(sealedPhone, EnterpriseContactPhone.Purpose);
        return TypedResults.Ok(new Response(row.ContactName, phone));
    }
}
