using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>The OpenAPI examples of the review endpoints (made-up data).</summary>
internal static class ReviewExamples
{
    private static readonly ApplicationView Submitted = ApplicationExamples.Submitted;

    /// <summary>Another open application of the same 身份证号 in scope, none outside.</summary>
    public static readonly ApplicationForReview ForReview =
        new(Submitted, new ReviewFlags(false, [1031], 0, 0));

    public static readonly ListApplications.Page Page = new([ForReview], 1, 20, 1);

    public static readonly ApproveApplication.Response Approved = new(Submitted with
    {
        Status = "approved",
        Version = 2,
        DecidedAt = ApplicationExamples.DecidedAt,
    }, "XP20260000123");

    public static readonly RejectApplication.Request Reject = new("info_incomplete", "工作单位名称请填写全称");

    public static readonly ApplicationView Rejected = Submitted with
    {
        Status = "rejected",
        Version = 2,
        RejectReason = Reject.ReasonCode,
        RejectNote = Reject.Note,
        DecidedAt = ApplicationExamples.DecidedAt,
    };

    public static readonly TransferApplication.Request Transfer = new(4, "申请人在戛洒镇工作，转戛洒镇总工会受理");

    public static readonly ApplicationView Transferred = Submitted with
    {
        Version = 2,
        ReceivingUnion = new ReceivingUnion(4, "戛洒镇总工会", ReceivingUnionRouter.StationUnion),
    };

    public static readonly BatchApprove.Request Batch = new([1024, 1025]);

    public static readonly BatchApprove.Response BatchResults = new(
    [
        new BatchApprove.ItemResult(1024, "approved", "XP20260000123"),
        new BatchApprove.ItemResult(1025, ApplicationProblems.StateChangedCode, null),
    ]);

    public static readonly RevealApplication.Response Revealed = new("11010519491231002X", "13900005678");
}
