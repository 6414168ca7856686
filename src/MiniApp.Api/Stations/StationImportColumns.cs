namespace MiniApp.Api.Stations;

/// <summary>
/// The columns of the import file and its template, in order. A header matches by its Chinese name or the field name
/// (case and a trailing * or note in brackets ignored); columns may come in any order, unknown ones are ignored.
/// README.md lists the same table.
/// </summary>
public static class StationImportColumns
{
    public sealed record Column(string Header, string Field, bool Required, string Example);

    public static readonly Column[] All =
    [
        new("站点编码", "code", true, "XP0101"),
        new("站点名称", "name", true, "桂山街道新平大道工会驿站"),
        new("类型", "type", true, "工会驿站"),
        new("地址", "address", true, "新平县桂山街道新平大道88号"),
        new("区划代码", "regionCode", true, "530427001"),
        new("纬度", "latitude", true, "24.070512"),
        new("经度", "longitude", true, "101.990334"),
        new("服务设施", "facilities", false, "饮水、热饭、充电、如厕、休息"),
        new("开放时间", "openingHours", false, "周一至周五 08:00-18:00；周六、周日 09:00-17:00"),
        new("非开放时间进入方式", "afterHoursAccess", false, "扫码"),
        new("联系电话", "phone", false, "0877-7012345"),
        new("所属工会", "owningUnion", false, "xp-guishan"),
        new("状态", "status", false, "正常"),
        new("照片链接", "photoUrls", false, ""),
    ];

    /// <summary>The column header an error of a JSON field is reported under.</summary>
    public static string HeaderFor(string field) => field switch
    {
        "owningUnionId" => "所属工会",
        _ => All.FirstOrDefault(c => c.Field == field)?.Header ?? field,
    };

    public static Column? Match(string header)
    {
        var name = header.Trim().TrimEnd('*', '＊').Trim();
        var bracket = name.IndexOfAny(['(', '（']);
        if (bracket > 0) name = name[..bracket].Trim();
        return All.FirstOrDefault(c => c.Header == name
            || string.Equals(c.Field, name, StringComparison.OrdinalIgnoreCase));
    }
}
