using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// Reads an uploaded 附件1 .xlsx into rows of text cells keyed by field name. The header is the first of the top rows
/// that names 企业名称 and 统一社会信用代码, so a sheet with the form's title rows above its header reads as is.
/// A row whose only value is its 序号 counts as blank.
/// </summary>
public static class EnterpriseImportFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    private const int HeaderSearchRows = 6;

    public sealed record Sheet(IReadOnlyList<SheetRow> Rows, IReadOnlyList<string> MissingColumns);

    public static Sheet Read(byte[] content, ImportLimits limits)
    {
        using var stream = new MemoryStream(content);
        var read = HeaderedSheet.Read(HeaderedSheet.Xlsx(stream, limits),
            header => EnterpriseImportColumns.Match(header)?.Field,
            fields => fields.Contains("name") && fields.Contains("creditCode"), HeaderSearchRows, limits.MaxRows,
            skip: row => row.Cells.Where(c => c.Key != "serial").All(c => c.Value.Length == 0));
        var present = read.Fields ?? new HashSet<string>();
        var missing = EnterpriseImportColumns.All.Where(c => c.Required && !present.Contains(c.Field))
            .Select(c => c.Header).ToList();
        return new Sheet(read.Rows, missing);
    }
}
