using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace MiniApp.Api.Infrastructure.OpenApi;

/// <summary>
/// One place for what the contract shows beyond the types: JSON examples of request bodies and success responses, and
/// the problem <c>code</c>s each operation can answer. Keyed by "METHOD /route" as the document names the path.
/// The data is made up: 11010519491231002X is the public GB 11643 test number, phones are 139****5678-style fakes.
/// </summary>
public static partial class OperationExamples
{
    private const string ProblemJson = "application/problem+json";
    private const string Json = "application/json";

    /// <summary>Problem codes per operation, for operations whose endpoint does not describe them: (code, status, note).</summary>
    public static IReadOnlyDictionary<string, (string Code, int Status, string? Note)[]> ProblemCodes { get; } = BuildProblemCodes();

    /// <summary>Example request bodies (JSON) per operation.</summary>
    public static IReadOnlyDictionary<string, string> RequestExamples { get; } = BuildRequestExamples();

    /// <summary>Example success responses (JSON) per operation.</summary>
    public static IReadOnlyDictionary<string, string> ResponseExamples { get; } = BuildResponseExamples();

    public static string Key(string method, string path) => method.ToUpperInvariant() + " " + path;

    /// <summary>The document's path of an endpoint: "/" + relative path, route constraints and trailing slash removed.</summary>
    public static string PathOf(string? relativePath) =>
        "/" + ConstraintPattern().Replace(relativePath ?? "", "}").Trim('/');

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var key = Key(context.Description.HttpMethod ?? "GET", PathOf(context.Description.RelativePath));

        if (ProblemCodes.TryGetValue(key, out var codes) && operation.Description?.Contains("Problem codes", StringComparison.Ordinal) != true)
        {
            var list = codes.Length == 0
                ? "Problem codes: none."
                : "Problem codes: " + string.Join(", ", codes.Select(c => $"{c.Code} ({c.Status}{(c.Note is null ? "" : ": " + c.Note)})")) + ".";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? list : operation.Description.TrimEnd() + " " + list;
            DeclareProblemResponses(operation, codes.Select(c => c.Status));
        }

        if (RequestExamples.TryGetValue(key, out var request)
            && operation.RequestBody?.Content is { } requestContent && requestContent.TryGetValue(Json, out var requestMedia))
        {
            requestMedia.Example = JsonNode.Parse(request);
        }

        if (ResponseExamples.TryGetValue(key, out var response) && operation.Responses is { } responses)
        {
            foreach (var (status, answer) in responses)
            {
                if (!status.StartsWith('2') || answer.Content is null || !answer.Content.TryGetValue(Json, out var media)) continue;
                media.Example = JsonNode.Parse(response);
                break;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Adds a problem response for each status the table names and the endpoint does not declare yet.</summary>
    private static void DeclareProblemResponses(OpenApiOperation operation, IEnumerable<int> statuses)
    {
        if (operation.Responses is null) return;
        var problemSchema = operation.Responses.Values
            .Select(r => r.Content is not null && r.Content.TryGetValue(ProblemJson, out var m) ? m.Schema : null)
            .FirstOrDefault(s => s is not null);
        if (problemSchema is null) return;
        foreach (var status in statuses.Distinct().Order())
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key)) continue;
            operation.Responses[key] = new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problemSchema } },
            };
        }
    }

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex ConstraintPattern();

    private static Dictionary<string, (string, int, string?)[]> BuildProblemCodes()
    {
        (string, int, string?) Unauthorized(string? note = "log in again") => ("unauthorized", 401, note);
        (string, int, string?) Forbidden(string? note = null) => ("forbidden", 403, note);
        (string, int, string?) Invalid(string? note = null) => ("validation_failed", 400, note);
        var worker = new[] { Unauthorized(), Forbidden("not a worker's token") };
        var staff = new[] { Unauthorized("log in again; also when the account is disabled"), Forbidden() };
        var countyAdmin = new[] { Unauthorized("log in again; also when the account is disabled"), Forbidden("county admins only") };
        var reviewer = new[] { Unauthorized("log in again; also when the account is disabled"), Forbidden("the role may not review") };
        var editor = new[] { Unauthorized("log in again; also when the account is disabled"), Forbidden("the role may not edit stations") };
        (string, int, string?)[] With((string, int, string?)[] auth, params (string, int, string?)[] codes) => [.. codes, .. auth];

        return new()
        {
            [Key("POST", "/api/staff/hangfire-token")] = countyAdmin,
            [Key("GET", "/api/reference")] = [],
            [Key("GET", "/api/stations/options")] = [],
            [Key("POST", "/api/staff/members/verify")] = With(staff,
                Invalid("no code; an unknown or expired code answers 200 with valid=false and a reason instead"),
                Forbidden("department viewers may not verify cards")).DistinctBy(c => c.Item1).ToArray(),
            [Key("GET", "/api/me")] = worker,
            [Key("POST", "/api/me/subscriptions")] = With(worker, Invalid("1 to 10 results of accept, reject, ban or filter"),
                ("wechat_not_bound", 409, "log in with WeChat again")),
            [Key("GET", "/api/me/messages")] = With(worker, Invalid("limit is 1 to 100")),
            [Key("POST", "/api/me/messages/{id}/read")] = With(worker, ("not_found", 404, null)),
            [Key("GET", "/api/applications/mine")] = [Unauthorized()],
            [Key("GET", "/api/staff/stations")] = With(staff, Invalid("page, pageSize, status, type, region or q")),
            [Key("GET", "/api/staff/stations/{id}")] = With(staff, ("station_not_found", 404, "not in scope")),
            [Key("PUT", "/api/staff/stations/{id}")] = With(editor, Invalid("errors per field"), ("station_not_found", 404, null)),
            [Key("POST", "/api/staff/stations/{id}/status")] = With(editor, Invalid("status"), ("station_not_found", 404, null),
                ("station_state_changed", 409, "someone else changed it first")),
            [Key("POST", "/api/staff/stations/import")] = With(editor,
                Invalid("the file is missing, unreadable, lacks columns or is empty"),
                ("import_too_large", 400, "over 5 MB, unpacks past Imports:MaxUnpackedBytes, compressed beyond Imports:MaxCompressionRatio, "
                    + "or over Stations:ImportMaxRows rows; limit and unit name the limit"),
                ("station_state_changed", 409, "someone else changed a station meanwhile; import again")),
            [Key("GET", "/api/staff/stations/import-template")] = With(staff, Invalid("format is xlsx or csv")),
            [Key("GET", "/api/staff/stations/qrcodes.zip")] = With(staff, Invalid("region, or too many stations at once"),
                ("qrcode_rejected", 502, "with WeChat's errcode"), ("wechat_unavailable", 503, null)),
            [Key("GET", "/api/staff/applications")] = With(reviewer, Invalid("page, pageSize or status")),
            [Key("GET", "/api/staff/applications/{id}")] = With(reviewer, ("application_not_found", 404, "not in scope")),
            [Key("POST", "/api/staff/applications/{id}/reject")] = With(reviewer, Invalid("reasonCode, or note for other / over 500 characters"),
                ("application_not_found", 404, null), ("application_state_changed", 409, "someone else decided first")),
            [Key("POST", "/api/staff/applications/{id}/transfer")] = With(reviewer,
                Invalid("unionId missing or unknown or already receiving, note missing or over 500 characters"),
                ("application_not_found", 404, null), ("application_state_changed", 409, "someone else decided first")),
            [Key("POST", "/api/staff/applications/batch-approve")] = With(reviewer,
                Invalid("1 to 100 ids; each id's outcome is in results, database_busy among them")),
            [Key("POST", "/api/staff/applications/{id}/reveal")] = With(reviewer, ("application_not_found", 404, "not in scope")),
            [Key("GET", "/api/staff/accounts")] = countyAdmin,
            [Key("POST", "/api/staff/accounts/{id}/disable")] = With(countyAdmin, Invalid("one's own account"), ("not_found", 404, null)),
            [Key("POST", "/api/staff/accounts/{id}/enable")] = With(countyAdmin, Invalid("one's own account"), ("not_found", 404, null)),
            [Key("POST", "/api/staff/accounts/{id}/reset-password")] = With(countyAdmin, Invalid("password rules"), ("not_found", 404, null)),
            [Key("GET", "/api/staff/messages")] = With(staff, Invalid("limit is 1 to 100")),
            [Key("POST", "/api/staff/messages/{id}/read")] = With(staff, ("not_found", 404, null)),
            [Key("DELETE", "/api/staff/me/wechat")] = staff,
            [Key("GET", "/api/staff/notifications")] = With(countyAdmin, Invalid("status, page or pageSize")),
        };
    }

    private const string Application = """
        {"id":1024,"status":"submitted","version":1,"name":"张三","idNumberMasked":"1101**********002X","phoneMasked":"139****5678",
         "gender":"female","age":76,"ethnicity":"01","education":"senior_high","politicalStatus":"13","hukouType":"resident",
         "isMigrantWorker":false,"group":"courier","employmentForm":"platform_flexible",
         "employer":{"enterpriseId":null,"name":"新平某某快递服务有限公司","creditCode":null},"platform":null,
         "residenceTownship":"530427001","station":{"id":12,"code":"GS001","name":"桂山街道户外劳动者服务站"},
         "receivingUnion":{"id":3,"name":"桂山街道总工会","rule":"station_union"},"rejectReason":null,"rejectNote":null,
         "submittedAt":"2026-03-02T01:30:00+00:00","decidedAt":null}
        """;

    // As a reviewer sees it: another open application of the same 身份证号 in scope, none outside.
    private static string ApplicationForReview => Application[..^1]
        + ""","flags":{"alreadyMember":false,"conflictIds":[1031],"conflictsOutsideScope":0,"sameAccountOpen":0}}""";

    private const string Station = """
        {"id":12,"code":"GS001","name":"桂山街道户外劳动者服务站","type":"union_post","address":"新平县桂山街道示例路1号",
         "regionCode":"530427001","latitude":24.0706,"longitude":101.9905,"facilities":["rest","charging"],
         "openingHours":{"allDay":false,"weekly":[{"days":[1,2,3,4,5],"open":"08:30","close":"18:00"}],"afterHoursAccess":"scan_qr"},
         "isOpenNow":true,"phone":"0877-0000000","owningUnion":{"id":3,"name":"桂山街道总工会"},"status":"active","photoUrls":[],
         "updatedAt":"2026-02-20T08:00:00+00:00"}
        """;

    private const string WorkerSummary = """{"id":501,"isMember":false,"application":{"id":1024,"status":"submitted"},"phoneMasked":"139****5678"}""";

    private const string StaffAccount = """
        {"id":7,"username":"gs_reviewer","displayName":"桂山审核员","role":"union_reviewer","unionId":3,"unionName":"桂山街道总工会",
         "departmentCode":null,"disabled":false,"createdAt":"2026-01-05T02:00:00+00:00","lastLoginAt":"2026-03-02T00:50:00+00:00"}
        """;

    private static Dictionary<string, string> BuildRequestExamples() => new()
    {
        [Key("POST", "/api/auth/login")] = """{"code":"0a3Xyz000example0code"}""",
        [Key("POST", "/api/me/phone")] = """{"code":"e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144","encryptedData":null,"iv":null}""",
        [Key("POST", "/api/me/subscriptions")] = """{"results":{"tmpl_application_result":"accept","tmpl_review_reminder":"reject"}}""",
        [Key("POST", "/api/applications")] = ApplicationForm,
        [Key("PUT", "/api/applications/{id}")] = ApplicationForm,
        [Key("POST", "/api/staff/auth/login")] = """{"username":"gs_reviewer","password":"Example-Passw0rd"}""",
        [Key("POST", "/api/staff/applications/{id}/reject")] = """{"reasonCode":"info_incomplete","note":"工作单位名称请填写全称"}""",
        [Key("POST", "/api/staff/applications/{id}/transfer")] = """{"unionId":4,"note":"申请人在戛洒镇工作，转戛洒镇总工会受理"}""",
        [Key("POST", "/api/staff/applications/batch-approve")] = """{"ids":[1024,1025]}""",
        [Key("POST", "/api/staff/members/verify")] = """{"code":"mc1.XP20260000123.example-signature"}""",
        [Key("POST", "/api/staff/accounts")] = """
            {"username":"gs_reviewer","displayName":"桂山审核员","role":"union_reviewer","unionId":3,"departmentCode":null,"password":"Example-Passw0rd"}
            """,
        [Key("POST", "/api/staff/accounts/{id}/reset-password")] = """{"password":"New-Example-Passw0rd"}""",
        [Key("POST", "/api/staff/me/wechat")] = """{"code":"0a3Xyz000example0code"}""",
        [Key("POST", "/api/staff/me/subscriptions")] = """{"results":{"tmpl_review_reminder":"accept"}}""",
        [Key("POST", "/api/staff/stations/{id}/status")] = """{"status":"suspended"}""",
        [Key("POST", "/api/staff/stations")] = StationInput,
        [Key("PUT", "/api/staff/stations/{id}")] = StationInput,
    };

    private const string StationInput = """
        {"code":"GS001","name":"桂山街道户外劳动者服务站","type":"union_post","address":"新平县桂山街道示例路1号","regionCode":"530427001",
         "latitude":24.0706,"longitude":101.9905,"facilities":["rest","charging"],
         "openingHours":{"allDay":false,"weekly":[{"days":[1,2,3,4,5],"open":"08:30","close":"18:00"}],"afterHoursAccess":"scan_qr"},
         "phone":"0877-0000000","owningUnionId":3,"photoUrls":[]}
        """;

    private const string ApplicationForm = """
        {"name":"张三","idNumber":"11010519491231002X","phone":"13900005678","ethnicity":"01","education":"senior_high",
         "politicalStatus":"13","hukouType":"resident","isMigrantWorker":false,"group":"courier","employmentForm":"platform_flexible",
         "employer":{"enterpriseId":null,"name":"新平某某快递服务有限公司","creditCode":null},"platform":null,
         "residenceTownship":"530427001","stationScene":"s=GS001","consent":{"version":"2026-01","agreedAt":"2026-03-02T01:29:30+00:00"}}
        """;

    private static Dictionary<string, string> BuildResponseExamples() => new()
    {
        [Key("POST", "/api/auth/login")] = $$"""{"token":"eyJhbGciOiJIUzI1NiJ9.example.signature","expiresAt":"2026-03-09T01:30:00+00:00","user":{{WorkerSummary}}}""",
        [Key("GET", "/api/me")] = WorkerSummary,
        [Key("POST", "/api/me/phone")] = """{"phoneMasked":"139****5678"}""",
        [Key("GET", "/api/me/membership")] = """
            {"memberNumber":"XP20260000123","name":"张三","union":{"id":3,"name":"桂山街道总工会"},"joinedOn":"2026-03-03","status":"active",
             "verification":{"code":"mc1.XP20260000123.example-signature","expiresAt":"2026-03-03T02:05:00+00:00"}}
            """,
        [Key("POST", "/api/me/subscriptions")] = """{"grants":[{"templateId":"tmpl_application_result","remaining":1}]}""",
        [Key("GET", "/api/me/messages")] = """
            {"items":[{"id":88,"kind":"application_approved","title":"入会申请已通过","body":"您已成为桂山街道总工会会员，可在“我的”查看电子会员卡。",
              "page":"pages/card/index","applicationId":1024,"createdAt":"2026-03-03T02:00:00+00:00","readAt":null}],"unread":1}
            """,
        [Key("GET", "/api/reference")] = """
            {"workerGroups":[{"code":"courier","name":"快递员"},{"code":"truck_driver","name":"货车司机"}],
             "employmentForms":[{"code":"labor_contract","name":"劳动合同"},{"code":"platform_flexible","name":"平台灵活就业"}],
             "townships":[{"code":"530427001","name":"桂山街道"},{"code":"530427102","name":"戛洒镇"}],
             "ethnicities":[{"code":"01","name":"汉族"},{"code":"07","name":"彝族"},{"code":"18","name":"傣族"}],
             "educationLevels":[{"code":"junior_high","name":"初中"},{"code":"senior_high","name":"高中/中专/技校"}],
             "politicalStatuses":[{"code":"01","name":"中共党员"},{"code":"13","name":"群众"}],
             "hukouTypes":[{"code":"agricultural","name":"农业户口"},{"code":"resident","name":"居民户口"}],
             "applicationStatuses":[{"code":"submitted","name":"待审核"},{"code":"approved","name":"已通过"},{"code":"rejected","name":"未通过"},{"code":"withdrawn","name":"已撤回"}],
             "rejectReasons":[{"code":"info_incomplete","name":"信息不完整或有误"},{"code":"other","name":"其他"}]}
            """,
        [Key("GET", "/api/stations/by-scene/{scene}")] = """
            {"station":{"id":12,"code":"GS001","name":"桂山街道户外劳动者服务站","type":"union_post","address":"新平县桂山街道示例路1号",
              "regionCode":"530427001","latitude":24.0706,"longitude":101.9905,"status":"active"},
             "receivingUnion":{"id":3,"name":"桂山街道总工会","rule":"station_union"}}
            """,
        [Key("GET", "/api/stations/nearby")] = """
            {"stations":[{"id":12,"code":"GS001","name":"桂山街道户外劳动者服务站","type":"union_post","address":"新平县桂山街道示例路1号",
              "latitude":24.0706,"longitude":101.9905,"distanceMeters":420,"isOpenNow":true,"allDay":false,"facilities":["rest","charging"],
              "phone":"0877-0000000"}]}
            """,
        [Key("GET", "/api/stations/{id}")] = Station,
        [Key("GET", "/api/staff/stations/{id}")] = Station,
        [Key("PUT", "/api/staff/stations/{id}")] = Station,
        [Key("POST", "/api/staff/stations/{id}/status")] = Station,
        [Key("POST", "/api/staff/stations")] = Station,
        [Key("GET", "/api/staff/stations")] = $$"""{"items":[{{Station}}],"pageNumber":1,"pageSize":20,"total":1}""",
        [Key("POST", "/api/applications")] = Application,
        [Key("PUT", "/api/applications/{id}")] = Application.Replace("\"version\":1", "\"version\":3"),
        [Key("GET", "/api/applications/mine")] = $$"""[{"application":{{Application}},"history":[{"action":"submitted","at":"2026-03-02T01:30:00+00:00"}]}]""",
        [Key("POST", "/api/applications/{id}/withdraw")] = Application.Replace("\"status\":\"submitted\"", "\"status\":\"withdrawn\"")
            .Replace("\"version\":1", "\"version\":2").Replace("\"decidedAt\":null", "\"decidedAt\":\"2026-03-02T03:00:00+00:00\""),
        [Key("POST", "/api/staff/auth/login")] = """{"token":"eyJhbGciOiJIUzI1NiJ9.example.signature","expiresAt":"2026-03-02T09:00:00+00:00","staff":{"id":7,"role":"union_reviewer","unionId":3}}""",
        [Key("GET", "/api/staff/applications")] = $$"""{"items":[{{ApplicationForReview}}],"pageNumber":1,"pageSize":20,"total":1}""",
        [Key("GET", "/api/staff/applications/{id}")] = ApplicationForReview,
        [Key("POST", "/api/staff/applications/{id}/approve")] = $$"""{"application":{{Application.Replace("\"status\":\"submitted\"", "\"status\":\"approved\"").Replace("\"version\":1", "\"version\":2").Replace("\"decidedAt\":null", "\"decidedAt\":\"2026-03-03T02:00:00+00:00\"")}},"memberNumber":"XP20260000123"}""",
        [Key("POST", "/api/staff/applications/{id}/reject")] = Application.Replace("\"status\":\"submitted\"", "\"status\":\"rejected\"")
            .Replace("\"version\":1", "\"version\":2").Replace("\"rejectReason\":null,\"rejectNote\":null", "\"rejectReason\":\"info_incomplete\",\"rejectNote\":\"工作单位名称请填写全称\"")
            .Replace("\"decidedAt\":null", "\"decidedAt\":\"2026-03-03T02:00:00+00:00\""),
        [Key("POST", "/api/staff/applications/{id}/transfer")] = Application.Replace("\"version\":1", "\"version\":2")
            .Replace("{\"id\":3,\"name\":\"桂山街道总工会\",\"rule\":\"station_union\"}", "{\"id\":4,\"name\":\"戛洒镇总工会\",\"rule\":\"station_union\"}"),
        [Key("POST", "/api/staff/applications/batch-approve")] = """
            {"results":[{"id":1024,"outcome":"approved","memberNumber":"XP20260000123"},{"id":1025,"outcome":"application_state_changed","memberNumber":null}]}
            """,
        [Key("POST", "/api/staff/applications/{id}/reveal")] = """{"idNumber":"11010519491231002X","phone":"13900005678"}""",
        [Key("POST", "/api/staff/members/verify")] = """
            {"valid":true,"reason":null,"memberNumber":"XP20260000123","nameMasked":"张*","union":{"id":3,"name":"桂山街道总工会"}}
            """,
        [Key("GET", "/api/staff/accounts")] = $"[{StaffAccount}]",
        [Key("POST", "/api/staff/accounts")] = StaffAccount,
        [Key("POST", "/api/staff/accounts/{id}/disable")] = StaffAccount.Replace("\"disabled\":false", "\"disabled\":true"),
        [Key("POST", "/api/staff/accounts/{id}/enable")] = StaffAccount,
        [Key("POST", "/api/staff/accounts/{id}/reset-password")] = StaffAccount,
        [Key("GET", "/api/staff/notifications")] = """
            {"items":[{"id":301,"kind":"application_approved","recipientType":"worker","recipientId":501,"status":"dead","attempts":5,
              "lastError":"43101 user refuse to accept the msg","createdAt":"2026-03-03T02:00:00+00:00","updatedAt":"2026-03-03T03:10:00+00:00"}],
             "pageNumber":1,"pageSize":20,"total":1}
            """,
        [Key("POST", "/api/staff/me/wechat")] = """{"bound":true}""",
        [Key("POST", "/api/staff/me/subscriptions")] = """{"grants":[{"templateId":"tmpl_review_reminder","remaining":1}]}""",
        [Key("DELETE", "/api/staff/me/wechat")] = """{"bound":false}""",
        [Key("POST", "/api/staff/hangfire-token")] = """
            {"token":"example-one-time-token","url":"/hangfire?token=example-one-time-token","expiresAt":"2026-03-02T01:35:00+00:00"}
            """,
        [Key("GET", "/api/stations/options")] = """
            {"types":[{"code":"driver_home","name":"司机之家"},{"code":"union_post","name":"工会驿站/户外劳动者服务站点"},{"code":"workers_home","name":"职工之家"},{"code":"other","name":"其他"}],
             "facilities":[{"code":"rest","name":"休息"},{"code":"charging","name":"充电"}],
             "accessMethods":[{"code":"scan_qr","name":"扫码"},{"code":"face","name":"刷脸"},{"code":"attendant","name":"人工"}],
             "statuses":[{"code":"active","name":"正常"},{"code":"suspended","name":"暂停服务"},{"code":"closed","name":"已关闭"}]}
            """,
        [Key("POST", "/api/staff/stations/import")] = """
            {"dryRun":true,"created":1,"updated":0,"unchanged":0,"failed":1,
             "rows":[{"row":2,"code":"GS001","result":"created","errors":null},{"row":3,"code":"GS002","result":"failed","errors":{"regionCode":["区划代码为6至12位数字"]}}]}
            """,
        [Key("POST", "/api/staff/notifications/{id}/retry")] = """{"id":301,"status":"pending"}""",
        [Key("GET", "/api/staff/messages")] = """
            {"items":[{"id":89,"kind":"review_digest","title":"待审核入会申请","body":"桂山街道总工会有3份入会申请待审核。",
              "page":"pages/staff/review/index","applicationId":null,"createdAt":"2026-03-03T01:00:00+00:00","readAt":null}],"unread":1}
            """,
    };
}
