using System.Globalization;
using MiniExcelLibs;

namespace MiniApp.Api.Surveys;

/// <summary>
/// Reads the first sheet of an uploaded 附件2 .xlsx into rows of text cells keyed by field. The header is the first
/// row (of the first ten) that names 群体 and 从业人数, so a title row above it is fine; blank rows and 合计 rows are skipped.
/// </summary>
public static class SurveyImportFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    private const int HeaderSearchRows = 10;
    private static readonly string[] TotalLabels = ["合计", "总计", "小计", "全县合计"];

    public sealed record Sheet(IReadOnlyList<Row> Rows, IReadOnlyList<string> MissingColumns, bool HeaderFound);

    /// <summary>Number is the row as a spreadsheet shows it.</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells)
    {
        public string? this[string field] => Cells.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
    }

    public static Sheet Read(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var rows = new List<Row>();
        Dictionary<string, string>? headerFields = null;
        var number = 0;
        foreach (IDictionary<string, object?> raw in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            if (headerFields is null)
            {
                var fields = raw.Where(cell => Text(cell.Value) is { } header && SurveyImportColumns.Match(header) is not null)
                    .GroupBy(cell => SurveyImportColumns.Match(Text(cell.Value)!)!.Field)
                    .ToDictionary(g => g.First().Key, g => g.Key);
                if (fields.ContainsValue("group") && fields.ContainsValue("workers")) headerFields = fields;
                else if (number >= HeaderSearchRows) break;
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (column, field) in headerFields) cells[field] = Text(raw.TryGetValue(column, out var v) ? v : null) ?? "";
            if (cells.Values.All(value => value.Length == 0)) continue;
            if (TotalLabels.Any(label => cells.GetValueOrDefault("number") == label || cells.GetValueOrDefault("group") == label
                                         || cells.GetValueOrDefault("township") == label)) continue;
            rows.Add(new Row(number, cells));
        }
        if (headerFields is null) return new Sheet([], [], false);
        var present = headerFields.Values.ToHashSet();
        var missing = SurveyImportColumns.All.Where(c => c.Use == SurveyImportColumns.Use.Required && !present.Contains(c.Field))
            .Select(c => c.Header).ToList();
        return new Sheet(rows, missing, true);
    }

    /// <summary>A whole number written in a cell ("12", 12.0, "1,200"); null when empty; false when it is not a whole number.</summary>
    public static bool TryCount(string? text, out int? value)
    {
        value = null;
        if (text is null) return true;
        if (decimal.TryParse(text.Replace(",", "").Replace("，", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)number;
            return true;
        }
        return false;
    }

    // Cells come typed: numbers as double, text as string.
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim(),
    };
}
