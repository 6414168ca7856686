using System.IO.Compression;
using System.Xml;

namespace MiniApp.Api.Infrastructure.Spreadsheets;

/// <summary>
/// Looks through an uploaded .xlsx before MiniExcel reads it, and throws <see cref="ImportTooLargeException"/> when it
/// would be big work: more than MaxParts parts; parts that unpack past MaxUnpackedBytes together; a part past its first
/// MiB that unpacks to more than MaxCompressionRatio times the bytes it took from the file; or cells whose text, each
/// shared string counted in every cell that uses it, passes MaxUnpackedBytes characters. Sizes are the bytes actually
/// inflated and read, never those the zip declares, and inflating stops at the limit: a bomb costs at most that much
/// work. A file that is not a zip, or names a part twice, throws InvalidDataException.
/// </summary>
public sealed class WorkbookGuard(ImportLimits limits)
{
    /// <summary>A part's ratio counts once it has unpacked this much: small parts compress oddly and cost
    /// nothing.</summary>
    public const int RatioGrace = 1 << 20;

    // As MiniExcel reads: no DTD (the default), no resolver.
    private static readonly XmlReaderSettings SheetXml = new()
    {
        IgnoreComments = true, IgnoreWhitespace = true, XmlResolver = null,
    };
    private static readonly XmlReaderSettings SharedStringsXml = new() { XmlResolver = null };

    private readonly ImportLimits _limits = limits;

    /// <summary>Bytes inflated so far, all parts together.</summary>
    public long BytesInflated { get; private set; }

    /// <summary>Characters of shared strings counted so far, once per cell that uses one.</summary>
    public long SharedTextCharacters { get; private set; }

    /// <summary>The rightmost column any cell of a worksheet stands in (1 = A), whatever width a sheet
    /// claims.</summary>
    public int ColumnsUsed { get; private set; }

    public void Check(Stream upload)
    {
        var source = new CountingStream(upload);
        using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var parts = archive.Entries;
        if (parts.Count > _limits.MaxParts) throw ImportTooLargeException.Parts(_limits.MaxParts);
        // MiniExcel keeps the parts in a dictionary by name and fails on a second one.
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (parts.Any(part => !names.Add(NameOf(part))))
            throw new InvalidDataException("The package names a part twice.");

        var sharedStrings = parts.FirstOrDefault(p =>
            NameOf(p).Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase));
        var lengths = new List<int>();
        if (sharedStrings is not null)
        {
            using var content = new Inflating(sharedStrings.Open(), this, source);
            ReadSharedStringLengths(content, lengths);
        }
        foreach (var part in parts.Where(p => p != sharedStrings))
        {
            using var content = new Inflating(part.Open(), this, source);
            if (IsWorksheet(part)) ScanWorksheet(content, lengths);
            else content.CopyTo(Stream.Null);
        }
    }

    private static string NameOf(ZipArchiveEntry part) => part.FullName.Replace('\\', '/');

    private static bool IsWorksheet(ZipArchiveEntry part) =>
        NameOf(part).TrimStart('/').StartsWith("xl/worksheets/sheet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The length of each shared string (all the text inside its si), in order.</summary>
    private static void ReadSharedStringLengths(Stream content, List<int> lengths)
    {
        using var reader = XmlReader.Create(content, SharedStringsXml);
        var (length, depth) = (-1, 0);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si" && length < 0)
            {
                if (reader.IsEmptyElement) lengths.Add(0);
                else (length, depth) = (0, reader.Depth);
            }
            else if (length >= 0 && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace
                         or XmlNodeType.SignificantWhitespace)
            {
                length += reader.Value.Length;
            }
            else if (length >= 0 && reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                lengths.Add(length);
                length = -1;
            }
        }
    }

    /// <summary>Counts the shared text the cells use, and finds the rightmost column they stand in.</summary>
    private void ScanWorksheet(Stream content, List<int> lengths)
    {
        using var reader = XmlReader.Create(content, SheetXml);
        var (shared, column) = (false, 0);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "row") column = 0;
            else if (reader.LocalName == "c")
            {
                shared = reader.GetAttribute("t") == "s";
                // A cell without a reference follows the one before, as MiniExcel reads it.
                column = ColumnOf(reader.GetAttribute("r")) ?? column + 1;
                ColumnsUsed = Math.Max(ColumnsUsed, column);
            }
            else if (reader.LocalName == "v" && shared)
            {
                shared = false;
                var text = reader.ReadElementContentAsString();
                if (!int.TryParse(text, NumberStyles.Any, CultureInfo.InvariantCulture, out var index)
                    || index < 0 || index >= lengths.Count) continue;
                SharedTextCharacters += lengths[index];
                if (SharedTextCharacters > _limits.MaxUnpackedBytes)
                    throw ImportTooLargeException.Text(_limits.MaxUnpackedBytes);
            }
        }
    }

    /// <summary>The column of a reference such as "AB12" (1 = A), or null when it has no letters; at most
    /// 16,384.</summary>
    private static int? ColumnOf(string? reference)
    {
        var column = 0;
        foreach (var c in reference ?? "")
        {
            if (c is >= 'A' and <= 'Z') column = Math.Min(column * 26 + c - 'A' + 1, 16_384);
            else if (c is >= 'a' and <= 'z') column = Math.Min(column * 26 + c - 'a' + 1, 16_384);
            else break;
        }
        return column == 0 ? null : column;
    }

    /// <summary>A part as it inflates: counted against the limits read by read, and never more than one byte past
    /// them.</summary>
    private sealed class Inflating(Stream part, WorkbookGuard guard, CountingStream source) : Stream
    {
        private readonly long _compressedBefore = source.BytesRead;
        private long _inflated;

        public override int Read(Span<byte> buffer)
        {
            var limits = guard._limits;
            var room = limits.MaxUnpackedBytes - guard.BytesInflated + 1;
            var read = part.Read(buffer[..(int)Math.Min(buffer.Length, room)]);
            _inflated += read;
            guard.BytesInflated += read;
            if (guard.BytesInflated > limits.MaxUnpackedBytes)
                throw ImportTooLargeException.Unpacked(limits.MaxUnpackedBytes);
            if (_inflated > RatioGrace
                && _inflated > (source.BytesRead - _compressedBefore) * limits.MaxCompressionRatio)
                throw ImportTooLargeException.Ratio(limits.MaxCompressionRatio);
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        protected override void Dispose(bool disposing)
        {
            if (disposing) part.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _inflated; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The upload as ZipArchive reads it, counting the compressed bytes it takes.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            BytesRead += read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
