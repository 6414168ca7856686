using System.Net.Sockets;
using StackExchange.Redis;

namespace MiniApp.Api.Infrastructure.Errors;

/// <summary>
/// Tells an outage of the database or Redis (nothing wrong with the request; try again shortly) from a fault of ours.
/// Used by the exception handler to answer 503 with Retry-After instead of 500.
/// </summary>
public static class DependencyFailures
{
    private static readonly HashSet<MySqlErrorCode> DatabaseDown =
    [
        MySqlErrorCode.UnableToConnectToHost,
        MySqlErrorCode.CommandTimeoutExpired,
        MySqlErrorCode.ServerShutdown,
        MySqlErrorCode.QueryInterrupted,
        MySqlErrorCode.ConnectionCountError,
        MySqlErrorCode.TooManyUserConnections,
        MySqlErrorCode.AbortingConnection,
        MySqlErrorCode.NetReadInterrupted,
        MySqlErrorCode.NetWriteInterrupted,
        MySqlErrorCode.NetReadError,
        MySqlErrorCode.NetErrorOnWrite,
        MySqlErrorCode.NetPacketsOutOfOrder,
        MySqlErrorCode.UnknownCommand,
            // 1047: a Galera node that left the primary component ("WSREP has not yet prepared node")
        MySqlErrorCode.OptionPreventsStatement, // a read-only node after a fail-over (super_read_only)
    ];

    /// <summary>
    /// The database cannot be reached, dropped the connection, was shut down or did not answer in time.
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is MySqlException mysql)
            {
                if (DatabaseDown.Contains(mysql.ErrorCode)) return true;
                // A connection that broke mid-command surfaces as a protocol read failure over a socket or stream
                // error.
                if (mysql.InnerException is IOException or SocketException or EndOfStreamException or TimeoutException
                    or ObjectDisposedException) return true;
            }
            else if (current is MySqlProtocolException
                || (current is IOException or SocketException or EndOfStreamException
                         && IsFromMySql(current)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Redis cannot be reached, is loading its data after a restart, or did not answer in time.</summary>
    public static bool IsCacheUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RedisConnectionException or RedisTimeoutException) return true;
            if (current is RedisServerException server
                && (server.Message.StartsWith("LOADING", StringComparison.Ordinal)
                    || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
                    || server.Message.StartsWith("READONLY", StringComparison.Ordinal))) return true;
        }
        return false;
    }

    private static bool IsFromMySql(Exception exception) =>
        exception.StackTrace?.Contains("MySqlConnector", StringComparison.Ordinal) == true;
}
