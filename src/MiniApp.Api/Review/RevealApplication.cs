using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>
/// POST /api/staff/applications/{id}/reveal: the full 身份证号 and phone for a reviewer in scope; every call is audited.
/// </summary>
public static class RevealApplication
{
    public sealed record Response(string IdNumber, string Phone);

    private const string SealedSql = "SELECT id_number_sealed, phone_sealed FROM applications WHERE id = @id";

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(long id, StaffContext staff,
        FieldProtector protector, [AsParameters] ReviewServices services)
    {
        await using var connection = await services.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = connection.Db(transaction, services.Cancellation);
        if (await ReviewAccess.InScopeAsync(tx, staff, id) is null) return ApplicationProblems.NotFound();
        var sealedValues =
            await tx.QuerySingleAsync<(string IdNumberSealed, string PhoneSealed)>(SealedSql, new { id });
        // The audit row commits before the values leave the server.
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "application.revealed", "application", id,
            new { fields = new[] { "idNumber", "phone" } }), services.UtcNow());
        await transaction.CommitAsync(services.Cancellation);
        return TypedResults.Ok(new Response(
            protector.Unseal(sealedValues.IdNumberSealed, ProtectedValue.IdNumberPurpose),
            protector.Unseal(sealedValues.PhoneSealed, ProtectedValue.PhonePurpose)));
    }
}
