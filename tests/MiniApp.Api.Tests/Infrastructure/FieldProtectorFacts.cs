using System.Security.Cryptography;
using MiniApp.Api.Infrastructure.Privacy;

namespace MiniApp.Api.Tests.Infrastructure;

public sealed class FieldProtectorFacts
{
    private static readonly string KeyOne = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyTwo = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Lookup = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static FieldProtector Create(string activeKeyId, params (string Id, string Key)[] keys) =>
        new(Options.Create(new PrivacyOptions
        {
            ActiveKeyId = activeKeyId,
            Keys = keys.ToDictionary(k => k.Id, k => k.Key),
            LookupKey = Lookup,
        }));

    [Fact]
    public void Seal_RoundTrips_AndHidesTheValue()
    {
        var protector = Create("k1", ("k1", KeyOne));

        var sealedValue = protector.Seal("53042719900101001X", "applications.id_number");

        Assert.StartsWith("v1.k1.", sealedValue);
        Assert.DoesNotContain("53042719900101001X", sealedValue);
        Assert.Equal("53042719900101001X", protector.Unseal(sealedValue, "applications.id_number"));
    }

    [Fact]
    public void Seal_GivesDifferentCiphertexts_ForTheSameValue()
    {
        var protector = Create("k1", ("k1", KeyOne));
        Assert.NotEqual(protector.Seal("13800138000", "p"), protector.Seal("13800138000", "p"));
    }

    [Fact]
    public void Unseal_OpensOldValues_AfterTheActiveKeyRotates()
    {
        var before = Create("k1", ("k1", KeyOne));
        var sealedValue = before.Seal("者竜乡", "purpose");
        var after = Create("k2", ("k1", KeyOne), ("k2", KeyTwo));

        Assert.Equal("者竜乡", after.Unseal(sealedValue, "purpose"));
        Assert.Equal("k2", FieldProtector.KeyIdOf(after.Seal("x", "purpose")));
    }

    [Fact]
    public void Unseal_Throws_WhenThePurposeDiffers()
    {
        var protector = Create("k1", ("k1", KeyOne));
        var sealedValue = protector.Seal("secret", "users.session_key");
        Assert.ThrowsAny<CryptographicException>(() => protector.Unseal(sealedValue, "applications.phone"));
    }

    [Fact]
    public void Unseal_Throws_WhenTheCiphertextIsTampered()
    {
        var protector = Create("k1", ("k1", KeyOne));
        var sealedValue = protector.Seal("secret", "p");
        var bytes = Convert.FromBase64String(sealedValue.Split('.')[2]);
        bytes[^1] ^= 0x01;
        Assert.ThrowsAny<CryptographicException>(() => protector.Unseal("v1.k1." + Convert.ToBase64String(bytes), "p"));
    }

    [Fact]
    public void Unseal_Throws_WhenTheKeyIdIsUnknown()
    {
        var protector = Create("k1", ("k1", KeyOne));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unseal("v1.k9.AAAA", "p"));
    }

    [Fact]
    public void LookupHash_IsStableAndKeyed_AndSeparatesPurposes()
    {
        var protector = Create("k1", ("k1", KeyOne));
        var hash = protector.LookupHash("13800138000", "phone");

        Assert.Equal(hash, Create("k2", ("k2", KeyTwo)).LookupHash("13800138000", "phone"));
        Assert.NotEqual(hash, protector.LookupHash("13800138000", "id_number"));
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain("13800138000", hash);
    }

    [Fact]
    public void Constructor_Refuses_AKeyOfTheWrongSize()
    {
        Assert.Throws<InvalidOperationException>(() => Create("k1", ("k1", Convert.ToBase64String(new byte[16]))));
    }

    [Fact]
    public void Constructor_Refuses_AnActiveKeyIdThatIsNotConfigured()
    {
        Assert.Throws<InvalidOperationException>(() => Create("k2", ("k1", KeyOne)));
    }
}
