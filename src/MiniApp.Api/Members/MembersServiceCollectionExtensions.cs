namespace MiniApp.Api.Members;

/// <summary>The members feature: the signed codes of membership cards and who may verify them.</summary>
public static class MembersServiceCollectionExtensions
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddSingleton<CardCode>();
        services.AddStaffPolicy(VerifyCard.Policy, VerifyCard.MayVerify, "没有权限核验会员卡");
        return services;
    }
}
