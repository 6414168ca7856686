using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Surveys;

/// <summary>
/// Reads the first sheet of an uploaded 附件2 .xlsx into rows of text cells keyed by field (see HeaderedSheet). The
/// header is the first row (of the first ten) that names 群体 and 从业人数, so a title row above it is fine; blank rows and
/// 合计 rows are skipped.
/// </summary>
public static class SurveyImportFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    private const int HeaderSearchRows = 10;
    private static readonly string[] TotalLabels = ["合计", "总计", "小计", "全县合计"];

    public sealed record Sheet(IReadOnlyList<SheetRow> Rows, IReadOnlyList<string> MissingColumns, bool HeaderFound);

    public static Sheet Read(byte[] content, ImportLimits limits)
    {
        using var stream = new MemoryStream(content);
        var read = HeaderedSheet.Read(HeaderedSheet.Xlsx(stream, limits),
            header => SurveyImportColumns.Match(header)?.Field,
            fields => fields.Contains("group") && fields.Contains("workers"), HeaderSearchRows, limits.MaxRows,
            skip: IsTotal);
        if (read.Fields is null) return new Sheet([], [], false);
        var missing = SurveyImportColumns.All
            .Where(c => c.Use == SurveyImportColumns.Use.Required && !read.Fields.Contains(c.Field))
            .Select(c => c.Header).ToList();
        return new Sheet(read.Rows, missing, true);
    }

    private static bool IsTotal(SheetRow row) => TotalLabels.Any(label =>
        row.Cells.GetValueOrDefault("number") == label
        || row.Cells.GetValueOrDefault("group") == label
        || row.Cells.GetValueOrDefault("township") == label);

    /// <summary>A whole number written in a cell ("12", 12.0, "1,200"); null when empty; false when it is not a whole
    /// number.</summary>
    public static bool TryCount(string? text, out int? value)
    {
        value = null;
        if (text is null) return true;
        if (decimal.TryParse(text.Replace(",", "").Replace("，", ""), NumberStyles.Number, CultureInfo.InvariantCulture,
                out var number)
            && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)number;
            return true;
        }
        return false;
    }
}
