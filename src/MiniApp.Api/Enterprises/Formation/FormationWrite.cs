namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// A write to an enterprise's formation: a connection, a transaction on it, and the enterprise locked in that
/// transaction if it lies in the caller's scope (null otherwise, answered 404). Disposing it without
/// <see cref="CommitAsync"/> rolls the write back.
/// </summary>
public sealed class FormationWrite : IAsyncDisposable
{
    private readonly MySqlConnection _connection;
    private readonly MySqlTransaction _transaction;

    private FormationWrite(MySqlConnection connection, MySqlTransaction transaction, CancellationToken cancellation)
    {
        _connection = connection;
        _transaction = transaction;
        Db = connection.Db(cancellation);
        Tx = Db.In(transaction);
    }

    /// <summary>The connection outside the transaction, for what is read after the commit.</summary>
    public Db Db { get; }

    public Db Tx { get; }

    public FormationEnterprise? Enterprise { get; private set; }

    public static async Task<FormationWrite> BeginAsync(EnterpriseServices services, EnterpriseScope scope, long id)
    {
        var connection = await services.OpenAsync();
        try
        {
            var transaction = await connection.BeginTransactionAsync(services.Cancellation);
            var write = new FormationWrite(connection, transaction, services.Cancellation);
            write.Enterprise = await FormationEnterprise.InScopeAsync(write.Tx, scope, id);
            return write;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task CommitAsync() => _transaction.CommitAsync(Tx.Cancellation);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
