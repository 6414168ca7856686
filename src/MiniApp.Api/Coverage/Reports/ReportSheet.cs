using MiniApp.Api.Infrastructure.Spreadsheets;
using MiniExcelLibs;

namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// A sheet written cell by cell: title and note rows above the header, as the county's paper forms have them.
/// MiniExcel writes the rows as they come (no header of its own), every row as wide as the widest, text that a
/// spreadsheet would take for a formula quoted (<see cref="SpreadsheetText"/>).
/// </summary>
public sealed class ReportSheet(string name)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly List<object?[]> _rows = [];

    public string Name { get; } = name;

    public ReportSheet Row(params object?[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    private IEnumerable<Dictionary<string, object?>> Cells()
    {
        var width = Math.Max(1, _rows.Count == 0 ? 1 : _rows.Max(r => r.Length));
        foreach (var row in _rows)
        {
            var cells = new Dictionary<string, object?>(width);
            for (var i = 0; i < width; i++) cells["c" + i] = i < row.Length ? SpreadsheetText.ForCell(row[i]) : null;
            yield return cells;
        }
    }

    public static async Task<byte[]> SaveAsync(IEnumerable<ReportSheet> sheets, CancellationToken cancellationToken)
    {
        var workbook = sheets.ToDictionary(s => s.Name, s => (object)s.Cells().ToList());
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(workbook, printHeader: false, excelType: ExcelType.XLSX,
            cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
