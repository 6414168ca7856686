using System.Buffers;
using System.Security.Cryptography;

namespace MiniApp.WeChat.Internal;

internal static class WeChatHash
{
    public static byte[] Sha1(string text) => SHA1.HashData(Encoding.UTF8.GetBytes(text));

    public static string Sha1Hex(string text) => Convert.ToHexStringLower(Sha1(text));

    /// <summary>Compares a hex signature from outside with our digest in constant time (case-insensitive
    /// hex).</summary>
    public static bool HexMatches(ReadOnlySpan<byte> digest, string? hexSignature)
    {
        if (hexSignature is null || hexSignature.Length != digest.Length * 2)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[digest.Length];
        return Convert.FromHexString(hexSignature, given, out _, out var written) == OperationStatus.Done
            && written == digest.Length
            && CryptographicOperations.FixedTimeEquals(digest, given);
    }
}
