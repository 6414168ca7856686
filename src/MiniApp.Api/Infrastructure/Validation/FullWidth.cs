namespace MiniApp.Api.Infrastructure.Validation;

/// <summary>
/// Chinese input methods often type full-width forms (１３８, Ｘ, ＋, －, the ideographic space); we fold them to ASCII
/// before validating so a worker is not rejected for the keyboard mode they happened to be in.
/// </summary>
internal static class FullWidth
{
    private const char IdeographicSpace = '\u3000';

    public static string ToAscii(string value) => string.Create(value.Length, value, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                IdeographicSpace => ' ',
                _ => c,
            };
        }
    });
}
