namespace MiniApp.Api.Applications;

/// <summary>The phone a worker bound through WeChat, opened only to prefill their own application.</summary>
public static class WorkerPhone
{
    public static async Task<string?> LoadAsync(MySqlConnection connection, FieldProtector protector, long userId, CancellationToken cancellationToken)
    {
        var sealedPhone = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT phone_sealed FROM users WHERE id = @userId", new { userId }, cancellationToken: cancellationToken));
        return sealedPhone is null ? null : protector.Unseal(sealedPhone, ProtectedValue.PhonePurpose);
    }
}
