using System.Buffers.Binary;
using System.IO.Compression;
using QRCoder;

namespace MiniApp.Api.IntegrationTests.Stations;

/// <summary>
/// Checks which text a QR image carries without a decoder package: the PNG is read here (zlib from the BCL), sampled
/// at each module's centre, and compared with the symbol QRCoder makes for the candidate text at each error-correction
/// level. A QR symbol is determined by its text, so a match means the image scans as that text, and only that.
/// </summary>
internal static class QrImage
{
    public static bool IsPng(byte[] bytes) => bytes is [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..];

    public static bool Encodes(byte[] png, string text)
    {
        var dark = ReadDarkPixels(png);
        using var generator = new QRCodeGenerator();
        foreach (var level in new[] { QRCodeGenerator.ECCLevel.L, QRCodeGenerator.ECCLevel.M, QRCodeGenerator.ECCLevel.Q, QRCodeGenerator.ECCLevel.H })
        {
            using var data = generator.CreateQrCode(text, level);
            var count = data.ModuleMatrix.Count;   // quiet zone included
            if (dark.GetLength(0) % count != 0 || dark.GetLength(1) != dark.GetLength(0)) continue;
            var size = dark.GetLength(0) / count;
            var same = true;
            for (var row = 0; row < count && same; row++)
                for (var column = 0; column < count && same; column++)
                    same = data.ModuleMatrix[row][column] == dark[row * size + size / 2, column * size + size / 2];
            if (same) return true;
        }
        return false;
    }

    /// <summary>[row, column] is true where the pixel is dark. Handles the non-interlaced grey, palette and RGB(A) PNGs encoders write.</summary>
    private static bool[,] ReadDarkPixels(byte[] png)
    {
        if (!IsPng(png)) throw new InvalidDataException("not a PNG");
        int width = 0, height = 0, depth = 0, colour = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height, depth, colour) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[8], data[9]);
                if (data[12] != 0) throw new InvalidDataException("interlaced PNG");
            }
            else if (type == "PLTE") palette = data.ToArray();
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        var channels = colour switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException("colour type " + colour) };
        var bitsPerPixel = depth * channels;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bytesPerPixel = Math.Max(1, bitsPerPixel / 8);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var previous = new byte[stride];
        var dark = new bool[height, width];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0, up = previous[i], upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException("filter " + filter),
                });
            }
            for (var x = 0; x < width; x++) dark[y, x] = Luminance(line, x, depth, colour, palette) < 128;
            previous = line;
        }
        return dark;
    }

    private static int Luminance(byte[] line, int x, int depth, int colour, byte[] palette)
    {
        int Sample(int index) => depth switch
        {
            8 => line[index],
            16 => line[index * 2],
            _ => (line[index * depth / 8] >> (8 - depth - index * depth % 8)) & ((1 << depth) - 1),
        };
        return colour switch
        {
            0 => depth >= 8 ? Sample(x) : Sample(x) * 255 / ((1 << depth) - 1),
            3 => palette[Sample(x) * 3 + 1],
            4 => Sample(x * 2),
            2 => (Sample(x * 3) + Sample(x * 3 + 1) + Sample(x * 3 + 2)) / 3,
            _ => (Sample(x * 4) + Sample(x * 4 + 1) + Sample(x * 4 + 2)) / 3,
        };
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
