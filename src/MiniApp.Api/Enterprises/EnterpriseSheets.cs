using System.Data;
using MiniApp.Api.Infrastructure.Spreadsheets;
using MiniExcelLibs;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// Writes the .xlsx files of the register: a header row (even with no rows under it), then one row per item, text
/// that a spreadsheet would take for a formula quoted (<see cref="SpreadsheetText"/>).
/// </summary>
public static class EnterpriseSheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static DataTable Table(IEnumerable<string> headers, IEnumerable<object?[]> rows)
    {
        var table = new DataTable();
        foreach (var header in headers) table.Columns.Add(header, typeof(object));
        foreach (var row in rows)
            table.Rows.Add(row.Select(value => SpreadsheetText.ForCell(value) ?? DBNull.Value).ToArray());
        return table;
    }

    /// <summary>
    /// The file with its Chinese name; ASP.NET Core writes it as both filename and RFC 5987 filename*.
    /// </summary>
    public static async Task<FileContentHttpResult> FileAsync(DataTable table, string sheetName, string fileName,
        CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(table, printHeader: true, sheetName: sheetName, excelType: ExcelType.XLSX,
            cancellationToken: cancellationToken);
        return TypedResults.File(stream.ToArray(), XlsxType, fileName);
    }

    public static string YesNo(bool value) => value ? "是" : "否";

    public static string? Date(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
