namespace MiniApp.Api.Enterprises.Formation;

/// <summary>The notification kinds of the formation work and the staff pages they open.</summary>
public static class FormationNotifications
{
    public const string DeadlineKind = "formation_deadline";
    public const string DigestKind = "formation_digest";

    public static string EnterprisePage(long enterpriseId) => $"pages/staff/enterprises/detail?id={enterpriseId}";

    public const string ListPage = "pages/staff/enterprises/index";

    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日");
}
