namespace MiniApp.Api.Members;

/// <summary>The OpenAPI examples of the membership card and its check (made-up data).</summary>
internal static class MemberExamples
{
    private const string CardCode = "mc1.XP20260000123.example-signature";

    private static readonly GetMembershipCard.UnionRef Union = new(3, "桂山街道总工会");

    public static readonly GetMembershipCard.Card Card = new("XP20260000123", "张三", Union, new DateOnly(2026, 3, 3),
        "active", new GetMembershipCard.Verification(CardCode, new DateTimeOffset(2026, 3, 3, 2, 5, 0, TimeSpan.Zero)));

    public static readonly VerifyCard.Request Verify = new(CardCode);

    public static readonly VerifyCard.Response Verified = new(true, null, "XP20260000123", "张*", Union);
}
