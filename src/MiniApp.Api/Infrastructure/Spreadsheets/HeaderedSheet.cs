using System.Globalization;
using MiniExcelLibs;

namespace MiniApp.Api.Infrastructure.Spreadsheets;

/// <summary>One data row of an uploaded sheet: Number is the row as a spreadsheet shows it (row 1 is the first row).</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string field] => Cells.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
}

/// <summary>The data rows of a sheet, and the fields its header named (null when no header row was found).</summary>
public sealed record HeaderedRows(IReadOnlyList<SheetRow> Rows, IReadOnlySet<string>? Fields);

/// <summary>
/// Reads the first sheet of an uploaded .xlsx (MiniExcel) into rows of text cells keyed by field, for the imports shaped
/// like the plan's forms: the header is the first of the top rows that the caller recognises, so the form's title rows
/// above it read as is; blank rows are skipped. Cells come typed (numbers as double, dates as DateTime) and are read
/// back as text: whole numbers without decimals (a credit code or phone of digits), dates as yyyy-MM-dd.
/// </summary>
public static class HeaderedSheet
{
    /// <param name="fieldOf">The field a header cell names, or null.</param>
    /// <param name="isHeader">Whether the fields found in a row make it the header.</param>
    /// <param name="skip">Rows to leave out besides blank ones (a 合计 row).</param>
    /// <param name="maxRows">Reading stops after this many data rows plus one, so the caller can tell there were too many.</param>
    public static HeaderedRows Read(Stream content, Func<string, string?> fieldOf, Func<IReadOnlySet<string>, bool> isHeader,
        int headerSearchRows, int maxRows, Func<SheetRow, bool>? skip = null)
    {
        var rows = new List<SheetRow>();
        Dictionary<string, string>? headerFields = null;
        var number = 0;
        foreach (IDictionary<string, object?> raw in content.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            if (headerFields is null)
            {
                var found = raw.Select(cell => (cell.Key, Field: Text(cell.Value) is { } header ? fieldOf(header) : null))
                    .Where(cell => cell.Field is not null)
                    .GroupBy(cell => cell.Field!)
                    .ToDictionary(g => g.First().Key, g => g.Key);
                if (isHeader(found.Values.ToHashSet())) headerFields = found;
                else if (number >= headerSearchRows) break;
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (column, field) in headerFields) cells[field] = Text(raw.TryGetValue(column, out var v) ? v : null) ?? "";
            var row = new SheetRow(number, cells);
            if (cells.Values.All(value => value.Length == 0) || skip?.Invoke(row) == true) continue;
            rows.Add(row);
            if (rows.Count > maxRows) break;
        }
        return new HeaderedRows(rows, headerFields?.Values.ToHashSet());
    }

    public static string? Text(object? value) => value switch
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
