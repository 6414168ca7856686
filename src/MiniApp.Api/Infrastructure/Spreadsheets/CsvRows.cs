namespace MiniApp.Api.Infrastructure.Spreadsheets;

/// <summary>
/// Reads an uploaded CSV in one pass, as Excel writes it (RFC 4180: commas, double quotes around a cell that holds a
/// comma, a quote or a line break, a quote doubled inside). Every line is a row, a blank one too, so rows are numbered
/// as a spreadsheet shows them; a row may have fewer cells than the header. Cells past maxColumns are not kept, so a
/// row costs at most maxColumns cells whatever the file's width, and the rows come one at a time for the reader to stop
/// at its limit.
/// </summary>
public static class CsvRows
{
    static CsvRows() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// UTF-8 (with or without BOM), else GB18030/GBK, what Excel's plain "CSV" saves on a Chinese Windows; either way
    /// at most one character a byte.
    /// </summary>
    public static string Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..]) return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    /// <summary>The rows, each keyed by column number as text ("0", "1", …).</summary>
    public static IEnumerable<IDictionary<string, object?>> Read(string text, int maxColumns)
    {
        var at = 0;
        while (at < text.Length)
        {
            var row = new Dictionary<string, object?>();
            var cell = new StringBuilder();
            var (column, quoted, lineEnded) = (0, false, false);
            while (at < text.Length && !lineEnded)
            {
                var c = text[at++];
                if (quoted)
                {
                    if (c != '"') Keep(cell, column, maxColumns, c);
                    else if (at < text.Length && text[at] == '"') Keep(cell, column, maxColumns, text[at++]);
                    else quoted = false;
                }
                else if (c == '"' && cell.Length == 0) quoted = true;
                else if (c == ',') End(row, cell, column++, maxColumns);
                else if (c is '\r' or '\n')
                {
                    if (c == '\r' && at < text.Length && text[at] == '\n') at++;
                    lineEnded = true;
                }
                else Keep(cell, column, maxColumns, c);
            }
            End(row, cell, column, maxColumns);
            yield return row;
        }
    }

    private static void Keep(StringBuilder cell, int column, int maxColumns, char c)
    {
        if (column < maxColumns) cell.Append(c);
    }

    private static void End(Dictionary<string, object?> row, StringBuilder cell, int column, int maxColumns)
    {
        if (column < maxColumns) row[column.ToString(CultureInfo.InvariantCulture)] = cell.ToString();
        cell.Clear();
    }
}
