using MiniApp.Api.Infrastructure.Spreadsheets;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace MiniApp.Api.Stations;

/// <summary>
/// GET /api/staff/stations/import-template?format=xlsx|csv: the import file's columns with one example row.
/// </summary>
public static class GetStationImportTemplate
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(string? format,
        CancellationToken cancellationToken)
    {
        var type = (format ?? "xlsx").ToLowerInvariant();
        if (type is not ("xlsx" or "csv")) return Problems.Validation("format", "模板格式只能是 xlsx 或 csv");
        var example = StationImportColumns.All.ToDictionary(c => c.Header, c => SpreadsheetText.ForCell(c.Example));
        using var stream = new MemoryStream();
        if (type == "xlsx")
        {
            await stream.SaveAsAsync(new[] { example }, excelType: ExcelType.XLSX,
                cancellationToken: cancellationToken);
            return TypedResults.File(stream.ToArray(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "站点导入模板.xlsx");
        }
        // With a BOM, Excel opens the Chinese headers correctly.
        var withBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        var csv = new CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, withBom) };
        await stream.SaveAsAsync(new[] { example }, excelType: ExcelType.CSV, configuration: csv,
            cancellationToken: cancellationToken);
        return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", "站点导入模板.csv");
    }
}
