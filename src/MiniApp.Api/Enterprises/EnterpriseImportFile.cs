using System.Globalization;
using MiniExcelLibs;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// Reads an uploaded .xlsx (MiniExcel) into rows of text cells keyed by field name. The header is the first of the top
/// rows that names 企业名称 and 统一社会信用代码, so a sheet with the form's title rows above its header reads as is.
/// Date cells come back as yyyy-MM-dd.
/// </summary>
public static class EnterpriseImportFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2_000;
    private const int HeaderSearchRows = 6;

    public sealed record Sheet(IReadOnlyList<Row> Rows, IReadOnlyList<string> MissingColumns);

    /// <summary>Number is the row as a spreadsheet shows it (row 1 is the first row of the sheet).</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells)
    {
        public string? this[string field] => Cells.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
    }

    public static Sheet Read(Stream content)
    {
        var rows = new List<Row>();
        Dictionary<string, string>? headerFields = null;
        var number = 0;
        foreach (IDictionary<string, object?> raw in content.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            if (headerFields is null)
            {
                var found = raw.Select(cell => (cell.Key, Column: Text(cell.Value) is { } header ? EnterpriseImportColumns.Match(header) : null))
                    .Where(cell => cell.Column is not null).ToList();
                if (found.Any(c => c.Column!.Field == "name") && found.Any(c => c.Column!.Field == "creditCode"))
                    headerFields = found.GroupBy(c => c.Column!.Field).ToDictionary(g => g.First().Key, g => g.Key);
                else if (number >= HeaderSearchRows) break;
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (column, field) in headerFields) cells[field] = Text(raw.TryGetValue(column, out var v) ? v : null) ?? "";
            if (cells.Where(c => c.Key != "serial").All(c => c.Value.Length == 0)) continue;
            rows.Add(new Row(number, cells));
            if (rows.Count > MaxRows) break;
        }
        var present = headerFields?.Values.ToHashSet() ?? [];
        var missing = EnterpriseImportColumns.All.Where(c => c.Required && !present.Contains(c.Field)).Select(c => c.Header).ToList();
        return new Sheet(rows, missing);
    }

    // Spreadsheet cells come typed: numbers as double (a credit code of digits, a phone), dates as DateTime.
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim(),
    };
}
