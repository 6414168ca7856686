namespace MiniApp.Api.Stations;

/// <summary>
/// The scene a station's mini-program code carries: "s=&lt;station code&gt;", at most 32 characters as WeChat allows.
/// The mini-program receives it URL-encoded (s%3DXP0001) and decodes it before calling us.
/// </summary>
public static class StationScene
{
    public const string Prefix = "s=";

    public static string For(string stationCode) => Prefix + stationCode;

    public static bool TryParse(string? scene, out string stationCode)
    {
        stationCode = "";
        if (string.IsNullOrWhiteSpace(scene)) return false;
        var value = scene.Trim();
        if (value.Contains('%')) value = Uri.UnescapeDataString(value);
        if (value.Length > 32 || !value.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        stationCode = value[Prefix.Length..];
        return stationCode.Length is > 0 and <= 24
            && stationCode.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }
}
