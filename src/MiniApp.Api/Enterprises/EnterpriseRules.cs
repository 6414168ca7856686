namespace MiniApp.Api.Enterprises;

/// <summary>The field rules that need no database; messages are Chinese, keyed by the JSON field name.</summary>
public static class EnterpriseRules
{
    public const int MaxCount = 1_000_000;
    private static readonly DateOnly Earliest = DateRange.Earliest;

    /// <summary>
    /// currentPhoneMasked is the stored masked contact phone (null on create): sent back unchanged, it keeps the
    /// number.
    /// </summary>
    public static EnterpriseDraft? Check(EnterpriseInput input, string? currentPhoneMasked, DateOnly today,
        FieldErrors errors)
    {
        var before = errors.Count;
        var name = Text(input.Name, "name", "企业名称", 200, errors, required: true)!;
        var creditCode = "";
        if (!errors.Has("creditCode")
            && !UnifiedSocialCreditCode.TryNormalize(input.CreditCode, out creditCode, out var codeError))
            errors.Add("creditCode", codeError);
        var township = input.TownshipCode?.Trim() ?? "";
        if (township.Length == 0 && !errors.Has("townshipCode")) errors.Add("townshipCode", "请选择所在乡镇（街道）");
        else if (township.Length > 0 && (township.Length != 9 || !township.All(char.IsAsciiDigit)))
            errors.Add("townshipCode", "乡镇（街道）代码为9位数字（国家统计局区划代码）");
        var address = Text(input.Address, "address", "地址", 200, errors);
        var industry = Text(input.Industry, "industry", "行业", 64, errors);
        var ownership = Blank(input.OwnershipType);
        if (ownership is not null && !EnterpriseCatalog.OwnershipTypes.IsKnown(ownership))
            errors.Add("ownershipType", "企业类型只能是国有、集体、私营、股份制、外商投资、港澳台投资、个体或其他");

        var staff = Count(input.StaffCount, "staffCount", "职工人数", errors);
        var female = Count(input.FemaleStaffCount, "femaleStaffCount", "女职工人数", errors);
        var migrant = Count(input.MigrantStaffCount, "migrantStaffCount", "农民工人数", errors);
        if (female > staff) errors.Add("femaleStaffCount", "女职工人数不能超过职工人数");
        if (migrant > staff) errors.Add("migrantStaffCount", "农民工人数不能超过职工人数");

        var legal = Text(input.LegalRepresentative, "legalRepresentative", "法定代表人", 64, errors);
        var contactName = Text(input.ContactName, "contactName", "联系人", 64, errors);
        var (phoneChanged, phone) = Phone(input.ContactPhone, currentPhoneMasked, errors);
        var department = Blank(input.DepartmentCode);
        if (department is { Length: > 40 }) errors.Add("departmentCode", "责任部门不正确");
        var liaison = Text(input.Liaison, "liaison", "挂联领导/单位", 100, errors);

        var flags = (input.KeyFlags ?? []).Select(f => f?.Trim() ?? "").ToList();
        foreach (var unknown in flags.Where(f => !EnterpriseCatalog.KeyFlags.IsKnown(f)).Distinct())
            errors.Add("keyFlags", $"未知的重点企业类别：{unknown}");
        var groups = WorkerGroups(input.WorkerGroups, errors);
        var union = Union(input, staff, today, errors);
        var note = Text(input.Note, "note", "备注", 500, errors);

        if (errors.Count > before) return null;
        return new EnterpriseDraft(name, creditCode, township, address, industry, ownership,
            input.InIndustrialPark ?? false, staff, female, migrant, legal, contactName, phoneChanged, phone,
            department, liaison, KeyFlagSet.FromCodes(flags), groups, union.Status, union.Name, union.Chair,
            union.EstablishedOn, union.Members, union.Reason, input.PlannedOn, note);
    }

    private sealed record UnionFields(string Status, string? Name, string? Chair, DateOnly? EstablishedOn, int Members,
        string? Reason);

    /// <summary>
    /// The union's fields: a status of the catalogue, the date it was established only once it is (not after today),
    /// members within the staff, a planned date within twenty years.
    /// </summary>
    private static UnionFields Union(EnterpriseInput input, int staff, DateOnly today, FieldErrors errors)
    {
        var status = Blank(input.UnionStatus) ?? EnterpriseCatalog.None;
        if (!EnterpriseCatalog.UnionStatuses.IsKnown(status))
            errors.Add("unionStatus", "建会状态只能是未建会（none）、筹建中（forming）或已建会（established）");
        var unionName = Text(input.UnionName, "unionName", "工会名称", 100, errors);
        var unionChair = Text(input.UnionChair, "unionChair", "工会主席", 64, errors);
        var established = input.UnionEstablishedOn;
        if (status == EnterpriseCatalog.Established && established is null && !errors.Has("unionEstablishedOn"))
            errors.Add("unionEstablishedOn", "已建会的企业请填写建会时间");
        if (status != EnterpriseCatalog.Established && established is not null)
            errors.Add("unionEstablishedOn", "尚未建会的企业不填建会时间");
        if (established > today) errors.Add("unionEstablishedOn", "建会时间不能晚于今天");
        if (established < Earliest) errors.Add("unionEstablishedOn", "建会时间不正确");
        var members = Count(input.MemberCount, "memberCount", "会员人数", errors);
        if (members > staff) errors.Add("memberCount", "会员人数不能超过职工人数");
        var reason = Text(input.NoUnionReason, "noUnionReason", "未建会原因", 200, errors);
        if (input.PlannedOn is { } planned && (planned < Earliest || planned > today.AddYears(20)))
            errors.Add("plannedOn", "计划建会时间不正确");
        return new UnionFields(status, unionName, unionChair, established, members, reason);
    }

    /// <summary>
    /// A write must leave the enterprise in the caller's scope; the message goes on the field that decides it.
    /// </summary>
    public static void CheckScope(EnterpriseScope scope, EnterpriseDraft draft, FieldErrors errors)
    {
        if (scope.Covers(draft.TownshipCode, draft.InIndustrialPark, draft.DepartmentCode)) return;
        if (scope.TownshipCode is not null) errors.Add("townshipCode", "只能登记本乡镇（街道）的企业");
        else if (scope.IndustrialPark) errors.Add("inIndustrialPark", "只能登记工业园区内的企业");
        else errors.Add("departmentCode", "只能登记本部门负责的企业");
    }

    /// <summary>
    /// An established enterprise's union hangs under its township's (or the park's) federation: the place that decides
    /// it stays, and the status never goes back. Returns the message for the status, if refused.
    /// </summary>
    public static string? CheckChange(EnterpriseRow before, EnterpriseDraft after, FieldErrors errors)
    {
        if (before.UnionStatus != EnterpriseCatalog.Established) return null;
        if (before.TownshipCode != after.TownshipCode)
            errors.Add("townshipCode", "企业已建会，工会隶属所在乡镇（街道）总工会，不能再修改所在乡镇（街道）");
        if (before.InIndustrialPark != after.InIndustrialPark)
            errors.Add("inIndustrialPark", "企业已建会，工会隶属关系已确定，不能再修改是否在工业园区");
        return after.UnionStatus == EnterpriseCatalog.Established ? null : "该企业已建会，工会已成立，不能改回未建会或筹建中";
    }

    /// <summary>
    /// Once an enterprise has formation steps, 未建会 and 筹建中 follow them (the step marked as the start of 筹备
    /// decides): a register write asking for the other one is refused on unionStatus. 已建会 with its date may still be
    /// set by hand, and an enterprise without steps takes either status by hand.
    /// </summary>
    public static void CheckStepStatus(EnterpriseRow before, EnterpriseDraft after, FieldErrors errors)
    {
        if (before.CurrentStepCode is null || before.UnionStatus == EnterpriseCatalog.Established) return;
        if (after.UnionStatus == EnterpriseCatalog.Established || after.UnionStatus == before.UnionStatus) return;
        errors.Add("unionStatus", $"建会状态由建会步骤决定：该企业当前处于“{before.CurrentStepName ?? before.CurrentStepCode}”步骤"
            + $"（{EnterpriseCatalog.UnionStatuses.NameOf(before.UnionStatus)}），请通过登记或退回建会步骤改变；"
            + "已建会的企业可直接登记为已建会并填写建会时间");
    }

    private static (bool Changed, string? Phone) Phone(string? input, string? currentMasked, FieldErrors errors)
    {
        if (input is null) return (false, null);
        var value = input.Trim();
        if (value.Length == 0) return (currentMasked is not null, null);
        if (currentMasked is not null && value == currentMasked) return (false, null);
        if (value.Contains('*'))
        {
            errors.Add("contactPhone", "联系电话为脱敏号码，请填写完整的手机号码，或留空不修改");
            return (false, null);
        }
        if (!MainlandMobile.TryNormalize(value, out var normalized, out var error))
        {
            errors.Add("contactPhone", "联系电话" + error.Replace("请输入", "须为").Replace("请填写", "须为"));
            return (false, null);
        }
        return (true, normalized);
    }

    private static IReadOnlyList<WorkerGroupCount>? WorkerGroups(IReadOnlyList<WorkerGroupCount>? groups,
        FieldErrors errors)
    {
        if (groups is null) return null;
        var result = new List<WorkerGroupCount>();
        foreach (var group in groups)
        {
            var code = group?.Code?.Trim() ?? "";
            if (code.Length == 0) errors.Add("workerGroups", "请选择职工群体");
            else if (result.Any(g => g.Code == code)) errors.Add("workerGroups", $"职工群体重复：{code}");
            else if (group!.Headcount is < 0 or > MaxCount) errors.Add("workerGroups", "各群体人数须为0至1000000之间的整数");
            else result.Add(new WorkerGroupCount(code, group.Headcount));
        }
        return result;
    }

    private static int Count(int? value, string field, string label, FieldErrors errors)
    {
        if (value is null) return 0;
        if (value is < 0 or > MaxCount) errors.Add(field, $"{label}须为0至{MaxCount}之间的整数");
        return Math.Clamp(value.Value, 0, MaxCount);
    }

    private static string? Text(string? value, string field, string label, int maxLength, FieldErrors errors,
        bool required = false)
    {
        var trimmed = Blank(value);
        if (trimmed is null)
        {
            if (required && !errors.Has(field)) errors.Add(field, $"请填写{label}");
            return required ? "" : null;
        }
        if (trimmed.Length > maxLength) errors.Add(field, $"{label}不能超过{maxLength}个字");
        return trimmed;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
