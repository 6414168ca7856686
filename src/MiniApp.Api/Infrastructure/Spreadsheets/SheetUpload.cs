using System.Xml;

namespace MiniApp.Api.Infrastructure.Spreadsheets;

/// <summary>An import's uploaded file read by its reader, or the problem that refuses it.</summary>
public static class SheetUpload
{
    /// <param name="unreadable">The message when the file cannot be read as a spreadsheet (it names the formats the
    /// import takes).</param>
    public static async Task<(T? Sheet, ProblemHttpResult? Problem)> ReadAsync<T>(IFormFile file, long maxBytes,
        Func<byte[], T> read, string unreadable, CancellationToken cancellationToken) where T : class
    {
        if (file.Length > maxBytes) return (null, ImportTooLargeException.File(maxBytes).ToProblem());
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        try
        {
            return (read(buffer.ToArray()), null);
        }
        catch (ImportTooLargeException tooLarge)
        {
            return (null, tooLarge.ToProblem());
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            return (null, Problems.Validation("file", unreadable));
        }
    }

    // What ZipArchive, XmlReader and MiniExcel throw on a file that is not a spreadsheet they can read. MiniExcel
    // assumes well-formed parts (a workbook naming a missing sheet ends in a null reference).
    private static bool IsUnreadable(Exception exception) => exception
        is InvalidDataException or InvalidOperationException or FormatException or XmlException
        or IndexOutOfRangeException or NotSupportedException or ArgumentException or KeyNotFoundException
        or OverflowException or NullReferenceException;
}
