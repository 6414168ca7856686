using System.Buffers.Text;
using System.Security.Cryptography;

namespace MiniApp.Api.ReferenceData;

/// <summary>
/// Every choice list at one moment: the database's worker groups and townships with the fixed lists. Immutable, so
/// handlers may keep it for a whole request while the catalog swaps in a newer one.
/// </summary>
public sealed class ReferenceSnapshot
{
    private static readonly JsonSerializerOptions HashJson = new(JsonSerializerDefaults.Web);

    public ReferenceSnapshot(CodeList workerGroups, CodeList townships)
    {
        WorkerGroups = workerGroups;
        Townships = townships;
        ETag = ComputeETag();
    }

    public CodeList WorkerGroups { get; }
    public CodeList Townships { get; }
    public CodeList EmploymentForms => ReferenceLists.EmploymentForms;
    public CodeList Ethnicities => ReferenceLists.Ethnicities;
    public CodeList EducationLevels => ReferenceLists.EducationLevels;
    public CodeList PoliticalStatuses => ReferenceLists.PoliticalStatuses;
    public CodeList HukouTypes => ReferenceLists.HukouTypes;
    public CodeList ApplicationStatuses => ReferenceLists.ApplicationStatuses;
    public CodeList RejectReasons => ReferenceLists.RejectReasons;

    /// <summary>A strong entity tag (quoted base64url SHA-256) that changes whenever any code or name changes.
    /// </summary>
    public string ETag { get; }

    public bool IsWorkerGroup(string? code) => WorkerGroups.IsKnown(code);
    public bool IsTownship(string? code) => Townships.IsKnown(code);
    public string? WorkerGroupName(string? code) => WorkerGroups.NameOf(code);
    public string? TownshipName(string? code) => Townships.NameOf(code);

    private string ComputeETag()
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            WorkerGroups, EmploymentForms, Townships, Ethnicities, EducationLevels, PoliticalStatuses, HukouTypes,
            ApplicationStatuses, RejectReasons,
        }, HashJson);
        return $"\"{Base64Url.EncodeToString(SHA256.HashData(content))}\"";
    }
}
