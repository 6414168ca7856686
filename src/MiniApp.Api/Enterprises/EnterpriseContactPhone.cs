namespace MiniApp.Api.Enterprises;

/// <summary>
/// The three stored forms of an enterprise contact's phone: sealed, keyed hash, masked. Its own purpose, so a value
/// copied from or to an application's phone column does not open there.
/// </summary>
public sealed record EnterpriseContactPhone(string Sealed, string Hash, string Masked)
{
    public const string Purpose = "enterprise_contact_phone";

    public static EnterpriseContactPhone? Protect(FieldProtector protector, string? normalized) => normalized is null
        ? null
        : new(protector.Seal(normalized, Purpose), protector.LookupHash(normalized, Purpose),
            Masking.Phone(normalized));
}
