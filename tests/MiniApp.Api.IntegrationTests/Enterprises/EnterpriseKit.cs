using System.Net.Http.Headers;
using MiniExcelLibs;

namespace MiniApp.Api.IntegrationTests.Enterprises;

/// <summary>Register bodies, staff clients and spreadsheets for the enterprise tests. Names carry a token so lists can be narrowed to one test.</summary>
internal static class EnterpriseKit
{
    public const string Guishan = "530427001";
    public const string Gucheng = "530427002";
    public const long GuishanFederation = 2;
    public const long GuchengFederation = 3;
    public const long ParkFederation = 14;

    public static string NewToken() => "T" + Guid.NewGuid().ToString("N")[..8];

    public static Dictionary<string, object?> Body(string name, string? creditCode = null, string township = Guishan, string? department = "transport",
        int staffCount = 150, string? phone = null) => new()
        {
            ["name"] = name,
            ["creditCode"] = creditCode ?? TestEnterprises.NextCreditCode(),
            ["townshipCode"] = township,
            ["address"] = "新平县桂山街道示例路1号",
            ["industry"] = "制造业",
            ["ownershipType"] = "private",
            ["inIndustrialPark"] = false,
            ["staffCount"] = staffCount,
            ["femaleStaffCount"] = staffCount / 3,
            ["migrantStaffCount"] = staffCount / 2,
            ["legalRepresentative"] = "李法人",
            ["contactName"] = "王联系",
            ["contactPhone"] = phone,
            ["departmentCode"] = department,
            ["liaison"] = "县总工会副主席",
            ["keyFlags"] = Array.Empty<string>(),
            ["workerGroups"] = new[] { new { code = "truck_driver", headcount = 40 } },
            ["unionStatus"] = "none",
            ["noUnionReason"] = "企业负责人认识不足",
            ["plannedOn"] = "2019-09-30",
        };

    public static async Task<HttpClient> StaffClientAsync(this ApiFixture api, string role = StaffRoles.CountyAdmin, long unionId = 1,
        string? department = null)
    {
        var (username, _) = await api.CreateAsync(role, unionId, department);
        return api.CreateClient(await api.StaffTokenAsync(username));
    }

    /// <summary>Creates an enterprise through the API and answers its view.</summary>
    public static async Task<JsonElement> CreateEnterpriseAsync(this HttpClient staff, Dictionary<string, object?> body)
    {
        var response = await staff.PostAsJsonAsync("/api/staff/enterprises", body);
        var created = await response.AssertOkJsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/staff/enterprises/{created.GetProperty("id").GetInt64()}", response.Headers.Location?.ToString());
        return created;
    }

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string key, object? value) =>
        new(body) { [key] = value };

    public static MultipartFormDataContent Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return File(stream.ToArray(), "enterprises.xlsx");
    }

    public static MultipartFormDataContent File(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>The rows of a downloaded .xlsx, keyed by the header row.</summary>
    public static async Task<List<IDictionary<string, object?>>> SheetAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }
}
