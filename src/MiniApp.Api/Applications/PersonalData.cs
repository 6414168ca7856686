namespace MiniApp.Api.Applications;

/// <summary>
/// The three stored forms of a 身份证号 or phone: sealed, keyed hash, masked. The purposes are fixed strings.
/// </summary>
public sealed record ProtectedValue(string Sealed, string Hash, string Masked)
{
    public const string IdNumberPurpose = "id_number";
    public const string PhonePurpose = "phone";

    public static ProtectedValue IdNumber(FieldProtector protector, string normalized) =>
        new(protector.Seal(normalized, IdNumberPurpose), protector.LookupHash(normalized, IdNumberPurpose),
            Masking.IdNumber(normalized));

    public static ProtectedValue Phone(FieldProtector protector, string normalized) =>
        new(protector.Seal(normalized, PhonePurpose), protector.LookupHash(normalized, PhonePurpose),
            Masking.Phone(normalized));
}
