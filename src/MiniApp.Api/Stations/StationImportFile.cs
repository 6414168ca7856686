using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace MiniApp.Api.Stations;

/// <summary>
/// Reads an uploaded .xlsx or .csv (MiniExcel) into rows of text cells keyed by field name. A CSV may be UTF-8 (with or
/// without BOM) or GB18030/GBK, which is what Excel's plain "CSV" saves on a Chinese Windows.
/// </summary>
public static partial class StationImportFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public sealed record Sheet(IReadOnlyList<Row> Rows, IReadOnlyList<string> MissingColumns);

    /// <summary>Number is the row as a spreadsheet shows it (the header is row 1).</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells)
    {
        public string? this[string field] => Cells.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
    }

    static StationImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Sheet Read(byte[] content, string? fileName)
    {
        var isXlsx = content is [0x50, 0x4B, 0x03, 0x04, ..] || (fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ?? false);
        using var stream = new MemoryStream(isXlsx ? content : ToUtf8(content));
        var rows = new List<Row>();
        Dictionary<string, string>? headerFields = null;
        var number = 0;
        // Without a header row MiniExcel keeps blank rows, so row numbers stay those the spreadsheet shows.
        foreach (IDictionary<string, object?> raw in stream.Query(useHeaderRow: false, excelType: isXlsx ? ExcelType.XLSX : ExcelType.CSV))
        {
            number++;
            if (headerFields is null)
            {
                headerFields = raw.Where(cell => Text(cell.Value) is { } header && StationImportColumns.Match(header) is not null)
                    .ToDictionary(cell => cell.Key, cell => StationImportColumns.Match(Text(cell.Value)!)!.Field);
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (column, field) in headerFields) cells[field] = Text(raw.TryGetValue(column, out var v) ? v : null) ?? "";
            if (cells.Values.All(value => value.Length == 0)) continue;
            rows.Add(new Row(number, cells));
        }
        var present = headerFields?.Values.ToHashSet() ?? [];
        var missing = StationImportColumns.All.Where(c => c.Required && !present.Contains(c.Field)).Select(c => c.Header).ToList();
        return new Sheet(rows, missing);
    }

    private static byte[] ToUtf8(byte[] content)
    {
        string text;
        if (content is [0xEF, 0xBB, 0xBF, ..]) text = Encoding.UTF8.GetString(content, 3, content.Length - 3);
        else
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.GetEncoding("GB18030").GetString(content);
            }
        }
        // MiniExcel skips empty CSV lines and refuses short ones: a blank line becomes a row of empty cells as wide as the
        // header, so row numbers stay those Excel shows.
        var blank = new string(',', HeaderSeparators(text));
        return Encoding.UTF8.GetBytes(BlankLine().Replace(text, blank));
    }

    private static int HeaderSeparators(string text)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) count++;
            else if (c is '\r' or '\n' && !quoted) break;
        }
        return count;
    }

    [GeneratedRegex("(?m)^\\r?$")]
    private static partial Regex BlankLine();

    // Spreadsheet cells come typed: numbers as double (a region code, a phone), text as string.
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
