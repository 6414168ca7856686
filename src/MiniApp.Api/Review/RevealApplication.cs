using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>POST /api/staff/applications/{id}/reveal: the full 身份证号 and phone for a reviewer in scope; every call is audited.</summary>
public static class RevealApplication
{
    public sealed record Response(string IdNumber, string Phone);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(long id, ClaimsPrincipal principal, MySqlDataSource dataSource,
        FieldProtector protector, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await ReviewAccess.ReviewerAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ReviewAccess.InScopeAsync(connection, transaction, staff, id, cancellationToken) is null) return ApplicationProblems.NotFound();
        var sealedValues = await connection.QuerySingleAsync<(string IdNumberSealed, string PhoneSealed)>(new CommandDefinition(
            "SELECT id_number_sealed, phone_sealed FROM applications WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        // The audit row commits before the values leave the server.
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(staff.Id, "application.revealed", "application", id, new { fields = new[] { "idNumber", "phone" } }), clock.GetUtcNow().UtcDateTime);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new Response(
            protector.Unseal(sealedValues.IdNumberSealed, ProtectedValue.IdNumberPurpose),
            protector.Unseal(sealedValues.PhoneSealed, ProtectedValue.PhonePurpose)));
    }
}
