namespace MiniApp.Api.Infrastructure.Privacy;

/// <summary>Checks the keys at start-up, so a short or malformed key stops the deploy instead of failing the first
/// request.</summary>
internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var failures = new List<string>();
        foreach (var (id, key) in options.Keys)
        {
            if (DecodedLength(key) != 32) failures.Add($"Privacy:Keys:{id} must be base64 of exactly 32 bytes.");
        }
        if (!options.Keys.ContainsKey(options.ActiveKeyId))
            failures.Add($"Privacy:ActiveKeyId '{options.ActiveKeyId}' is not among Privacy:Keys.");
        if (DecodedLength(options.LookupKey) is not >= 32)
            failures.Add("Privacy:LookupKey must be base64 of at least 32 bytes.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static int? DecodedLength(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64).Length;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
