using System.Text.RegularExpressions;
using MiniApp.Api.Infrastructure.Spreadsheets;
using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// Turns an import row's text cells into an <see cref="EnterpriseInput"/> as people fill 附件1: townships and
/// departments by Chinese name (or code), 是/否 for the flags, counts with or without 人, dates as 2019-06-30,
/// 2019/6/30, 2019.6.30, 2019年6月30日 or just a month (计划建会时间 2019年9月 means the end of September).
/// </summary>
public static partial class EnterpriseImportCells
{
    private static readonly Dictionary<string, string> OwnershipAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["国有企业"] = "state_owned", ["国企"] = "state_owned", ["国有控股"] = "state_owned", ["集体企业"] = "collective",
        ["私营企业"] = "private", ["民营"] = "private", ["民营企业"] = "private", ["非公"] = "private", ["股份"] = "joint_stock",
        ["股份有限公司"] = "joint_stock", ["有限责任公司"] = "joint_stock", ["外资"] = "foreign", ["外资企业"] = "foreign",
        ["港澳台"] = "hk_macao_taiwan", ["港澳台企业"] = "hk_macao_taiwan", ["个体工商户"] = "individual",
    };

    private static readonly Dictionary<string, string> StatusNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["是"] = EnterpriseCatalog.Established, ["已建"] = EnterpriseCatalog.Established, ["否"] = EnterpriseCatalog.None,
        ["未建"] = EnterpriseCatalog.None, ["筹建"] = EnterpriseCatalog.Forming, ["正在筹建"] = EnterpriseCatalog.Forming,
    };

    private static readonly string[] Yes = ["是", "√", "✓", "✔", "Y", "YES", "1", "TRUE"];
    private static readonly string[] No = ["否", "×", "N", "NO", "0", "FALSE", "-", "/", "无"];

    /// <summary>The key-flag columns: the row field and the flag code.</summary>
    public static readonly IReadOnlyList<(string Field, string Code)> KeyFlagColumns =
    [
        ("keyNpcCppcc", "npc_cppcc"), ("keyTopPrivate", "top_private"), ("keyTopEntrepreneur", "top_entrepreneur"),
        ("keyYuxiIndustrial", "yuxi_industrial"),
    ];

    /// <summary>
    /// Blank cells read as empty or 0 (what a new enterprise gets); status is null when its cell is empty. For a row
    /// that updates a registered enterprise, <see cref="EnterpriseImportUpdate.KeepStored"/> then keeps what the row
    /// leaves blank.
    /// </summary>
    public static EnterpriseInput Parse(SheetRow row, EnterpriseReferences references, FieldErrors errors)
    {
        var township = row["township"] is { } t
            ? Township(t, references.Townships) ?? Fail(errors, "townshipCode", $"找不到乡镇（街道）“{t}”")
            : null;
        var department = row["department"] is { } d
            ? Department(d, references.Departments) ?? Fail(errors, "departmentCode", $"找不到责任部门“{d}”")
            : null;
        var ownership = row["ownershipType"] is { } o
            ? CodeOrName(o, EnterpriseCatalog.OwnershipTypes, OwnershipAliases)
                ?? Fail(errors, "ownershipType", "企业类型只能是国有、集体、私营、股份制、外商投资、港澳台投资、个体或其他")
            : null;
        var status = row["unionStatus"] is { } s
            ? CodeOrName(s, EnterpriseCatalog.UnionStatuses, StatusNames)
                ?? Fail(errors, "unionStatus", "是否建会请填写是、否或筹建中")
            : null;
        var flags = new List<string>();
        foreach (var (field, code) in KeyFlagColumns)
        {
            if (Flag(row[field], field, errors)) flags.Add(code);
        }
        return new EnterpriseInput(row["name"], row["creditCode"], township, row["address"], row["industry"], ownership,
            Flag(row["inIndustrialPark"], "inIndustrialPark", errors),
            Count(row["staffCount"], "staffCount", "职工人数", errors),
            Count(row["femaleStaffCount"], "femaleStaffCount", "女职工人数", errors),
            Count(row["migrantStaffCount"], "migrantStaffCount", "农民工人数", errors),
            row["legalRepresentative"], row["contactName"], row["contactPhone"], department, row["liaison"], flags,
            WorkerGroups: null, status, row["unionName"], row["unionChair"],
            Date(row["unionEstablishedOn"], "unionEstablishedOn", "建会时间", endOfMonth: false, errors),
            Count(row["memberCount"], "memberCount", "会员人数", errors), row["noUnionReason"],
            Date(row["plannedOn"], "plannedOn", "计划建会时间", endOfMonth: true, errors), row["note"], Version: null);
    }

    public static string? Township(string text, CodeList townships)
    {
        var value = text.Trim().Replace("新平县", "").Replace("新平彝族傣族自治县", "");
        return townships.FirstOrDefault(c => c.Code == value || c.Name == value)?.Code
            ?? townships.Where(c => c.Name.TrimEnd('镇', '乡').Replace("街道", "") == value).Select(c => c.Code)
                .SingleOrDefault();
    }

    public static string? Department(string text, CodeList departments)
    {
        var value = text.Trim();
        return departments.FirstOrDefault(c => c.Code == value || c.Name == value || c.Name == "县" + value
            || c.Name == value.Replace("新平县", "县"))?.Code;
    }

    public static bool Flag(string? text, string field, FieldErrors errors)
    {
        if (text is null) return false;
        var value = text.Trim().ToUpperInvariant();
        if (Yes.Contains(value)) return true;
        if (!No.Contains(value)) errors.Add(field, "请填写“是”或“否”");
        return false;
    }

    public static int? Count(string? text, string field, string label, FieldErrors errors)
    {
        if (text is null) return null;
        var value = text.Trim().TrimEnd('人').Replace(",", "").Replace("，", "").Trim();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return count;
        errors.Add(field, $"{label}须为整数");
        return null;
    }

    /// <summary>A month alone (2019年9月, 2019-09) is its last day when endOfMonth, else its first.</summary>
    public static DateOnly? Date(string? text, string field, string label, bool endOfMonth, FieldErrors errors)
    {
        if (text is null) return null;
        var value = text.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is > 20_000 and < 80_000)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        var match = DatePattern().Match(value);
        if (match.Success)
        {
            var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && year is >= 1900 and <= 2100)
            {
                if (!match.Groups["d"].Success)
                    return new DateOnly(year, month, endOfMonth ? DateTime.DaysInMonth(year, month) : 1);
                var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
                if (day >= 1 && day <= DateTime.DaysInMonth(year, month)) return new DateOnly(year, month, day);
            }
        }
        errors.Add(field, $"{label}格式不正确，请填写如 2019-06-30 或 2019年6月30日");
        return null;
    }

    private static string? CodeOrName(string text, CodeList list, Dictionary<string, string> aliases)
    {
        var value = text.Trim();
        var match = list.FirstOrDefault(c =>
            string.Equals(c.Code, value, StringComparison.OrdinalIgnoreCase) || c.Name == value);
        if (match is not null) return match.Code;
        return aliases.TryGetValue(value, out var code) ? code : null;
    }

    private static string? Fail(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*(月?\s*$|[-/.月]\s*(?<d>\d{1,2})\s*日?\s*$)")]
    private static partial Regex DatePattern();
}
