using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// The fixed choices of the enterprise register. Codes are stored and sent; a code once published is never renamed or
/// reused. Townships, departments and worker groups are reference data in the database.
/// </summary>
public static class EnterpriseCatalog
{
    /// <summary>企业类型/所有制, the categories of 附件1.</summary>
    public static CodeList OwnershipTypes { get; } = new(
        ("state_owned", "国有"),
        ("collective", "集体"),
        ("private", "私营"),
        ("joint_stock", "股份制"),
        ("foreign", "外商投资"),
        ("hk_macao_taiwan", "港澳台投资"),
        ("individual", "个体"),
        ("other", "其他"));

    public const string None = "none";
    public const string Forming = "forming";
    public const string Established = "established";

    public static CodeList UnionStatuses { get; } = new(
        (None, "未建会"),
        (Forming, "筹建中"),
        (Established, "已建会"));

    /// <summary>
    /// The work plan's key enterprise categories (工作目标). Each code is a column key_{code} of enterprises.
    /// </summary>
    public static CodeList KeyFlags { get; } = new(
        ("npc_cppcc", "各级人大代表和政协委员所在企业"),
        ("top_private", "云南省百户优强民营企业"),
        ("top_entrepreneur", "云南省百名优秀企业家所在企业"),
        ("yuxi_industrial", "玉溪市2019年100户重点培育工业企业"));

    /// <summary>Enterprises of the campaign: 百人以上, whatever their key flags.</summary>
    public const int HundredStaff = 100;
}
