namespace MiniApp.Api.Review;

/// <summary>The review feature: who may see and decide applications.</summary>
public static class ReviewServiceCollectionExtensions
{
    public static IServiceCollection AddReview(this IServiceCollection services) =>
        services.AddStaffPolicy(ReviewAccess.Policy, ReviewAccess.CanReview, "没有权限审核入会申请");
}
