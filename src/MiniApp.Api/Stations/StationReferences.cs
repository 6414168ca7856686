using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Stations;

/// <summary>
/// The rules that need the database, for one station or a whole import at once: the region exists, the owning union
/// exists and lies in the caller's subtree, every facility is in the catalog.
/// </summary>
public sealed class StationReferences
{
    private readonly HashSet<string> _regions;
    private readonly Dictionary<long, string> _unionPaths;
    private readonly CodeList _facilities;

    private StationReferences(HashSet<string> regions, Dictionary<long, string> unionPaths, CodeList facilities)
    {
        _regions = regions;
        _unionPaths = unionPaths;
        _facilities = facilities;
    }

    private sealed record Union(long Id, string Path);

    public static async Task<StationReferences> LoadAsync(Db db, IReadOnlyCollection<string> regionCodes,
        IReadOnlyCollection<long> unionIds, CodeList facilities)
    {
        var regions = regionCodes.Count == 0
            ? []
            : (await db.QueryAsync<string>("SELECT code FROM regions WHERE code IN @regionCodes", new { regionCodes }))
            .ToHashSet();
        var unions = unionIds.Count == 0
            ? []
            : (await db.QueryAsync<Union>("SELECT id, path FROM organizations WHERE id IN @unionIds", new { unionIds }))
            .ToDictionary(u => u.Id, u => u.Path);
        return new StationReferences(regions, unions, facilities);
    }

    /// <summary>Checks the draft whose owning union is unionId (the default already applied).</summary>
    public void Check(StationDraft draft, long unionId, StaffContext staff, FieldErrors errors)
    {
        if (!_regions.Contains(draft.RegionCode)) errors.Add("regionCode", "区划代码不存在");
        if (!_unionPaths.TryGetValue(unionId, out var path) || !staff.Covers(path))
            errors.Add("owningUnionId", "所属工会不存在或不在您的管理范围内");
        var unknown = draft.Facilities.Where(f => !_facilities.IsKnown(f)).ToList();
        if (unknown.Count > 0) errors.Add("facilities", $"未知的服务设施：{string.Join("、", unknown)}");
    }
}
