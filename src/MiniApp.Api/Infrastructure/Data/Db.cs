namespace MiniApp.Api.Infrastructure.Data;

/// <summary>
/// A connection, the transaction it is in (if any) and the request's cancellation, carried as one value so that a query
/// is one short call (<c>db.QueryAsync&lt;T&gt;(Sql, new { id })</c>) and a method that reads or writes takes one
/// parameter instead of three. Commands run with Dapper; nothing here hides the SQL.
/// </summary>
public readonly record struct Db(DbConnection Connection, DbTransaction? Transaction, CancellationToken Cancellation)
{
    /// <summary>The same connection inside a transaction.</summary>
    public Db In(DbTransaction transaction) => this with { Transaction = transaction };

    /// <summary>Seconds a command may run before it is cancelled; null keeps the connection's default.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The same connection and transaction, for commands that may run longer than the default.</summary>
    public Db WithTimeout(int seconds) => this with { TimeoutSeconds = seconds };

    public CommandDefinition Command(string sql, object? parameters = null) =>
        new(sql, parameters, Transaction, TimeoutSeconds, cancellationToken: Cancellation);

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(Command(sql, parameters));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryAsync<T>(Command(sql, parameters));

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleAsync<T>(Command(sql, parameters));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public Task<T> QueryFirstAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryFirstAsync<T>(Command(sql, parameters));

    public Task<T?> QueryFirstOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryFirstOrDefaultAsync<T>(Command(sql, parameters));

    public Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? parameters = null) =>
        Connection.QueryMultipleAsync(Command(sql, parameters));
}

public static class DbConnectionExtensions
{
    /// <summary>The connection as a <see cref="Db"/> outside any transaction.</summary>
    public static Db Db(this DbConnection connection, CancellationToken cancellation) =>
        new(connection, null, cancellation);

    /// <summary>The connection as a <see cref="Db"/> inside a transaction (which may be null).</summary>
    public static Db Db(this DbConnection connection, DbTransaction? transaction, CancellationToken cancellation) =>
        new(connection, transaction, cancellation);
}
