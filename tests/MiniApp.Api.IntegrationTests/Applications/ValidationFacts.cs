namespace MiniApp.Api.IntegrationTests.Applications;

/// <summary>A table of bad inputs: each answers 400 validation_failed naming the field, with a Chinese message.</summary>
[Collection(ApplicationsCollection.Name)]
public sealed class ValidationFacts(ApiFixture api)
{
    public static TheoryData<string, object?, string> BadFields() => new()
    {
        { "name", "张", "name" },
        { "name", "张三123", "name" },
        { "idNumber", "530427198801010011", "idNumber" },       // wrong check character
        { "idNumber", "53042719880230001X", "idNumber" },       // 30 February
        { "idNumber", "5304271988010100", "idNumber" },         // too short
        { "idNumber", TestPeople.NewIdNumber(DateTime.UtcNow.Year - 10), "idNumber" }, // a valid number of a 10-year-old
        { "phone", "12812345678", "phone" },
        { "phone", "1391234567", "phone" },
        { "ethnicity", "99", "ethnicity" },
        { "education", "phd", "education" },
        { "politicalStatus", "party", "politicalStatus" },
        { "hukouType", "city", "hukouType" },
        { "isMigrantWorker", null, "isMigrantWorker" },
        { "group", "astronaut", "group" },
        { "employmentForm", "freelance", "employmentForm" },
        { "residenceTownship", "530427999", "residenceTownship" },
        { "stationScene", "s=NOSUCHSTATION", "stationScene" },
        { "stationScene", "x=abc", "stationScene" },
        { "consent", null, "consent" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Submit_Answers400WithTheField_WhenAValueIsBad(string field, object? value, string expectedField)
    {
        var form = TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone());
        form[field] = value;
        using var client = api.CreateClient((await api.LoginWorkerAsync()).Token);

        var response = await client.PostAsJsonAsync("/api/applications", form);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var message = problem.GetProperty("errors").GetProperty(expectedField)[0].GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        if (value is string text && text.Length > 6) Assert.DoesNotContain(text, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Submit_RequiresAPlatform_ForRiders()
    {
        var form = TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), group: "food_delivery_rider");
        using var client = api.CreateClient((await api.LoginWorkerAsync()).Token);

        var problem = await (await client.PostAsJsonAsync("/api/applications", form)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("platform", out _));
    }

    [Fact]
    public async Task Submit_RejectsABadCreditCode_AndAcceptsAGoodOne()
    {
        using var client = api.CreateClient((await api.LoginWorkerAsync()).Token);
        var bad = TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), employer: new { name = "新平测试物流公司", creditCode = "91350200M000000510" });
        var problem = await (await client.PostAsJsonAsync("/api/applications", bad)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("employer.creditCode", out _));

        var good = TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), employer: new { name = "新平测试物流公司", creditCode = "91350100M000100Y43" });
        var created = await (await client.PostAsJsonAsync("/api/applications", good)).AssertOkJsonAsync();
        Assert.Equal("91350100M000100Y43", created.GetProperty("employer").GetProperty("creditCode").GetString());
    }

    [Fact]
    public async Task Submit_NormalisesFullWidthDigitsAndALowercaseX()
    {
        var idNumber = TestPeople.NewIdNumber();
        while (!idNumber.EndsWith('X')) idNumber = TestPeople.NewIdNumber();
        var fullWidth = string.Concat(idNumber[..17].Select(c => (char)(c - '0' + '０'))) + "x";
        using var client = api.CreateClient((await api.LoginWorkerAsync()).Token);

        var created = await (await client.PostAsJsonAsync("/api/applications", TestPeople.Form(fullWidth, TestPeople.NewPhone()))).AssertOkJsonAsync();

        Assert.Equal(idNumber[..4] + "**********" + idNumber[^4..], created.GetProperty("idNumberMasked").GetString());
        Assert.Equal(int.Parse(idNumber[16].ToString()) % 2 == 1 ? "male" : "female", created.GetProperty("gender").GetString());
    }
}
