using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Stations;

/// <summary>
/// Reads an uploaded .xlsx or .csv into rows of text cells keyed by field name (<see cref="HeaderedSheet"/>): row 1 is
/// the header. A CSV may be UTF-8 (with or without BOM) or GB18030/GBK, which is what Excel's plain "CSV" saves on a
/// Chinese Windows.
/// </summary>
public static class StationImportFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public sealed record Sheet(IReadOnlyList<SheetRow> Rows, IReadOnlyList<string> MissingColumns);

    public static Sheet Read(byte[] content, string? fileName, ImportLimits limits)
    {
        var isXlsx = content is [0x50, 0x4B, 0x03, 0x04, ..]
            || (fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ?? false);
        using var stream = new MemoryStream(content);
        var rows = isXlsx ? HeaderedSheet.Xlsx(stream, limits)
            : CsvRows.Read(CsvRows.Decode(content), limits.MaxColumns);
        var read = HeaderedSheet.Read(rows, header => StationImportColumns.Match(header)?.Field, _ => true,
            headerSearchRows: 1,
            limits.MaxRows);
        var present = read.Fields ?? new HashSet<string>();
        var missing = StationImportColumns.All.Where(c => c.Required
            && !present.Contains(c.Field)).Select(c => c.Header).ToList();
        return new Sheet(read.Rows, missing);
    }
}
