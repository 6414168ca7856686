namespace MiniApp.Api.Applications;

/// <summary>The states of an application (applications.status). Only a submitted one waits for a decision; a rejected
/// one may be corrected and sent again.</summary>
public static class ApplicationStatuses
{
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    public static bool IsKnown(string status) => status is Submitted or Approved or Rejected or Withdrawn;
}
