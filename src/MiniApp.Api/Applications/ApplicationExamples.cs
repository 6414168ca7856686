namespace MiniApp.Api.Applications;

/// <summary>
/// The OpenAPI examples of the application endpoints (made-up data: 11010519491231002X is the public GB 11643 test
/// number, the phone a 139****5678-style fake).
/// </summary>
internal static class ApplicationExamples
{
    public static readonly DateTimeOffset SubmittedAt = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset DecidedAt = new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);

    public static readonly ApplicationForm Form = new("张三", "11010519491231002X", "13900005678", "01", "senior_high",
        "13", "resident", false, "courier", "platform_flexible", new EmployerInput(null, "新平某某快递服务有限公司", null),
        null, "530427001", "s=GS001",
        new ConsentInput("2026-01", new DateTimeOffset(2026, 3, 2, 1, 29, 30, TimeSpan.Zero)));

    /// <summary>Waiting for review, as its worker sees it.</summary>
    public static readonly ApplicationView Submitted = new(1024, "submitted", 1, "张三", "1101**********002X",
        "139****5678", "female", 76, "01", "senior_high", "13", "resident", false, "courier", "platform_flexible",
        new EmployerView(null, "新平某某快递服务有限公司", null), null, "530427001",
        new StationRef(12, "GS001", "桂山街道户外劳动者服务站"),
        new ReceivingUnion(3, "桂山街道总工会", ReceivingUnionRouter.StationUnion), null, null, SubmittedAt, null);

    public static readonly ApplicationView Resubmitted = Submitted with { Version = 3 };

    public static readonly ApplicationView Withdrawn = Submitted with
    {
        Status = "withdrawn",
        Version = 2,
        DecidedAt = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero),
    };

    public static readonly List<GetMyApplications.MyApplication> Mine =
        [new(Submitted, [new GetMyApplications.HistoryEntry("submitted", SubmittedAt)])];
}
