using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace MiniApp.Api.Infrastructure.Spreadsheets;

/// <summary>One data row of an uploaded sheet: Number is the row as a spreadsheet shows it (row 1 is the first
/// row).</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string field] => Cells.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
}

/// <summary>The data rows of a sheet, and the fields its header named (null when no header row was found).</summary>
public sealed record HeaderedRows(IReadOnlyList<SheetRow> Rows, IReadOnlySet<string>? Fields);

/// <summary>
/// Reads the rows of an uploaded sheet (<see cref="Xlsx"/> or <see cref="CsvRows"/>) into rows of text cells keyed by
/// field, for the imports shaped like the plan's forms: the header is the first of the top rows that the caller
/// recognises, so the form's title rows above it read as is; blank rows are skipped. Cells come typed (numbers as
/// double, dates as DateTime) and are read back as text: whole numbers without decimals (a credit code or phone of
/// digits), dates as yyyy-MM-dd, and text without the quote an export put before a formula-like value
/// (<see cref="SpreadsheetText"/>). Reading stops, with <see cref="ImportTooLargeException"/>, at the first data row
/// past MaxRows, or at the first blank or skipped row past as many again: a sheet can claim a million rows in a few
/// bytes.
/// </summary>
public static class HeaderedSheet
{
    private static readonly OpenXmlConfiguration XlsxReading = new()
    {
        // Shared strings stay in memory, within WorkbookGuard's limit: the disk cache goes by the size the zip
        // declares.
        EnableSharedStringCache = false,
        // A cell naming a part ("@@@fileid@@@,…") would read it into a buffer sized by its declared length.
        EnableConvertByteArray = false,
    };

    /// <summary>
    /// The rows of the first sheet of an .xlsx once <see cref="WorkbookGuard"/> let it through, one at a time, each as
    /// wide as the columns the cells use and at most MaxColumns: MiniExcel otherwise makes every row as wide as the
    /// sheet's dimension claims (up to 16,384 columns), and a row costs it the square of its width.
    /// </summary>
    public static IEnumerable<IDictionary<string, object?>> Xlsx(Stream content, ImportLimits limits)
    {
        var guard = new WorkbookGuard(limits);
        guard.Check(content);
        content.Position = 0;
        return content.QueryRange(useHeaderRow: false, excelType: ExcelType.XLSX, startRowIndex: 1, startColumnIndex: 1,
            endColumnIndex: Math.Clamp(guard.ColumnsUsed, 1, limits.MaxColumns), configuration: XlsxReading)
            .Cast<IDictionary<string, object?>>();
    }

    /// <param name="sheet">The rows, as <see cref="Xlsx"/> or <see cref="CsvRows.Read"/> give them.</param>
    /// <param name="fieldOf">The field a header cell names, or null.</param>
    /// <param name="isHeader">Whether the fields found in a row make it the header.</param>
    /// <param name="skip">Rows to leave out besides blank ones (a 合计 row).</param>
    public static HeaderedRows Read(IEnumerable<IDictionary<string, object?>> sheet, Func<string, string?> fieldOf,
        Func<IReadOnlySet<string>, bool> isHeader, int headerSearchRows, int maxRows, Func<SheetRow, bool>? skip = null)
    {
        var rows = new List<SheetRow>();
        Dictionary<string, string>? headerFields = null;
        var (number, passedOver) = (0, 0);
        foreach (var raw in sheet)
        {
            number++;
            if (headerFields is null)
            {
                var found = raw
                    .Select(cell => (cell.Key, Field: Text(cell.Value) is { } header ? fieldOf(header) : null))
                    .Where(cell => cell.Field is not null)
                    .GroupBy(cell => cell.Field!)
                    .ToDictionary(g => g.First().Key, g => g.Key);
                if (isHeader(found.Values.ToHashSet())) headerFields = found;
                else if (number >= headerSearchRows) break;
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (column, field) in headerFields)
                cells[field] = Text(raw.TryGetValue(column, out var v) ? v : null) ?? "";
            var row = new SheetRow(number, cells);
            if (cells.Values.All(value => value.Length == 0) || skip?.Invoke(row) == true)
            {
                if (++passedOver > maxRows) throw ImportTooLargeException.BlankRows(maxRows);
                continue;
            }
            if (rows.Count == maxRows) throw ImportTooLargeException.Rows(maxRows);
            rows.Add(row);
        }
        return new HeaderedRows(rows, headerFields?.Values.ToHashSet());
    }

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => SpreadsheetText.FromCell(s.Trim()),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d when Math.Abs(d) < 1e28 => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim(),
    };
}
