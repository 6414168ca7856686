namespace MiniApp.Api.Enterprises;

/// <summary>
/// The columns of the enterprise import, its template and 附件1 (百人以上企业建会情况摸底统计表), in order. A header
/// matches its Chinese name, an alias or the field name (spaces, brackets' width and a trailing * ignored); columns may
/// come in any order and unknown ones are ignored. README.md lists the same table.
/// </summary>
public static class EnterpriseImportColumns
{
    public sealed record Column(string Header, string Field, bool Required, params string[] Aliases);

    public static readonly Column[] All =
    [
        new("序号", "serial", false),
        new("乡镇(街道)", "township", true, "乡镇", "乡镇（街道）", "所在乡镇", "所在乡镇(街道)"),
        new("企业名称", "name", true, "单位名称"),
        new("统一社会信用代码", "creditCode", true, "信用代码"),
        new("企业类型/所有制", "ownershipType", false, "企业类型", "所有制", "所有制类型", "单位类别"),
        new("行业", "industry", false, "所属行业"),
        new("地址", "address", false, "企业地址", "单位地址"),
        new("法定代表人", "legalRepresentative", false, "法人代表"),
        new("联系人", "contactName", false),
        new("联系电话", "contactPhone", false, "联系人电话", "手机号码"),
        new("职工人数", "staffCount", false, "职工总数"),
        new("其中女职工", "femaleStaffCount", false, "女职工", "女职工人数"),
        new("其中农民工", "migrantStaffCount", false, "农民工", "农民工人数"),
        new("是否建会", "unionStatus", false, "是否建会(是/否)", "建会情况", "建会状态"),
        new("建会时间", "unionEstablishedOn", false),
        new("工会名称", "unionName", false),
        new("工会主席", "unionChair", false),
        new("会员人数", "memberCount", false, "工会会员人数"),
        new("未建会原因", "noUnionReason", false),
        new("计划建会时间", "plannedOn", false),
        new("责任部门", "department", false),
        new("挂联领导/单位", "liaison", false, "挂联领导", "挂联单位", "挂联领导或单位"),
        new("是否在工业园区", "inIndustrialPark", false, "工业园区", "是否园区企业"),
        new("人大代表政协委员所在企业", "keyNpcCppcc", false, "各级人大代表和政协委员所在企业"),
        new("云南省百户优强民营企业", "keyTopPrivate", false, "百户优强民营企业"),
        new("云南省百名优秀企业家所在企业", "keyTopEntrepreneur", false, "百名优秀企业家所在企业"),
        new("玉溪市重点培育工业企业", "keyYuxiIndustrial", false, "玉溪市2019年100户重点培育工业企业"),
        new("备注", "note", false),
    ];

    /// <summary>The column header an error of a JSON field is reported under.</summary>
    public static string HeaderFor(string field) => field switch
    {
        "townshipCode" => "乡镇(街道)",
        "departmentCode" => "责任部门",
        "keyFlags" => "重点类别",
        _ => All.FirstOrDefault(c => c.Field == field)?.Header ?? field,
    };

    public static Column? Match(string header)
    {
        var name = Normalize(header);
        return All.FirstOrDefault(c => Normalize(c.Header) == name || c.Aliases.Any(a => Normalize(a) == name)
            || string.Equals(c.Field, name, StringComparison.OrdinalIgnoreCase));
    }

    private static string Normalize(string header) => new(header.Trim().TrimEnd('*', '＊')
        .Replace('（', '(').Replace('）', ')').Replace('／', '/').Where(c => !char.IsWhiteSpace(c)).ToArray());
}
