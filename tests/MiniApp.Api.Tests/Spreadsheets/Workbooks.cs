using System.Buffers.Binary;
using System.IO.Compression;

namespace MiniApp.Api.Tests.Spreadsheets;

/// <summary>
/// Builds .xlsx packages byte by byte for the import tests, decompression bombs among them, at run time (the repository
/// holds no binary). A part is raw deflate made of segments: each segment is compressed on its own and sync-flushed, so
/// one compressed segment repeated n times inflates to its text repeated n times; a gigabyte costs a few milliseconds.
/// </summary>
public static class Workbooks
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>One part of a package. DeclaredSize, when set, is what the zip claims instead of the truth.</summary>
    public sealed record Part(string Name, byte[] Deflated, long Size, uint Crc, long? DeclaredSize = null)
    {
        public Part Claiming(long size) => this with { DeclaredSize = size };
    }

    public static Part Text(string name, string text) => Repeated(name, text, "", 0, "");

    /// <summary>head, then chunk written times times, then tail. The repeated parts' CRC is left 0: .NET does not check it.</summary>
    public static Part Repeated(string name, string head, string chunk, long times, string tail)
    {
        var (headBytes, chunkBytes, tailBytes) = (Encoding.UTF8.GetBytes(head), Encoding.UTF8.GetBytes(chunk), Encoding.UTF8.GetBytes(tail));
        var repeated = Segment(chunkBytes);
        var deflated = new MemoryStream();
        deflated.Write(Segment(headBytes));
        for (var i = 0L; i < times; i++) deflated.Write(repeated);
        deflated.Write(Final(tailBytes));
        var size = headBytes.Length + chunkBytes.Length * times + tailBytes.Length;
        return new Part(name, deflated.ToArray(), size, times == 0 ? Crc32([.. headBytes, .. tailBytes]) : 0);
    }

    /// <summary>A package of the parts a sheet needs: content types, relationships, workbook, the sheet and its shared strings.</summary>
    public static byte[] Package(Part sheet, Part? sharedStrings = null, params Part[] more)
    {
        const string Declaration = """<?xml version="1.0" encoding="UTF-8"?>""";
        const string Packaging = "http://schemas.openxmlformats.org/package/2006/";
        const string Relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        const string Spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        var parts = new List<Part>
        {
            Text("[Content_Types].xml", $"""{Declaration}<Types xmlns="{Packaging}content-types">"""
                + $"""<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"""
                + """<Default Extension="xml" ContentType="application/xml"/>"""
                + $"""<Override PartName="/xl/workbook.xml" ContentType="{Spreadsheet}sheet.main+xml"/>"""
                + $"""<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{Spreadsheet}worksheet+xml"/>"""
                + $"""<Override PartName="/xl/sharedStrings.xml" ContentType="{Spreadsheet}sharedStrings+xml"/></Types>"""),
            Text("_rels/.rels", $"""{Declaration}<Relationships xmlns="{Packaging}relationships">"""
                + $"""<Relationship Id="rId1" Type="{Relationship}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
            Text("xl/workbook.xml", $"""{Declaration}<workbook xmlns="{Main}" xmlns:r="{Relationship}">"""
                + """<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
            Text("xl/_rels/workbook.xml.rels", $"""{Declaration}<Relationships xmlns="{Packaging}relationships">"""
                + $"""<Relationship Id="rId1" Type="{Relationship}/worksheet" Target="worksheets/sheet1.xml"/>"""
                + $"""<Relationship Id="rId2" Type="{Relationship}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""),
            sheet,
        };
        if (sharedStrings is not null) parts.Add(sharedStrings);
        parts.AddRange(more);
        return Zip(parts);
    }

    /// <summary>A sheet part: the rows' XML between sheetData tags, after an optional dimension.</summary>
    public static Part Sheet(string rows, string? dimension = null) =>
        Text("xl/worksheets/sheet1.xml", SheetHead(dimension) + rows + SheetTail);

    public static string SheetHead(string? dimension = null) => $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}">"""
        + (dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>") + "<sheetData>";

    public const string SheetTail = "</sheetData></worksheet>";

    /// <summary>A row of inline strings (no shared strings). Numbered r, it names its cells too (A1, B1, …), as Excel writes them.</summary>
    public static string Row(int? r, params string?[] cells) =>
        (r is null ? "<row>" : $"<row r=\"{r}\">")
        + string.Concat(cells.Select((c, i) => c is null ? "" : (r is null ? "<c" : $"<c r=\"{(char)('A' + i)}{r}\"")
            + $" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(c)}</t></is></c>"))
        + "</row>";

    public static Part SharedStrings(params string[] strings) => Text("xl/sharedStrings.xml",
        $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}" count="{strings.Length}" uniqueCount="{strings.Length}">"""
        + string.Concat(strings.Select(s => $"<si><t>{System.Security.SecurityElement.Escape(s)}</t></si>")) + "</sst>");

    /// <summary>text written over and over to about a mebibyte, whole copies only.</summary>
    public static string Mebibyte(string text) => string.Concat(Enumerable.Repeat(text, Math.Max(1, (1 << 20) / Encoding.UTF8.GetByteCount(text))));

    /// <summary>A sheet whose whitespace unpacks to gibibytes GiB: what XML readers skip, as fast as they can.</summary>
    public static byte[] Whitespace(int gibibytes, string header) => Package(Repeated("xl/worksheets/sheet1.xml",
        SheetHead() + header, new string(' ', 1 << 20), gibibytes * 1024L, SheetTail));

    /// <summary>A sheet of header, then rows copies of row (a row without a number: each follows the one before).</summary>
    public static byte[] ManyRows(string header, string row, long rows)
    {
        var chunk = Mebibyte(row);
        var perChunk = Encoding.UTF8.GetByteCount(chunk) / Encoding.UTF8.GetByteCount(row);
        return Package(Repeated("xl/worksheets/sheet1.xml", SheetHead() + header, chunk, rows / perChunk, SheetTail));
    }

    private static byte[] Segment(byte[] data)
    {
        var output = new MemoryStream();
        using var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(data);
        deflate.Flush();
        return output.ToArray();
    }

    private static byte[] Final(byte[] data)
    {
        var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) deflate.Write(data);
        return output.ToArray();
    }

    /// <summary>Local headers and data, then the central directory and its end record (sizes as each part declares them).</summary>
    private static byte[] Zip(IReadOnlyList<Part> parts)
    {
        var zip = new MemoryStream();
        var offsets = new List<long>();
        foreach (var part in parts)
        {
            offsets.Add(zip.Position);
            Header(zip, 0x04034b50, part, central: false, offset: 0);
            zip.Write(part.Deflated);
        }
        var directory = zip.Position;
        for (var i = 0; i < parts.Count; i++) Header(zip, 0x02014b50, parts[i], central: true, offsets[i]);
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)parts.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)parts.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)(zip.Position - directory));
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), (uint)directory);
        zip.Write(end);
        return zip.ToArray();
    }

    private static void Header(Stream zip, uint signature, Part part, bool central, long offset)
    {
        var name = Encoding.UTF8.GetBytes(part.Name);
        var header = new byte[(central ? 46 : 30) + name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, signature);
        var at = central ? 6 : 4;   // the central record has "version made by" before "version needed"
        if (central) BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 20);
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], 20);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 2)..], 0x0800);   // names in UTF-8
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 4)..], 8);        // deflate
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 10)..], part.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 14)..], (uint)part.Deflated.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 18)..], (uint)(part.DeclaredSize ?? part.Size));
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 22)..], (ushort)name.Length);
        if (central) BinaryPrimitives.WriteUInt32LittleEndian(span[42..], (uint)offset);
        name.CopyTo(span[(central ? 46 : 30)..]);
        zip.Write(header);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }
}
