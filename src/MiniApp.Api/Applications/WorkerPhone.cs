namespace MiniApp.Api.Applications;

/// <summary>The phone a worker bound through WeChat, opened only to prefill their own application.</summary>
public static class WorkerPhone
{
    public static async Task<string?> LoadAsync(Db db, FieldProtector protector, long userId)
    {
        var sealedPhone = await db.ExecuteScalarAsync<string?>(
            "SELECT phone_sealed FROM users WHERE id = @userId", new { userId });
        return sealedPhone is null ? null : protector.Unseal(sealedPhone, ProtectedValue.PhonePurpose);
    }
}
