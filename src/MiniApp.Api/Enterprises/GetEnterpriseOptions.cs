using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// GET /api/staff/enterprises/options: the choice lists of the register form (codes to send, names to show).
/// </summary>
public static class GetEnterpriseOptions
{
    public sealed record Response(CodeList OwnershipTypes, CodeList UnionStatuses, CodeList KeyFlags,
        CodeList Townships, CodeList Departments, CodeList WorkerGroups);

    public static async Task<Ok<Response>> Handle(MySqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var references = await EnterpriseReferences.LoadAsync(connection.Db(cancellationToken));
        return TypedResults.Ok(new Response(EnterpriseCatalog.OwnershipTypes, EnterpriseCatalog.UnionStatuses,
            EnterpriseCatalog.KeyFlags, references.Townships, references.Departments, references.WorkerGroups));
    }
}
