namespace MiniApp.Api.StaffAccounts;

/// <summary>The OpenAPI examples of the staff account endpoints (made-up data).</summary>
internal static class StaffAccountExamples
{
    public static readonly StaffAccountView Account = new(7, "gs_reviewer", "桂山审核员", "union_reviewer", 3,
        "桂山街道总工会", null, false, new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 3, 2, 0, 50, 0, TimeSpan.Zero));

    public static readonly IReadOnlyList<StaffAccountView> Accounts = [Account];

    public static readonly StaffAccountView Disabled = Account with { Disabled = true };

    public static readonly CreateStaffAccount.Request Create =
        new("gs_reviewer", "桂山审核员", "union_reviewer", 3, null, "Example-Passw0rd");

    public static readonly ChangeStaffAccount.ResetPasswordRequest ResetPassword = new("New-Example-Passw0rd");
}
