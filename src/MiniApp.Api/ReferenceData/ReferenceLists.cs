namespace MiniApp.Api.ReferenceData;

/// <summary>
/// The fixed choices of the application form and the review screens. Codes are stored in the database and sent by
/// the mini-program, so a code once published is never renamed or reused; only names may be reworded.
/// </summary>
public static class ReferenceLists
{
    public static CodeList EmploymentForms { get; } = new(
        ("labor_contract", "劳动合同"),
        ("labor_dispatch", "劳务派遣"),
        ("platform_flexible", "平台灵活就业"),
        ("affiliated", "挂靠经营"),
        ("self_employed", "个体经营"),
        ("other", "其他"));

    /// <summary>GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码, in the standard's order, plus its codes 97 and 98.</summary>
    public static CodeList Ethnicities { get; } = new(
        ("01", "汉族"), ("02", "蒙古族"), ("03", "回族"), ("04", "藏族"), ("05", "维吾尔族"), ("06", "苗族"), ("07", "彝族"),
        ("08", "壮族"), ("09", "布依族"), ("10", "朝鲜族"), ("11", "满族"), ("12", "侗族"), ("13", "瑶族"), ("14", "白族"),
        ("15", "土家族"), ("16", "哈尼族"), ("17", "哈萨克族"), ("18", "傣族"), ("19", "黎族"), ("20", "傈僳族"), ("21", "佤族"),
        ("22", "畲族"), ("23", "高山族"), ("24", "拉祜族"), ("25", "水族"), ("26", "东乡族"), ("27", "纳西族"), ("28", "景颇族"),
        ("29", "柯尔克孜族"), ("30", "土族"), ("31", "达斡尔族"), ("32", "仫佬族"), ("33", "羌族"), ("34", "布朗族"), ("35", "撒拉族"),
        ("36", "毛南族"), ("37", "仡佬族"), ("38", "锡伯族"), ("39", "阿昌族"), ("40", "普米族"), ("41", "塔吉克族"), ("42", "怒族"),
        ("43", "乌孜别克族"), ("44", "俄罗斯族"), ("45", "鄂温克族"), ("46", "德昂族"), ("47", "保安族"), ("48", "裕固族"),
        ("49", "京族"), ("50", "塔塔尔族"), ("51", "独龙族"), ("52", "鄂伦春族"), ("53", "赫哲族"), ("54", "门巴族"), ("55", "珞巴族"),
        ("56", "基诺族"), ("97", "其他"), ("98", "外国血统中国籍人士"));

    public static CodeList EducationLevels { get; } = new(
        ("primary_or_below", "小学及以下"),
        ("junior_high", "初中"),
        ("senior_high", "高中/中专/技校"),
        ("junior_college", "大专"),
        ("bachelor", "本科"),
        ("postgraduate", "研究生及以上"));

    /// <summary>GB/T 4762-1984 政治面貌代码 with the usual short names (12 is 无党派民主人士 in the standard).</summary>
    public static CodeList PoliticalStatuses { get; } = new(
        ("01", "中共党员"), ("02", "中共预备党员"), ("03", "共青团员"),
        ("04", "民革会员"), ("05", "民盟盟员"), ("06", "民建会员"), ("07", "民进会员"),
        ("08", "农工党党员"), ("09", "致公党党员"), ("10", "九三学社社员"), ("11", "台盟盟员"),
        ("12", "无党派人士"), ("13", "群众"));

    /// <summary>Cards issued since the 2014 户籍制度改革 say 居民户口; older ones still say 农业 or 非农业.</summary>
    public static CodeList HukouTypes { get; } = new(
        ("agricultural", "农业户口"),
        ("non_agricultural", "非农业户口"),
        ("resident", "居民户口"));

    public static CodeList ApplicationStatuses { get; } = new(
        ("submitted", "待审核"),
        ("approved", "已通过"),
        ("rejected", "未通过"),
        ("withdrawn", "已撤回"));

    public static CodeList RejectReasons { get; } = new(
        ("info_incomplete", "信息不完整或有误"),
        ("identity_unverified", "身份信息无法核实"),
        ("not_eligible", "不符合入会条件"),
        ("already_member", "已是工会会员"),
        ("wrong_union", "不属于本工会受理范围"),
        ("other", "其他"));
}
