namespace MiniApp.Api.IntegrationTests.Enterprises;

/// <summary>Text that a spreadsheet would take for a formula leaves form1 and form4 with a leading quote, and comes back without it.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed class EnterpriseExportFormulaFacts(ApiFixture api)
{
    private static Dictionary<string, object?> Hostile(string token) =>
        EnterpriseKit.Body($"=HYPERLINK(\"http://x.invalid/{token}\",\"点我\")", staffCount: 150)
        .With("address", "+SUM(1,2)")
        .With("industry", "@SUM(1)")
        .With("legalRepresentative", "-2+3+cmd|' /C calc'!A0")
        .With("liaison", "=1+1");

    private static IDictionary<string, object?> Mine(List<IDictionary<string, object?>> rows, string token) =>
        rows.Single(r => r["企业名称"]?.ToString()?.Contains(token, StringComparison.Ordinal) == true);

    [Fact]
    public async Task Form1_QuotesTextThatWouldBeAFormula_AndKeepsNumbersNumbers()
    {
        using var admin = await api.StaffClientAsync();
        var token = EnterpriseKit.NewToken();
        await admin.CreateEnterpriseAsync(Hostile(token));

        var row = Mine(await EnterpriseKit.SheetAsync(await admin.GetAsync("/api/staff/enterprises/form1.xlsx?department=transport")), token);

        Assert.Equal($"'=HYPERLINK(\"http://x.invalid/{token}\",\"点我\")", row["企业名称"]);
        Assert.Equal("'+SUM(1,2)", row["地址"]);
        Assert.Equal("'@SUM(1)", row["行业"]);
        Assert.Equal("'-2+3+cmd|' /C calc'!A0", row["法定代表人"]);
        Assert.Equal("'=1+1", row["挂联领导/单位"]);
        Assert.Equal(150d, Assert.IsType<double>(row["职工人数"]));
        Assert.Equal(50d, Assert.IsType<double>(row["其中女职工"]));
        Assert.IsType<double>(row["序号"]);
    }

    [Fact]
    public async Task Form4_QuotesTextThatWouldBeAFormula_AndKeepsNumbersNumbers()
    {
        using var admin = await api.StaffClientAsync();
        var token = EnterpriseKit.NewToken();
        await admin.CreateEnterpriseAsync(Hostile(token));

        var row = Mine(await EnterpriseKit.SheetAsync(await admin.GetAsync("/api/staff/enterprises/form4.xlsx?department=transport")), token);

        Assert.StartsWith("'=HYPERLINK(", row["企业名称"]?.ToString());
        Assert.Equal("'=1+1", row["挂联领导/单位"]);
        Assert.Equal(150d, Assert.IsType<double>(row["职工人数"]));
    }

    [Fact]
    public async Task Form1_WithQuotedFormulas_ImportsBackUnchanged()
    {
        using var admin = await api.StaffClientAsync();
        var token = EnterpriseKit.NewToken();
        await admin.CreateEnterpriseAsync(Hostile(token));
        var exported = Mine(await EnterpriseKit.SheetAsync(await admin.GetAsync("/api/staff/enterprises/form1.xlsx?department=transport")), token);

        var result = await (await admin.PostAsync("/api/staff/enterprises/import",
            EnterpriseKit.Xlsx([new Dictionary<string, object?>(exported)]))).AssertOkJsonAsync();

        var row = Assert.Single(result.GetProperty("rows").EnumerateArray());
        Assert.Equal("unchanged", row.GetProperty("result").GetString());
        Assert.Equal($"=HYPERLINK(\"http://x.invalid/{token}\",\"点我\")", row.GetProperty("name").GetString());
    }
}
