namespace MiniApp.Api.Infrastructure.Spreadsheets;

/// <summary>
/// An upload would cost more than a limit allows; thrown where the limit is reached, so reading stops there. Answered
/// as 400 import_too_large with the Chinese message, the limit and its unit (rows, bytes, characters, ratio or parts).
/// </summary>
public sealed class ImportTooLargeException(string detail, long limit, string unit) : Exception(detail)
{
    public long Limit { get; } = limit;

    public string Unit { get; } = unit;

    public ProblemHttpResult ToProblem() => ProblemCodes.ImportTooLarge.Problem(Message,
        new Dictionary<string, object?> { ["limit"] = Limit, ["unit"] = Unit });

    public static ImportTooLargeException File(long bytes) => new($"文件不能超过{Mb(bytes)}，请分批导入", bytes, "bytes");

    public static ImportTooLargeException Rows(int rows) => new($"一次最多导入{rows}行，请分批导入", rows, "rows");

    public static ImportTooLargeException BlankRows(int rows) =>
        new($"表格中的空行超过{rows}行，请删除多余的空行（或另存为新文件）后再导入", rows, "rows");

    public static ImportTooLargeException Unpacked(long bytes) =>
        new($"文件解压后超过{Mb(bytes)}，请删除多余的工作表、图片和格式后再导入，或分批导入", bytes, "bytes");

    public static ImportTooLargeException Text(long characters) =>
        new($"表格中的文字展开后超过{characters.ToString("N0", CultureInfo.InvariantCulture)}个字符，请分批导入", characters, "characters");

    public static ImportTooLargeException Ratio(int ratio) =>
        new($"文件的压缩比超过{ratio}倍，不是正常的表格文件，请用 Excel 打开后另存为 .xlsx 再导入", ratio, "ratio");

    public static ImportTooLargeException Parts(int parts) =>
        new($"文件中的部件超过{parts}个，请用 Excel 打开后另存为 .xlsx 再导入", parts, "parts");

    private static string Mb(long bytes) => bytes % (1 << 20) == 0
        ? $"{bytes >> 20}MB"
        : $"{(bytes / (double)(1 << 20)).ToString("0.#", CultureInfo.InvariantCulture)}MB";
}
