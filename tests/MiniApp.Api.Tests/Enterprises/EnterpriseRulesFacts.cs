using MiniApp.Api.Enterprises;

namespace MiniApp.Api.Tests.Enterprises;

public sealed class EnterpriseRulesFacts
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    // 91530427 + 0000000 + organisation check + check character, valid by GB 32100.
    private const string Code = "915304276900000001";

    private static EnterpriseInput Input(string creditCode) => new("某某有限公司", creditCode, "530427001", null, null, null, null, 100, 40, 60, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static string ValidCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var body = Code[..17];
        var sum = body.Select((c, i) => alphabet.IndexOf(c) * weights[i]).Sum();
        return body + alphabet[(31 - sum % 31) % 31];
    }

    [Fact]
    public void Check_NormalisesAndDefaults()
    {
        var errors = new FieldErrors();

        var draft = EnterpriseRules.Check(Input(ValidCode().ToLowerInvariant()) with { Address = "  示例路1号 ", KeyFlags = ["npc_cppcc"] }, null, Today, errors);

        Assert.Equal(0, errors.Count);
        Assert.Equal(ValidCode(), draft!.CreditCode);
        Assert.Equal("示例路1号", draft.Address);
        Assert.Equal(("none", false), (draft.UnionStatus, draft.InIndustrialPark));
        Assert.Equal(new KeyFlagSet(true, false, false, false), draft.Keys);
        Assert.True(draft.PhoneChanged is false);
    }

    [Fact]
    public void Check_RefusesCountsAboveTheStaffCount_AndAFutureEstablishedDate()
    {
        var errors = new FieldErrors();

        var draft = EnterpriseRules.Check(Input(ValidCode()) with
        {
            FemaleStaffCount = 101,
            MigrantStaffCount = -1,
            MemberCount = 150,
            UnionStatus = "established",
            UnionEstablishedOn = Today.AddDays(1),
        }, null, Today, errors);

        Assert.Null(draft);
        Assert.Equal(["femaleStaffCount", "memberCount", "migrantStaffCount", "unionEstablishedOn"], errors.ToDictionary().Keys.Order());
    }

    [Theory]
    [InlineData(null, "138****5678", false)]
    [InlineData("138****5678", "138****5678", false)]
    [InlineData("", "138****5678", true)]
    [InlineData("+86 139-1234-5678", "138****5678", true)]
    public void Check_ContactPhone_KeepsClearsOrReplaces(string? sent, string stored, bool changed)
    {
        var errors = new FieldErrors();

        var draft = EnterpriseRules.Check(Input(ValidCode()) with { ContactPhone = sent }, stored, Today, errors);

        Assert.Equal(0, errors.Count);
        Assert.Equal(changed, draft!.PhoneChanged);
        if (sent is { Length: > 0 } && changed) Assert.Equal("13912345678", draft.ContactPhone);
    }

    [Theory]
    [InlineData("139****0000")]
    [InlineData("12345")]
    public void Check_ContactPhone_RefusesAnotherMaskOrABadNumber(string sent)
    {
        var errors = new FieldErrors();

        Assert.Null(EnterpriseRules.Check(Input(ValidCode()) with { ContactPhone = sent }, "138****5678", Today, errors));
        Assert.DoesNotContain(sent, errors.ToDictionary()["contactPhone"][0]);
    }

    [Fact]
    public void Catalog_CodesMatchTheKeyFlagColumns_AndNamesAreChinese()
    {
        Assert.Equal(["npc_cppcc", "top_private", "top_entrepreneur", "yuxi_industrial"], EnterpriseCatalog.KeyFlags.Select(f => f.Code));
        Assert.Equal(8, EnterpriseCatalog.OwnershipTypes.Count);
        Assert.Equal(["未建会", "筹建中", "已建会"], EnterpriseCatalog.UnionStatuses.Select(s => s.Name));
        Assert.Equal("各级人大代表和政协委员所在企业、玉溪市2019年100户重点培育工业企业", new KeyFlagSet(true, false, false, true).Names("、"));
    }
}
