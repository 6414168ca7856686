namespace MiniApp.Api.Infrastructure.Data;

public static class MySqlErrors
{
    /// <summary>A unique key refused the row; the index name tells which rule it broke.</summary>
    public static bool IsDuplicateKey(this MySqlException exception, string indexName) =>
        exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry
        && exception.Message.Contains(indexName, StringComparison.Ordinal);

    public static bool IsDuplicateKey(this MySqlException exception) =>
        exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry;
}
