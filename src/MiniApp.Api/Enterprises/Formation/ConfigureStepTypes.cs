using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniApp.Api.Infrastructure.Audit;
using MiniApp.Api.Infrastructure.Auth;
using MiniApp.Api.Infrastructure.Errors;
using MySqlConnector;

namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// PUT /api/staff/formation-step-types (county admins): the whole list in its new order. A type left out is removed,
/// unless some enterprise recorded it (then it may only be renamed or deactivated); a type without a code is new.
/// </summary>
public static class ConfigureStepTypes
{
    public sealed record Request(IReadOnlyList<StepTypeInput?>? Types);

    private const string UpsertSql = """
        INSERT INTO formation_step_types (code, name, sort_order, is_final, active, marks_forming)
        VALUES (@Code, @Name, @SortOrder, @IsFinal, @Active, @MarksForming)
        ON DUPLICATE KEY UPDATE name = @Name, sort_order = @SortOrder, is_final = @IsFinal, active = @Active, marks_forming = @MarksForming
        """;

    public static async Task<Results<Ok<StepTypesResponse>, ProblemHttpResult>> Handle(Request request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var types = StepTypeRules.Check(request.Types, errors, () => "step_" + Guid.NewGuid().ToString("N")[..8]);
        if (types is null) return Problems.Validation(errors);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var staff = await StaffContext.LoadAsync(connection, principal, cancellationToken);
        if (staff is null) return Problems.SessionExpired();
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var existing = await StepType.LoadAsync(connection, transaction, cancellationToken, forUpdate: true);
            var inUse = await StepTypesResponse.InUseAsync(connection, transaction, cancellationToken);
            var removed = existing.Where(e => types.All(t => t.Code != e.Code)).ToList();
            if (removed.FirstOrDefault(r => inUse.Contains(r.Code)) is { } used) return FormationProblems.StepTypeInUse(used.Name);
            foreach (var type in removed)
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM formation_step_types WHERE code = @Code", new { type.Code },
                    transaction, cancellationToken: cancellationToken));
            foreach (var type in types)
                await connection.ExecuteAsync(new CommandDefinition(UpsertSql, type, transaction, cancellationToken: cancellationToken));
            await AuditLog.WriteAsync(connection, transaction, AuditLog.Staff, staff.Id, "formation.step_types_configured", "formation_step_types", 0,
                new { order = types.Select(t => t.Code), removed = removed.Select(r => r.Code) }, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return TypedResults.Ok(await StepTypesResponse.LoadAsync(connection, cancellationToken));
    }
}
